// Keeps on each person the match view read for it (its mentions as matching needs them, JSON):
// what an incremental resolution reads instead of the person's records and identifiers. A view
// holds only what no later import changes without naming the person again (a new record that
// mentions it makes it new to the next resolution) or flipping a hub (which names its records).
// A view as stored already is left be: a full resolution of a graph resolved before writes only
// the views that changed (a view is about 800 bytes a mention; a million of them, unchanged,
// were all written again).
// mode: write
// params: $views
UNWIND $views AS v
MATCH (p:Person {id: v.id})
WITH p, v
WHERE p.matchView IS NULL OR p.matchView <> v.view
SET p.matchView = v.view
