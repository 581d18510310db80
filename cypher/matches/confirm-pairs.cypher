// Confirms many same-person pairs as ONE decision: each pair of $pairs ({a, b}, a < b as stored)
// that is still open becomes confirmed and carries the decision's id ($event.id), and one audit
// event records the decision, concerning every mention it joined, in the same transaction. A pair
// decided meanwhile is left as it is. A retried commit that had applied finds its pairs by the
// decision id and its event by id, and changes nothing.
// mode: write
// params: $pairs, $reviewerName, $note, $now, $event
UNWIND $pairs AS p
MATCH (pa:Person {id: p.a})-[s:SAME_AS]->(pb:Person {id: p.b})
WHERE s.status = 'candidate' OR s.decision = $event.id
SET s.status = 'confirmed', s.decidedBy = $event.osUser, s.reviewerName = $reviewerName,
  s.decidedAt = datetime($now), s.note = $note, s.decision = $event.id,
  s.decisions = CASE WHEN $event.id IN coalesce(s.decisions, []) THEN s.decisions ELSE coalesce(s.decisions, []) + $event.id END
WITH collect(pa) + collect(pb) AS persons, count(s) AS confirmed
MERGE (e:AuditEvent {id: $event.id})
ON CREATE SET e += $event, e.at = datetime($now), e.fromStatus = 'candidate', e.toStatus = 'confirmed',
  e.pairs = confirmed
WITH e, persons, confirmed
CALL (e, persons) {
  UNWIND persons AS person
  MERGE (e)-[:CONCERNS]->(person)
}
RETURN confirmed
