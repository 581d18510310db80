// Phone numbers (E.164) and who used them: a person or organisation, or the record itself for
// numbers found in free text. Each link keeps the record, column and raw text that assert it.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Phone {e164: l.key})
ON CREATE SET i.display = l.display, i.country = l.country
WITH i, l
OPTIONAL MATCH (p:Party {id: l.owner})
OPTIONAL MATCH (r:Record {id: l.owner})
WITH i, l, coalesce(p, r) AS o
MERGE (o)-[x:HAS_PHONE {record: l.record, column: l.column}]->(i)
ON CREATE SET x += l.props
