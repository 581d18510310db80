// Persons and organisations (mentions, by id), each with every mention it stands for: a person's
// mentions joined by confirmed same-person pairs (and open candidates at or above $join.at when it
// is given), each with the records that mention it, so that one statement builds a person's chart
// node. The joined mentions are reached breadth-first (ANY SHORTEST: one path to each, so a large
// confirmed cluster costs its size, never its number of paths), at most $max + 1 of them (the
// caller cuts at $max and says so); `unconfirmed` when an open candidate joins them.
// The score comes in a map ($join.at): a null or a whole number where a fraction came before would
// have Neo4j plan the statement again (a second or two each); a map is one type whatever it holds.
// mode: read
// params: $ids, $join, $max
UNWIND $ids AS id
MATCH (p:Party {id: id})
CALL (p) {
  MATCH ANY SHORTEST (p)(()-[s:SAME_AS WHERE s.status = 'confirmed' OR ($join.at IS NOT NULL AND s.status = 'candidate' AND s.score >= $join.at)]-(:Person)){0,}(q)
  WHERE p:Person OR q = p
  WITH DISTINCT q LIMIT $max + 1
  CALL (q) {
    OPTIONAL MATCH (r:Record)-[m:MENTIONS]->(q)
    WITH r, m ORDER BY r.id
    RETURN collect(r {.id, .agency, .eventDate, role: m.role}) AS records
  }
  RETURN collect({id: q.id, labels: labels(q), properties: properties(q), elementId: elementId(q), records: records}) AS members,
    $join.at IS NOT NULL AND any(m IN collect(q) WHERE EXISTS {
      (m)-[c:SAME_AS {status: 'candidate'}]-(:Person) WHERE c.score >= $join.at
    }) AS unconfirmed
}
RETURN p.id AS id, members, unconfirmed
