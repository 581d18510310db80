// The same-person match model as last estimated, with the values an analyst fixed.
// mode: read
// params: none
MATCH (m:MatchModel {id: 'current'})
RETURN m.json AS json, m.fixedJson AS fixedJson, m.estimatedAt AS estimatedAt
