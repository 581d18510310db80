// The cases new records are about. A case is shared by every row of the agency that names it.
// mode: write
// params: $agency, $cases
UNWIND $cases AS c
MATCH (r:Record {id: c.record})
MERGE (k:Case {agency: $agency, ref: c.ref})
CREATE (r)-[:ABOUT]->(k)
