// For scoring links against ground truth: each identifier with every spreadsheet location
// (file, sheet, row) of the records that assert it, and its display form (for the list of wrong links).
// mode: read
// params: none
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
WHERE i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle
MATCH (s:Source)-[h:HAS_ROW]->(:Record {id: x.record})
WITH i, collect(DISTINCT s.fileName + '|' + h.sheet + '|' + toString(h.row)) AS locations
RETURN [l IN labels(i) WHERE l <> 'Party'][0] AS label, coalesce(i.kind, i.platform, '') AS subkind, elementId(i) AS id,
  i.display AS display, locations
