// Every identifier node with its kind, key, display form, and how many records and agencies
// assert it (through the record itself or a party it mentions), most used first.
// mode: read
// params: $limit
MATCH (i)
WHERE i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
WITH i, count(DISTINCT x.record) AS records, collect(DISTINCT x.agency) AS agencies
RETURN [l IN labels(i) WHERE l IN ['Phone', 'Email', 'Address', 'Account', 'Handle', 'Document', 'Vehicle']][0] AS label,
  coalesce(i.e164, i.key, i.number, i.plate) AS key,
  coalesce(i.kind, i.platform, '') AS subkind,
  coalesce(i.country, '') AS country,
  i.display AS display, records, agencies
ORDER BY records DESC, label, key
LIMIT $limit
