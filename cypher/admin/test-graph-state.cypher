// Whether the graph is marked as a test graph, and how many nodes it holds besides Caselink's
// bookkeeping: the tests clear only a marked graph, or one with nothing in it. Both counts come
// from Neo4j's count store, so this answers at once on a large graph too.
// mode: read
// params: none
OPTIONAL MATCH (m:CaselinkMeta {key: 'test-graph'})
CALL () {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (n:CaselinkMeta)
  RETURN count(n) AS bookkeeping
}
RETURN m IS NOT NULL AS marked, nodes - bookkeeping AS data
