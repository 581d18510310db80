// For bench:query: pairs of person mentions of different agencies joined through two identifiers
// that are not hubs and a party between them (a path of four steps), for the shortest-path runs.
// mode: read
// params: $max
MATCH (a:Person)-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]->(i)<-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]-(m:Party)
WHERE NOT coalesce(i.hub, false) AND m <> a
MATCH (m)-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]->(j)<-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]-(b:Person)
WHERE NOT coalesce(j.hub, false) AND j <> i AND b <> m AND b <> a AND a.agency <> b.agency
RETURN DISTINCT a.id AS a, b.id AS b
LIMIT $max
