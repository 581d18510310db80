// Persons and organisations written before search stored their Latin names (schema before 6),
// a page at a time in id order (the party_id index), with the names a row gave them.
// mode: read
// params: $after, $batch
MATCH (n:Party)
WHERE n.id > $after AND n.searchName IS NULL
RETURN n.id AS id, n.name AS name, n.givenName AS givenName, n.familyName AS familyName, n.alias AS alias,
       n.nameLatin AS nameLatin
ORDER BY n.id
LIMIT $batch
