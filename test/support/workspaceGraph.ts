/**
 * A small three-agency graph for the workspace tests, imported from CSV files as an agency would
 * send them and resolved, with same-person pairs whose scores the test chooses:
 *
 * - Ion Popescu (CITY-POL) and POPESCU Ion (BORDER) are one person by a confirmed match; Ion
 *   POPESCU (NGO) an open candidate of both (0.9 and 0.88).
 * - Ion Popescu shares phone 07700 900123 with Elena Dima (BORDER), who shares an e-mail with
 *   Andrei Lungu (BORDER); POPESCU Ion (the same person) shares phone 07700 900888 with Andrei.
 * - The hotline 0800 012 1700 is a hub (four records at a hub threshold of four): Ion Popescu,
 *   Andrei Lungu and two NGO callers.
 *
 * A dozen test files start from this graph: `loadWorkspaceGraph` builds it once per run and puts
 * it back from a snapshot in the files after.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProfile } from '../../main/core/profile';
import type { Database } from '../../main/db/database';
import { upsertAgency } from '../../main/services/agencyService';
import { importMany } from '../../main/services/import/importMany';
import { decideMatch } from '../../main/services/matchService';
import { resolve } from '../../main/services/resolveService';
import { restoreGraphSnapshot, saveGraphSnapshot } from './graphSnapshot';
import { seedPairs } from './matchPairs';
import { personProfile, writeDelimited } from './sheets';
import { testNeo4j, testScratch } from './testNeo4j';

const HEADER = ['Case', 'Date', 'Name', 'DOB', 'Phone', 'Phone 2', 'Email'];
const COLUMNS = {
  Case: 'record.caseRef',
  Date: 'record.eventDate',
  Name: 'subject.fullName',
  DOB: 'subject.birthDate',
  Phone: 'subject.phone',
  'Phone 2': 'subject.phone',
  Email: 'subject.email',
};

export const WORKSPACE_ROWS: Record<string, string[][]> = {
  'CITY-POL': [
    ['CP-100', '05/01/2024', 'Ion Popescu', '01/03/1980', '07700 900123', '0800 012 1700', 'ion.popescu@example.com'],
    ['CP-100', '06/01/2024', 'Maria Ionescu', '02/04/1991', '07700 900555', '', ''],
  ],
  BORDER: [
    ['B-1', '01/03/2024', 'Elena Dima', '03/03/1985', '+44 7700 900123', '', 'elena.dima@example.com'],
    ['B-2', '02/03/2024', 'Andrei Lungu', '04/04/1990', '07700 900888', '0800 012 1700', 'elena.dima@example.com'],
    ['B-3', '03/03/2024', 'POPESCU Ion', '01/03/1980', '07700 900888', '', ''],
  ],
  NGO: [
    ['N-1', '10/03/2024', 'Caller One', '', '0800 012 1700', '', ''],
    ['N-2', '11/03/2024', 'Caller Two', '', '0800 012 1700', '', ''],
    ['N-3', '12/03/2024', 'Ion POPESCU', '01/03/1980', '07700 900321', '', ''],
  ],
};

export interface WorkspaceGraph {
  /** Each agency's file: its path and SHA-256. */
  files: Record<string, { path: string; sha256: string }>;
  /** Person mention ids by name. */
  mentions: Record<string, string>;
}

const fileOf = (dir: string, agency: string) => join(dir, `${agency.toLowerCase()}.csv`);

async function filesIn(dir: string): Promise<WorkspaceGraph['files']> {
  const files: WorkspaceGraph['files'] = {};
  for (const agency of Object.keys(WORKSPACE_ROWS)) {
    const path = fileOf(dir, agency);
    files[agency] = {
      path,
      sha256: createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    };
  }
  return files;
}

/** Imports the three agencies' files written in `dir`, resolves, and sets the pairs. */
export async function buildWorkspaceGraph(db: Database, dir: string): Promise<WorkspaceGraph> {
  const toImport = [];
  for (const [agency, rows] of Object.entries(WORKSPACE_ROWS)) {
    await upsertAgency(db, { code: agency, name: agency, country: 'GB' });
    const path = fileOf(dir, agency);
    await writeDelimited(path, [HEADER, ...rows], ',');
    toImport.push({ path, agency, profile: parseProfile(personProfile(agency, COLUMNS)), profileSource: 'test' });
  }
  const files = await filesIn(dir);
  const outcomes = await importMany(db, toImport, {
    cardHash: (pan) => pan.slice(-4),
    reportDir: join(dir, 'reports'),
  });
  const failed = outcomes.filter((o) => !o.ok || o.summary.outcome !== 'imported');
  if (failed.length) throw new Error(`import failed: ${JSON.stringify(failed)}`);
  await resolve(db, { hubThreshold: 4 });
  const pairs = await seedPairs(db, [
    { a: 'Ion Popescu', b: 'POPESCU Ion', score: 0.95 },
    { a: 'POPESCU Ion', b: 'Ion POPESCU', score: 0.9 },
    { a: 'Ion Popescu', b: 'Ion POPESCU', score: 0.88 },
  ]);
  const confirmed = pairs[0] as { a: string; b: string };
  await decideMatch(db, { ...confirmed, status: 'confirmed', reviewerName: 'test' });
  return { files, mentions: await mentionIds(db) };
}

/**
 * The workspace graph in the emptied, schema-applied test graph of the run's Neo4j. The first
 * test file of a run to ask builds it (import, resolution and a review decision, seconds on a
 * busy machine) from files in the run's scratch folder and saves it; the files after it put that
 * graph back from the snapshot (a fraction of a second), with the same files and SHA-256s.
 */
export async function loadWorkspaceGraph(db: Database): Promise<WorkspaceGraph> {
  const dir = join(testScratch(), 'workspace-graph');
  const snapshot = join(dir, 'graph.json');
  if (existsSync(snapshot)) {
    await restoreGraphSnapshot(testNeo4j(), snapshot);
    return { files: await filesIn(dir), mentions: await mentionIds(db) };
  }
  await mkdir(dir, { recursive: true });
  const graph = await buildWorkspaceGraph(db, dir);
  await saveGraphSnapshot(testNeo4j(), snapshot);
  return graph;
}

async function mentionIds(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await db.read('admin/list-person-mentions')) out[row.string('name')] = row.string('id');
  return out;
}
