/**
 * The same data draws the same chart, whatever order it was written in. Element ids, the order
 * of a node's relationships and of an index's entries follow the order things were written in,
 * which another import order or a restored copy of the graph (as the end-to-end tests use)
 * changes. Here one small graph is built three ways (two file orders, and a snapshot of the first
 * put back) and every answer the chart is drawn from is compared: search, expand with a cap,
 * shortest paths among many as short, the overview with a cap, and the resolver's candidates with
 * their reasons. On the code before, the paths, the overview and the reasons' order all differed.
 *
 * The graph: Ana Pop (CITY-POL) and Ana POP (BORDER, same date of birth) and Bogdan Ion (BORDER)
 * all used the same fourteen phones, so fourteen paths of two steps join Ana Pop and Bogdan Ion
 * (more than a path search asks Neo4j for per pair of ends) and fourteen identifiers tie for the
 * overview's first places.
 */
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaselinkApi, GraphElements } from '../../main/contract/api';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { importMany } from '../../main/services/import/importMany';
import { resolve } from '../../main/services/resolveService';
import { restoreGraphSnapshot, saveGraphSnapshot } from '../support/graphSnapshot';
import { emptyTestGraph, openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';
import { testNeo4j } from '../support/testNeo4j';

const PHONES = Array.from({ length: 14 }, (_, i) => `+44 7700 9001${String(i + 10)}`);
const PHONE_COLUMNS = PHONES.map((_, i) => `Phone ${String(i + 10)}`);
const HEADER = ['Case', 'Date', 'Name', 'DOB', 'Address', 'Plate', ...PHONE_COLUMNS];
const COLUMNS: Record<string, string> = {
  Case: 'record.caseRef',
  Date: 'record.eventDate',
  Name: 'subject.fullName',
  DOB: 'subject.birthDate',
  Address: 'subject.address',
  Plate: 'subject.vehiclePlate',
  ...Object.fromEntries(PHONE_COLUMNS.map((c) => [c, 'subject.phone'])),
};
// The two agencies write Ana's address and number plate each their own way (one key, two texts).
const ROWS: Record<string, string[][]> = {
  'CITY-POL': [['CP-1', '05/01/2024', 'Ana Pop', '01/02/1990', '12 High Street, Leeds LS1 4AP', 'AB12 CDE', ...PHONES]],
  BORDER: [
    ['B-1', '01/03/2024', 'Ana POP', '01/02/1990', '12 HIGH ST  LEEDS ls1 4ap', 'ab12-cde', ...PHONES],
    ['B-2', '02/03/2024', 'Bogdan Ion', '03/04/1985', '', '', ...PHONES],
  ],
};

/** Writes the graph: the agencies' files imported in this order, then resolved. */
async function build(services: TestServices, dir: string, agencies: string[]): Promise<void> {
  const files = [];
  for (const agency of agencies) {
    await upsertAgency(services.db, { code: agency, name: agency, country: 'GB' });
    const rows = [HEADER, ...(ROWS[agency] ?? [])];
    const path = join(dir, `${agency.toLowerCase()}.csv`);
    await writeDelimited(path, rows, ',');
    files.push({ path, agency, profile: parseProfile(personProfile(agency, COLUMNS)), profileSource: 'test' });
  }
  const outcomes = await importMany(services.db, files, { cardHash: (pan) => pan.slice(-4) });
  expect(outcomes.map((o) => o.ok && o.summary.outcome)).toEqual(files.map(() => 'imported'));
  await resolve(services.db);
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The overview by the nodes' own keys (its element ids differ from one database to the next), in its order. */
function overviewByKeys(graph: GraphElements): { nodes: string[]; edges: string[] } {
  const keys = new Map<string, string>();
  for (const { data } of graph.nodes) {
    const p = data.properties;
    keys.set(data.id, `${data.kind}:${String(p.id ?? p.e164 ?? p.key ?? p.code ?? p.ref ?? '')}`);
  }
  return {
    // With its properties' keys in the order given (a chart file keeps them so).
    nodes: graph.nodes.map((n) => `${keys.get(n.data.id) ?? ''} ${Object.keys(n.data.properties).join(',')}`),
    edges: graph.edges.map(
      (e) => `${keys.get(e.data.source) ?? ''} -${e.data.kind}-> ${keys.get(e.data.target) ?? ''}`,
    ),
  };
}

/** When each build wrote the graph is not part of the data. */
const NOT_DATA = new Set(['importedAt', 'proposedAt', 'decidedAt', 'resolvedAt']);
const withoutTimes = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (key, v: unknown) => (NOT_DATA.has(key) ? undefined : v)) as T;

interface Answers {
  search: unknown;
  written: unknown;
  expand: unknown;
  paths: { paths: { nodes: string[] }[]; nodes: string[]; edges: unknown };
  overview: { nodes: string[]; edges: string[] };
  candidates: unknown;
}

/** Everything the chart and the review queue are drawn from, for the questions an investigator asks. */
async function answers(api: CaselinkApi): Promise<Answers> {
  const search = ok(await api.search({ text: 'Ana Pop', limit: 50 }));
  const bogdan = ok(await api.search({ text: 'Bogdan Ion', kinds: ['person'], limit: 5 }));
  const ana = search.groups.find((g) => g.kind === 'person')?.hits.find((h) => h.node.label === 'Ana Pop')?.node.id;
  const to = bogdan.groups[0]?.hits[0]?.node.id;
  if (!ana || !to) throw new Error('Ana Pop or Bogdan Ion not found');
  const paths = ok(await api.findPaths({ from: ana, to, maxHops: 4, limit: 5 }));
  return withoutTimes({
    search,
    // What an address or a plate is shown as: an agency's writing, the same whichever came first.
    written: [
      ok(await api.search({ text: 'LS1 4AP', kinds: ['address'], limit: 5 })),
      ok(await api.search({ text: 'AB12CDE', kinds: ['vehicle'], limit: 5 })),
    ].map((found) => found.groups.flatMap((g) => g.hits.map((h) => h.node.label))),
    expand: ok(await api.expandNodes({ nodes: [ana], limit: 5 })),
    paths: { paths: paths.paths, nodes: paths.slice.nodes.map((n) => n.id), edges: paths.slice.edges },
    overview: overviewByKeys(ok(await api.getOverview({ limit: 8 }))),
    candidates: ok(
      await api.listMatches({ statuses: ['candidate', 'confirmed', 'rejected'], minScore: 0, limit: 100 }),
    ).map((m) => ({ a: m.a.id, b: m.b.id, status: m.status, score: m.score, reasons: m.reasons })),
  });
}

describe('the same data draws the same chart, whatever order it was written in', () => {
  let services: TestServices;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-same-chart-'));
  });

  afterAll(async () => {
    await services?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rebuild = async (agencies: string[]) => {
    await emptyTestGraph(services.db);
    await build(services, dir, agencies);
    return answers(services.api);
  };

  it('answers search, expand, paths, overview and candidates alike for another file order and a restored copy', async () => {
    const first = await rebuild(['CITY-POL', 'BORDER']);
    const snapshot = join(dir, 'graph.json');
    await saveGraphSnapshot(testNeo4j(), snapshot);
    // The question asked here has one answer: fourteen paths of two steps, the first five by key.
    expect
      .soft(first.paths.paths.map((p) => p.nodes[1]))
      .toEqual(PHONES.slice(0, 5).map((p) => `phone:${encodeURIComponent(p.replaceAll(' ', ''))}`));

    // Of the two writings, the one that sorts first (as Neo4j and JavaScript compare strings).
    expect.soft(first.written).toEqual([['12 HIGH ST LEEDS ls1 4ap'], ['GB AB12 CDE']]);

    const otherFileOrder = await rebuild(['BORDER', 'CITY-POL']);
    await emptyTestGraph(services.db);
    await restoreGraphSnapshot(testNeo4j(), snapshot);
    const restored = await answers(services.api);

    for (const [how, built] of Object.entries({ restored, otherFileOrder })) {
      for (const question of Object.keys(first) as (keyof Answers)[]) {
        expect.soft(built[question], `${question}, ${how}`).toEqual(first[question]);
      }
    }
  }, 600_000);

  it('resolves an import into a restored copy incrementally as in full: stored match views name identifiers by key, not by element id', async () => {
    await rebuild(['CITY-POL', 'BORDER']);
    const snapshot = join(dir, 'views.json');
    await saveGraphSnapshot(testNeo4j(), snapshot);
    // Another build in between, so that the copy's nodes are not given back the element ids they had.
    await rebuild(['BORDER', 'CITY-POL']);
    await emptyTestGraph(services.db);
    await restoreGraphSnapshot(testNeo4j(), snapshot);

    // A hotline's caller who gave one of the phones the others used, and no date of birth.
    await upsertAgency(services.db, { code: 'NGO', name: 'NGO', country: 'GB' });
    const path = join(dir, 'ngo.csv');
    await writeDelimited(
      path,
      [HEADER, ['N-1', '01/05/2024', 'Ana Popa', '', '', '', ...PHONES.map((p, i) => (i ? '' : p))]],
      ',',
    );
    const imported = await importMany(
      services.db,
      [{ path, agency: 'NGO', profile: parseProfile(personProfile('NGO', COLUMNS)), profileSource: 'test' }],
      { cardHash: (pan) => pan.slice(-4) },
    );
    expect(imported.map((o) => o.ok && o.summary.outcome)).toEqual(['imported']);

    const candidates = async () =>
      withoutTimes(
        ok(await services.api.listMatches({ statuses: ['candidate'], minScore: 0, limit: 100 })).map((m) => ({
          a: m.a.id,
          b: m.b.id,
          score: m.score,
          reasons: m.reasons,
        })),
      );
    const incremental = await resolve(services.db, { incremental: true });
    expect(incremental.incremental?.newPersons).toBe(1);
    const afterIncremental = await candidates();
    await resolve(services.db);
    const afterFull = await candidates();
    expect(JSON.stringify(afterFull)).toContain('Ana Popa');
    expect(afterIncremental).toEqual(afterFull);
  }, 600_000);
});
