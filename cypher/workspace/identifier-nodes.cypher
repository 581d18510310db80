// Identifiers by their keys, one list per label (labels stay static: each branch uses its
// label's unique constraint), with how many records assert each and their agencies and dates.
// The keys come in one map ($keys.phones …), never as seven lists: Neo4j plans a statement again
// for each mix of empty and filled list parameters (a second or two each), and a map is one type
// whatever it holds.
// mode: read
// params: $keys
CALL () {
  UNWIND $keys.phones AS k MATCH (i:Phone {e164: k.e164}) RETURN i
  UNION ALL
  UNWIND $keys.emails AS k MATCH (i:Email {key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.addresses AS k MATCH (i:Address {key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.accounts AS k MATCH (i:Account {kind: k.kind, key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.handles AS k MATCH (i:Handle {platform: k.platform, key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.documents AS k MATCH (i:Document {kind: k.kind, country: k.country, number: k.number}) RETURN i
  UNION ALL
  UNWIND $keys.vehicles AS k MATCH (i:Vehicle {country: k.country, plate: k.plate}) RETURN i
}
CALL (i) {
  OPTIONAL MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  // A hub's uses are read up to a bound (its record count is then the one resolution stored), so
  // drawing a hotline used by a hundred thousand rows costs what drawing a small one does.
  WITH x LIMIT 20000
  WITH collect(DISTINCT x.record) AS records, collect(DISTINCT x.agency) AS agencies, count(x) AS uses
  CALL (records) {
    UNWIND records[..100] AS id
    MATCH (r:Record {id: id})
    WITH r.eventDate AS date WHERE date IS NOT NULL
    RETURN collect(DISTINCT date) AS dates
  }
  RETURN CASE WHEN uses >= 20000 AND i.records > size(records) THEN i.records ELSE size(records) END AS recordCount,
    agencies, dates
}
RETURN labels(i) AS labels, properties(i) AS properties, elementId(i) AS elementId, recordCount, agencies, dates
