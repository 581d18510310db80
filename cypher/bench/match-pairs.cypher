// For scoring matches: every proposed or confirmed same-person pair at or above $minScore, with
// its score and reasons (for the list of wrong proposals).
// mode: read
// params: $minScore
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE s.status <> 'rejected' AND s.score >= $minScore
RETURN a.id AS a, b.id AS b, s.score AS score, s.reasons AS reasons
