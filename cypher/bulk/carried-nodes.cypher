// The nodes a bulk first load carries over into the new store (Caselink's bookkeeping, the audit
// trail, registered agencies), each property with its Cypher type and its value as text (a list as
// a list of texts), so that the importer's CSV can give it back the same type.
// mode: read
// params: none
MATCH (n)
WHERE n:CaselinkMeta OR n:AuditEvent OR n:Agency
RETURN elementId(n) AS id, labels(n) AS labels,
  [k IN keys(n) | {key: k, type: valueType(n[k]),
    value: CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN [x IN n[k] | toString(x)] ELSE toString(n[k]) END}] AS properties
ORDER BY id
