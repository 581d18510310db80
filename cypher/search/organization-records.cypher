// The records that mention each organisation found by name: how many, their agencies and dates.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (o:Organization {id: id})<-[:MENTIONS]-(r:Record)
WITH id, r ORDER BY r.eventDate
RETURN id, count(DISTINCT r) AS records, collect(DISTINCT r.agency) AS agencies,
       [d IN collect(r.eventDate) WHERE d IS NOT NULL][..100] AS dates
