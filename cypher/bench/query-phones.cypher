// For bench:query: phone numbers that are not hubs, to be typed in their national form.
// mode: read
// params: $max
MATCH (i:Phone)
WHERE NOT coalesce(i.hub, false)
RETURN i.e164 AS e164
LIMIT $max
