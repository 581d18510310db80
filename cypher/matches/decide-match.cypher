// Records an analyst's decision on a same-person pair: who, when and why. The pair stays; a
// rejected one is never proposed again, a confirmed one shows as one person.
// mode: write
// params: $a, $b, $status, $user, $note, $now
MATCH (:Person {id: $a})-[s:SAME_AS]->(:Person {id: $b})
SET s.status = $status, s.decidedBy = $user, s.decidedAt = datetime($now), s.note = $note
RETURN s.status AS status
