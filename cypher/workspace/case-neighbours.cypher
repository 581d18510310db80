// The records about cases (by agency and reference), of the agencies asked for (all when none).
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
// params: $cases, $only, $max, $withNodes, $join, $maxComponent
UNWIND $cases AS k
MATCH (c:Case {agency: k.agency, ref: k.ref})<-[:ABOUT]-(r:Record)
WHERE (size($only.types) = 0 OR 'ABOUT' IN $only.types) AND (size($only.agencies) = 0 OR r.agency IN $only.agencies)
WITH c AS src, r AS other, r.id AS record, r.agency AS agency
ORDER BY record, elementId(other)
LIMIT $max
OPTIONAL CALL (other) {
  UNWIND CASE WHEN $withNodes AND other:Record THEN [other] ELSE [] END AS r0
  RETURN {labels: labels(r0), properties: properties(r0), elementId: elementId(r0), recordCount: 1,
    agencies: [r0.agency], dates: [d IN [r0.eventDate] WHERE d IS NOT NULL]} AS chart
}
RETURN labels(src) AS fromLabels, src {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, 'ABOUT' AS type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS keys, record, agency, null AS role, null AS use, chart
ORDER BY record, elementId(other)
