// Every same-person pair between two sets of mentions, whatever its status, with its decision.
// mode: read
// params: $a, $b
UNWIND $a AS x
MATCH (p:Person {id: x})-[s:SAME_AS]-(q:Person)
WHERE q.id IN $b
RETURN p.id AS a, q.id AS b, s.status AS status, s.score AS score, coalesce(s.reasons, []) AS reasons,
  s.decidedBy AS decidedBy, s.reviewerName AS reviewerName, toString(s.decidedAt) AS decidedAt
ORDER BY a, b
