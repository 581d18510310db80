// Cases whose reference is the text typed (exactly, or in any case and punctuation: the words of
// a full-text phrase), best first.
// What is looked for comes in one map ($look), never as lists and strings of their own: Neo4j
// plans a statement again for each new mix of parameter types (an empty list, a null), a second
// or more each, and a map is one type whatever it holds.
// mode: read
// params: $look, $limit
CALL () {
  MATCH (c:Case)
  WHERE c.ref = $look.ref
  RETURN c, 1 AS exact, 0.0 AS score
  UNION
  WITH $look.query AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_cases', q, {limit: $limit}) YIELD node, score
  RETURN node AS c, CASE WHEN toUpper(node.ref) = toUpper($look.ref) THEN 1 ELSE 0 END AS exact, score
}
WITH c, max(exact) AS exact, max(score) AS score
ORDER BY exact DESC, score DESC, c.agency, c.ref
LIMIT $limit
RETURN [c.agency, c.ref] AS keys, c.ref AS display, exact = 1 AS exact, score
