// For the benchmark's list of misses: each person mention's locations, name, birth date and nationality.
// mode: read
// params: none
MATCH (s:Source)-[h:HAS_ROW]->(r:Record)-[:MENTIONS]->(p:Person)
RETURN coalesce(p.name, p.nameLatin) AS name, p.birthDate AS birthDate, p.nationality AS nationality,
  collect(DISTINCT s.fileName + '|' + h.sheet + '|' + toString(h.row) + '|' + p.entity) AS locations
