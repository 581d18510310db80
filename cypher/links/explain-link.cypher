// Why two records are linked: every identifier both assert (directly or through a party they
// mention), with agency, file, sheet, row, column, raw text (and a phone's extension) on each side.
// mode: read
// params: $a, $b
MATCH (ra:Record {id: $a})
MATCH (rb:Record {id: $b})
MATCH (ra)-[:MENTIONS*0..1]->(oa)-[xa:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
MATCH (rb)-[:MENTIONS*0..1]->(ob)-[xb:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
WHERE xa.record = $a AND xb.record = $b
RETURN [l IN labels(i) WHERE l <> 'Party'][0] AS label, i.display AS display, coalesce(i.hub, false) AS hub,
  {record: ra.id, agency: ra.agency, fileName: ra.fileName, sheet: ra.sheet, row: ra.row, column: xa.column, raw: xa.raw, extension: xa.extension, caseRef: ra.caseRef, owner: coalesce(oa.name, 'the record itself')} AS left,
  {record: rb.id, agency: rb.agency, fileName: rb.fileName, sheet: rb.sheet, row: rb.row, column: xb.column, raw: xb.raw, extension: xb.extension, caseRef: rb.caseRef, owner: coalesce(ob.name, 'the record itself')} AS right
ORDER BY label, display
