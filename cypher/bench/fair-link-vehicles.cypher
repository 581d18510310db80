// bench:import's fair baseline: one file's uses of Vehicle identifiers, as links/link-vehicles writes
// them: the identifier MERGEd on its key (shared by every record and party that used it, showing
// the writing that sorts first), and a HAS_VEHICLE per use from its record or party, with the use's
// provenance and grading.
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's legacy quoting, on by
// default), so each backslash of a value was written as U+E000 and is turned back here.
// mode: autocommit
// params: $url
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (i:Vehicle {country: coalesce(replace(row.country, '\uE000', '\\'), ''), plate: replace(row.key, '\uE000', '\\')})
  ON CREATE SET i.display = replace(row.display, '\uE000', '\\')
  WITH i, row, replace(row.display, '\uE000', '\\') AS display
  FOREACH (_ IN CASE WHEN display < i.display THEN [1] ELSE [] END |
    SET i.displayLock = true
    REMOVE i.displayLock
    SET i.display = CASE WHEN display < i.display THEN display ELSE i.display END
  )
  WITH i, row, replace(row.owner, '\uE000', '\\') AS owner
  CALL (row, owner) {
    MATCH (n:Record {id: owner}) WHERE row.ownerIsRecord IS NOT NULL
    RETURN n
    UNION ALL
    MATCH (n:Party {id: owner}) WHERE row.ownerIsRecord IS NULL
    RETURN n
  }
  CREATE (n)-[:HAS_VEHICLE {record: replace(row.record, '\uE000', '\\'), column: replace(row.column, '\uE000', '\\'),
    raw: replace(row.raw, '\uE000', '\\'), agency: replace(row.agency, '\uE000', '\\'),
    extension: replace(row.extension, '\uE000', '\\'),
    gradingSystem: replace(row.gradingSystem, '\uE000', '\\'),
    sourceEvaluation: replace(row.sourceEvaluation, '\uE000', '\\'),
    informationAssessment: replace(row.informationAssessment, '\uE000', '\\'),
    handlingCode: replace(row.handlingCode, '\uE000', '\\'),
    handlingConditions: replace(row.handlingConditions, '\uE000', '\\')}]->(i)
} IN TRANSACTIONS OF 1000 ROWS
