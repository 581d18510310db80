// Every relationship of a test graph with its ends, type and properties (see graph-snapshot-nodes).
// Test support only.
// mode: read
// params: none
MATCH (a)-[r]->(b)
WHERE NOT (a:CaselinkMeta OR b:CaselinkMeta)
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, properties(r) AS props
