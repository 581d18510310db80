// Whether the graph can take a bulk first load: what it holds besides the nodes a bulk load carries
// over into the new store (Caselink's own bookkeeping, the audit trail and registered agencies).
// mode: read
// params: none
CALL { MATCH (n) WHERE NOT (n:CaselinkMeta OR n:AuditEvent OR n:Agency) RETURN count(n) AS dataNodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH (n) WHERE n:CaselinkMeta OR n:AuditEvent OR n:Agency RETURN count(n) AS carried }
RETURN dataNodes, relationships, carried
