// The agency's cases the rows belong to.
// mode: write
// params: $agency, $rows
UNWIND $rows AS row
MERGE (c:Case {agency: $agency, ref: row.caseRef})
WITH c, row
MATCH (r:Record {id: row.id})
MERGE (r)-[:ABOUT]->(c)
