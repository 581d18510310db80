// Saves the model a resolution estimated (its parameters as JSON); the analyst's fixed values stay.
// mode: write
// params: $json, $now
MERGE (m:MatchModel {id: 'current'})
SET m.json = $json, m.estimatedAt = datetime($now)
