// Addresses whose key (as the import makes it, in each country of the graph's agencies) is the
// text read as an address, and those whose written form holds the words typed (full text).
// What is looked for comes in one map ($look), never as lists and strings of their own: Neo4j
// plans a statement again for each new mix of parameter types (an empty list, a null), a second
// or more each, and a map is one type whatever it holds.
// mode: read
// params: $look, $limit
CALL () {
  UNWIND $look.exact AS key
  MATCH (i:Address {key: key})
  RETURN i, 1 AS exact, 0.0 AS score
  UNION
  WITH $look.query AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_addresses', q, {limit: $limit}) YIELD node, score
  RETURN node AS i, 0 AS exact, score
}
WITH i, max(exact) AS exact, max(score) AS score
ORDER BY exact DESC, score DESC, i.key
LIMIT $limit
RETURN [i.key] AS keys, i.display AS display, exact = 1 AS exact, score
