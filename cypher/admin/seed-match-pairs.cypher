// Tests only: proposes same-person pairs between the mentions named $pairs[i].a and .b, with the
// score and reasons given, stored as a resolution stores them (lower id first). Review is then
// tested on pairs whose scores the test chose, whatever the scorer of the day would give.
// mode: write
// params: $pairs, $now
UNWIND $pairs AS p
MATCH (x:Person {name: p.a})
MATCH (y:Person {name: p.b})
WITH p, CASE WHEN x.id < y.id THEN x ELSE y END AS a, CASE WHEN x.id < y.id THEN y ELSE x END AS b
MERGE (a)-[s:SAME_AS]->(b)
ON CREATE SET s.status = 'candidate', s.proposedAt = datetime($now)
SET s.score = p.score, s.reasons = p.reasons, s.run = 'test'
RETURN a.id AS a, b.id AS b
