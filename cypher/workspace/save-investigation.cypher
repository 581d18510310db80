// Saves a chart under its id (made before the transaction, so a retried commit writes it once):
// a new investigation, or a new version of one saved before.
// mode: write
// params: $id, $name, $chartJson, $nodeCount, $savedBy, $now
MERGE (i:Investigation {id: $id})
ON CREATE SET i.createdAt = datetime($now), i.createdBy = $savedBy
SET i:CaselinkMeta, i.key = 'investigation:' + $id, i.name = $name, i.chartJson = $chartJson,
  i.nodeCount = $nodeCount, i.savedAt = datetime($now), i.savedBy = $savedBy
RETURN i.id AS id, i.name AS name, i.nodeCount AS nodeCount, toString(i.savedAt) AS savedAt, i.savedBy AS savedBy
