// Links records and parties to the Address identifiers they used, one relationship per use carrying
// the record, column, raw value and agency. The identifier node is shared (MERGE on its
// normalised key); its owner is a Record or a Party (Person or Organization) by id.
// Used by the import and by re-linking; links arrive sorted by key, so that concurrent batches
// take the identifiers' locks in one order.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Address {key: l.key}) ON CREATE SET i.display = l.display
WITH i, l
CALL (l) {
  MATCH (n:Record {id: l.owner})
  RETURN n
  UNION ALL
  MATCH (n:Party {id: l.owner})
  RETURN n
}
CREATE (n)-[x:HAS_ADDRESS]->(i) SET x = l.props
