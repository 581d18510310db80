// The server's product name, version and edition.
// mode: read
// params: none
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
