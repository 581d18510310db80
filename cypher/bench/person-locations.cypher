// For scoring matches against ground truth: each person mention with every spreadsheet location
// (file, sheet, row, entity) of its record.
// mode: read
// params: none
MATCH (s:Source)-[h:HAS_ROW]->(r:Record)-[:MENTIONS]->(p:Person)
RETURN p.id AS id, collect(DISTINCT s.fileName + '|' + h.sheet + '|' + toString(h.row) + '|' + p.entity) AS locations
