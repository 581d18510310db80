// The same-person pairs touching these mentions that join them into one person: confirmed ones,
// and open candidates at or above $joinAt when it is given. Read step by step from the mentions
// outwards (connected components), never as variable-length paths, which a large confirmed
// cluster would multiply.
// mode: read
// params: $ids, $joinAt
UNWIND $ids AS id
MATCH (p:Person {id: id})-[s:SAME_AS]-(q:Person)
WHERE s.status = 'confirmed' OR ($joinAt IS NOT NULL AND s.status = 'candidate' AND s.score >= $joinAt)
RETURN p.id AS a, q.id AS b, s.status AS status
