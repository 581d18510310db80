// The countries of the agencies in the graph: a phone or address typed in national form is read
// in each of them.
// mode: read
// params: none
MATCH (a:Agency)
WHERE a.country IS NOT NULL
RETURN collect(DISTINCT a.country) AS countries
