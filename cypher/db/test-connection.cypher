// The Connection dialog's test: a read that touches no data, to prove the user may read the database.
// mode: read
// params: none
RETURN 1 AS ok
