// Who used identifiers (by key, one list per label: labels stay static): the persons,
// organisations and records that assert each, by records of the agencies asked for (all when none);
// at most $max links, in a fixed order, so that a hotline used by a hundred thousand rows is read
// in bounded time and memory (the caller says the answer was cut).
// What is reached comes, when $withNodes, with what draws it on the chart, so that expand needs
// no second round of statements: a person or organisation with every mention it joins (as
// party-components.cypher, $join.at and $maxComponent alike), anything else with its records,
// agencies and dates (as record-, case- and identifier-nodes.cypher); hub identifiers without
// (they are drawn only when asked for, and then read apart).
// The keys come in one map ($keys.phones …), never as seven lists: Neo4j plans a statement again
// for each mix of empty and filled list parameters (a second or two each), and a map is one type
// whatever it holds.
// The filters come in maps ($only.types, $only.agencies; $join.at), as the keys do: an empty list,
// a null or a whole number where a list, a string or a fraction came before would have Neo4j plan
// the statement again.
// mode: read
// params: $keys, $only, $max, $withNodes, $join, $maxComponent
CALL () {
  UNWIND $keys.phones AS k MATCH (i:Phone {e164: k.e164}) RETURN i
  UNION ALL
  UNWIND $keys.emails AS k MATCH (i:Email {key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.addresses AS k MATCH (i:Address {key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.accounts AS k MATCH (i:Account {kind: k.kind, key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.handles AS k MATCH (i:Handle {platform: k.platform, key: k.key}) RETURN i
  UNION ALL
  UNWIND $keys.documents AS k MATCH (i:Document {kind: k.kind, country: k.country, number: k.number}) RETURN i
  UNION ALL
  UNWIND $keys.vehicles AS k MATCH (i:Vehicle {country: k.country, plate: k.plate}) RETURN i
}
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-(owner)
WHERE (size($only.types) = 0 OR type(x) IN $only.types) AND (size($only.agencies) = 0 OR x.agency IN $only.agencies)
WITH i AS src, type(x) AS type, owner AS other, x.record AS record, x.agency AS agency,
  x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
ORDER BY record, type, elementId(other)
LIMIT $max
// What draws a user is read once however many of its records use the identifiers (a person
// named in forty rows of one agency is one person to draw, not forty).
WITH other, collect({src: src, type: type, record: record, agency: agency, use: use}) AS uses
OPTIONAL CALL (other) {
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
  UNWIND CASE WHEN $withNodes AND other:Record THEN [other] ELSE [] END AS r0
  RETURN {labels: labels(r0), properties: properties(r0), elementId: elementId(r0), recordCount: 1,
    agencies: [r0.agency], dates: [d IN [r0.eventDate] WHERE d IS NOT NULL]} AS chart
}
UNWIND uses AS u
WITH u.src AS src, u.type AS type, other, u.record AS record, u.agency AS agency, u.use AS use, chart
RETURN labels(src) AS fromLabels, src {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type, labels(other) AS labels,
  other {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS keys, record, agency, null AS role,
  use, chart
ORDER BY record, type, elementId(other)
