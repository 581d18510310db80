// The indexes in the database, to compare schema state and to wait for them to come online.
// mode: read
// params: none
SHOW INDEXES
YIELD name, type, entityType, labelsOrTypes, properties, state
RETURN name, type, entityType, labelsOrTypes, properties, state
ORDER BY name
