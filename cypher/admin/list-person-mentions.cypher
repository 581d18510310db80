// Tests only: every person mention's id by its name, so that a test can name the mentions it planted.
// mode: read
// params: none
MATCH (p:Person)
RETURN p.name AS name, p.id AS id
ORDER BY id
