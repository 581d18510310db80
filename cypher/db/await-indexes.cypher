// Waits until every index is online (new indexes on an existing graph populate in the background).
// mode: read
// params: $seconds
CALL db.awaitIndexes($seconds)
