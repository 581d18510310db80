// Flags hubs (as flag-hubs) among the identifiers that the records $records assert, the only ones
// whose counts an import of those records changes. Answers how many are hubs, and the records
// (with the persons they mention) that assert one that became a hub or stopped being one: their
// links changed, so their pairs and their networks' are matched again. Answers too each of those
// identifiers as persons-for-matching reads it: the import may have given it another display (the
// writing that sorts first), which the stored match views of its earlier users do not hold.
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
WITH count(i) AS identifiers, count(CASE WHEN hub THEN 1 END) AS hubs,
  collect(CASE WHEN was <> hub THEN i END) AS flipped,
  collect([labels(i), i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate, i.display]) AS asserted
CALL (flipped) {
  UNWIND flipped AS i
  MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  WITH DISTINCT x.record AS record
  OPTIONAL MATCH (:Record {id: record})-[:MENTIONS]->(p:Person)
  RETURN collect(DISTINCT record) AS records, collect(DISTINCT p.id) AS persons
}
RETURN identifiers, hubs, records, persons, asserted
