import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMany } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { decideMatch } from '../../main/services/matchService';
import { listIdentifiers } from '../../main/services/identifierService';
import { resolve, setHubOverride, type ResolveSummary } from '../../main/services/resolveService';
import { openTestServices, type TestServices } from '../support/services';

const root = join(__dirname, '../..');

interface Pair {
  a: string;
  b: string;
  status: string;
  score: number;
  reasons: string[];
}

// The sample agencies, all but the border agency's file imported and resolved; then that file
// imported (767 rows, people the other agencies name too) and resolved again.
describe('resolving at scale', () => {
  let services: TestServices;
  const pairs = async (): Promise<Pair[]> =>
    (await services.db.read('resolve/same-as-pairs')).map((r) => ({
      a: r.get('a') as string,
      b: r.get('b') as string,
      status: r.get('status') as string,
      score: r.get('score') as number,
      reasons: r.get('reasons') as string[],
    }));

  /** The border agency's rows from..to (1 is the first after the header), imported as a file of their own. */
  const importBorderRows = async (from: number, to: number, name: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'caselink-increment-'));
    try {
      const lines = (await readFile(join(root, 'fixtures/border/encounters.csv'))).toString('latin1').split('\n');
      const path = join(dir, name);
      await writeFile(path, Buffer.from([lines[0], ...lines.slice(from, to)].join('\n') + '\n', 'latin1'));
      const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
      const border = manifest.files.find((f) => f.agency === 'BORDER');
      if (!border) throw new Error('The fixtures name no border agency file.');
      await importMany(services.db, [{ ...border, path }], {
        agencies: manifest.agencies,
        cardHash: (pan) => pan.slice(-4),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  beforeAll(async () => {
    services = await openTestServices();
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    await importMany(
      services.db,
      manifest.files.filter((f) => f.agency !== 'BORDER'),
      { agencies: manifest.agencies, cardHash: (pan) => pan.slice(-4) },
    );
    // Importing the sample agencies takes minutes on a loaded two-core machine.
  }, 900_000);
  afterAll(() => services.close());

  it('answers other requests while it blocks and scores pairs in its worker', async () => {
    const phases: string[] = [];
    let answeredWhileMatching: boolean | null = null;
    let settled = false;
    const run = resolve(services.db, {
      onPhase: async (phase) => {
        phases.push(phase);
        if (phase !== 'matching') return;
        // The worker has begun and waits on this: the thread serving requests must be free.
        const status = await services.api.getConnectionStatus();
        answeredWhileMatching = status.ok && !settled;
      },
    }).finally(() => (settled = true));
    const summary = await run;
    expect(answeredWhileMatching).toBe(true);
    expect(phases).toEqual(['reading', 'matching', 'writing']);
    expect(summary.candidates).toBeGreaterThan(0);
  });

  it('after a small import, compares the new mentions with those sharing a block with them, not every namesake, and leaves the pairs a full resolution leaves', async () => {
    // Twenty of the border agency's rows (people the other agencies name, with dates of birth).
    await importBorderRows(1, 21, 'encounters-first.csv');
    const incremental: ResolveSummary = await resolve(services.db, { incremental: true });
    const afterIncremental = await pairs();
    const full = await resolve(services.db);
    const afterFull = await pairs();

    // Twenty rows naming 25 people (some travel with another), in a graph of 2,753 mentions.
    expect(incremental.incremental?.newPersons).toBeGreaterThanOrEqual(20);
    // A name given one more date of birth leaves its other bearers' scores as they were: only
    // their proposed pairs are scored again (their reasons count the namesakes), not every pair
    // of every bearer. 379 pairs against the full resolution's 6,382 (624 when every pair of
    // every bearer was compared again).
    expect(incremental.compared * 12).toBeLessThan(full.compared);
    expect(afterIncremental).toEqual(afterFull);
    // Only the new persons are read from the graph in full; the others' stored views are read.
    expect(incremental.incremental?.readInFull).toBe(incremental.incremental?.newPersons);
  }, 900_000);

  it('after an analyst makes a hub of a phone two proposed mentions used, matches their records again as a full resolution does, reading in full only them and the new persons', async () => {
    const reason = /^both used phone (.+?) \(/;
    const pair = (await pairs()).find((p) => p.status === 'candidate' && p.reasons.some((r) => reason.test(r)));
    if (!pair) throw new Error('No proposed pair of the fixtures shares a phone.');
    const display = reason.exec(pair.reasons.find((r) => reason.test(r)) ?? '')?.[1];
    const phone = (await listIdentifiers(services.db, 100_000)).find(
      (i) => i.label === 'Phone' && i.display === display,
    );
    if (!phone) throw new Error(`No phone is shown as ${display}.`);
    await setHubOverride(services.db, 'Phone', phone.key, true);
    // The next twenty of the border agency's rows, then resolved incrementally and in full.
    await importBorderRows(21, 41, 'encounters-second.csv');
    const incremental: ResolveSummary = await resolve(services.db, { incremental: true });
    const afterIncremental = await pairs();
    const full = await resolve(services.db);
    const afterFull = await pairs();

    // The pair no longer counts the phone, a hub now, after either resolution.
    const again = afterFull.find((p) => p.a === pair.a && p.b === pair.b);
    expect(again?.reasons.some((r) => r.startsWith(`both used phone ${display} (`)) ?? false).toBe(false);
    expect(afterIncremental).toEqual(afterFull);
    // The new persons and those of the phone's records, not every person, are read in full.
    expect(incremental.incremental?.readInFull).toBeGreaterThan(incremental.incremental?.newPersons ?? 0);
    expect((incremental.incremental?.readInFull ?? Infinity) * 10).toBeLessThan(full.persons);
  }, 900_000);

  it('after an import, matches only what it added and leaves the graph as a full resolution does, decisions kept', async () => {
    // Two decisions taken before the border agency's file comes in.
    const before = (await pairs()).filter((p) => p.status === 'candidate');
    const confirmed = before[0] as Pair;
    const rejected = before[before.length - 1] as Pair;
    await decideMatch(services.db, { a: confirmed.a, b: confirmed.b, status: 'confirmed' });
    await decideMatch(services.db, { a: rejected.a, b: rejected.b, status: 'rejected' });

    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    await importMany(
      services.db,
      manifest.files.filter((f) => f.agency === 'BORDER'),
      { agencies: manifest.agencies, cardHash: (pan) => pan.slice(-4) },
    );
    const incremental: ResolveSummary = await resolve(services.db, { incremental: true });
    const afterIncremental = await pairs();
    const full = await resolve(services.db);
    const afterFull = await pairs();

    expect(incremental.incremental?.newPersons).toBeGreaterThan(0);
    // Fewer pairs compared than by the whole graph's resolution, and the same graph after.
    expect(incremental.compared).toBeLessThan(full.compared);
    expect(afterIncremental).toEqual(afterFull);
    // Pairs the new file added are there, and the decisions stand.
    expect(afterFull.length).toBeGreaterThan(before.length);
    const find = (p: Pair) => afterFull.find((q) => q.a === p.a && q.b === p.b);
    expect(find(confirmed)?.status).toBe('confirmed');
    expect(find(rejected)?.status).toBe('rejected');

    // With nothing imported since, an incremental resolution changes nothing.
    const again = await resolve(services.db, { incremental: true });
    expect(again.incremental?.newPersons).toBe(0);
    expect(again.compared).toBe(0);
    expect(await pairs()).toEqual(afterFull);
    // An import and three resolutions: minutes on a loaded two-core machine.
  }, 900_000);
});
