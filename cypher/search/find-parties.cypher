// Persons and organisations whose searchable name (every name they are written under, in Latin
// letters) matches a Lucene query built from escaped words, best first; ties by id, so that equal
// scores always come in one order. The best $cut also bring what their chart node is made of, as
// workspace/party-components reads it (search joins by confirmed same-person pairs only): every
// mention a person joins, breadth-first, at most $max + 1, each with the records that mention it,
// so that a name search reads its hits and their chart nodes in one round trip. The others
// come with null members.
// mode: read
// params: $query, $limit, $cut, $max
CALL db.index.fulltext.queryNodes('search_party_names', $query, {limit: $limit}) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
UNWIND range(0, size(hits) - 1) AS i
WITH hits[i].node AS p, hits[i].score AS score, i < $cut AS withMembers
CALL (p, withMembers) {
  WITH p WHERE withMembers
  MATCH ANY SHORTEST (p)(()-[s:SAME_AS WHERE s.status = 'confirmed']-(:Person)){0,}(q)
  WHERE p:Person OR q = p
  WITH DISTINCT q LIMIT $max + 1
  CALL (q) {
    OPTIONAL MATCH (r:Record)-[m:MENTIONS]->(q)
    WITH r, m ORDER BY r.id
    RETURN collect(r {.id, .agency, .eventDate, role: m.role}) AS records
  }
  RETURN collect({id: q.id, labels: labels(q), properties: properties(q), elementId: elementId(q), records: records}) AS members
}
RETURN p.id AS id, p:Person AS person, p.name AS name, p.agency AS agency, score,
  CASE WHEN withMembers THEN members END AS members
ORDER BY score DESC, id
