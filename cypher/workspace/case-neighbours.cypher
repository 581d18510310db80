// The records about cases (by agency and reference), of the agencies asked for (all when none).
// At most $max links, in a fixed order (the caller says when the answer was cut).
// mode: read
// params: $cases, $types, $agencies, $max
UNWIND $cases AS k
MATCH (c:Case {agency: k.agency, ref: k.ref})<-[:ABOUT]-(r:Record)
WHERE (size($types) = 0 OR 'ABOUT' IN $types) AND (size($agencies) = 0 OR r.agency IN $agencies)
RETURN labels(c) AS fromLabels, c {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, 'ABOUT' AS type, labels(r) AS labels,
  r {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS keys, r.id AS record, r.agency AS agency, null AS role, null AS use
ORDER BY record, type, elementId(r)
LIMIT $max
