// A first look at the graph: up to $limit nodes, agencies and cases first (Caselink's bookkeeping
// and the audit trail are not part of the investigation graph). In the order of the nodes' own
// keys, not as stored, so that the same data shows the same first nodes in any database.
// mode: read
// params: $limit
MATCH (n)
WHERE NOT n:CaselinkMeta AND NOT n:AuditEvent
WITH n,
  CASE WHEN n:Agency THEN 0 WHEN n:Case THEN 1 WHEN n:Person OR n:Organization THEN 2 ELSE 3 END AS rank
ORDER BY rank, coalesce(n.code, n.id, n.e164, n.key, n.number, n.plate), n.agency, n.ref, n.kind, n.platform, n.country
LIMIT $limit
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
