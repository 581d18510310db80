import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSchema } from '../../main/db/schema';
import { listEvents, matchHistory } from '../../main/services/auditService';
import {
  confirmMatches,
  countOpenMatches,
  decideMatch,
  listMatchClusters,
  listMatches,
  undoMatchDecision,
} from '../../main/services/matchService';
import { importPeople, seedPairs } from '../support/matchPairs';
import { openTestServices, type TestServices } from '../support/services';

const PEOPLE = {
  'CITY-POL': ['Ion Popescu', 'Maria Ionescu', 'Elena Dima', 'Vasile Rusu'],
  BORDER: ['POPESCU Ion', 'IONESCU Maria', 'RUSU Vasile'],
  'RO-POL': ['Ion POPESCU', 'Elena DIMA'],
};
/** A triangle of three Popescu mentions, one Ionescu pair, one Dima pair below the threshold, one Rusu pair. */
const PAIRS = [
  { a: 'Ion Popescu', b: 'POPESCU Ion', score: 0.95 },
  { a: 'POPESCU Ion', b: 'Ion POPESCU', score: 0.9 },
  { a: 'Ion Popescu', b: 'Ion POPESCU', score: 0.85 },
  { a: 'Maria Ionescu', b: 'IONESCU Maria', score: 0.82 },
  { a: 'Elena Dima', b: 'Elena DIMA', score: 0.7 },
  { a: 'Vasile Rusu', b: 'RUSU Vasile', score: 0.99 },
];

describe('review that scales: one open count, clusters, bulk decisions', () => {
  let services: TestServices;
  let dir: string;
  let ids: { a: string; b: string }[];
  const names = (pairs: { a: { name: string | null }; b: { name: string | null } }[]) =>
    pairs.map((p) => [p.a.name, p.b.name].sort().join(' ~ '));
  /** The three ways a user sees the count: the service, the queue's list, the clusters. */
  const counts = async (minScore?: number) => {
    const clusters = await services.api.listMatchClusters(minScore === undefined ? {} : { minScore });
    const queue = await services.api.listMatches({
      statuses: ['candidate'],
      ...(minScore === undefined ? {} : { minScore }),
    });
    const counted = await services.api.countOpenMatches(minScore === undefined ? {} : { minScore });
    if (!clusters.ok || !queue.ok || !counted.ok) throw new Error('a call failed');
    return {
      count: counted.value.open,
      queue: queue.value.length,
      inClusters: clusters.value.reduce((sum, c) => sum + c.open, 0),
    };
  };

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-review-'));
    await importPeople(services.db, dir, PEOPLE);
    ids = await seedPairs(services.db, PAIRS);
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts open pairs once, at the threshold or the score asked for, the same in the count, the queue and the clusters', async () => {
    expect(await counts()).toEqual({ count: 5, queue: 5, inClusters: 5 });
    expect(await counts(0.6)).toEqual({ count: 6, queue: 6, inClusters: 6 });
    expect(await counts(0.9)).toEqual({ count: 3, queue: 3, inClusters: 3 });
    expect(await countOpenMatches(services.db)).toEqual({ open: 5, minScore: 0.8 });
  });

  it('groups open and confirmed pairs into clusters, best first, with sizes and agencies', async () => {
    const clusters = await listMatchClusters(services.db);
    expect(
      clusters.map((c) => ({
        size: c.size,
        open: c.open,
        confirmed: c.confirmed,
        best: c.bestScore,
        agencies: c.agencies,
      })),
    ).toEqual([
      { size: 2, open: 1, confirmed: 0, best: 0.99, agencies: ['BORDER', 'CITY-POL'] },
      { size: 3, open: 3, confirmed: 0, best: 0.95, agencies: ['BORDER', 'CITY-POL', 'RO-POL'] },
      { size: 2, open: 1, confirmed: 0, best: 0.82, agencies: ['BORDER', 'CITY-POL'] },
    ]);
    expect(names(clusters[1]?.pairs ?? [])).toEqual([
      'Ion Popescu ~ POPESCU Ion',
      'Ion POPESCU ~ POPESCU Ion',
      'Ion POPESCU ~ Ion Popescu',
    ]);
    expect(clusters[1]?.pairs[0]?.reasons).toEqual(['seeded Ion Popescu ~ POPESCU Ion']);
  });

  it('confirms a cluster as one decision after one pair in it is rejected on its own', async () => {
    const popescu = (await listMatchClusters(services.db))[1];
    if (!popescu) throw new Error('no Popescu cluster');
    const [, second, third] = popescu.pairs;
    await decideMatch(services.db, { a: third!.a.id, b: third!.b.id, status: 'rejected' });
    // Still one cluster: the rejected pair's mentions are joined through the third mention.
    const after = (await listMatchClusters(services.db)).find((c) => c.id === popescu.id);
    expect({ size: after?.size, open: after?.open }).toEqual({ size: 3, open: 2 });
    expect(await counts()).toEqual({ count: 4, queue: 4, inClusters: 4 });

    const before = (await listEvents(services.db)).length;
    // Any mention of the cluster names it.
    const decision = await confirmMatches(services.db, {
      filter: { by: 'cluster', person: second!.b.id },
      reviewerName: 'DC Morgan',
      note: 'one man, three spellings',
    });
    expect(decision.pairs).toBe(2);
    const events = await listEvents(services.db);
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({
      id: decision.decision,
      kind: 'match-decision',
      outcome: 'success',
      details: expect.objectContaining({
        pairs: 2,
        fromStatus: 'candidate',
        toStatus: 'confirmed',
        reviewerName: 'DC Morgan',
      }),
    });
    const confirmed = await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 });
    expect(confirmed.map((p) => [p.reviewerName, p.note])).toEqual([
      ['DC Morgan', 'one man, three spellings'],
      ['DC Morgan', 'one man, three spellings'],
    ]);
    expect(await counts()).toEqual({ count: 2, queue: 2, inClusters: 2 });
    // Each pair's history holds the cluster's decision; the rejected one's holds its own only.
    expect((await matchHistory(services.db, second!.a.id, second!.b.id)).map((e) => e.id)).toEqual([decision.decision]);
    expect(
      (await matchHistory(services.db, third!.a.id, third!.b.id)).map((e) => [e.details.toStatus, e.details.pairs]),
    ).toEqual([['rejected', undefined]]);
    // Decided clusters leave the list; the rejected pair stays rejected.
    expect((await listMatchClusters(services.db)).map((c) => c.size)).toEqual([2, 2]);
    expect(names(await listMatches(services.db, { statuses: ['rejected'], minScore: 0 }))).toEqual([
      'Ion POPESCU ~ Ion Popescu',
    ]);
  });

  it('confirms every open pair at a score between two agencies as one decision, and undoes it by its id', async () => {
    const decision = await confirmMatches(services.db, {
      filter: { by: 'score', minScore: 0.6, agencies: ['BORDER', 'CITY-POL'] },
    });
    expect(decision.pairs).toBe(2);
    expect(names(await listMatches(services.db, { statuses: ['candidate'], minScore: 0 }))).toEqual([
      'Elena DIMA ~ Elena Dima',
    ]);
    expect(await counts()).toEqual({ count: 0, queue: 0, inClusters: 0 });

    const undone = await undoMatchDecision(services.db, { decision: decision.decision, note: 'too hasty' });
    expect(undone.pairs).toBe(2);
    expect(names(await listMatches(services.db, { statuses: ['candidate'] }))).toEqual([
      'RUSU Vasile ~ Vasile Rusu',
      'IONESCU Maria ~ Maria Ionescu',
    ]);
    const [undo] = await listEvents(services.db);
    const rusu = (await listMatches(services.db, { statuses: ['candidate'] }))[0]!;
    expect((await matchHistory(services.db, rusu.a.id, rusu.b.id)).map((e) => e.id)).toEqual([
      decision.decision,
      undone.decision,
    ]);
    expect(undo).toMatchObject({
      id: undone.decision,
      details: expect.objectContaining({ undoes: decision.decision, pairs: 2 }),
    });
    // Undoing it again is refused, naming the decision that undid it, and writes nothing.
    const before = (await listEvents(services.db)).length;
    await expect(undoMatchDecision(services.db, { decision: decision.decision })).rejects.toMatchObject({
      error: {
        kind: 'InvalidInput',
        message: expect.stringMatching(
          new RegExp(
            `^Decision ${decision.decision} was already undone on \\d{4}-\\d{2}-\\d{2} [\\d:]{8} UTC by decision ${undone.decision}; nothing changed\\.$`,
          ),
        ),
      },
    });
    expect(await listEvents(services.db)).toHaveLength(before);
    await expect(undoMatchDecision(services.db, { decision: undone.decision })).rejects.toThrow(
      /not a bulk confirmation/,
    );
    expect(ids).toHaveLength(PAIRS.length);
  });

  it('lets one of two undos of a decision at once land, and refuses the other, writing nothing for it', async () => {
    const { indexes } = await describeSchema(services.db);
    expect(indexes.filter((i) => i.labelsOrTypes.includes('AuditEvent')).map((i) => i.properties)).toContainEqual([
      'undoes',
    ]);
    // Several rounds: the old read-then-write let both land as soon as their reads overlapped.
    for (let round = 0; round < 4; round += 1) {
      const decision = await confirmMatches(services.db, {
        filter: { by: 'score', minScore: 0.6, agencies: ['BORDER', 'CITY-POL'] },
      });
      expect(decision.pairs).toBe(2);
      const outcomes = await Promise.allSettled([
        undoMatchDecision(services.db, { decision: decision.decision }),
        undoMatchDecision(services.db, { decision: decision.decision }),
      ]);
      const landed = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason as unknown);
      expect(
        landed.map((u) => u.pairs),
        `round ${round}`,
      ).toEqual([2]);
      expect(refused, `round ${round}`).toEqual([
        expect.objectContaining({
          error: expect.objectContaining({
            kind: 'InvalidInput',
            message: expect.stringContaining(`was already undone on `) as string,
          }),
        }),
      ]);
      const undoes = (await listEvents(services.db)).filter((e) => e.details.undoes === decision.decision);
      expect(
        undoes.map((e) => e.id),
        `round ${round}`,
      ).toEqual([landed[0]!.decision]);
      expect(names(await listMatches(services.db, { statuses: ['candidate'] }))).toEqual([
        'RUSU Vasile ~ Vasile Rusu',
        'IONESCU Maria ~ Maria Ionescu',
      ]);
    }
  });

  it('refuses a bulk confirmation with nothing to confirm, naming the filter', async () => {
    await expect(
      confirmMatches(services.db, { filter: { by: 'score', minScore: 0.99, agencies: ['RO-POL', 'BORDER'] } }),
    ).rejects.toThrow('No open pair to confirm: every open pair at score ≥ 0.99 between RO-POL and BORDER.');
  });
});
