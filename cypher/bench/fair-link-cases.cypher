// bench:import's fair baseline: the cases of one file's new records, as imports/link-cases writes
// them (a case shared by every row of the agency that names it).
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's legacy quoting, on by
// default), so each backslash of a value was written as U+E000 and is turned back here.
// mode: autocommit
// params: $url, $agency
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (r:Record {id: replace(row.record, '\uE000', '\\')})
  MERGE (k:Case {agency: $agency, ref: replace(row.ref, '\uE000', '\\')})
  CREATE (r)-[:ABOUT]->(k)
} IN TRANSACTIONS OF 1000 ROWS
