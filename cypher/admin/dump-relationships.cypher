// Every relationship with its ends, type and each property's Cypher type and value: the tests
// compare two graphs by this (the bulk first load against the transactional import).
// mode: read
// params: none
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, type(r) AS type, elementId(b) AS end,
  [k IN keys(r) | {key: k, type: valueType(r[k]), value: r[k]}] AS properties
