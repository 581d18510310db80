// Joins the mentions of one person that the agency's own id names (a profile's join key): for
// each key that this file's persons carry, every two mentions of the agency with that key (in any
// sheet, any file) become a confirmed same-person pair decided by the profile, so that resolution
// finds none of them left to propose. Each mention stays its own node, with its record's
// provenance. A key held by more than $maxGroup mentions ties each to the first by id only, so
// that a repeated placeholder cannot make pairs without bound. A pair a reviewer rejected keeps
// the reviewer's decision; run again, it changes nothing. Answers the pairs the join keys hold.
// mode: write
// params: $source, $now, $maxGroup
MATCH (:Source {id: $source})-[:HAS_ROW]->(:Record)-[:MENTIONS]->(p:Person)
WHERE p.joinKey IS NOT NULL
WITH DISTINCT p.agency AS agency, p.joinKey AS key
MATCH (q:Person {agency: agency, joinKey: key})
WITH agency, key, q
ORDER BY q.id
WITH agency, key, collect(q) AS mentions
WHERE size(mentions) > 1
WITH agency, key, mentions, size(mentions) AS n
UNWIND range(0, CASE WHEN n <= $maxGroup THEN n - 2 ELSE 0 END) AS i
UNWIND range(i + 1, n - 1) AS j
WITH agency, key, mentions[i] AS a, mentions[j] AS b
MERGE (a)-[s:SAME_AS]->(b)
ON CREATE SET s.status = 'confirmed', s.decidedBy = 'profile', s.decidedAt = datetime($now),
  s.proposedAt = datetime($now), s.score = 1.0, s.joinKey = key,
  s.reasons = ['same person id "' + key + '" in ' + agency + "'s records: joined by its mapping profile"]
FOREACH (open IN CASE WHEN s.status = 'candidate' THEN [s] ELSE [] END |
  SET open.status = 'confirmed', open.decidedBy = 'profile', open.decidedAt = datetime($now), open.joinKey = key,
    open.reasons = ['same person id "' + key + '" in ' + agency + "'s records: joined by its mapping profile"] + coalesce(open.reasons, []))
RETURN count(s) AS pairs
