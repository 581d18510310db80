// Persons as mentioned in a record (one node per mention; same-person matching links them later,
// never merges them).
// mode: write
// params: $parties
UNWIND $parties AS p
MERGE (n:Person:Party {id: p.id})
ON CREATE SET n += p.props
WITH n, p
MATCH (r:Record {id: p.record})
MERGE (r)-[m:MENTIONS]->(n)
ON CREATE SET m.role = p.props.role, m.entity = p.props.entity
