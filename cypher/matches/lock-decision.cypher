// Takes the lock on undoing one decision ($lock names it) for the rest of the transaction: the SET
// takes the node's write lock, so a second undo of the same decision waits here until the first
// has committed, and then reads the event that undid it. matches/unlock-decision deletes the node
// in the same transaction, so nothing stays in the graph.
// mode: write
// params: $lock
MERGE (l:CaselinkLock {name: $lock})
SET l.claimedAt = datetime()
