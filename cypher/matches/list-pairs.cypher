// Named same-person pairs ($pairs: {a, b} with a < b as stored) with everything a reviewer
// compares, as list-matches gives them: the pairs of the clusters being shown.
// mode: read
// params: $pairs
UNWIND $pairs AS p
MATCH (a:Person {id: p.a})-[s:SAME_AS]->(b:Person {id: p.b})
CALL (a) {
  OPTIONAL MATCH (r:Record)-[:MENTIONS]->(a)
  RETURN r AS ra ORDER BY r.id LIMIT 1
}
CALL (b) {
  OPTIONAL MATCH (r:Record)-[:MENTIONS]->(b)
  RETURN r AS rb ORDER BY r.id LIMIT 1
}
RETURN elementId(s) AS id, s.status AS status, s.score AS score, s.reasons AS reasons,
  s.decidedBy AS decidedBy, s.reviewerName AS reviewerName, toString(s.decidedAt) AS decidedAt, s.note AS note,
  a {.id, .name, .nameLatin, .birthDate, .nationality, .gender, .role, .agency, fileName: ra.fileName, sheet: ra.sheet, row: ra.row, caseRef: ra.caseRef} AS a,
  b {.id, .name, .nameLatin, .birthDate, .nationality, .gender, .role, .agency, fileName: rb.fileName, sheet: rb.sheet, row: rb.row, caseRef: rb.caseRef} AS b
ORDER BY s.score DESC, a.id, b.id
