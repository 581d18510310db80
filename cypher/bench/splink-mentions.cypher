// For bench:resolve's Splink run on its generated set: every person mention as Caselink's import
// wrote it (names, birth, nationality, gender) with the first phone, e-mail and document number it
// used, as Splink's input table: the same mentions Caselink's resolution compares.
// mode: read
// params: none
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, p.givenName AS givenName, p.familyName AS familyName, p.nameLatin AS nameLatin,
  p.birthDate AS birthDate, p.birthYear AS birthYear, p.nationality AS nationality, p.gender AS gender,
  [(p)-[:HAS_PHONE]->(i) | i.e164][0] AS phone, [(p)-[:HAS_EMAIL]->(i) | i.key][0] AS email,
  [(p)-[:HAS_DOCUMENT]->(i) | i.number][0] AS document
