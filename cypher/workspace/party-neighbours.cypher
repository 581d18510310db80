// What persons and organisations (mentions, by id) are linked to: the identifiers they used and
// the records that mention them; only links of the relationship types asked for (all when none)
// asserted by records of the agencies asked for (all when none). One row per link; each end given
// by its labels and key properties (and, for what is reached, what its label is made of: the
// expand note names hubs left out without reading them); an identifier's use with its column and
// raw text.
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
MATCH (p:Party {id: id})
CALL (p) {
  MATCH (p)-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE (size($only.types) = 0 OR type(x) IN $only.types) AND (size($only.agencies) = 0 OR x.agency IN $only.agencies)
  RETURN type(x) AS type, i AS other, x.record AS record, x.agency AS agency, null AS role,
    x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
  UNION ALL
  MATCH (r:Record)-[x:MENTIONS]->(p)
  WHERE (size($only.types) = 0 OR 'MENTIONS' IN $only.types) AND (size($only.agencies) = 0 OR r.agency IN $only.agencies)
  RETURN 'MENTIONS' AS type, r AS other, r.id AS record, r.agency AS agency, x.role AS role, null AS use
}
WITH p AS src, type, other, record, agency, role, use
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
  UNWIND CASE WHEN $withNodes AND other:Record THEN [other] ELSE [] END AS r0
  RETURN {labels: labels(r0), properties: properties(r0), elementId: elementId(r0), recordCount: 1,
    agencies: [r0.agency], dates: [d IN [r0.eventDate] WHERE d IS NOT NULL]} AS chart
}
UNWIND uses AS u
WITH u.src AS src, u.type AS type, other, u.record AS record, u.agency AS agency, u.role AS role, u.use AS use, chart
RETURN labels(src) AS fromLabels, src {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records, .name,
    .display, .displayName, .code, .caseRef, .recordRef, .fileName} AS keys, record, agency, role, use, chart
ORDER BY record, type, elementId(other)
