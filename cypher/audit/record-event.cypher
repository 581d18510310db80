// Appends one event to the audit trail. MERGE on the event's id (made before the transaction)
// keeps a retried commit from writing it twice; ON CREATE only, so an event once written is
// never changed.
// mode: write
// params: $event, $at
MERGE (e:AuditEvent {id: $event.id})
ON CREATE SET e += $event, e.at = datetime($at)
RETURN e.id AS id
