// Counts the records asserting each identifier and flags as a hub (a hotline, a shelter, an
// agency's own office) every identifier asserted by at least $threshold records, unless an
// analyst has said otherwise (hubOverride). Hubs stay in the graph but are left out of link
// expansion and matching.
// mode: write
// params: $threshold
MATCH (i)
WHERE i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle
CALL (i) {
  MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  RETURN count(DISTINCT x.record) AS records, collect(DISTINCT x.agency) AS agencies
}
SET i.records = records, i.agencies = size(agencies), i.hub = coalesce(i.hubOverride, records >= $threshold)
RETURN count(CASE WHEN i.hub THEN 1 END) AS hubs, count(i) AS identifiers
