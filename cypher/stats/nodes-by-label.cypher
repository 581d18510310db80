// How many nodes carry each label (Caselink's bookkeeping left out).
// mode: read
// params: none
MATCH (n)
WHERE NOT n:CaselinkMeta
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
