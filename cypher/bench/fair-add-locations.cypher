// bench:import's fair baseline: the further locations of records written before (a row repeated in
// its file, or a record an earlier file wrote), as imports/known-records adds them.
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's legacy quoting, on by
// default), so each backslash of a value was written as U+E000 and is turned back here.
// mode: autocommit
// params: $url, $source
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (s:Source {id: $source})
  MATCH (r:Record {id: replace(row.record, '\uE000', '\\')})
  CREATE (s)-[:HAS_ROW {sheet: replace(row.sheet, '\uE000', '\\'), row: toInteger(row.row)}]->(r)
} IN TRANSACTIONS OF 1000 ROWS
