// The benchmark's baseline: Neo4j's own LOAD CSV + MERGE of the same rows Caselink imports, with
// the profile's columns but none of Caselink's reading, normalising or provenance: a record per
// line, its case, a person by name, and the phones, addresses and e-mails as written.
// mode: autocommit
// params: $url, $source, $agency, $caseColumns, $nameColumns, $phoneColumns, $addressColumns, $emailColumns
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (r:Record {id: $source + ':' + toString(linenumber())})
  ON CREATE SET r.agency = $agency
  FOREACH (ref IN [c IN $caseColumns WHERE row[c] IS NOT NULL | row[c]] |
    MERGE (k:Case {agency: $agency, ref: ref}) MERGE (r)-[:ABOUT]->(k))
  FOREACH (name IN [c IN $nameColumns WHERE row[c] IS NOT NULL | row[c]][0..1] |
    MERGE (p:Person:Party {id: r.id + ':p'}) ON CREATE SET p.name = name MERGE (r)-[:MENTIONS]->(p))
  FOREACH (v IN [c IN $phoneColumns WHERE row[c] IS NOT NULL | row[c]] |
    MERGE (i:Phone {e164: v}) MERGE (r)-[:HAS_PHONE]->(i))
  FOREACH (v IN [c IN $addressColumns WHERE row[c] IS NOT NULL | row[c]] |
    MERGE (i:Address {key: v}) MERGE (r)-[:HAS_ADDRESS]->(i))
  FOREACH (v IN [c IN $emailColumns WHERE row[c] IS NOT NULL | row[c]] |
    MERGE (i:Email {key: v}) MERGE (r)-[:HAS_EMAIL]->(i))
} IN TRANSACTIONS OF 2000 ROWS
RETURN count(*) AS rows
