// Open pairs (as count-open-candidates defines them: status 'candidate', score at or above
// $minScore) for a bulk decision; with $agencies = [A, B], only pairs between a mention of A and
// one of B (either way round; [A, A] for pairs within A), with [] any. Best first, up to $limit.
// mode: read
// params: $minScore, $agencies, $limit
MATCH (a:Person)-[s:SAME_AS {status: 'candidate'}]->(b:Person)
WHERE s.score >= $minScore
  AND (size($agencies) = 0
    OR (a.agency = $agencies[0] AND b.agency = $agencies[1])
    OR (a.agency = $agencies[1] AND b.agency = $agencies[0]))
RETURN a.id AS a, b.id AS b
ORDER BY s.score DESC, a.id, b.id
LIMIT $limit
