// What Caselink knows of a file already: its status (importing or complete) and counts.
// mode: read
// params: $source
MATCH (s:Source {id: $source})
RETURN s.status AS status, s.agency AS agency, s.fileName AS fileName, s.importedAt AS importedAt,
  s.rowsRead AS rowsRead, s.rowsImported AS rowsImported, s.rowsWithWarnings AS rowsWithWarnings,
  s.rowsRejected AS rowsRejected, s.blankRows AS blankRows, s.duplicateRows AS duplicateRows,
  s.newRecords AS newRecords
