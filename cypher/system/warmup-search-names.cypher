// For the local launcher's warm-up after start: a spread of persons' searchable names (every
// $step-th person), which it then looks for as a user would, with
// search/find-parties, so that the JVM has compiled the name search's code before the first
// user's search (a cold search cost some ten times a warm one's CPU, with the page cache full).
// mode: read
// params: $step, $limit
MATCH (p:Person)
WHERE p.searchName IS NOT NULL AND id(p) % $step = 0
RETURN p.searchName AS name
LIMIT $limit
