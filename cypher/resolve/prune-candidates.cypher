// Withdraws undecided candidates that the latest resolution no longer proposes. Decisions stay.
// Only the run holding the resolve lock prunes (another run's candidates carry its own run id):
// the lock's node is written first, so that no other run can claim it in between; answers
// nothing when this run no longer holds it. At most $limit at a time, so that no transaction
// grows with the graph: run again until fewer are withdrawn.
// mode: write
// params: $run, $limit
MATCH (lock:CaselinkLock {name: 'resolve'})
SET lock.checkedAt = datetime()
WITH lock
WHERE lock.owner = $run
CALL () {
  MATCH (:Person)-[s:SAME_AS {status: 'candidate'}]->(:Person)
  WHERE s.run <> $run
  WITH s
  LIMIT $limit
  DELETE s
  RETURN count(*) AS withdrawn
}
RETURN withdrawn
