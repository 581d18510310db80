// Extends a run's claim on a named lock while it works. Answers nothing when the run no longer
// holds it (it stalled past the expiry and another run took it over).
// mode: write
// params: $name, $owner, $ttlMs
MATCH (l:CaselinkLock {name: $name})
WHERE l.owner = $owner
SET l.expiresAt = datetime() + duration({milliseconds: $ttlMs})
RETURN l.owner AS owner
