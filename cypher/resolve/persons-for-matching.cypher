// Every person mention with what matching needs: names, date of birth (or birth year), nationality,
// gender, where it stands and the date of what its record reports, the identifiers the person used
// (with their normalised value and kind: document numbers, address keys), and those anyone in its
// record used (hubs left out). A page of persons at a time, by id after $after (the persons'
// unique index gives the order), so that no transaction grows with the graph. Each identifier comes
// as its labels, the values its uniqueness constraint holds and its display, unsorted: Node names
// it (label and those values, not its element id, which a copied or restored graph changes and
// Neo4j gives to another node once its own is deleted) and puts a mention's identifiers in the
// order of those values, so that two resolutions of one graph read the same input (reasons cite
// them in this order). Naming and sorting them here took half of Neo4j's time for this read at a
// hundred thousand records. A person no record mentions comes with a null record (skipped, but it
// moves the page on).
// mode: read
// params: $after, $limit
MATCH (p:Person)
WHERE p.id > $after
WITH p
ORDER BY p.id
LIMIT $limit
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
