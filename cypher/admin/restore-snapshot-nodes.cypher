// Creates a batch of a snapshot's nodes with their labels and properties, and gives back each one's
// new element id for the relationships. Labels come from the snapshot of the same run's graph as
// parameters (Cypher 5.26's dynamic labels), never from text. Test support only.
// mode: write
// params: $nodes
UNWIND $nodes AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.id AS old, elementId(n) AS id
