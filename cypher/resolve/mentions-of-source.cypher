// The records of one imported file and the persons each mentions (a person the agency's join key
// ties to an earlier record among them), for an incremental resolution.
// mode: read
// params: $source
MATCH (r:Record {source: $source})
OPTIONAL MATCH (r)-[:MENTIONS]->(p:Person)
RETURN r.id AS record, collect(p.id) AS persons
