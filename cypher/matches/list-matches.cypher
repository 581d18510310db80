// The review queue: same-person pairs with a status in $statuses and a score of at least
// $minScore (with $agencies = [A, B], only pairs between a mention of A and one of B, either way
// round; with [] any), best first, each side with the details a reviewer compares. One row per pair: a
// mention is shown with one record that names it (the first by id), however many do, and a
// pair is listed even if none does, as count-open-candidates counts it.
// mode: read
// params: $statuses, $minScore, $limit, $agencies
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE s.status IN $statuses AND s.score >= $minScore
  AND (size($agencies) = 0
    OR (a.agency = $agencies[0] AND b.agency = $agencies[1])
    OR (a.agency = $agencies[1] AND b.agency = $agencies[0]))
// The page first, then each of its mentions' records: a long queue is not read record by record.
WITH a, s, b
ORDER BY s.score DESC, a.id, b.id
LIMIT $limit
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
