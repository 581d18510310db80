import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef, searchInput } from '../../main/contract/workspaceTypes';
import type { Database } from '../../main/db/database';
import { expandNodes, readChartNodes } from '../../main/services/workspace/expandService';
import { findPaths } from '../../main/services/workspace/pathService';
import { search } from '../../main/services/workspace/searchService';
import { openTestServices, type TestServices } from '../support/services';
import { buildWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

/** What a question cost: transactions opened and statements run. */
interface Count {
  transactions: number;
  statements: number;
}

/** The real database, counting transactions (a lone `read` is one) and the statements run in them. */
function counting(db: Database): { db: Database; take(): Count } {
  let count: Count = { transactions: 0, statements: 0 };
  return {
    db: {
      ...db,
      read: (name, params) => {
        count.transactions += 1;
        count.statements += 1;
        return db.read(name, params);
      },
      readWork: (label, work) => {
        count.transactions += 1;
        return db.readWork(label, (run) =>
          work((name, params) => {
            count.statements += 1;
            return run(name, params);
          }),
        );
      },
    },
    take: () => {
      const out = count;
      count = { transactions: 0, statements: 0 };
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
  let dir: string;
  let graph: WorkspaceGraph;
  const mention = (name: string) => nodeRef('person', [graph.mentions[name] as string]);

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-ws-tx-'));
    graph = await buildWorkspaceGraph(services.db, dir);
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
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
