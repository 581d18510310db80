// Flags hubs (as flag-hubs) among the identifiers that the records $records assert, the only ones
// whose counts an import of those records changes. Answers how many of them changed from hub to
// not or back: a change alters other records' links, which only a resolution of the whole graph
// takes in.
// mode: write
// params: $records, $threshold
UNWIND $records AS id
MATCH (r:Record {id: id})-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
WHERE x.record = r.id
WITH DISTINCT i
CALL (i) {
  MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  RETURN count(DISTINCT x.record) AS records, size(collect(DISTINCT x.agency)) AS agencies
}
WITH i, records, agencies, coalesce(i.hub, false) AS was, coalesce(i.hubOverride, records >= $threshold) AS hub
SET i.records = records, i.agencies = agencies, i.hub = hub
RETURN count(CASE WHEN was <> hub THEN 1 END) AS changed, count(CASE WHEN hub THEN 1 END) AS hubs, count(i) AS identifiers
