// Identity documents (country, type, number) and who held them.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Document {kind: l.subkind, country: l.country, number: l.key})
ON CREATE SET i.display = l.display
WITH i, l
OPTIONAL MATCH (p:Party {id: l.owner})
OPTIONAL MATCH (r:Record {id: l.owner})
WITH i, l, coalesce(p, r) AS o
MERGE (o)-[x:HAS_DOCUMENT {record: l.record, column: l.column}]->(i)
ON CREATE SET x += l.props
