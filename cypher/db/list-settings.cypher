// The server's settings with these names and their values, to check how a server is configured.
// mode: read
// params: $names
SHOW SETTINGS YIELD name, value
WHERE name IN $names
RETURN name, value
