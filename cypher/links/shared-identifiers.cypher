// Identifiers that records of at least two agencies assert (hubs left out unless asked for),
// optionally only of some agencies and kinds; each with every record on every side.
// mode: read
// params: $agencies, $labels, $includeHubs, $limit
MATCH (i)
WHERE (i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle)
  AND ($includeHubs OR NOT coalesce(i.hub, false))
  AND coalesce(i.agencies, 2) >= 2
WITH i, [l IN labels(i) WHERE l IN ['Phone', 'Email', 'Address', 'Account', 'Handle', 'Document', 'Vehicle']][0] AS label
WHERE size($labels) = 0 OR label IN $labels
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-(owner)
MATCH (r:Record {id: x.record})
WITH i, label, collect(DISTINCT {record: r.id, agency: r.agency, fileName: r.fileName, sheet: r.sheet, row: r.row, column: x.column, raw: x.raw, extension: x.extension, caseRef: r.caseRef, owner: coalesce(owner.name, 'the record itself')}) AS sides
WITH i, label, sides, [s IN sides | s.agency] AS agencyList
WITH i, label, sides, reduce(acc = [], a IN agencyList | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS agencies
WHERE size(agencies) >= 2 AND (size($agencies) = 0 OR any(a IN agencies WHERE a IN $agencies))
RETURN label, i.display AS display, coalesce(i.e164, i.key, i.number, i.plate) AS key, coalesce(i.hub, false) AS hub, agencies, sides
ORDER BY size(agencies) DESC, size(sides) DESC, display
LIMIT $limit
