// Saved investigations: one (:Investigation) per saved chart, found by id and listed newest
// first. Each also carries the CaselinkMeta label (with key 'investigation:<id>'), so that the
// overview, statistics and graph size leave it out as they leave out Caselink's bookkeeping.
// mode: schema
// params: none
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (n:Investigation) REQUIRE n.id IS UNIQUE;
CREATE INDEX investigation_saved_at IF NOT EXISTS FOR (n:Investigation) ON (n.savedAt);
