// Node and relationship counts of the whole graph (answered from Neo4j's count store).
// mode: read
// params: none
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
