// A page of the records first imported from a source, with the raw cells they came from.
// mode: read
// params: $source, $after, $limit
MATCH (r:Record {source: $source})
WHERE r.id > $after
RETURN r.id AS id, r.sheet AS sheet, r.row AS row, r.raw AS raw
ORDER BY r.id
LIMIT $limit
