// What records (by id) are linked to: the identifiers the row itself gives, the persons and
// organisations it mentions and the case it is about; only the relationship types asked for (all
// when none), and only records of the agencies asked for (all when none). One row per link; what
// is reached comes with what its label is made of (the expand note names hubs without reading them).
// At most $max links, in a fixed order (the caller says when the answer was cut).
// What is reached comes, when $withNodes, with what draws it on the chart, so that expand needs
// no second round of statements: a person or organisation with every mention it joins (as
// party-components.cypher, $join.at and $maxComponent alike), anything else with its records,
// agencies and dates (as record-, case- and identifier-nodes.cypher); hub identifiers without
// (they are drawn only when asked for, and then read apart).
// The filters come in maps ($only.types, $only.agencies; $join.at): an empty list, a null or a
// whole number where a list, a string or a fraction came before would have Neo4j plan the
// statement again (a second or two each); a map is one type whatever it holds.
// mode: read
// params: $ids, $only, $max, $withNodes, $join, $maxComponent
UNWIND $ids AS id
MATCH (r:Record {id: id})
WHERE size($only.agencies) = 0 OR r.agency IN $only.agencies
CALL (r) {
  MATCH (r)-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE size($only.types) = 0 OR type(x) IN $only.types
  RETURN type(x) AS type, i AS other, null AS role, x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
  UNION ALL
  MATCH (r)-[x:MENTIONS]->(p)
  WHERE size($only.types) = 0 OR 'MENTIONS' IN $only.types
  RETURN 'MENTIONS' AS type, p AS other, x.role AS role, null AS use
  UNION ALL
  MATCH (r)-[:ABOUT]->(c:Case)
  WHERE size($only.types) = 0 OR 'ABOUT' IN $only.types
  RETURN 'ABOUT' AS type, c AS other, null AS role, null AS use
}
WITH r AS src, type, other, r.id AS record, r.agency AS agency, role, use
ORDER BY record, type, elementId(other)
LIMIT $max
// What draws a node reached is read once however many links reach it (an identifier that forty
// rows give is one identifier to draw, not forty).
WITH other, collect({src: src, type: type, record: record, agency: agency, role: role, use: use}) AS uses
OPTIONAL CALL (other) {
  UNWIND CASE WHEN $withNodes AND NOT (other:Party OR other:Record OR other:Case) AND coalesce(other.hub, false) = false
    THEN [other] ELSE [] END AS i0
  CALL (i0) {
    OPTIONAL MATCH (i0)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
    WITH x LIMIT 20000
    WITH collect(DISTINCT x.record) AS records, collect(DISTINCT x.agency) AS agencies, count(x) AS uses
    CALL (records) {
      UNWIND records[..100] AS id
      MATCH (r:Record {id: id})
      WITH r.eventDate AS date WHERE date IS NOT NULL
      RETURN collect(DISTINCT date) AS dates
    }
    RETURN CASE WHEN uses >= 20000 AND i0.records > size(records) THEN i0.records ELSE size(records) END AS recordCount,
      agencies, dates
  }
  RETURN {labels: labels(i0), properties: properties(i0), elementId: elementId(i0), recordCount: recordCount,
    agencies: agencies, dates: dates} AS chart
  UNION ALL
  UNWIND CASE WHEN $withNodes AND other:Party THEN [other] ELSE [] END AS p0
  CALL (p0) {
    MATCH ANY SHORTEST (p0)(()-[s:SAME_AS WHERE s.status = 'confirmed' OR ($join.at IS NOT NULL AND s.status = 'candidate' AND s.score >= $join.at)]-(:Person)){0,}(q)
    WHERE p0:Person OR q = p0
    WITH DISTINCT q LIMIT $maxComponent + 1
    CALL (q) {
      OPTIONAL MATCH (r:Record)-[m:MENTIONS]->(q)
      WITH r, m ORDER BY r.id
      RETURN collect(r {.id, .agency, .eventDate, role: m.role}) AS records
    }
    RETURN collect({id: q.id, labels: labels(q), properties: properties(q), elementId: elementId(q), records: records}) AS members,
      $join.at IS NOT NULL AND any(m IN collect(q) WHERE EXISTS {
        (m)-[c:SAME_AS {status: 'candidate'}]-(:Person) WHERE c.score >= $join.at
      }) AS unconfirmed
  }
  RETURN {id: p0.id, members: members, unconfirmed: unconfirmed} AS chart
  UNION ALL
  UNWIND CASE WHEN $withNodes AND other:Case THEN [other] ELSE [] END AS c0
  CALL (c0) {
    OPTIONAL MATCH (r:Record)-[:ABOUT]->(c0)
    WITH r ORDER BY r.eventDate
    RETURN count(r) AS recordCount, collect(DISTINCT r.agency) AS agencies,
      collect(DISTINCT r.eventDate)[..100] AS dates
  }
  RETURN {labels: labels(c0), properties: properties(c0), elementId: elementId(c0), recordCount: recordCount,
    agencies: CASE WHEN size(agencies) = 0 THEN [c0.agency] ELSE agencies END, dates: dates} AS chart
}
UNWIND uses AS u
WITH u.src AS src, u.type AS type, other, u.record AS record, u.agency AS agency, u.role AS role, u.use AS use, chart
RETURN labels(src) AS fromLabels, src {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records, .name,
    .display, .displayName, .code, .caseRef, .recordRef, .fileName} AS keys, record, agency, role, use, chart
ORDER BY record, type, elementId(other)
