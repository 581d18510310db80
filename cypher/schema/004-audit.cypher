// The audit trail: one (:AuditEvent) per thing done (an import, a resolution, a match decision,
// a hub override, a profile change). Events are written with MERGE on a random id made before
// the transaction, so a commit retried after it already applied does not write the event twice;
// the uniqueness constraint gives that MERGE its index. Listings filter and sort by time and kind;
// undoing a bulk decision looks up the decision that undid it already (`undoes`).
// mode: schema
// params: none
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX audit_event_kind IF NOT EXISTS FOR (n:AuditEvent) ON (n.kind);
CREATE INDEX audit_event_pair IF NOT EXISTS FOR (n:AuditEvent) ON (n.personA, n.personB);
CREATE INDEX audit_event_undoes IF NOT EXISTS FOR (n:AuditEvent) ON (n.undoes);
