// Vehicles (country + plate) and who used them.
// mode: write
// params: $links
UNWIND $links AS l
MERGE (i:Vehicle {country: l.country, plate: l.key})
ON CREATE SET i.display = l.display
WITH i, l
OPTIONAL MATCH (p:Party {id: l.owner})
OPTIONAL MATCH (r:Record {id: l.owner})
WITH i, l, coalesce(p, r) AS o
MERGE (o)-[x:HAS_VEHICLE {record: l.record, column: l.column}]->(i)
ON CREATE SET x += l.props
