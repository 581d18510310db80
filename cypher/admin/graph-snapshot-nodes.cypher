// Every node of a test graph but Caselink's bookkeeping, with its labels and properties, so that a
// graph the tests built once (the demo fixtures imported and resolved) can be put back for the next
// test file in seconds instead of imported again. Test support only.
// mode: read
// params: none
MATCH (n)
WHERE NOT n:CaselinkMeta
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
