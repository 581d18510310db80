// First step of a batch: the rows whose Record exists already (same content, or same row key)
// were written whole by an earlier batch, with everything they name; they only gain this file's
// locations. Answers their ids, so that the batch's other steps leave them alone.
// mode: write
// params: $source, $rows
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MATCH (known:Record {id: row.id})
FOREACH (loc IN row.locations | MERGE (s)-[:HAS_ROW {sheet: loc.sheet, row: loc.row}]->(known))
RETURN known.id AS id
