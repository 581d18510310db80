// Every person mention with what matching needs: names, date of birth, nationality, where it
// stands and the date of what its record reports, the identifiers the person used, and those anyone in its record used (hubs left out).
// mode: read
// params: none
MATCH (r:Record)-[:MENTIONS]->(p:Person)
CALL (r) {
  OPTIONAL MATCH (r)-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE x.record = r.id AND NOT coalesce(i.hub, false)
  RETURN collect(DISTINCT {label: [l IN labels(i) WHERE l <> 'Party'][0], id: elementId(i), display: i.display}) AS recordIdentifiers
}
OPTIONAL MATCH (p)-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
WHERE NOT coalesce(i.hub, false)
WITH r, p, recordIdentifiers, collect(CASE WHEN i IS NULL THEN NULL ELSE {label: [l IN labels(i) WHERE l <> 'Party'][0], id: elementId(i), display: i.display} END) AS identifiers
RETURN p.id AS id, r.id AS record, p.agency AS agency, r.fileName AS fileName, r.sheet AS sheet, r.row AS row,
  r.caseRef AS caseRef, r.recordRef AS recordRef, r.eventDate AS eventDate,
  p.name AS name, p.nameLatin AS nameLatin, p.birthDate AS birthDate, p.nationality AS nationality, identifiers,
  recordIdentifiers
