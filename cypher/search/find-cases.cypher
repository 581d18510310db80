// Cases whose reference is the text typed (exactly, or in any case and punctuation: the words of
// a full-text phrase), with the records about each and their dates.
// mode: read
// params: $ref, $query, $limit
CALL () {
  MATCH (c:Case)
  WHERE c.ref = $ref
  RETURN c, 1 AS exact, 0.0 AS score
  UNION
  WITH $query AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_cases', q, {limit: $limit}) YIELD node, score
  RETURN node AS c, CASE WHEN toUpper(node.ref) = toUpper($ref) THEN 1 ELSE 0 END AS exact, score
}
WITH c, max(exact) AS exact, max(score) AS score
ORDER BY exact DESC, score DESC, c.agency, c.ref
LIMIT $limit
CALL (c) {
  MATCH (r:Record)-[:ABOUT]->(c)
  WITH r ORDER BY r.eventDate
  RETURN count(r) AS records, [d IN collect(r.eventDate) WHERE d IS NOT NULL][..100] AS dates
}
RETURN [c.agency, c.ref] AS keys, c.ref AS display, false AS hub, exact = 1 AS exact, score, records, [c.agency] AS agencies, dates
