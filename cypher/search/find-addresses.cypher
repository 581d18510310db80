// Addresses whose key (as the import makes it, in each country of the graph's agencies) is the
// text read as an address, and those whose written form holds the words typed (full text).
// mode: read
// params: $exact, $query, $limit
CALL () {
  UNWIND $exact AS key
  MATCH (i:Address {key: key})
  RETURN i, 1 AS exact, 0.0 AS score
  UNION
  WITH $query AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_addresses', q, {limit: $limit}) YIELD node, score
  RETURN node AS i, 0 AS exact, score
}
WITH i, max(exact) AS exact, max(score) AS score
ORDER BY exact DESC, score DESC, i.key
LIMIT $limit
RETURN [i.key] AS keys, i.display AS display, exact = 1 AS exact, score
