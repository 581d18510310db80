// Deletes every node and relationship but the test-graph mark (the schema stays), so that each
// test file starts empty. Deletes nothing in a graph without the mark: a user's graph is never
// cleared by a test. In one transaction, so it suits small graphs only.
// mode: write
// params: none
MATCH (m:CaselinkMeta {key: 'test-graph'})
OPTIONAL MATCH (n)
WHERE n <> m
DETACH DELETE n
RETURN count(n) AS deleted
