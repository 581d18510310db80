// Re-links records after a change of normalisation rules: each record's identifier links (its
// own and its parties') are replaced by those the rules give now, in one transaction per batch.
// Identifier nodes are MERGEd, so a node that is still used keeps its properties (such as an
// analyst's hub override); nodes left without links are removed by resolve/delete-orphan-identifiers.
// mode: write
// params: $rows
UNWIND $rows AS row
MATCH (r:Record {id: row.id})
CALL (r) {
  OPTIONAL MATCH (r)-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->()
  WHERE x.record = r.id
  DELETE x
}
FOREACH (l IN row.phones |
  MERGE (i:Phone {e164: l.key}) ON CREATE SET i.display = l.display, i.country = l.country
  CREATE (r)-[x:HAS_PHONE]->(i) SET x = l.props)
FOREACH (l IN row.emails |
  MERGE (i:Email {key: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_EMAIL]->(i) SET x = l.props)
FOREACH (l IN row.addresses |
  MERGE (i:Address {key: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_ADDRESS]->(i) SET x = l.props)
FOREACH (l IN row.accounts |
  MERGE (i:Account {kind: l.subkind, key: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_ACCOUNT]->(i) SET x = l.props)
FOREACH (l IN row.handles |
  MERGE (i:Handle {platform: l.subkind, key: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_HANDLE]->(i) SET x = l.props)
FOREACH (l IN row.documents |
  MERGE (i:Document {kind: l.subkind, country: l.country, number: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_DOCUMENT]->(i) SET x = l.props)
FOREACH (l IN row.vehicles |
  MERGE (i:Vehicle {country: l.country, plate: l.key}) ON CREATE SET i.display = l.display
  CREATE (r)-[x:HAS_VEHICLE]->(i) SET x = l.props)
WITH r, row
UNWIND row.persons + row.organizations AS p
MATCH (n:Party {id: p.id})
FOREACH (l IN p.phones |
  MERGE (i:Phone {e164: l.key}) ON CREATE SET i.display = l.display, i.country = l.country
  CREATE (n)-[x:HAS_PHONE]->(i) SET x = l.props)
FOREACH (l IN p.emails |
  MERGE (i:Email {key: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_EMAIL]->(i) SET x = l.props)
FOREACH (l IN p.addresses |
  MERGE (i:Address {key: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_ADDRESS]->(i) SET x = l.props)
FOREACH (l IN p.accounts |
  MERGE (i:Account {kind: l.subkind, key: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_ACCOUNT]->(i) SET x = l.props)
FOREACH (l IN p.handles |
  MERGE (i:Handle {platform: l.subkind, key: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_HANDLE]->(i) SET x = l.props)
FOREACH (l IN p.documents |
  MERGE (i:Document {kind: l.subkind, country: l.country, number: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_DOCUMENT]->(i) SET x = l.props)
FOREACH (l IN p.vehicles |
  MERGE (i:Vehicle {country: l.country, plate: l.key}) ON CREATE SET i.display = l.display
  CREATE (n)-[x:HAS_VEHICLE]->(i) SET x = l.props)
RETURN count(DISTINCT r) AS records
