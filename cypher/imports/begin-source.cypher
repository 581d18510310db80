// Registers a file being imported with one profile (status 'importing') under its agency. A file that failed
// half-way keeps its Source, and the re-run continues it: every batch MERGEs on constrained keys.
// mode: write
// params: $source, $sha256, $profileHash, $profileJson, $fileName, $size, $agency, $profile, $profileName, $grading, $now
MATCH (a:Agency {code: $agency})
MERGE (s:Source {id: $source})
ON CREATE SET s.firstImportedAt = datetime($now), s.sha256 = $sha256, s.profileHash = $profileHash
SET s.fileName = $fileName, s.size = $size, s.agency = $agency, s.profile = $profile,
  s.profileName = $profileName, s.profileJson = $profileJson, s.status = 'importing', s.startedAt = datetime($now),
  s.gradingSystem = $grading.system, s.sourceEvaluation = $grading.source,
  s.informationAssessment = $grading.information, s.handlingCode = $grading.handling
MERGE (a)-[:SUPPLIED]->(s)
RETURN s.id AS id
