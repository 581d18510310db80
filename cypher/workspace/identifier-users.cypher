// Who used identifiers (by key, one list per label: labels stay static): the persons,
// organisations and records that assert each, by records of the agencies asked for (all when none);
// at most $max links, in a fixed order, so that a hotline used by a hundred thousand rows is read
// in bounded time and memory (the caller says the answer was cut).
// mode: read
// params: $phones, $emails, $addresses, $accounts, $handles, $documents, $vehicles, $types, $agencies, $max
CALL () {
  UNWIND $phones AS k MATCH (i:Phone {e164: k.e164}) RETURN i
  UNION ALL
  UNWIND $emails AS k MATCH (i:Email {key: k.key}) RETURN i
  UNION ALL
  UNWIND $addresses AS k MATCH (i:Address {key: k.key}) RETURN i
  UNION ALL
  UNWIND $accounts AS k MATCH (i:Account {kind: k.kind, key: k.key}) RETURN i
  UNION ALL
  UNWIND $handles AS k MATCH (i:Handle {platform: k.platform, key: k.key}) RETURN i
  UNION ALL
  UNWIND $documents AS k MATCH (i:Document {kind: k.kind, country: k.country, number: k.number}) RETURN i
  UNION ALL
  UNWIND $vehicles AS k MATCH (i:Vehicle {country: k.country, plate: k.plate}) RETURN i
}
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-(owner)
WHERE (size($types) = 0 OR type(x) IN $types) AND (size($agencies) = 0 OR x.agency IN $agencies)
RETURN labels(i) AS fromLabels, i {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS fromKeys, type(x) AS type, labels(owner) AS labels,
  owner {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub, .records} AS keys, x.record AS record, x.agency AS agency, null AS role,
  x {.column, .raw, .extension, .gradingSystem, .sourceEvaluation, .informationAssessment, .handlingCode, .handlingConditions} AS use
ORDER BY record, type, elementId(owner)
LIMIT $max
