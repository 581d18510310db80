// Node and relationship counts of the investigation graph (answered from Neo4j's count store),
// leaving out Caselink's own bookkeeping node and the audit trail (its events and their CONCERNS).
// mode: read
// params: none
CALL { MATCH (n) RETURN count(n) AS allNodes }
CALL { MATCH (m:CaselinkMeta) RETURN count(m) AS metaNodes }
CALL { MATCH (e:AuditEvent) RETURN count(e) AS auditNodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS allRelationships }
CALL { MATCH ()-[c:CONCERNS]->() RETURN count(c) AS auditRelationships }
RETURN allNodes - metaNodes - auditNodes AS nodes, allRelationships - auditRelationships AS relationships
