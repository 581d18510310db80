// Records by id, for chart nodes.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (r:Record {id: id})
RETURN labels(r) AS labels, properties(r) AS properties, elementId(r) AS elementId, 1 AS recordCount,
  [r.agency] AS agencies, [d IN [r.eventDate] WHERE d IS NOT NULL] AS dates
