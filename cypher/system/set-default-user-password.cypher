// Replaces the default user's password with the generated one, on the local database's first start.
// mode: system (run by the local Neo4j launcher, neo4j/src/main/java/caselink/neo4j/Launcher.java)
// params: $password
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
