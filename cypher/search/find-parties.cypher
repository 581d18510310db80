// Persons and organisations whose searchable name (every name they are written under, in Latin
// letters) matches a Lucene query built from escaped words, best first; ties by id, so that equal
// scores always come in one order.
// mode: read
// params: $query, $limit
CALL db.index.fulltext.queryNodes('search_party_names', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node:Person AS person, node.name AS name, node.agency AS agency, score
ORDER BY score DESC, id
