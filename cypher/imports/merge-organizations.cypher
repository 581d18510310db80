// Organisations (employers, recruitment agencies, venues) as mentioned in a record.
// mode: write
// params: $parties
UNWIND $parties AS p
MERGE (n:Organization:Party {id: p.id})
ON CREATE SET n += p.props
WITH n, p
MATCH (r:Record {id: p.record})
MERGE (r)-[m:MENTIONS]->(n)
ON CREATE SET m.role = p.props.role, m.entity = p.props.entity
