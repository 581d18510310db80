// Which of the given person mention ids are in the graph, so that a command naming persons can
// say which ones it does not know instead of answering as if nothing had happened to them.
// mode: read
// params: $ids
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN DISTINCT p.id AS id
