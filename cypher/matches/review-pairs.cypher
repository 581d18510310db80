// The pairs review clusters are made of: open candidates (status 'candidate', score at or above
// $minScore, as count-open-candidates counts them) and confirmed pairs at any score; rejected
// pairs join nothing. Only ids, status and score: the clusters are formed in main/core.
// mode: read
// params: $minScore
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE (s.status = 'candidate' AND s.score >= $minScore) OR s.status = 'confirmed'
RETURN a.id AS a, b.id AS b, s.status AS status, s.score AS score
