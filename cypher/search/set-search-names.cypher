// Stores the searchable (Latin) names of parties written before search existed; setting the same
// value again changes nothing, so a retried batch is harmless.
// mode: write
// params: $parties
UNWIND $parties AS p
MATCH (n:Party {id: p.id})
SET n.searchName = p.searchName
