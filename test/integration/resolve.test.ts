import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainLink, sharedIdentifiers } from '../../main/services/linkService';
import { decideMatch, listMatches } from '../../main/services/matchService';
import { resolve, setHubOverride } from '../../main/services/resolveService';
import { graphStats } from '../../main/services/statsService';
import { listEvents } from '../../main/services/auditService';
import { setModelValue, showModel } from '../../main/services/modelService';
import { importDemoAgencies, keepDemoGraph } from '../support/demoGraph';
import { openTestServices, type TestServices } from '../support/services';

interface Mention {
  file: string;
  sheet: string;
  row: number;
}
interface GroundTruth {
  identifiers: { id: string; kind: string; canonical: string; hub: boolean; mentions: Mention[] }[];
  networks: { id: string; name: string; agencies: string[]; identifiers: string[] }[];
}

const root = join(__dirname, '../..');
const AGENCY_OF_FOLDER: Record<string, string> = {
  'city-pol': 'CITY-POL',
  border: 'BORDER',
  labour: 'LABOUR',
  ngo: 'NGO',
  fiu: 'FIU',
  'ro-pol': 'RO-POL',
};
const KIND_LABEL: Record<string, string> = {
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  handle: 'Handle',
  document: 'Document',
  vehicle: 'Vehicle',
  iban: 'Account',
  bankAccount: 'Account',
  card: 'Account',
  crypto: 'Account',
  paymentApp: 'Account',
};
const where = (m: { fileName?: string; file?: string; sheet: string; row: number }) =>
  `${basename(m.fileName ?? m.file ?? '')}|${m.sheet}|${m.row}`;

// The sample agencies imported and resolved, checked against the planted ground truth.
describe('resolving the sample agencies', () => {
  let services: TestServices;
  let truth: GroundTruth;

  const importAll = () => importDemoAgencies(services);

  beforeAll(async () => {
    services = await openTestServices();
    truth = JSON.parse(await readFile(join(root, 'fixtures/ground-truth.json'), 'utf8')) as GroundTruth;
    const outcomes = await importAll();
    await resolve(services.db);
    // The graph the end-to-end tests of the demo app start from: they put it back rather than build it again.
    await keepDemoGraph(outcomes);
    // Importing every sample agency takes minutes on a loaded two-core machine.
  }, 900_000);
  afterAll(() => services.close());

  it('finds every planted cross-agency network through the identifiers its records share', async () => {
    const links = await sharedIdentifiers(services.db, { includeHubs: true });
    const locationsOf = links.map((l) => ({ link: l, locations: new Set(l.sides.map(where)) }));
    for (const network of truth.networks) {
      const agencies = new Set<string>();
      for (const id of network.identifiers) {
        const identifier = truth.identifiers.find((i) => i.id === id);
        if (!identifier || identifier.mentions.length < 2) continue;
        const wanted = identifier.mentions.map(where);
        // The identifier node of the same kind that links most mentions of this planted one.
        const label = KIND_LABEL[identifier.kind] ?? identifier.kind;
        const covered = (locations: Set<string>) => wanted.filter((w) => locations.has(w));
        const found = locationsOf
          .filter(
            ({ link, locations }) =>
              link.label === label && new Set(covered(locations).map((w) => w.split('|')[0])).size > 1,
          )
          .sort((x, y) => covered(y.locations).length - covered(x.locations).length)[0];
        if (new Set(identifier.mentions.map((m) => basename(m.file))).size > 1) {
          expect(found, `${network.id} ${identifier.kind} ${identifier.canonical}`).toBeDefined();
        }
        found?.link.agencies.forEach((a) => agencies.add(a));
      }
      // Agencies joined by a planted identifier (others join through the same person, not a link).
      const linked = new Set(
        network.identifiers
          .map((id) => truth.identifiers.find((i) => i.id === id))
          .filter((i) => i && new Set(i.mentions.map((m) => basename(m.file))).size > 1)
          .flatMap((i) =>
            (i as GroundTruth['identifiers'][number]).mentions.map(
              (m) => AGENCY_OF_FOLDER[m.file.split('/')[0] as string],
            ),
          ),
      );
      expect([...agencies].sort(), network.name).toEqual(expect.arrayContaining([...linked].sort()));
    }
  });

  it('re-reads every record under the current rules without changing a correct graph', async () => {
    const before = await graphStats(services.db);
    const links = await sharedIdentifiers(services.db, { includeHubs: true });
    const summary = await resolve(services.db, { relinkWith: (pan) => pan.slice(-4) });
    expect(summary).toMatchObject({ relinked: before.nodesByLabel.Record, removedIdentifiers: 0 });
    expect(await graphStats(services.db)).toEqual(before);
    expect(await sharedIdentifiers(services.db, { includeHubs: true })).toEqual(links);
  });

  it('leaves hubs out of the links, unless asked, and lets an analyst overrule the count', async () => {
    const hotline = '+448000121700';
    expect((await sharedIdentifiers(services.db)).some((l) => l.key === hotline)).toBe(false);
    expect((await sharedIdentifiers(services.db, { includeHubs: true })).find((l) => l.key === hotline)).toMatchObject({
      hub: true,
    });
    expect(await setHubOverride(services.db, 'Phone', hotline, false)).toEqual([
      { display: '+44 800 012 1700', hub: false },
    ]);
    await resolve(services.db);
    expect((await sharedIdentifiers(services.db)).some((l) => l.key === hotline)).toBe(true);
    await setHubOverride(services.db, 'Phone', hotline, null);
    await resolve(services.db);
    expect((await sharedIdentifiers(services.db)).some((l) => l.key === hotline)).toBe(false);
  });

  it('explains a link with agency, file, sheet, row and column on both ends', async () => {
    const link = (await sharedIdentifiers(services.db, { kinds: ['phone'] })).find((l) => l.key === '+40740629640');
    expect(link?.agencies).toEqual(['CITY-POL', 'LABOUR', 'NGO', 'RO-POL']);
    const ngo = link?.sides.find((s) => s.agency === 'NGO');
    const roPol = link?.sides.find((s) => s.agency === 'RO-POL');
    const reasons = await explainLink(services.db, ngo?.record as string, roPol?.record as string);
    expect(reasons.find((r) => r.display === '+40 740 629 640')).toEqual({
      label: 'Phone',
      display: '+40 740 629 640',
      hub: false,
      left: expect.objectContaining({
        agency: 'NGO',
        fileName: 'hotline-tips.ods',
        sheet: 'Tips',
        row: 128,
        column: 'Tip Details',
        owner: 'the record itself',
      }),
      right: expect.objectContaining({
        agency: 'RO-POL',
        fileName: 'persoane.xlsx',
        sheet: 'Persoane',
        row: 253,
        column: 'Telefon',
        raw: '740629640',
      }),
    });
  });

  it('proposes same-person matches with reasons a reviewer can check', async () => {
    const queue = await listMatches(services.db, { limit: 2000 });
    expect(queue.length).toBeGreaterThan(100);
    expect(queue.every((p) => p.score >= 0.8 && p.status === 'candidate')).toBe(true);
    const rusu = queue.find(
      (p) =>
        [p.a.nameLatin, p.b.nameLatin].includes('Vasile RUSU') &&
        (p.a.name === 'Василе Русу' || p.b.name === 'Василе Русу'),
    );
    expect(rusu?.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^names '.+' and '.+' are the same once case, accents, script and word order are set aside$/,
        ),
        'same date of birth 1984-01-22',
        expect.stringMatching(/^both used phone \+44 7474 624530 \(.+ row \d+; .+ row \d+\)$/),
      ]),
    );
  });

  const pairs = async () =>
    (await listMatches(services.db, { limit: 5000, minScore: 0 })).map((p) => [p.a.id, p.b.id, p.score, p.reasons]);

  it('gives the same candidates and scores when the graph is resolved twice by the rules', async () => {
    const before = await pairs();
    const summary = await resolve(services.db);
    expect(summary.compared).toBeGreaterThan(summary.candidates);
    expect(await pairs()).toEqual(before);
  });

  it('proposes with the Fellegi–Sunter model on request, the same twice, with each reason weighed, and keeps the model', async () => {
    await resolve(services.db, { matcher: 'model' });
    const before = await pairs();
    const summary = await resolve(services.db, { matcher: 'model' });
    expect(summary.compared).toBeGreaterThan(summary.candidates);
    expect(await pairs()).toEqual(before);
    const rusu = (await listMatches(services.db, { limit: 2000 })).find(
      (p) =>
        [p.a.nameLatin, p.b.nameLatin].includes('Vasile RUSU') &&
        (p.a.name === 'Василе Русу' || p.b.name === 'Василе Русу'),
    );
    const weighed = / \(.+ row \d+; .+ row \d+\): about [\d,.]+ times more likely if they are the same person$/;
    expect(rusu?.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^the same name \\(after transliteration\\) '.+' and '.+'.*${weighed.source}`),
        ),
        expect.stringMatching(new RegExp(`^the same date of birth 1984-01-22${weighed.source}`)),
        expect.stringMatching(
          new RegExp(`^a phone, account, e-mail or handle both used phone \\+44 7474 624530${weighed.source}`),
        ),
      ]),
    );
    const model = await showModel(services.db);
    expect(model.prior).toBeGreaterThan(0);
    expect(model.levels.find((l) => l.comparison === 'dob' && l.level === 'exact')?.weight).toBeGreaterThan(5);
  });

  it("proposes with both matchers together on request, the same twice, each pair with one matcher's reasons", async () => {
    await resolve(services.db, { matcher: 'hybrid' });
    const before = await pairs();
    const summary = await resolve(services.db, { matcher: 'hybrid' });
    expect(summary.compared).toBeGreaterThan(summary.candidates);
    expect(await pairs()).toEqual(before);
    // The model's pairs say so first, then give the model's reasons; the rules' give their own.
    const weighed = /: about (as likely either way|[\d,.]+ times (more|less) likely if they are the same person)$/;
    const listed = await listMatches(services.db, { limit: 2000 });
    const wrong = listed.filter((p) => {
      const byModel = (p.reasons[0] ?? '').startsWith('scored by the match model, as ');
      return byModel ? !p.reasons.slice(1).every((r) => weighed.test(r)) : p.reasons.some((r) => weighed.test(r));
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
    expect((await showModel(services.db)).prior).toBeGreaterThan(0);
    await resolve(services.db);
  });

  it('keeps a value an analyst fixed across resolutions, shown as fixed, in the audit trail', async () => {
    await setModelValue(services.db, 'dob', 'near', { m: 0.2, u: 0.001 });
    await resolve(services.db, { matcher: 'model' });
    expect(
      (await showModel(services.db)).levels.find((l) => l.comparison === 'dob' && l.level === 'near'),
    ).toMatchObject({
      m: 0.2,
      u: 0.001,
      fixedM: true,
      fixedU: true,
    });
    const [event] = await listEvents(services.db, { kind: 'model-change' });
    expect(event).toMatchObject({ kind: 'model-change', action: 'model set dob near', outcome: 'success' });
    await expect(setModelValue(services.db, 'dob', 'nope', { m: 0.2 })).rejects.toThrow(/Unknown level "nope"/);
    await setModelValue(services.db, 'dob', 'near', { m: null, u: null });
    expect((await showModel(services.db)).levels.find((l) => l.level === 'near')?.fixedM).toBe(false);
    await resolve(services.db);
  });

  it("keeps analysts' decisions through a re-import and a re-resolution", async () => {
    const [first, second] = await listMatches(services.db, { limit: 2 });
    await decideMatch(services.db, {
      a: first?.a.id as string,
      b: first?.b.id as string,
      status: 'confirmed',
      reviewerName: 'analyst.one',
      note: 'same passport photo',
    });
    await decideMatch(services.db, {
      a: second?.a.id as string,
      b: second?.b.id as string,
      status: 'rejected',
      reviewerName: 'analyst.two',
    });

    const again = await importAll();
    expect(again.every((o) => o.ok && o.summary.outcome === 'unchanged')).toBe(true);
    const summary = await resolve(services.db);
    expect(summary.withdrawn).toBe(0);

    const decided = await listMatches(services.db, { statuses: ['confirmed', 'rejected'], minScore: 0 });
    expect(decided.map((p) => [p.a.id, p.b.id, p.status, p.decidedBy, p.reviewerName, p.note])).toEqual([
      [first?.a.id, first?.b.id, 'confirmed', userInfo().username, 'analyst.one', 'same passport photo'],
      [second?.a.id, second?.b.id, 'rejected', userInfo().username, 'analyst.two', null],
    ]);
    // A rejected pair is not proposed again.
    expect(
      (await listMatches(services.db, { limit: 5000, minScore: 0 })).some(
        (p) => p.a.id === second?.a.id && p.b.id === second?.b.id,
      ),
    ).toBe(false);
  });
});
