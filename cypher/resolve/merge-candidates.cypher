// Proposes same-person candidates. A pair already decided by an analyst keeps its decision;
// only its score and reasons are brought up to date.
// mode: write
// params: $candidates, $run, $now
UNWIND $candidates AS c
MATCH (a:Person {id: c.a})
MATCH (b:Person {id: c.b})
MERGE (a)-[s:SAME_AS]->(b)
ON CREATE SET s.status = 'candidate', s.proposedAt = datetime($now)
SET s.score = c.score, s.reasons = c.reasons, s.run = $run
