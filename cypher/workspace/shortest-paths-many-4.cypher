// The shortest paths of at most 4 steps between two sets of nodes (by element id: the mentions
// of a person, or one node) over what links records: identifiers used, records mentioning persons
// and organisations, cases, and confirmed same-person pairs (open candidates are not evidence of a
// link). Hubs are not walked through unless asked. The bound is in the pattern, so the search
// never looks further than the investigator asked (neither a quantifier nor SHORTEST's count can
// be a parameter on Neo4j 5.26: one statement per bound, chosen by number in pathService).
// 50 paths per pair of ends, for up to 25 paths (a larger count costs more, so it is asked
// for only when more paths are).
// mode: read
// params: $from, $to, $includeHubs, $limit
MATCH (a) WHERE elementId(a) IN $from
MATCH (b) WHERE elementId(b) IN $to
MATCH p = SHORTEST 50 (a)((x)-[r:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE|MENTIONS|ABOUT|SAME_AS]-(y)
    WHERE (type(r) <> 'SAME_AS' OR r.status = 'confirmed')
      AND ($includeHubs OR NOT coalesce(y.hub, false) OR elementId(y) IN $to)){1,4}(b)
WITH p ORDER BY length(p) LIMIT $limit
RETURN [n IN nodes(p) | {labels: labels(n), keys: n {.id, .agency, .ref, .e164, .key, .kind, .platform, .country, .number, .plate, .hub}}] AS nodes,
  [r IN relationships(p) | {type: type(r), record: coalesce(r.record, startNode(r).id), agency: coalesce(r.agency, startNode(r).agency), role: r.role}] AS rels
