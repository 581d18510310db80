// An analyst's word on whether an identifier is a hub ($hub true or false), or null to let the
// record count decide again. Takes effect at once and survives re-resolution.
// mode: write
// params: $label, $key, $hub, $threshold
MATCH (i)
WHERE $label IN labels(i) AND coalesce(i.e164, i.key, i.number, i.plate) = $key
SET i.hubOverride = $hub, i.hub = coalesce($hub, coalesce(i.records, 0) >= $threshold)
RETURN i.display AS display, i.hub AS hub
