// For bench:resolve's Splink run on its generated set: every person mention as Caselink's import
// wrote it (names, birth, nationality, gender) with the first phone, e-mail and document number it
// used, and what its record says around it (its agency's case, the first address and vehicle of
// the mention or its record), as Splink's input table: the same mentions Caselink's resolution
// compares, with the same context its rules read.
// mode: read
// params: none
MATCH (r:Record)-[:MENTIONS]->(p:Person)
RETURN p.id AS id, p.name AS name, p.givenName AS givenName, p.familyName AS familyName, p.nameLatin AS nameLatin,
  p.birthDate AS birthDate, p.birthYear AS birthYear, p.nationality AS nationality, p.gender AS gender,
  [(p)-[:HAS_PHONE]->(i) | i.e164][0] AS phone, [(p)-[:HAS_EMAIL]->(i) | i.key][0] AS email,
  [(p)-[:HAS_DOCUMENT]->(i) | i.number][0] AS document,
  CASE WHEN r.caseRef IS NULL THEN null ELSE r.agency + '|' + r.caseRef END AS caseKey,
  ([(p)-[:HAS_ADDRESS]->(i) | i.key] + [(r)-[:HAS_ADDRESS]->(i) | i.key])[0] AS address,
  ([(p)-[:HAS_VEHICLE]->(i) | i.plate] + [(r)-[:HAS_VEHICLE]->(i) | i.plate])[0] AS vehicle
