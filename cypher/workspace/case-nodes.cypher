// Cases by agency and reference, with the records about each (their agencies and dates), for chart nodes.
// mode: read
// params: $cases
UNWIND $cases AS k
MATCH (c:Case {agency: k.agency, ref: k.ref})
CALL (c) {
  OPTIONAL MATCH (r:Record)-[:ABOUT]->(c)
  WITH r ORDER BY r.eventDate
  RETURN count(r) AS recordCount, collect(DISTINCT r.agency) AS agencies,
    collect(DISTINCT r.eventDate)[..100] AS dates
}
RETURN labels(c) AS labels, properties(c) AS properties, elementId(c) AS elementId, recordCount,
  CASE WHEN size(agencies) = 0 THEN [c.agency] ELSE agencies END AS agencies, dates
