// A match decision by its id: what it changed from and to, so that it can be undone, and the
// first decision that undid it already (its id and time), if one did.
// mode: read
// params: $decision
MATCH (e:AuditEvent {id: $decision})
WHERE e.kind = 'match-decision'
OPTIONAL MATCH (u:AuditEvent {undoes: $decision})
WHERE u.kind = 'match-decision'
WITH e, u
ORDER BY u.at
LIMIT 1
RETURN e.fromStatus AS fromStatus, e.toStatus AS toStatus, e.pairs AS pairs, e.undoes AS undoes,
  u.id AS undoneBy, toString(u.at) AS undoneAt
