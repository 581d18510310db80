// What records (by id) are linked to: the identifiers the row itself gives, the persons and
// organisations it mentions and the case it is about; only the relationship types asked for (all
// when none), and only records of the agencies asked for (all when none). One row per link; what
// is reached comes with what its label is made of (the expand note names hubs without reading them).
// At most $max links, in a fixed order (the caller says when the answer was cut).
// mode: read
// params: $ids, $types, $agencies, $max
UNWIND $ids AS id
MATCH (r:Record {id: id})
WHERE size($agencies) = 0 OR r.agency IN $agencies
CALL (r) {
  MATCH (r)-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE size($types) = 0 OR type(x) IN $types
  RETURN type(x) AS type, i AS other, null AS role, x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
  UNION ALL
  MATCH (r)-[x:MENTIONS]->(p)
  WHERE size($types) = 0 OR 'MENTIONS' IN $types
  RETURN 'MENTIONS' AS type, p AS other, x.role AS role, null AS use
  UNION ALL
  MATCH (r)-[:ABOUT]->(c:Case)
  WHERE size($types) = 0 OR 'ABOUT' IN $types
  RETURN 'ABOUT' AS type, c AS other, null AS role, null AS use
}
RETURN labels(r) AS fromLabels, r {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records, .name,
    .display, .displayName, .code, .caseRef, .recordRef, .fileName} AS keys, r.id AS record, r.agency AS agency, role, use
ORDER BY record, type, elementId(other)
LIMIT $max
