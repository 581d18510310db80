// Registers an agency, or updates its name and country. Keyed on the constrained code, so a
// repeated or retried call changes nothing more.
// mode: write
// params: $code, $name, $country, $now
MERGE (a:Agency {code: $code})
ON CREATE SET a.createdAt = datetime($now)
SET a.name = $name, a.country = $country
RETURN a.code AS code, a.name AS name, a.country AS country
