// An analyst's word on whether an identifier is a hub ($hub true or false), or null to let the
// record count decide again. Takes effect at once and survives re-resolution. When the flag
// changes, the match views of the persons of every record asserting the identifier are dropped:
// their identifiers, hubs left out, are others now, and the next incremental resolution reads
// them again in full and matches them again, as a hub an import flipped.
// mode: write
// params: $label, $key, $hub, $threshold
MATCH (i)
WHERE $label IN labels(i) AND coalesce(i.e164, i.key, i.number, i.plate) = $key
WITH i, coalesce(i.hub, false) AS was
SET i.hubOverride = $hub, i.hub = coalesce($hub, coalesce(i.records, 0) >= $threshold)
WITH i, was
CALL (i, was) {
  WITH i, was WHERE was <> i.hub
  MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  WITH DISTINCT x.record AS record
  MATCH (:Record {id: record})-[:MENTIONS]->(p:Person)
  REMOVE p.matchView
}
RETURN i.display AS display, i.hub AS hub
