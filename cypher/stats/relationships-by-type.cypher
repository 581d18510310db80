// How many relationships there are of each type (the audit trail's CONCERNS left out).
// mode: read
// params: none
MATCH ()-[r]->()
WHERE type(r) <> 'CONCERNS'
RETURN type(r) AS type, count(*) AS count
ORDER BY type
