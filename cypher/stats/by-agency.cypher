// What each agency contributed: files, records, cases, persons, organisations, and the
// identifiers its records and parties use (distinct nodes, by label).
// mode: read
// params: none
MATCH (a:Agency)
CALL (a) {
  OPTIONAL MATCH (a)-[:SUPPLIED]->(s:Source)
  RETURN count(s) AS sources, count(CASE WHEN s.status = 'complete' THEN 1 END) AS completeSources
}
CALL (a) {
  OPTIONAL MATCH (r:Record {agency: a.code})
  RETURN count(r) AS records
}
CALL (a) {
  OPTIONAL MATCH (c:Case {agency: a.code})
  RETURN count(c) AS cases
}
CALL (a) {
  OPTIONAL MATCH (p:Party {agency: a.code})
  RETURN count(CASE WHEN p:Person THEN 1 END) AS persons, count(CASE WHEN p:Organization THEN 1 END) AS organizations
}
CALL (a) {
  CALL (a) {
    MATCH (:Record {agency: a.code})-[:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
    RETURN i
    UNION
    MATCH (:Party {agency: a.code})-[:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
    RETURN i
  }
  RETURN count(i) AS identifiers
}
RETURN a.code AS agency, a.name AS name, sources, completeSources, records, cases, persons, organizations, identifiers
ORDER BY agency
