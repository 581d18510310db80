// Withdraws undecided candidates that the latest resolution no longer proposes. Decisions stay.
// mode: write
// params: $run
MATCH (:Person)-[s:SAME_AS {status: 'candidate'}]->(:Person)
WHERE s.run <> $run
DELETE s
RETURN count(*) AS withdrawn
