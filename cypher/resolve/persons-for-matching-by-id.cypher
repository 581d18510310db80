// The persons $ids with what matching needs, in the shape persons-for-matching reads (one row per
// record mentioning each; a person no record mentions comes with a null record): an incremental
// resolution reads in full only the persons an import added or changed, and those whose stored
// match view is missing.
// mode: read
// params: $ids
UNWIND $ids AS wanted
MATCH (p:Person {id: wanted})
OPTIONAL MATCH (r:Record)-[:MENTIONS]->(p)
CALL (r) {
  OPTIONAL MATCH (r)-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE x.record = r.id AND NOT coalesce(i.hub, false)
  WITH DISTINCT i
  RETURN collect([labels(i), i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate, i.display]) AS recordIdentifiers
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE NOT coalesce(i.hub, false)
  WITH DISTINCT i
  RETURN collect([labels(i), i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate, i.display]) AS identifiers
}
RETURN p.id AS id, r.id AS record, p.agency AS agency, r.fileName AS fileName, r.sheet AS sheet, r.row AS row,
  r.caseRef AS caseRef, r.recordRef AS recordRef, r.eventDate AS eventDate,
  p.name AS name, p.nameLatin AS nameLatin, p.birthDate AS birthDate, p.birthYear AS birthYear,
  p.nationality AS nationality, p.gender AS gender, identifiers, recordIdentifiers
ORDER BY id, record
