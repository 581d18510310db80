// The schema version recorded in the graph, if any.
// mode: read
// params: none
MATCH (m:CaselinkMeta {key: 'schema'})
RETURN m.version AS version
