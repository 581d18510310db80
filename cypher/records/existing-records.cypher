// Which of the given record ids are in the graph, so that a command naming records can say which
// ones it does not know instead of answering as if they shared nothing.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (r:Record {id: id})
RETURN DISTINCT r.id AS id
