// Further locations of rows that stand more than once in a file, once their records are written.
// mode: write
// params: $source, $locations
MATCH (s:Source {id: $source})
UNWIND $locations AS loc
MATCH (r:Record {id: loc.id})
MERGE (s)-[:HAS_ROW {sheet: loc.sheet, row: loc.row}]->(r)
