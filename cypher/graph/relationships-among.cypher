// The relationships whose both ends are among the given nodes.
// mode: read
// params: $ids, $limit
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $ids AND elementId(b) IN $ids
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS source, elementId(b) AS target, properties(r) AS properties
LIMIT $limit
