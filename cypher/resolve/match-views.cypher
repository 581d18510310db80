// A page of persons with the match view each was given when last read in full (null when none):
// an incremental resolution reads these stored views instead of every person's records and
// identifiers again, which on a graph of a hundred thousand records took most of Neo4j's time.
// By id after $after, ordered as persons-for-matching, so that both read the same input order.
// mode: read
// params: $after, $limit
MATCH (p:Person)
WHERE p.id > $after
WITH p
ORDER BY p.id
LIMIT $limit
RETURN p.id AS id, p.matchView AS view
