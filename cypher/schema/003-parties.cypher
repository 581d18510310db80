// Persons and organisations also carry the label Party, so that an identifier's owner (a party
// or a record) is found by one indexed lookup.
// mode: schema
// params: none
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE INDEX source_status IF NOT EXISTS FOR (n:Source) ON (n.status);
CREATE INDEX party_agency IF NOT EXISTS FOR (n:Party) ON (n.agency);
