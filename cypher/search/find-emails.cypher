// E-mail addresses typed whole, and those holding the text typed.
// Part matches use the text index (CONTAINS), exact ones the key's index; each branch is
// bounded, in key order.
// What is looked for comes in one map ($look), never as lists and strings of their own: Neo4j
// plans a statement again for each new mix of parameter types (an empty list, a null), a second
// or more each, and a map is one type whatever it holds.
// mode: read
// params: $look, $limit
CALL () {
  UNWIND $look.exact AS key
  MATCH (i:Email {key: key})
  RETURN i, 1 AS exact
  UNION
  UNWIND $look.parts AS part
  MATCH (i:Email)
  WHERE i.key CONTAINS part
  WITH i ORDER BY i.key LIMIT $limit
  RETURN i, 0 AS exact
}
WITH i, max(exact) AS exact
ORDER BY exact DESC, i.key
LIMIT $limit
RETURN [i.key] AS keys, i.display AS display, exact = 1 AS exact, 0.0 AS score
