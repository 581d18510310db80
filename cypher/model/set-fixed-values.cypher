// Saves the values an analyst fixed (JSON: comparison → level → m and/or u); they hold from the
// next resolution on, and are shown as fixed.
// mode: write
// params: $fixedJson
MERGE (m:MatchModel {id: 'current'})
SET m.fixedJson = $fixedJson
RETURN m.fixedJson AS fixedJson
