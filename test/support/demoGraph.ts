/**
 * The demo fixtures' graph: every sample agency imported (as `npm run demo` imports them) and
 * resolved. The end-to-end files that open the demo app start from it, and the integration test
 * of resolution builds the very same graph first: whichever builds it first in a run saves it in
 * the run's scratch folder, and the files after put it back (seconds) instead of importing and
 * resolving again (a minute on a busy two-core machine).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importMany, type FileOutcome } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { saveGraphSnapshot } from './graphSnapshot';
import type { TestServices } from './services';
import { testNeo4j, testScratch } from './testNeo4j';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a run keeps the demo graph once built. */
export const demoGraphSnapshot = () => join(testScratch(), 'demo-graph.json');

/** Imports every sample agency of fixtures/agencies.json into the services' graph; answers each file's outcome. */
export async function importDemoAgencies(services: TestServices): Promise<FileOutcome[]> {
  const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
  return importMany(services.db, manifest.files, {
    agencies: manifest.agencies,
    cardHash: (pan) => pan.slice(-4),
    reportDir: join(services.home, 'reports'),
  });
}

/**
 * Saves the test graph as the run's demo graph, unless one is saved already: call it right after
 * importing the demo agencies (every file imported) and resolving with the default options.
 */
export async function keepDemoGraph(outcomes: readonly FileOutcome[]): Promise<void> {
  if (!outcomes.every((o) => o.ok)) return;
  if (!existsSync(demoGraphSnapshot())) await saveGraphSnapshot(testNeo4j(), demoGraphSnapshot());
}
