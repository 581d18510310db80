// Undoes a decision by its id ($decision): every pair that still carries it (decided by it and not
// since) returns to the status it had before ($fromStatus), as a new decision ($event) recorded in
// the audit trail in the same transaction. A retried commit finds the pairs by the new id.
// mode: write
// params: $decision, $fromStatus, $reviewerName, $note, $now, $event
OPTIONAL MATCH (pa:Person)-[s:SAME_AS]->(pb:Person)
WHERE s.decision = $decision OR s.decision = $event.id
SET s.status = $fromStatus, s.decidedBy = $event.osUser, s.reviewerName = $reviewerName,
  s.decidedAt = datetime($now), s.note = $note, s.decision = $event.id,
  s.decisions = CASE WHEN $event.id IN coalesce(s.decisions, []) THEN s.decisions ELSE coalesce(s.decisions, []) + $event.id END
WITH collect(pa) + collect(pb) AS persons, count(s) AS undone
MERGE (e:AuditEvent {id: $event.id})
ON CREATE SET e += $event, e.at = datetime($now), e.undoes = $decision, e.toStatus = $fromStatus,
  e.pairs = undone
WITH e, persons, undone
CALL (e, persons) {
  UNWIND persons AS person
  MERGE (e)-[:CONCERNS]->(person)
}
RETURN undone
