// Marks the graph as one the tests may clear. The test setup marks only a graph that holds no
// data, so that a user's graph is never marked by mistake.
// mode: write
// params: $now
MERGE (m:CaselinkMeta {key: 'test-graph'})
ON CREATE SET m.markedAt = datetime($now)
RETURN m.key AS key
