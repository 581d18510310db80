// bench:import's fair baseline: the organizations one file's new records mention, as
// imports/create-organizations writes them (every property the mapping gives, the birth year a number).
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's legacy quoting, on by
// default), so each backslash of a value was written as U+E000 and is turned back here.
// mode: autocommit
// params: $url
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (r:Record {id: replace(row.record, '\uE000', '\\')})
  CREATE (n:Organization:Party {id: replace(row.id, '\uE000', '\\'), record: replace(row.record, '\uE000', '\\'),
    agency: replace(row.agency, '\uE000', '\\'), entity: replace(row.entity, '\uE000', '\\'),
    kind: replace(row.kind, '\uE000', '\\'), role: replace(row.role, '\uE000', '\\'),
    name: replace(row.name, '\uE000', '\\'), givenName: replace(row.givenName, '\uE000', '\\'),
    familyName: replace(row.familyName, '\uE000', '\\'),
    nameLatin: replace(row.nameLatin, '\uE000', '\\'), alias: replace(row.alias, '\uE000', '\\'),
    birthDate: replace(row.birthDate, '\uE000', '\\'), birthYear: toInteger(row.birthYear),
    nationality: replace(row.nationality, '\uE000', '\\'), gender: replace(row.gender, '\uE000', '\\'),
    joinKey: replace(row.joinKey, '\uE000', '\\'), searchName: replace(row.searchName, '\uE000', '\\')})
  CREATE (r)-[:MENTIONS {role: n.role, entity: n.entity}]->(n)
} IN TRANSACTIONS OF 1000 ROWS
