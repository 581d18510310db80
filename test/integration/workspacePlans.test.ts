import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef, searchInput } from '../../main/contract/workspaceTypes';
import { expandNodes } from '../../main/services/workspace/expandService';
import { findPaths } from '../../main/services/workspace/pathService';
import { search } from '../../main/services/workspace/searchService';
import { recordingTypes } from './planTypes';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

// Neo4j plans a statement again for each new mix of parameter types it is sent (a second or two
// on the bench's graph, more than a question's whole budget): every statement the workspace runs
// must get one mix, whatever the investigator asks, so that it is planned once.
describe('each workspace statement is sent one mix of parameter types, so that Neo4j plans it once', () => {
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

  it('over searches, expansions with and without filters, and paths', async () => {
    const { db, types } = recordingTypes(services.db);
    const texts = [
      'Popescu',
      'Elena Dima',
      '07700 900888',
      '+447700900123',
      '900123',
      'elena.dima@example.com',
      'CP-100',
      'B-2',
      '12 Some Street, London',
    ];
    for (const text of texts) await search(db, searchInput.parse({ text }));
    await search(db, searchInput.parse({ text: 'Popescu', kinds: ['person'] }));
    const phone = nodeRef('phone', ['+447700900888']);
    const expansions = [
      { nodes: [mention('Ion Popescu')] },
      { nodes: [mention('Elena Dima')], hops: 2 },
      { nodes: [mention('Elena Dima')], hops: 2, identifiers: 'collapsed' as const },
      { nodes: [mention('Ion Popescu')], agencies: ['BORDER'] },
      { nodes: [mention('Ion Popescu')], edgeKinds: ['phone' as const, 'same-as' as const] },
      { nodes: [mention('Ion Popescu')], joinCandidatesAt: 0.85 },
      { nodes: [mention('Ion Popescu')], joinCandidatesAt: 1 },
      { nodes: [phone], hops: 2 },
      { nodes: [phone], agencies: ['CITY-POL', 'BORDER'], includeHubs: true },
    ];
    for (const input of expansions) await expandNodes(db, input);
    await findPaths(db, { from: mention('Ion Popescu'), to: mention('Andrei Lungu') });
    await findPaths(db, { from: phone, to: mention('Elena Dima'), includeHubs: true });

    const mixed = [...types].filter(([, seen]) => seen.size > 1).map(([name, seen]) => [name, [...seen]]);
    expect(mixed).toEqual([]);
    // The questions reached the statements this is about.
    for (const name of [
      'workspace/identifier-nodes',
      'workspace/identifier-users',
      'workspace/party-neighbours',
      'workspace/party-components',
      'workspace/candidate-pairs',
      'search/find-phones',
      'search/find-cases',
    ])
      expect(types.has(name), name).toBe(true);
    // A fresh Neo4j plans each statement the first time it sees it: some thirty of them, on a loaded machine.
  }, 600_000);
});
