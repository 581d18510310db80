// Every Source of one file (by its SHA-256), whatever profile read it: before an import, to say
// whether the file was imported before with this mapping or another, when and by which profile.
// mode: read
// params: $sha256
MATCH (s:Source {sha256: $sha256})
RETURN s.id AS id, s.profileHash AS profileHash, s.profileName AS profileName, s.agency AS agency,
  s.status AS status, toString(coalesce(s.importedAt, s.firstImportedAt)) AS importedAt, s.fileName AS fileName,
  s.rowsImported AS rowsImported
ORDER BY importedAt
