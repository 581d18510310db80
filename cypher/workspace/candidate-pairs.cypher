// Open same-person candidates of these mentions at or above $only.minScore, to draw between persons
// (rejected pairs never; confirmed ones join the mentions into one person instead). With
// $withNodes, the other mention's person comes with every mention it joins (as
// party-components.cypher, $join.at and $maxComponent alike), so that expand needs no second
// round of statements to draw it.
// The filters come in maps ($only.minScore, $only.agencies; $join.at): an empty list, a null or a
// whole number where a list, a string or a fraction came before would have Neo4j plan the
// statement again (a second or two each); a map is one type whatever it holds.
// mode: read
// params: $ids, $only, $withNodes, $join, $maxComponent
UNWIND $ids AS id
MATCH (p:Person {id: id})-[s:SAME_AS {status: 'candidate'}]-(q:Person)
WHERE s.score >= $only.minScore AND (size($only.agencies) = 0 OR q.agency IN $only.agencies OR p.agency IN $only.agencies)
OPTIONAL CALL (q) {
  UNWIND CASE WHEN $withNodes AND q:Party THEN [q] ELSE [] END AS p0
  CALL (p0) {
    MATCH ANY SHORTEST (p0)(()-[j:SAME_AS WHERE j.status = 'confirmed' OR ($join.at IS NOT NULL AND j.status = 'candidate' AND j.score >= $join.at)]-(:Person)){0,}(q1)
    WHERE p0:Person OR q1 = p0
    WITH DISTINCT q1 LIMIT $maxComponent + 1
    CALL (q1) {
      OPTIONAL MATCH (r:Record)-[m:MENTIONS]->(q1)
      WITH r, m ORDER BY r.id
      RETURN collect(r {.id, .agency, .eventDate, role: m.role}) AS records
    }
    RETURN collect({id: q1.id, labels: labels(q1), properties: properties(q1), elementId: elementId(q1), records: records}) AS members,
      $join.at IS NOT NULL AND any(m IN collect(q1) WHERE EXISTS {
        (m)-[c:SAME_AS {status: 'candidate'}]-(:Person) WHERE c.score >= $join.at
      }) AS unconfirmed
  }
  RETURN {id: p0.id, members: members, unconfirmed: unconfirmed} AS chart
}
RETURN p.id AS a, q.id AS b, s.score AS score, p.record AS recordA, q.record AS recordB, p.agency AS agencyA,
  q.agency AS agencyB, chart
