// The cases (of any agency) linked to a case: each with the identifiers its records share with
// the case's records, hubs left out, and the records on both sides.
// mode: read
// params: $agency, $ref, $limit
MATCH (c:Case {agency: $agency, ref: $ref})<-[:ABOUT]-(r:Record)
MATCH (r)-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->(i)
WHERE x.record = r.id AND NOT coalesce(i.hub, false)
MATCH (i)<-[y:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-()
MATCH (r2:Record {id: y.record})-[:ABOUT]->(c2:Case)
WHERE c2 <> c
WITH c2, collect(DISTINCT {label: [l IN labels(i) WHERE l <> 'Party'][0], display: i.display,
  from: {record: r.id, sheet: r.sheet, row: r.row, column: x.column, raw: x.raw},
  to: {record: r2.id, fileName: r2.fileName, sheet: r2.sheet, row: r2.row, column: y.column, raw: y.raw}}) AS chain
RETURN c2.agency AS agency, c2.ref AS ref, chain
ORDER BY size(chain) DESC, agency, ref
LIMIT $limit
