// E-mail addresses (lower-case) and who used them, with the record, column and raw text.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Email {key: l.key})
ON CREATE SET i.display = l.display
WITH i, l
OPTIONAL MATCH (p:Party {id: l.owner})
OPTIONAL MATCH (r:Record {id: l.owner})
WITH i, l, coalesce(p, r) AS o
MERGE (o)-[x:HAS_EMAIL {record: l.record, column: l.column}]->(i)
ON CREATE SET x += l.props
