// Accounts: IBAN, domestic bank account, card (masked form and keyed hash only), crypto wallet,
// payment-app id; and who used them.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Account {kind: l.subkind, key: l.key})
ON CREATE SET i.display = l.display
WITH i, l
OPTIONAL MATCH (p:Party {id: l.owner})
OPTIONAL MATCH (r:Record {id: l.owner})
WITH i, l, coalesce(p, r) AS o
MERGE (o)-[x:HAS_ACCOUNT {record: l.record, column: l.column}]->(i)
ON CREATE SET x += l.props
