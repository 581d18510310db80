// Lookup indexes for what investigators filter and start from: records and cases by agency,
// sources by agency, persons by their comparable name and date of birth.
// mode: schema
// params: none
CREATE INDEX record_agency IF NOT EXISTS FOR (n:Record) ON (n.agency);
CREATE INDEX record_source IF NOT EXISTS FOR (n:Record) ON (n.source);
CREATE INDEX source_agency IF NOT EXISTS FOR (n:Source) ON (n.agency);
CREATE INDEX source_sha256 IF NOT EXISTS FOR (n:Source) ON (n.sha256);
CREATE INDEX case_ref IF NOT EXISTS FOR (n:Case) ON (n.ref);
CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.nameKey);
CREATE INDEX person_birth_date IF NOT EXISTS FOR (n:Person) ON (n.birthDate);
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey);
