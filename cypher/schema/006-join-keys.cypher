// Persons by the agency's own id for them (a profile's join key), so that the import finds every
// earlier mention with the same key in one indexed lookup.
// mode: schema
// params: none
CREATE INDEX person_join_key IF NOT EXISTS FOR (n:Person) ON (n.agency, n.joinKey);
