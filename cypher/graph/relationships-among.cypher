// The relationships whose both ends are among the given nodes, in the order of their ends' own keys
// (not as stored), so that the cap keeps the same ones in any database.
// mode: read
// params: $ids, $limit
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $ids AND elementId(b) IN $ids
WITH a, r, b
ORDER BY type(r), coalesce(a.code, a.id, a.e164, a.key, a.number, a.plate), coalesce(b.code, b.id, b.e164, b.key, b.number, b.plate), r.record, r.role
LIMIT $limit
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS source, elementId(b) AS target, properties(r) AS properties
