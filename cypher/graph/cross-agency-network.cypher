// The cross-agency picture: identifiers (hubs left out) that records of two or more agencies
// assert, the persons, organisations and records that use them, and the confirmed same-person
// pairs among those persons; up to $limit identifiers, most widely shared first.
// mode: read
// params: $limit
MATCH (i)
WHERE (i:Phone OR i:Email OR i:Address OR i:Account OR i:Handle OR i:Document OR i:Vehicle)
  AND NOT coalesce(i.hub, false) AND coalesce(i.agencies, 0) >= 2
WITH i ORDER BY i.agencies DESC, i.records DESC LIMIT $limit
MATCH (i)<-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]-(owner)
WITH collect(DISTINCT i) AS identifiers, collect(DISTINCT owner) AS owners, collect(DISTINCT x) AS links
CALL (owners) {
  UNWIND owners AS a
  MATCH (a:Person)-[s:SAME_AS {status: 'confirmed'}]->(b:Person)
  WHERE b IN owners
  RETURN collect(s) AS same
}
WITH identifiers + owners AS nodes, links + same AS rels
RETURN [n IN nodes | {id: elementId(n), labels: labels(n), properties: properties(n)}] AS nodes,
  [r IN rels | {id: elementId(r), type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r)), properties: properties(r)}] AS edges
