// Locks that keep two runs of one kind apart (one `caselink resolve` at a time): one node per
// lock name, so that two runs claiming at once MERGE the same node and one waits for the other.
// mode: schema
// params: none
CREATE CONSTRAINT caselink_lock_name IF NOT EXISTS FOR (n:CaselinkLock) REQUIRE n.name IS UNIQUE;
