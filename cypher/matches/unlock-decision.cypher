// Deletes the lock matches/lock-decision took ($lock), at the end of the transaction that undoes the
// decision: the lock itself holds until that transaction commits.
// mode: write
// params: $lock
MATCH (l:CaselinkLock {name: $lock})
DELETE l
