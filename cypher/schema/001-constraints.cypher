// Uniqueness constraints for the data model (DESIGN.md): one node per agency, source (a file as
// read by one mapping profile: its SHA-256 and the profile's hash),
// spreadsheet row, case and normalised identifier. Imports MERGE on exactly these keys, so a
// retried or repeated batch never duplicates a node. Each constraint also creates the index
// that MERGE uses. Neo4j Community supports single and composite uniqueness constraints.
// mode: schema
// params: none
CREATE CONSTRAINT agency_code IF NOT EXISTS FOR (n:Agency) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_agency_ref IF NOT EXISTS FOR (n:Case) REQUIRE (n.agency, n.ref) IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_e164 IF NOT EXISTS FOR (n:Phone) REQUIRE n.e164 IS UNIQUE;
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT account_kind_key IF NOT EXISTS FOR (n:Account) REQUIRE (n.kind, n.key) IS UNIQUE;
CREATE CONSTRAINT email_key IF NOT EXISTS FOR (n:Email) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT handle_platform_key IF NOT EXISTS FOR (n:Handle) REQUIRE (n.platform, n.key) IS UNIQUE;
CREATE CONSTRAINT document_kind_country_number IF NOT EXISTS FOR (n:Document) REQUIRE (n.kind, n.country, n.number) IS UNIQUE;
CREATE CONSTRAINT vehicle_country_plate IF NOT EXISTS FOR (n:Vehicle) REQUIRE (n.country, n.plate) IS UNIQUE;
CREATE CONSTRAINT caselink_meta_key IF NOT EXISTS FOR (n:CaselinkMeta) REQUIRE n.key IS UNIQUE;
