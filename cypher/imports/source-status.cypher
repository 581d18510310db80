// What Caselink knows of a file already: its status (importing or complete) and counts.
// mode: read
// params: $sha256
MATCH (s:Source {sha256: $sha256})
RETURN s.status AS status, s.agency AS agency, s.fileName AS fileName, s.importedAt AS importedAt,
  s.rowsRead AS rowsRead, s.rowsImported AS rowsImported, s.rowsWithWarnings AS rowsWithWarnings,
  s.rowsRejected AS rowsRejected, s.newRecords AS newRecords
