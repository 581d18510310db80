// Node and relationship counts of the investigation graph (answered from Neo4j's count store),
// leaving out Caselink's own bookkeeping node.
// mode: read
// params: none
CALL { MATCH (n) RETURN count(n) AS allNodes }
CALL { MATCH (m:CaselinkMeta) RETURN count(m) AS metaNodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN allNodes - metaNodes AS nodes, relationships
