// Each person mention found with every mention confirmed to be the same person (SAME_AS
// confirmed, any number of steps: a breadth-first search, one shortest path per mention reached),
// and the record, role, agency and date of each. The group's reference is its least mention id.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH ANY SHORTEST (p)-[:SAME_AS {status: 'confirmed'}]-{0,}(m:Person)
  RETURN collect(DISTINCT m) AS group
}
UNWIND group AS m
MATCH (r:Record)-[x:MENTIONS]->(m)
WITH id, m, r, x
ORDER BY m.id, r.id
WITH id, collect({id: m.id, name: m.name, role: x.role, agency: r.agency, record: r.id, date: r.eventDate}) AS mentions
RETURN id, reduce(least = null, x IN mentions | CASE WHEN least IS NULL OR x.id < least THEN x.id ELSE least END) AS ref, mentions
