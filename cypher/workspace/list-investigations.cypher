// The saved investigations, newest first (without their charts).
// mode: read
// params: none
MATCH (i:Investigation)
RETURN i.id AS id, i.name AS name, i.nodeCount AS nodeCount, toString(i.savedAt) AS savedAt, i.savedBy AS savedBy
ORDER BY i.savedAt DESC, i.id
