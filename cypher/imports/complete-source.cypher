// Marks a file imported, with its summary.
// mode: write
// params: $source, $now, $summary
MATCH (s:Source {id: $source})
SET s.status = 'complete', s.importedAt = datetime($now), s += $summary
RETURN s.id AS id
