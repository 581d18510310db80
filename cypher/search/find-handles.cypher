// Handles typed (with or without @, on any platform), and those holding the text typed.
// Part matches use the text index (CONTAINS), exact ones the key's index; each branch is
// bounded, in key order.
// mode: read
// params: $exact, $parts, $limit
CALL () {
  UNWIND $exact AS key
  MATCH (i:Handle {key: key})
  RETURN i, 1 AS exact
  UNION
  UNWIND $parts AS part
  MATCH (i:Handle)
  WHERE i.key CONTAINS part
  WITH i ORDER BY i.key LIMIT $limit
  RETURN i, 0 AS exact
}
WITH i, max(exact) AS exact
ORDER BY exact DESC, i.key
LIMIT $limit
RETURN [i.platform, i.key] AS keys, i.display AS display, exact = 1 AS exact, 0.0 AS score
