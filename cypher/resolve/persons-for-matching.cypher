// Every person mention with what matching needs: names, date of birth (or birth year), nationality,
// gender, where it stands and the date of what its record reports, the identifiers the person used
// (with their normalised value and kind: document numbers, address keys), and those anyone in its
// record used (hubs left out). A page of persons at a time, by id after $after (the persons'
// unique index gives the order), so that no transaction grows with the graph; ordered, so that
// two resolutions of one graph read the same input (identifiers by their own keys, not element ids,
// which follow the order things were written in: reasons cite them in this order). An identifier's
// id is its label and the values its uniqueness constraint holds, not its element id: a person's
// stored match view keeps these ids for later incremental resolutions, and an element id changes
// when the graph is copied or restored and is given to another node once its own is deleted. A
// person no record mentions comes with a null record (skipped, but it moves the page on).
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
  WITH i, [l IN labels(i) WHERE l <> 'Party'][0] AS label
  ORDER BY label, i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate
  RETURN collect({label: label, id: label + '|' + coalesce(i.e164, i.key, '') + '|' + coalesce(i.kind, '') + '|' +
    coalesce(i.platform, '') + '|' + coalesce(i.country, '') + '|' + coalesce(i.number, i.plate, ''),
    display: i.display}) AS recordIdentifiers
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE NOT coalesce(i.hub, false)
  WITH DISTINCT i
  WITH i, [l IN labels(i) WHERE l <> 'Party'][0] AS label
  ORDER BY label, i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate
  RETURN collect({label: label, id: label + '|' + coalesce(i.e164, i.key, '') + '|' + coalesce(i.kind, '') + '|' +
    coalesce(i.platform, '') + '|' + coalesce(i.country, '') + '|' + coalesce(i.number, i.plate, ''),
    display: i.display, key: coalesce(i.e164, i.key, i.number, i.plate), kind: i.kind}) AS identifiers
}
RETURN p.id AS id, r.id AS record, p.agency AS agency, r.fileName AS fileName, r.sheet AS sheet, r.row AS row,
  r.caseRef AS caseRef, r.recordRef AS recordRef, r.eventDate AS eventDate,
  p.name AS name, p.nameLatin AS nameLatin, p.birthDate AS birthDate, p.birthYear AS birthYear,
  p.nationality AS nationality, p.gender AS gender, identifiers, recordIdentifiers
ORDER BY id, record
