// Deletes a saved investigation (the chart's definition only; the graph it draws is untouched).
// mode: write
// params: $id
MATCH (i:Investigation {id: $id})
WITH i, i.name AS name
DELETE i
RETURN name
