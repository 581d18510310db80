// How many nodes carry each label (Caselink's bookkeeping and the audit trail left out).
// mode: read
// params: none
MATCH (n)
WHERE NOT n:CaselinkMeta AND NOT n:AuditEvent
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
