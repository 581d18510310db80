// Whether the local database still asks for the default user's password to be changed.
// mode: system (run by the local Neo4j launcher, neo4j/src/main/java/caselink/neo4j/Launcher.java)
// params: none
SHOW USERS YIELD user, passwordChangeRequired
WHERE user = 'neo4j'
RETURN passwordChangeRequired
