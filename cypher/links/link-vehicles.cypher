// Links records and parties to the Vehicle identifiers they used, one relationship per use carrying
// the record, column, raw value and agency. The identifier node is shared (MERGE on its
// normalised key); its owner is a Record or a Party (Person or Organization) by id.
// Used by the import and by re-linking; links arrive sorted by key, so that concurrent batches
// take the identifiers' locks in one order.
// A vehicle is shown as an agency wrote it, and agencies write one vehicle in several ways:
// the node keeps the writing that sorts first (as Neo4j and JavaScript compare strings), so that
// the same files give the same vehicle text in whatever order they were imported. The lock
// (a property set and removed) is taken only when this writing sorts first as last committed,
// then the comparison is made again under it, so two batches in flight cannot undo each other.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Vehicle {country: l.country, plate: l.key}) ON CREATE SET i.display = l.display
WITH i, l
FOREACH (_ IN CASE WHEN l.display < i.display THEN [1] ELSE [] END |
  SET i.displayLock = true
  REMOVE i.displayLock
  SET i.display = CASE WHEN l.display < i.display THEN l.display ELSE i.display END
)
WITH i, l
CALL (l) {
  MATCH (n:Record {id: l.owner})
  RETURN n
  UNION ALL
  MATCH (n:Party {id: l.owner})
  RETURN n
}
CREATE (n)-[x:HAS_VEHICLE]->(i) SET x = l.props
