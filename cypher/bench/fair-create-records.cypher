// bench:import's fair baseline (bench/fairBaseline.ts): one file's new records from the CSV that
// Caselink's mapping made of its rows, written as imports/create-records writes them: every
// property with its type (the row a number, the warnings a list, empty or not), and the record's
// first location. An unquoted empty field is null in LOAD CSV, and a property set to null is not written.
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's legacy quoting, on by
// default), so each backslash of a value was written as U+E000 and is turned back here.
// mode: autocommit
// params: $url, $source
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (s:Source {id: $source})
  CREATE (r:Record {id: replace(row.id, '\uE000', '\\'), source: $source, agency: replace(row.agency, '\uE000', '\\'),
    fileName: replace(row.fileName, '\uE000', '\\'), sheet: replace(row.sheet, '\uE000', '\\'),
    row: toInteger(row.row), caseRef: replace(row.caseRef, '\uE000', '\\'),
    recordRef: replace(row.recordRef, '\uE000', '\\'), eventDate: replace(row.eventDate, '\uE000', '\\'),
    freeText: replace(row.freeText, '\uE000', '\\'), location: replace(row.location, '\uE000', '\\'),
    raw: replace(row.raw, '\uE000', '\\'),
    warnings: [w IN split(row.warnings, '\u001f') WHERE w <> '' | replace(w, '\uE000', '\\')],
    importedAt: replace(row.importedAt, '\uE000', '\\'),
    gradingSystem: replace(row.gradingSystem, '\uE000', '\\'),
    sourceEvaluation: replace(row.sourceEvaluation, '\uE000', '\\'),
    informationAssessment: replace(row.informationAssessment, '\uE000', '\\'),
    handlingCode: replace(row.handlingCode, '\uE000', '\\'),
    handlingConditions: replace(row.handlingConditions, '\uE000', '\\')})
  CREATE (s)-[:HAS_ROW {sheet: replace(row.sheet, '\uE000', '\\'), row: toInteger(row.row)}]->(r)
} IN TRANSACTIONS OF 1000 ROWS
