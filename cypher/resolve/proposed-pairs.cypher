// Every same-person pair proposed or decided so far, by person id: an incremental resolution
// scores again those whose reasons (a count of namesakes) an import may change.
// mode: read
// params: none
MATCH (a:Person)-[:SAME_AS]->(b:Person)
RETURN a.id AS a, b.id AS b
