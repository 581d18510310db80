// Where records come from: every location of each (file, SHA-256, sheet, row, when imported, with
// the profile that read it), the row's raw cells, case reference and grading.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (r:Record {id: id})
OPTIONAL MATCH (s:Source)-[h:HAS_ROW]->(r)
RETURN r.id AS record, r.agency AS agency, r.caseRef AS caseRef, r.raw AS raw, r.importedAt AS recordImportedAt,
  r.gradingSystem AS gradingSystem, r.sourceEvaluation AS sourceEvaluation, r.informationAssessment AS informationAssessment,
  r.handlingCode AS handlingCode, r.handlingConditions AS handlingConditions,
  coalesce(s.fileName, r.fileName) AS fileName, s.sha256 AS sha256, coalesce(h.sheet, r.sheet) AS sheet, coalesce(h.row, r.row) AS row,
  toString(coalesce(s.importedAt, s.firstImportedAt)) AS importedAt, s.profileJson AS profileJson
ORDER BY record, fileName, sheet, row
