// Notes that the files $sources were taken in by a resolution at $now: an incremental
// resolution leaves them out.
// mode: write
// params: $sources, $now
UNWIND $sources AS id
MATCH (s:Source {id: id})
SET s.resolvedAt = datetime($now)
