// How many same-person pairs are open for review: proposed and not decided (status 'candidate'),
// scored at or above $minScore, each pair once. This is the one definition every count uses (the
// app's badge and "Resolve now", the review queue's tally, `caselink matches` and `resolve`);
// list-matches and review-pairs select open pairs by the same two conditions.
// mode: read
// params: $minScore
MATCH (:Person)-[s:SAME_AS {status: 'candidate'}]->(:Person)
WHERE s.score >= $minScore
RETURN count(s) AS open
