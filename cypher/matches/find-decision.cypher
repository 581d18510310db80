// A match decision by its id: what it changed from and to, so that it can be undone.
// mode: read
// params: $decision
MATCH (e:AuditEvent {id: $decision})
WHERE e.kind = 'match-decision'
RETURN e.fromStatus AS fromStatus, e.toStatus AS toStatus, e.pairs AS pairs, e.undoes AS undoes
