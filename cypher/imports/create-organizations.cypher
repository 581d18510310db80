// The organizations new records mention, each its own node tied to the record by MENTIONS with the
// role the row gives; several mentions of one organization are related by resolution, never merged.
// mode: write
// params: $parties
UNWIND $parties AS p
MATCH (r:Record {id: p.record})
CREATE (n:Organization:Party) SET n = p.props, n.id = p.id
CREATE (r)-[:MENTIONS {role: p.props.role, entity: p.props.entity}]->(n)
