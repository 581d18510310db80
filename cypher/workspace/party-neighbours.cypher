// What persons and organisations (mentions, by id) are linked to: the identifiers they used and
// the records that mention them; only links of the relationship types asked for (all when none)
// asserted by records of the agencies asked for (all when none). One row per link; each end given
// by its labels and key properties (and, for what is reached, what its label is made of: the
// expand note names hubs left out without reading them); an identifier's use with its column and
// raw text.
// At most $max links, in a fixed order (the caller says when the answer was cut).
// mode: read
// params: $ids, $types, $agencies, $max
UNWIND $ids AS id
MATCH (p:Party {id: id})
CALL (p) {
  MATCH (p)-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
  WHERE (size($types) = 0 OR type(x) IN $types) AND (size($agencies) = 0 OR x.agency IN $agencies)
  RETURN type(x) AS type, i AS other, x.record AS record, x.agency AS agency, null AS role,
    x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
  UNION ALL
  MATCH (r:Record)-[x:MENTIONS]->(p)
  WHERE (size($types) = 0 OR 'MENTIONS' IN $types) AND (size($agencies) = 0 OR r.agency IN $agencies)
  RETURN 'MENTIONS' AS type, r AS other, r.id AS record, r.agency AS agency, x.role AS role, null AS use
}
RETURN labels(p) AS fromLabels, p {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records, .name,
    .display, .displayName, .code, .caseRef, .recordRef, .fileName} AS keys, record, agency, role, use
ORDER BY record, type, elementId(other)
LIMIT $max
