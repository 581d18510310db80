// Phones read exactly from the text (E.164), and those whose number holds the digits typed.
// Part matches use the text index (CONTAINS), exact ones the key's index; each branch is
// bounded, in key order.
// What is looked for comes in one map ($look), never as lists and strings of their own: Neo4j
// plans a statement again for each new mix of parameter types (an empty list, a null), a second
// or more each, and a map is one type whatever it holds.
// mode: read
// params: $look, $limit
CALL () {
  UNWIND $look.exact AS key
  MATCH (i:Phone {e164: key})
  RETURN i, 1 AS exact
  UNION
  UNWIND $look.parts AS part
  MATCH (i:Phone)
  WHERE i.e164 CONTAINS part
  WITH i ORDER BY i.e164 LIMIT $limit
  RETURN i, 0 AS exact
}
WITH i, max(exact) AS exact
ORDER BY exact DESC, i.e164
LIMIT $limit
RETURN [i.e164] AS keys, i.display AS display, exact = 1 AS exact, 0.0 AS score
