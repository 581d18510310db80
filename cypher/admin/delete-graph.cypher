// Deletes every node and relationship (the schema stays), so that each test file starts empty;
// in one transaction, so it suits small graphs only.
// mode: write
// params: none
MATCH (n)
DETACH DELETE n
