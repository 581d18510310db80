// Every decision ever taken on one same-person pair ($a < $b), oldest first: the history that the
// pair's current status on SAME_AS sums up.
// mode: read
// params: $a, $b
MATCH (e:AuditEvent {personA: $a, personB: $b})
WHERE e.kind = 'match-decision'
RETURN e {.*, at: toString(e.at)} AS event
ORDER BY e.at, e.id
