// First step of re-linking records after a change of normalisation rules: their identifier links
// (their own and their parties') are removed, to be written again by links/link-* as the rules
// give them now, in the same transaction. Identifier nodes stay, so that a node still used keeps
// its properties (such as an analyst's hub override); nodes left without links are removed by
// resolve/delete-orphan-identifiers.
// mode: write
// params: $ids
UNWIND $ids AS id
MATCH (r:Record {id: id})
CALL (r) {
  OPTIONAL MATCH (r)-[:MENTIONS*0..1]->()-[x:HAS_PHONE|HAS_EMAIL|HAS_ADDRESS|HAS_ACCOUNT|HAS_HANDLE|HAS_DOCUMENT|HAS_VEHICLE]->()
  WHERE x.record = r.id
  DELETE x
}
RETURN count(r) AS records
