// One Record per spreadsheet row, identified by its content (or the profile's row key), tied to
// the file and the sheet and row where it stands. A row already known from an earlier export is
// not written again; it only gains the new file's location.
// mode: write
// params: $sha256, $rows
MATCH (s:Source {sha256: $sha256})
UNWIND $rows AS row
MERGE (r:Record {id: row.id})
ON CREATE SET r += row.props, r.source = $sha256
MERGE (s)-[h:HAS_ROW {sheet: row.sheet, row: row.row}]->(r)
RETURN count(DISTINCT CASE WHEN r.source = $sha256 THEN r END) AS fromThisFile
