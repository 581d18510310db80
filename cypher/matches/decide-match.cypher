// Records an analyst's decision on a same-person pair: the pair's current status on SAME_AS (the
// review queue reads it) and, in the same transaction, an audit event that keeps this decision
// beside every earlier one (from-status, to-status, who, note); the pair carries the decision's
// id (`decision`, the latest; `decisions`, all, for its history). The pair stays; a rejected one is never proposed again, a confirmed one shows as one person.
// On a retried commit that had already applied, MERGE finds the event by its id and leaves it
// (and the from-status it saw) as written.
// mode: write
// params: $a, $b, $status, $reviewerName, $note, $now, $event
MATCH (pa:Person {id: $a})-[s:SAME_AS]->(pb:Person {id: $b})
WITH pa, pb, s, s.status AS fromStatus
SET s.status = $status, s.decidedBy = $event.osUser, s.reviewerName = $reviewerName,
  s.decidedAt = datetime($now), s.note = $note, s.decision = $event.id,
  s.decisions = CASE WHEN $event.id IN coalesce(s.decisions, []) THEN s.decisions ELSE coalesce(s.decisions, []) + $event.id END
MERGE (e:AuditEvent {id: $event.id})
ON CREATE SET e += $event, e.at = datetime($now), e.fromStatus = fromStatus, e.toStatus = $status,
  e.personA = $a, e.personB = $b
MERGE (e)-[:CONCERNS]->(pa)
MERGE (e)-[:CONCERNS]->(pb)
RETURN s.status AS status
