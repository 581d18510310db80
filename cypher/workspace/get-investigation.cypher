// One saved investigation with its chart.
// mode: read
// params: $id
MATCH (i:Investigation {id: $id})
RETURN i.id AS id, i.name AS name, i.nodeCount AS nodeCount, toString(i.savedAt) AS savedAt, i.savedBy AS savedBy,
  i.chartJson AS chartJson
