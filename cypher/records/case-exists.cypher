// Whether an agency's case is in the graph, and how many records are about it, so that a command
// naming a case can tell an unknown case from a case linked to nothing.
// mode: read
// params: $agency, $ref
OPTIONAL MATCH (c:Case {agency: $agency, ref: $ref})
OPTIONAL MATCH (c)<-[:ABOUT]-(r:Record)
RETURN c IS NOT NULL AS found, count(r) AS records
