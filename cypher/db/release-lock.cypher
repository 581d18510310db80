// Releases a run's claim on a named lock; leaves alone a lock another run holds.
// mode: write
// params: $name, $owner
MATCH (l:CaselinkLock {name: $name})
WHERE l.owner = $owner
DELETE l
RETURN count(*) AS released
