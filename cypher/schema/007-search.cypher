// Indexes behind the one search box. Full-text (Lucene, built into Neo4j, no plugin) over what
// is searched by words: a party's searchable name (every name it is written under, folded to
// Latin letters at import, so that "Oleksandr" finds "Олександр"), an address as written and a
// case reference. The standard-folding analyzer folds case and diacritics on both sides.
// Text indexes (trigrams) serve CONTAINS and ENDS WITH on identifier keys (part of a phone
// number, of an e-mail, of a plate); range indexes serve the exact lookup of keys whose uniqueness
// constraint is composite (an account, handle, document or plate without its other key parts).
// eventually_consistent is left off: a search right after an import finds what it wrote.
// mode: schema
// params: none
CREATE FULLTEXT INDEX search_party_names IF NOT EXISTS FOR (n:Person|Organization) ON EACH [n.searchName] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX search_addresses IF NOT EXISTS FOR (n:Address) ON EACH [n.display] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX search_cases IF NOT EXISTS FOR (n:Case) ON EACH [n.ref] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE TEXT INDEX search_phone_e164 IF NOT EXISTS FOR (n:Phone) ON (n.e164);
CREATE TEXT INDEX search_email_key IF NOT EXISTS FOR (n:Email) ON (n.key);
CREATE TEXT INDEX search_handle_key IF NOT EXISTS FOR (n:Handle) ON (n.key);
CREATE TEXT INDEX search_account_key IF NOT EXISTS FOR (n:Account) ON (n.key);
CREATE TEXT INDEX search_document_number IF NOT EXISTS FOR (n:Document) ON (n.number);
CREATE TEXT INDEX search_vehicle_plate IF NOT EXISTS FOR (n:Vehicle) ON (n.plate);
CREATE INDEX search_account_key_exact IF NOT EXISTS FOR (n:Account) ON (n.key);
CREATE INDEX search_handle_key_exact IF NOT EXISTS FOR (n:Handle) ON (n.key);
CREATE INDEX search_document_number_exact IF NOT EXISTS FOR (n:Document) ON (n.number);
CREATE INDEX search_vehicle_plate_exact IF NOT EXISTS FOR (n:Vehicle) ON (n.plate);
