// The questions the local launcher asks a freshly started database before anyone else does, so
// that Neo4j has planned (and cached the plans of) the workspace's statements and Java has
// compiled what they run: a first search, expand or path otherwise costs seconds, and the first
// hundred each several times their warm cost. One row per statement run: its name under cypher/
// and its parameters, of the types the workspace sends (Neo4j caches a plan by the statement's
// text and its parameters' types; test/integration/warmupQuestions.test.ts checks they match).
// For some $persons persons spread over the store (by node id): the person's name as
// typed (search), one word of it (search, as an e-mail or handle too), one of its phones in
// international form (search, as phone, account, document and plate), the person expanded one
// and two hops (its record, case and identifiers), and the shortest paths to a person that shares
// an identifier with it. A graph without persons gets the same questions about values that find
// nothing: the plans are still cached. Not here: the overview (one scan of the whole graph, which
// the app asks once when it opens).
// mode: read
// params: $persons
CALL () {
  MATCH (n)
  RETURN count(n) / ($persons * 5) + 1 AS step
}
CALL (step) {
  MATCH (p:Person)
  WHERE p.searchName IS NOT NULL AND id(p) % step = 0
  RETURN p LIMIT $persons
}
WITH collect(p) AS sampled
UNWIND CASE WHEN size(sampled) = 0 THEN [null] ELSE sampled END AS p
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_PHONE]->(ph:Phone)
  RETURN ph.e164 AS e164 LIMIT 1
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_EMAIL]->(em:Email)
  RETURN em.key AS email LIMIT 1
}
CALL (p) {
  OPTIONAL MATCH (r:Record)-[:MENTIONS]->(p)
  OPTIONAL MATCH (r)-[:ABOUT]->(c:Case)
  RETURN r.id AS record, c.agency AS caseAgency, c.ref AS caseRef LIMIT 1
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]->(i)<-[:HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT|HAS_HANDLE|HAS_ADDRESS]-(q:Person)
  WHERE NOT coalesce(i.hub, false) AND q <> p
  RETURN q LIMIT 1
}
WITH p, q, record, caseAgency, caseRef, coalesce(email, 'warm.up@example.invalid') AS email,
  coalesce(e164, '+447700900000') AS e164,
  coalesce([w IN split(p.searchName, ' ') WHERE size(w) >= 2][0..2], []) AS found
WITH p, q, record, caseAgency, caseRef, email, e164, substring(e164, 1) AS digits,
  CASE WHEN size(found) = 0 THEN ['warm', 'upwards'] ELSE found END AS words
WITH p, q, record, caseAgency, caseRef, email, e164, digits, words, last(words) AS word,
  reduce(s = '', w IN words | s + CASE WHEN s = '' THEN '' ELSE ' ' END + w) AS name
// Lucene queries as core/searchText.ts builds them (the words are letters and digits already).
WITH p, q, record, caseAgency, caseRef, email, e164, digits, word, name,
  [ws IN [words, [word]] | {
    exact: reduce(s = '', w IN ws | s + CASE WHEN s = '' THEN '' ELSE ' ' END + '+(' + w + '^4 OR ' + w + '*^2)'),
    near: CASE WHEN any(w IN ws WHERE size(w) >= 4)
      THEN reduce(s = '', w IN ws | s + CASE WHEN s = '' THEN '' ELSE ' ' END + '+(' + w + '^4 OR '
        + CASE WHEN size(w) >= 4 THEN w + '~1 OR ' ELSE '' END + w + '*^2)') END,
    far: CASE WHEN any(w IN ws WHERE size(w) >= 8)
      THEN reduce(s = '', w IN ws | s + CASE WHEN s = '' THEN '' ELSE ' ' END + '+(' + w + '^4 OR '
        + CASE WHEN size(w) >= 8 THEN w + '~2 OR ' WHEN size(w) >= 4 THEN w + '~1 OR ' ELSE '' END + w + '*^2)') END,
    words: reduce(s = '', w IN ws | s + CASE WHEN s = '' THEN '' ELSE ' ' END + '+(' + w + '^2 OR ' + w + '*)'),
    text: reduce(s = '', w IN ws | s + CASE WHEN s = '' THEN '' ELSE ' ' END + w)
  }] AS looks
WITH p, q, record, email, e164, digits, looks,
  coalesce(p.id, 'warm-up') AS id, coalesce(q.id, 'warm-up') AS other,
  coalesce(record, 'warm-up') AS recordId,
  {agency: coalesce(caseAgency, 'WARM-UP'), ref: coalesce(caseRef, 'WARM-UP')} AS caseKey,
  {phones: [{e164: e164}], emails: [{key: email}], addresses: [], accounts: [], handles: [], documents: [], vehicles: []} AS identifierKeys,
  {only: {types: [], agencies: []}, max: 20000, withNodes: true, join: {at: null}, maxComponent: 1000} AS base
UNWIND [
  {statement: 'search/agency-countries', params: {}},
  {statement: 'search/find-parties', params: {look: {exact: looks[0].exact, near: looks[0].near, far: looks[0].far}, limit: 200, cut: 100, max: 1000}},
  {statement: 'search/find-cases', params: {look: {ref: looks[0].text, query: '"' + looks[0].text + '"'}, limit: 50}},
  {statement: 'search/find-addresses', params: {look: {exact: [], query: looks[0].words}, limit: 50}},
  {statement: 'search/find-parties', params: {look: {exact: looks[1].exact, near: looks[1].near, far: looks[1].far}, limit: 200, cut: 100, max: 1000}},
  {statement: 'search/find-emails', params: {look: {exact: [], parts: [looks[1].text]}, limit: 50}},
  {statement: 'search/find-handles', params: {look: {exact: [looks[1].text], parts: [looks[1].text]}, limit: 50}},
  {statement: 'search/find-cases', params: {look: {ref: looks[1].text, query: '"' + looks[1].text + '"'}, limit: 50}},
  {statement: 'search/find-phones', params: {look: {exact: [e164], parts: [digits]}, limit: 50}},
  {statement: 'search/find-accounts', params: {look: {exact: [], parts: [digits]}, limit: 50}},
  {statement: 'search/find-documents', params: {look: {exact: [digits], parts: [digits]}, limit: 50}},
  {statement: 'search/find-vehicles', params: {look: {exact: [], parts: [digits]}, limit: 50}},
  {statement: 'search/find-addresses', params: {look: {exact: [], query: '+(' + digits + '^2 OR ' + digits + '*)'}, limit: 50}},
  {statement: 'workspace/identifier-nodes', params: {keys: identifierKeys}},
  {statement: 'workspace/party-components', params: {ids: [id], join: {at: null}, max: 1000}},
  {statement: 'workspace/party-neighbours', params: base {.*, ids: [id]}},
  {statement: 'workspace/candidate-pairs', params: {ids: [id], only: {minScore: 0.8, agencies: []}, withNodes: true, join: {at: null}, maxComponent: 1000}},
  {statement: 'workspace/record-neighbours', params: base {.*, ids: [recordId]}},
  {statement: 'workspace/case-neighbours', params: base {.*, cases: [caseKey]}},
  {statement: 'workspace/identifier-users', params: base {.*, keys: identifierKeys}},
  {statement: 'workspace/party-components', params: {ids: [id, other], join: {at: null}, max: 1000}},
  {statement: 'workspace/shortest-paths-6', params: {from: [coalesce(elementId(p), 'warm-up')], to: [coalesce(elementId(q), 'warm-up')], includeHubs: false, limit: 100}},
  {statement: 'workspace/shortest-paths-many-6', params: {from: [coalesce(elementId(p), 'warm-up')], to: [coalesce(elementId(q), 'warm-up')], includeHubs: false, limit: 100}},
  {statement: 'workspace/record-nodes', params: {ids: [recordId]}},
  {statement: 'workspace/case-nodes', params: {cases: [caseKey]}}
] AS question
RETURN question.statement AS statement, question.params AS params
