// For scoring matches: every proposed or confirmed same-person pair at or above $minScore.
// mode: read
// params: $minScore
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE s.status <> 'rejected' AND s.score >= $minScore
RETURN a.id AS a, b.id AS b
