// Removes identifier nodes that no record or party asserts any more (after re-linking).
// mode: write
// params: none
MATCH (i)
WHERE (i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle) AND NOT (i)--()
DELETE i
RETURN count(*) AS removed
