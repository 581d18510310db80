// Counts the records asserting each identifier and flags as a hub (a hotline, a shelter, an
// agency's own office) every identifier asserted by at least $threshold records, unless an
// analyst has said otherwise (hubOverride). Hubs stay in the graph but are left out of link
// expansion and matching. In transactions of $batch identifiers, writing only what changed, so
// that no transaction grows with the graph (a million-record graph outgrew Neo4j's transaction
// memory in one).
// mode: autocommit
// params: $threshold, $batch
MATCH (i)
WHERE i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle
CALL (i) {
  MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
  WITH count(DISTINCT x.record) AS records, size(collect(DISTINCT x.agency)) AS agencies
  WITH records, agencies, coalesce(i.hubOverride, records >= $threshold) AS hub
  CALL (i, records, agencies, hub) {
    WITH * WHERE i.records IS NULL OR i.records <> records OR i.agencies IS NULL OR i.agencies <> agencies
      OR i.hub IS NULL OR i.hub <> hub
    SET i.records = records, i.agencies = agencies, i.hub = hub
  }
  RETURN hub
} IN TRANSACTIONS OF $batch ROWS
RETURN count(CASE WHEN hub THEN 1 END) AS hubs, count(i) AS identifiers
