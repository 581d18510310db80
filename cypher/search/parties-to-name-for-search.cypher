// Persons and organisations whose searchable name an older Caselink did not store as this one
// does: written before search stored Latin names (schema before 6), or with letters lost to an
// encoding ('?' or U+FFFD: "B?IE?U") before their words were stored whole (schema before 8); a
// page at a time in id order (the party_id index), with the names a row gave them.
// mode: read
// params: $after, $batch
MATCH (n:Party)
WHERE n.id > $after
  AND (n.searchName IS NULL
    OR any(v IN [n.name, n.givenName, n.familyName, n.alias, n.nameLatin] WHERE v CONTAINS '?' OR v CONTAINS '\uFFFD'))
RETURN n.id AS id, n.name AS name, n.givenName AS givenName, n.familyName AS familyName, n.alias AS alias,
       n.nameLatin AS nameLatin
ORDER BY n.id
LIMIT $batch
