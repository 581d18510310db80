// Writes one batch of rows. A row whose Record exists already (same content, or same row key)
// was written whole by an earlier batch, in one transaction with everything it names, so it only
// gains this file's location. A new row becomes its Record, its locations, its case, the persons
// and organisations it mentions, and the identifiers each of them (or the row itself) used:
// identifier nodes and cases are MERGEd, being shared; all else is new and CREATEd. Rows are
// unique by id within a batch (the importer folds duplicates into one row with two locations).
// mode: write
// params: $source, $agency, $rows
MATCH (s:Source {id: $source})
UNWIND $rows AS row
OPTIONAL MATCH (known:Record {id: row.id})
FOREACH (_ IN CASE WHEN known IS NULL THEN [] ELSE [1] END |
  FOREACH (loc IN row.locations | MERGE (s)-[:HAS_ROW {sheet: loc.sheet, row: loc.row}]->(known)))
WITH s, row, known
WHERE known IS NULL
CREATE (r:Record) SET r = row.props, r.id = row.id, r.source = $source
FOREACH (loc IN row.locations | CREATE (s)-[:HAS_ROW {sheet: loc.sheet, row: loc.row}]->(r))
FOREACH (ref IN row.cases |
  MERGE (c:Case {agency: $agency, ref: ref})
  CREATE (r)-[:ABOUT]->(c))
FOREACH (p IN row.persons |
  CREATE (n:Person:Party) SET n = p.props, n.id = p.id
  CREATE (r)-[:MENTIONS {role: p.props.role, entity: p.props.entity}]->(n)
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
    CREATE (n)-[x:HAS_VEHICLE]->(i) SET x = l.props))
FOREACH (p IN row.organizations |
  CREATE (n:Organization:Party) SET n = p.props, n.id = p.id
  CREATE (r)-[:MENTIONS {role: p.props.role, entity: p.props.entity}]->(n)
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
    CREATE (n)-[x:HAS_VEHICLE]->(i) SET x = l.props))
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
RETURN count(r) AS created
