// Persons and organisations whose searchable name (every name they are written under, in Latin
// letters) matches a name's Lucene queries, built from escaped words and tried in turn until one
// fills the page ($limit): $look.exact (each word whole or as the start of a word), then
// $look.near (one letter apart), then $look.far (two letters apart); each contains the one before,
// and a fuzzy term is the costly part, so a wider one runs only when the narrower found too few
// (null: it would add nothing). Best first; ties by id, so that equal scores always come in one
// order; `widened` says which query answered. The best $cut also bring what their chart node is
// made of, as workspace/party-components reads it (search joins by confirmed same-person pairs
// only): every mention a person joins, breadth-first, at most $max + 1, each with the records
// that mention it, so that a name search reads its hits and their chart nodes in one round trip.
// The others come with null members.
// mode: read
// params: $look, $limit, $cut, $max
CALL db.index.fulltext.queryNodes('search_party_names', $look.exact, {limit: $limit}) YIELD node, score
WITH collect({node: node, score: score}) AS exact
CALL (exact) {
  WITH exact WHERE size(exact) < $limit AND $look.near IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_party_names', $look.near, {limit: $limit}) YIELD node, score
  RETURN collect({node: node, score: score}) AS near
}
WITH exact, near, size(exact) < $limit AND $look.near IS NOT NULL AS nearRan
WITH CASE WHEN nearRan THEN near ELSE exact END AS found, CASE WHEN nearRan THEN 'near' ELSE 'exact' END AS widened
CALL (found) {
  WITH found WHERE size(found) < $limit AND $look.far IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_party_names', $look.far, {limit: $limit}) YIELD node, score
  RETURN collect({node: node, score: score}) AS far
}
WITH found, far, widened, size(found) < $limit AND $look.far IS NOT NULL AS farRan
WITH CASE WHEN farRan THEN far ELSE found END AS found, CASE WHEN farRan THEN 'far' ELSE widened END AS widened
UNWIND found AS hit
WITH hit.node AS node, hit.score AS score, widened
ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits, widened
UNWIND range(0, size(hits) - 1) AS i
WITH hits[i].node AS p, hits[i].score AS score, i < $cut AS withMembers, widened
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
  CASE WHEN withMembers THEN members END AS members, widened
ORDER BY score DESC, id
