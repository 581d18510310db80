// Claims a named lock for one run (two `caselink resolve` at once must not prune each other's
// candidates). The first SET takes the node's write lock before its owner is read, so two runs
// claiming at once are serialised and only one sees it free. A claim whose holder stopped
// renewing it (a crashed run) has expired and may be taken over. Times are the server's, so that
// analysts' machines need not agree on the clock. Answers whether this run now holds it, and the holder.
// mode: write
// params: $name, $owner, $user, $host, $pid, $ttlMs
MERGE (l:CaselinkLock {name: $name})
SET l.claimedBy = $owner
WITH l, l.owner IS NULL OR l.owner = $owner OR l.expiresAt <= datetime() AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.owner = $owner, l.user = $user, l.host = $host, l.pid = $pid, l.acquiredAt = datetime(),
    l.expiresAt = datetime() + duration({milliseconds: $ttlMs})
)
REMOVE l.claimedBy
RETURN free AS acquired, l.owner AS owner, l.user AS user, l.host AS host, l.pid AS pid,
  toString(datetime({datetime: l.acquiredAt, timezone: 'UTC'})) AS acquiredAt
