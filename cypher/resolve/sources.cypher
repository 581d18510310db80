// The imported sources with the profile each was read with.
// mode: read
// params: none
MATCH (s:Source {status: 'complete'})
RETURN s.id AS id, s.agency AS agency, s.fileName AS fileName, s.profileJson AS profileJson
ORDER BY s.id
