// Every agency with how many sources and records it has contributed.
// mode: read
// params: none
MATCH (a:Agency)
OPTIONAL MATCH (s:Source {agency: a.code})
WITH a, count(s) AS sources
OPTIONAL MATCH (r:Record {agency: a.code})
RETURN a.code AS code, a.name AS name, a.country AS country, sources, count(r) AS records
ORDER BY code
