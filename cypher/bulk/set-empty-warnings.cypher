// After a bulk first load: records without warnings get the empty list the transactional path
// stores, which Neo4j's offline importer cannot write (an empty array field is read as no value).
// mode: autocommit
// params: $batch
MATCH (r:Record) WHERE r.warnings IS NULL
CALL (r) { SET r.warnings = [] } IN TRANSACTIONS OF $batch ROWS
RETURN count(r) AS records
