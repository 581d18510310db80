// Creates a batch of a snapshot's relationships between nodes restore-snapshot-nodes created.
// Test support only.
// mode: write
// params: $relationships
UNWIND $relationships AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
