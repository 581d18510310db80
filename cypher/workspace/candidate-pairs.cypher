// Open same-person candidates of these mentions at or above $minScore, to draw between persons
// (rejected pairs never; confirmed ones join the mentions into one person instead).
// mode: read
// params: $ids, $minScore, $agencies
UNWIND $ids AS id
MATCH (p:Person {id: id})-[s:SAME_AS {status: 'candidate'}]-(q:Person)
WHERE s.score >= $minScore AND (size($agencies) = 0 OR q.agency IN $agencies OR p.agency IN $agencies)
RETURN p.id AS a, q.id AS b, s.score AS score, p.record AS recordA, q.record AS recordB, p.agency AS agencyA,
  q.agency AS agencyB
