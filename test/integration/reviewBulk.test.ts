import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../main/services/auditService';
import { setModelValue } from '../../main/services/modelService';
import { importPeople, seedPairs } from '../support/matchPairs';
import { openTestServices, type TestServices } from '../support/services';

const PEOPLE = {
  'CITY-POL': ['Ion Popescu', 'Maria Ionescu', 'Elena Dima'],
  BORDER: ['POPESCU Ion', 'IONESCU Maria', 'DIMA Elena'],
  'RO-POL': ['Ion POPESCU'],
};
const PAIRS = [
  { a: 'Ion Popescu', b: 'POPESCU Ion', score: 0.95 },
  { a: 'Maria Ionescu', b: 'IONESCU Maria', score: 0.9 },
  { a: 'Elena Dima', b: 'DIMA Elena', score: 0.85 },
  { a: 'POPESCU Ion', b: 'Ion POPESCU', score: 0.99 },
];

describe('the review API for bulk confirmation, cluster pages and the match model', () => {
  let services: TestServices;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-review-bulk-'));
    await importPeople(services.db, dir, PEOPLE);
    await seedPairs(services.db, PAIRS);
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists only the pairs between two agencies, either way round', async () => {
    const listed = await services.api.listMatches({ agencies: ['BORDER', 'CITY-POL'], minScore: 0.88 });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((p) => [p.score, [p.a.agency, p.b.agency].sort().join('~')])).toEqual([
      [0.95, 'BORDER~CITY-POL'],
      [0.9, 'BORDER~CITY-POL'],
    ]);
    const all = await services.api.listMatches({ minScore: 0.88 });
    expect(all.ok && all.value.length).toBe(3);
  });

  it('pages through clusters by offset', async () => {
    const page = async (offset: number) => {
      const answer = await services.api.listMatchClusters({ minScore: 0, limit: 1, offset });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value.map((c) => [c.size, c.bestScore]);
    };
    expect([await page(0), await page(1), await page(2), await page(3)]).toEqual([
      [[3, 0.99]],
      [[2, 0.9]],
      [[2, 0.85]],
      [],
    ]);
  });

  it('records the list the reviewer saw with a bulk confirmation of the pairs shown', async () => {
    const shown = await services.api.listMatches({ agencies: ['CITY-POL', 'BORDER'] });
    if (!shown.ok) throw new Error(shown.error.message);
    const pairs = shown.value.map((p) => ({ a: p.a.id, b: p.b.id }));
    const decided = await services.api.confirmMatches({
      filter: { by: 'pairs', pairs, shown: { minScore: 0.8, agencies: ['CITY-POL', 'BORDER'] } },
    });
    expect(decided.ok && decided.value.pairs).toBe(3);
    const [event] = await listEvents(services.db);
    expect(event?.action).toBe('confirm 3 pairs: the 3 open pairs shown at score ≥ 0.8 between CITY-POL and BORDER');
  });

  it('answers the match model with each level in words, fixed values marked', async () => {
    const before = await services.api.getMatchModel();
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.estimatedAt).toBeNull();
    await setModelValue(services.db, 'dob', 'exact', { m: 0.9, u: 0.0001 });
    const after = await services.api.getMatchModel();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.levels.find((l) => l.comparison === 'dob' && l.level === 'exact')).toEqual({
      comparison: 'dob',
      comparisonLabel: 'date of birth',
      level: 'exact',
      label: 'the same date of birth',
      m: 0.9,
      u: 0.0001,
      weight: Math.log2(9000),
      inWords: 'about 9,000 times more likely if they are the same person',
      fixedM: true,
      fixedU: true,
    });
  });
});
