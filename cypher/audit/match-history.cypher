// Every decision taken on one same-person pair ($a < $b), oldest first: the history that the
// pair's current status on SAME_AS sums up. Single decisions name the pair; a bulk decision (a
// cluster, every pair at a score) names many, and the pair keeps its id in `decisions`.
// mode: read
// params: $a, $b
CALL () {
  MATCH (e:AuditEvent {personA: $a, personB: $b})
  WHERE e.kind = 'match-decision'
  RETURN e
  UNION
  MATCH (:Person {id: $a})-[s:SAME_AS]->(:Person {id: $b})
  UNWIND coalesce(s.decisions, []) AS decision
  MATCH (e:AuditEvent {id: decision})
  RETURN e
}
RETURN e {.*, at: toString(e.at)} AS event
ORDER BY e.at, e.id
