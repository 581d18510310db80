// Every node with its labels and each property's Cypher type and value: the tests compare two
// graphs by this (the bulk first load against the transactional import).
// mode: read
// params: none
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels,
  [k IN keys(n) | {key: k, type: valueType(n[k]), value: n[k]}] AS properties
