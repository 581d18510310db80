// For bench:query's heading: how large the bench graph is (from the count store: no scan).
// mode: read
// params: none
CALL () { MATCH (r:Record) RETURN count(r) AS records }
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[x]->() RETURN count(x) AS relationships }
RETURN records, nodes, relationships
