// New rows of a batch become Records with their raw cells, grading and locations in this file.
// Rows are unique by id within a batch (the importer folds a repeated row into one with two
// locations) and known-records has taken out those written before: so CREATE, not MERGE.
// mode: write
// params: $source, $rows
MATCH (s:Source {id: $source})
UNWIND $rows AS row
CREATE (r:Record) SET r = row.props, r.id = row.id, r.source = $source
WITH s, r, row
UNWIND row.locations AS loc
CREATE (s)-[:HAS_ROW {sheet: loc.sheet, row: loc.row}]->(r)
