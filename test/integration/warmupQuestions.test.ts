import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef, searchInput } from '../../main/contract/workspaceTypes';
import { statement } from '../../main/db/cypher';
import type { Params } from '../../main/db/database';
import { expandNodes } from '../../main/services/workspace/expandService';
import { findPaths } from '../../main/services/workspace/pathService';
import { search } from '../../main/services/workspace/searchService';
import { paramTypes, recordingTypes } from './planTypes';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

// The local launcher asks these questions of a freshly started database (neo4j/…/QuestionWarmup)
// so that Neo4j has planned the workspace's statements before a user asks: a plan is cached by
// the statement's text and its parameters' types, so the warm-up must send the types the
// workspace sends, or Neo4j plans again when the user asks.
describe("the launcher's warm-up questions", () => {
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

  it("are the workspace's own statements, with the parameter types its search, expand and paths send", async () => {
    const { db, types } = recordingTypes(services.db);
    // The bench's questions: a name with a typo, one word, a phone in national form; a person
    // expanded one and two hops; the paths between two persons of different agencies.
    for (const text of ['Elena Dimma', 'Popescu', '07700 900888']) await search(db, searchInput.parse({ text }));
    await expandNodes(db, { nodes: [mention('Ion Popescu')], hops: 1 });
    await expandNodes(db, { nodes: [mention('Elena Dima')], hops: 2 });
    await findPaths(db, { from: mention('Ion Popescu'), to: mention('Andrei Lungu') });

    const rows = await services.db.read('system/warmup-questions', { persons: 20 });
    // A statement and the parameter types of one run of it, as the driver sends them.
    const signature = (name: string, params?: Params) => `${name}(${paramTypes(params)})`;
    const warmed = new Set(rows.map((r) => signature(r.string('statement'), r.get('params') as Params)));
    const asked = [...types].flatMap(([name, seen]) => [...seen].map((t) => `${name}(${t})`));
    expect(asked.filter((s) => !warmed.has(s))).toEqual([]);
    // About the graph's persons, not only the stand-ins of an empty graph.
    expect(rows.length).toBeGreaterThan(25);
    // Only reads, and each one runs with the parameters it is given.
    for (const row of rows) {
      const name = row.string('statement');
      expect(statement(name).mode, name).toBe('read');
      await services.db.read(name, row.get('params') as Params);
    }
  }, 600_000);
});
