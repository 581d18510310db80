// The files imported in full, and whether each was imported since the graph was last resolved:
// an incremental resolution matches only the mentions of those.
// mode: read
// params: none
MATCH (s:Source {status: 'complete'})
RETURN s.id AS id, s.resolvedAt IS NULL OR s.resolvedAt < s.importedAt AS pending
ORDER BY id
