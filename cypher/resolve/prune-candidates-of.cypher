// Withdraws the undecided candidates of the persons $persons that the latest, incremental
// resolution (which scored every pair of theirs again) no longer proposes. Decisions stay. As
// prune-candidates, only the run holding the resolve lock prunes; answers nothing when it no
// longer holds it.
// mode: write
// params: $run, $persons
MATCH (lock:CaselinkLock {name: 'resolve'})
SET lock.checkedAt = datetime()
WITH lock
WHERE lock.owner = $run
CALL () {
  UNWIND $persons AS id
  MATCH (:Person {id: id})-[s:SAME_AS {status: 'candidate'}]-(:Person)
  WHERE s.run <> $run
  WITH DISTINCT s
  DELETE s
  RETURN count(*) AS withdrawn
}
RETURN withdrawn
