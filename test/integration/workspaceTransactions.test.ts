import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef, searchInput } from '../../main/contract/workspaceTypes';
import type { Database } from '../../main/db/database';
import { expandNodes, readChartNodes } from '../../main/services/workspace/expandService';
import { explainEdge, nodeDetails } from '../../main/services/workspace/detailsService';
import { findPaths } from '../../main/services/workspace/pathService';
import { search } from '../../main/services/workspace/searchService';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

/** What a question cost: transactions opened, statements run, and rounds of waiting on them. */
interface Count {
  transactions: number;
  statements: number;
  /** Statements asked for while none was in flight: each starts a round the question waits on. */
  rounds: number;
}

/** The real database, counting transactions (a lone `read` is one), the statements run in them and their rounds. */
function counting(db: Database): { db: Database; take(): Count } {
  let count: Count = { transactions: 0, statements: 0, rounds: 0 };
  let inFlight = 0;
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    if (inFlight === 0) count.rounds += 1;
    inFlight += 1;
    try {
      return await run();
    } finally {
      inFlight -= 1;
    }
  };
  return {
    db: {
      ...db,
      read: (name, params) => {
        count.transactions += 1;
        count.statements += 1;
        return timed(() => db.read(name, params));
      },
      readWork: (label, work) => {
        count.transactions += 1;
        return db.readWork(label, (run) =>
          work((name, params) => {
            count.statements += 1;
            return timed(() => run(name, params));
          }),
        );
      },
    },
    take: () => {
      const out = count;
      count = { transactions: 0, statements: 0, rounds: 0 };
      return out;
    },
  };
}

/** The real database with every statement in a transaction of its own, as before one transaction per question. */
function statementByStatement(db: Database): Database {
  return { ...db, readWork: (_label, work) => work((name, params) => db.read(name, params)) };
}

describe('the workspace answers each question in one read transaction', () => {
  let services: TestServices;
  let graph: WorkspaceGraph;
  const mention = (name: string) => nodeRef('person', [graph.mentions[name] as string]);

  beforeAll(async () => {
    services = await openTestServices();
    graph = await loadWorkspaceGraph(services.db);
  });
  afterAll(async () => {
    await services.close();
  });

  const questions: [string, (db: Database) => Promise<unknown>][] = [
    ['a name search', (db) => search(db, searchInput.parse({ text: 'Popescu' }))],
    ['a phone typed in national form', (db) => search(db, searchInput.parse({ text: '07700 900888' }))],
    ['a one-hop expansion', (db) => expandNodes(db, { nodes: [mention('POPESCU Ion')] })],
    [
      'a two-hop expansion with identifiers collapsed',
      (db) => expandNodes(db, { nodes: [mention('Elena Dima')], hops: 2, identifiers: 'collapsed' }),
    ],
    ['shortest paths', (db) => findPaths(db, { from: mention('Ion Popescu'), to: mention('Elena Dima') })],
    [
      'chart nodes re-read',
      (db) => readChartNodes(db, { nodes: [mention('POPESCU Ion'), nodeRef('phone', ['+447700900888'])] }),
    ],
    ["a person's details", (db) => nodeDetails(db, { node: mention('Ion Popescu') })],
    ["a phone's details", (db) => nodeDetails(db, { node: nodeRef('phone', ['+447700900888']) })],
    [
      'a shared phone explained',
      (db) => explainEdge(db, { source: mention('Ion Popescu'), target: mention('Elena Dima'), kind: 'shares' }),
    ],
    [
      'a candidate match explained',
      (db) => explainEdge(db, { source: mention('Ion Popescu'), target: mention('POPESCU Ion') }),
    ],
  ];

  it.each(questions)(
    '%s: one transaction of several statements, answering as statement by statement',
    async (_, ask) => {
      const counted = counting(services.db);
      const answer = await ask(counted.db);
      const cost = counted.take();
      expect(cost.transactions).toBe(1);
      expect(cost.statements).toBeGreaterThan(1);
      expect(answer).toEqual(await ask(statementByStatement(services.db)));
    },
  );

  // What an expansion reaches comes with what draws it, from the statements that reach it: the
  // chart waits on one round of statements per hop, not on a second one to read the nodes.
  it.each([
    ['one hop from a person', 1, (db: Database) => expandNodes(db, { nodes: [mention('Elena Dima')] })],
    ['two hops from a person', 2, (db: Database) => expandNodes(db, { nodes: [mention('Elena Dima')], hops: 2 })],
    ['one hop from a phone', 1, (db: Database) => expandNodes(db, { nodes: [nodeRef('phone', ['+447700900888'])] })],
  ])(
    'an expansion %s waits on %i round(s) of statements, drawing what statement by statement draws',
    async (_, rounds, ask) => {
      const counted = counting(services.db);
      const answer = await ask(counted.db);
      expect(counted.take().rounds).toBe(rounds);
      expect(answer.nodes.length).toBeGreaterThan(1);
      expect(answer).toEqual(await ask(statementByStatement(services.db)));
    },
  );

  it('a question whose end is not in the graph fails in plain words, its transaction closed', async () => {
    const counted = counting(services.db);
    await expect(
      findPaths(counted.db, { from: mention('Ion Popescu'), to: nodeRef('person', ['no-such-mention']) }),
    ).rejects.toMatchObject({ error: { kind: 'NotFound', message: 'person:no-such-mention is not in the graph.' } });
    expect(counted.take().transactions).toBe(1);
    // The connection went back to the pool: the next question is answered.
    const after = await search(services.db, searchInput.parse({ text: 'Elena', kinds: ['person'] }));
    expect(after.groups[0]?.hits.map((h) => h.node.label)).toEqual(['Elena Dima']);
  });
});
