// For bench:import's check that its fair baseline wrote what Caselink wrote: how many nodes of each
// label and relationships of each type, and each property key with the value types it holds (a
// row with a null key gives the count).
// mode: read
// params: none
CALL () {
  MATCH (n)
  UNWIND labels(n) AS name
  UNWIND [null] + keys(n) AS key
  RETURN 'node' AS kind, name, key, collect(DISTINCT valueType(n[key])) AS types, count(*) AS count
  UNION ALL
  MATCH ()-[x]->()
  UNWIND [null] + keys(x) AS key
  RETURN 'relationship' AS kind, type(x) AS name, key, collect(DISTINCT valueType(x[key])) AS types, count(*) AS count
}
RETURN kind, name, key, types, count
