// Every same-person pair in the graph, whatever its status, with its score and reasons: to check
// that an incremental resolution leaves the graph as a full one does.
// mode: read
// params: none
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
RETURN a.id AS a, b.id AS b, s.status AS status, s.score AS score, s.reasons AS reasons
ORDER BY a, b
