// Persons and organisations (mentions) by id, each with the records that mention it, for chart
// nodes; a person chart node joins several of these.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (p:Party {id: id})
CALL (p) {
  OPTIONAL MATCH (r:Record)-[m:MENTIONS]->(p)
  WITH r, m ORDER BY r.id
  RETURN collect(r {.id, .agency, .eventDate, role: m.role}) AS records
}
RETURN p.id AS id, labels(p) AS labels, properties(p) AS properties, elementId(p) AS elementId, records
