// For bench:query, the material its questions are drawn from: person mentions with a name and at
// least one identifier that is not a hub (so that expanding them draws something), in storage
// order (the same graph always answers alike; the bench draws from them with a seeded generator).
// mode: read
// params: $max
MATCH (p:Person)
WHERE p.name IS NOT NULL
  AND EXISTS { (p)-[:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i) WHERE NOT coalesce(i.hub, false) }
RETURN p.id AS id, p.name AS name, p.nameLatin AS nameLatin
LIMIT $max
