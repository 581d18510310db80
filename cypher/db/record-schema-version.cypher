// Records the schema version the graph now has. Re-recording the same version changes nothing.
// mode: write
// params: $version, $appliedAt
MERGE (m:CaselinkMeta {key: 'schema'})
ON CREATE SET m.version = $version, m.appliedAt = datetime($appliedAt)
WITH m
WHERE m.version <> $version
SET m.version = $version, m.appliedAt = datetime($appliedAt)
