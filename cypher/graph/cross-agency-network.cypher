// The cross-agency picture: identifiers (hubs left out) that records of two or more agencies
// assert, the persons, organisations and records that use them, and the confirmed same-person
// pairs among those persons; up to $limit identifiers, most widely shared first. Ties, owners and
// links go by the nodes' own keys, never element ids, so that the same data opens on the same
// picture in any database (element ids follow the order things were written in).
// mode: read
// params: $limit
MATCH (i)
WHERE (i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle)
  AND NOT coalesce(i.hub, false) AND coalesce(i.agencies, 0) >= 2
WITH i, [labels(i)[0], i.e164, i.key, i.kind, i.platform, i.country, i.number, i.plate] AS key
ORDER BY i.agencies DESC, i.records DESC, key LIMIT $limit
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-(owner)
WITH i, key, x, owner ORDER BY i.agencies DESC, i.records DESC, key, owner.id, x.record
WITH collect(DISTINCT i) AS identifiers, collect(DISTINCT owner) AS owners, collect(DISTINCT x) AS links
CALL (owners) {
  UNWIND owners AS a
  MATCH (a:Person)-[s:SAME_AS {status: 'confirmed'}]->(b:Person)
  WHERE b IN owners
  WITH s ORDER BY a.id, b.id
  RETURN collect(s) AS same
}
WITH identifiers + owners AS nodes, links + same AS rels
RETURN [n IN nodes | {id: elementId(n), labels: labels(n), properties: properties(n)}] AS nodes,
  [r IN rels | {id: elementId(r), type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r)), properties: properties(r)}] AS edges
