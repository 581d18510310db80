// The audit trail, newest first: events at or after $since (null for all) of the kinds in $kinds
// (an empty list for all), at most $limit. `at` is returned as an ISO string in UTC.
// mode: read
// params: $since, $kinds, $limit
MATCH (e:AuditEvent)
WHERE ($since IS NULL OR e.at >= datetime($since)) AND (size($kinds) = 0 OR e.kind IN $kinds)
RETURN e {.*, at: toString(e.at)} AS event
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
