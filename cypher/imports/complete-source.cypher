// Marks a file imported, with its summary.
// mode: write
// params: $sha256, $now, $summary
MATCH (s:Source {sha256: $sha256})
SET s.status = 'complete', s.importedAt = datetime($now), s += $summary
RETURN s.sha256 AS sha256
