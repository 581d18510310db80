import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { loadChartNodes } from '../../main/services/workspace/chartNodes';
import { readChartNodes } from '../../main/services/workspace/expandService';
import { overview } from '../../main/services/graphService';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

describe('chart nodes: stable references, persons rather than mentions', () => {
  let services: TestServices;
  let graph: WorkspaceGraph;
  const m = (name: string) => graph.mentions[name] as string;

  beforeAll(async () => {
    services = await openTestServices();
    graph = await loadWorkspaceGraph(services.db);
  });
  afterAll(async () => {
    await services.close();
  });

  it('draws a person joined by a confirmed match once, under its smallest mention id, from either mention', async () => {
    const [first, second] = [m('Ion Popescu'), m('POPESCU Ion')].sort() as [string, string];
    const loaded = await loadChartNodes(services.db, [nodeRef('person', [second])]);
    const ref = nodeRef('person', [first]);
    expect(loaded.resolved.get(nodeRef('person', [second]))).toBe(ref);
    expect([...loaded.nodes.keys()]).toEqual([ref]);
    const node = loaded.nodes.get(ref);
    expect(node).toMatchObject({
      id: ref,
      kind: 'person',
      agencies: ['BORDER', 'CITY-POL'],
      records: 2,
      hub: false,
      roles: ['subject'],
      dates: ['2024-01-05', '2024-03-03'],
      properties: { name: expect.any(String), birthDate: '1980-03-01' },
    });
    expect(node?.unconfirmed).toBeUndefined();
    expect(node?.mentions?.map((x) => [x.name, x.agency, x.date]).sort()).toEqual([
      ['Ion Popescu', 'CITY-POL', '2024-01-05'],
      ['POPESCU Ion', 'BORDER', '2024-03-03'],
    ]);
  });

  it("keeps the resolver's bookkeeping off the chart and the overview (it would reach exported charts)", async () => {
    const ref = nodeRef('person', [m('Elena Dima')]);
    const loaded = await loadChartNodes(services.db, [ref]);
    const drawn = loaded.nodes.get(ref);
    expect(drawn?.properties.name).toBe('Elena Dima');
    const shown = await overview(services.db, { limit: 500 });
    const persons = shown.nodes.filter((n) => n.data.kind === 'Person');
    expect(persons.length).toBeGreaterThan(0);
    for (const properties of [drawn?.properties, ...persons.map((n) => n.data.properties)]) {
      expect(Object.keys(properties ?? {})).not.toContain('matchView');
      expect(Object.keys(properties ?? {})).not.toContain('searchName');
    }
  });

  it('re-reads chart nodes by reference for the app: a person once, by any mention, with its dates; unknown references left out', async () => {
    const [first, second] = [m('Ion Popescu'), m('POPESCU Ion')].sort() as [string, string];
    const nodes = await readChartNodes(services.db, {
      nodes: [nodeRef('person', [second]), nodeRef('person', [first]), nodeRef('phone', ['+40000000000'])],
    });
    expect(nodes.map((n) => [n.id, n.dates])).toEqual([[nodeRef('person', [first]), ['2024-01-05', '2024-03-03']]]);
  });

  it('joins open candidates at a score only when asked, and says the match is unconfirmed', async () => {
    const ngo = nodeRef('person', [m('Ion POPESCU')]);
    const alone = await loadChartNodes(services.db, [ngo]);
    expect([...alone.nodes.values()].map((n) => [n.id, n.records, n.unconfirmed])).toEqual([[ngo, 1, undefined]]);
    const joined = await loadChartNodes(services.db, [ngo], { joinCandidatesAt: 0.85 });
    const node = [...joined.nodes.values()][0];
    expect(node).toMatchObject({ agencies: ['BORDER', 'CITY-POL', 'NGO'], records: 3, unconfirmed: true });
    expect(node?.id).toBe(
      nodeRef('person', [[m('Ion Popescu'), m('POPESCU Ion'), m('Ion POPESCU')].sort()[0] as string]),
    );
    const above = await loadChartNodes(services.db, [ngo], { joinCandidatesAt: 0.95 });
    expect([...above.nodes.values()].map((n) => n.records)).toEqual([1]);
  });

  it('finds identifiers, cases and records by reference, with their agencies, records and hub flag', async () => {
    const refs = [
      nodeRef('phone', ['+447700900123']),
      nodeRef('phone', ['+448000121700']),
      nodeRef('email', ['elena.dima@example.com']),
      nodeRef('case', ['CITY-POL', 'CP-100']),
      nodeRef('phone', ['+440000000000']),
    ];
    const loaded = await loadChartNodes(services.db, refs);
    const summary = [...loaded.nodes.values()]
      .map((n) => ({ id: n.id, label: n.label, agencies: n.agencies, records: n.records, hub: n.hub }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(summary).toEqual([
      { id: 'case:CITY-POL:CP-100', label: 'CP-100 (CITY-POL)', agencies: ['CITY-POL'], records: 2, hub: false },
      {
        id: 'email:elena.dima%40example.com',
        label: 'elena.dima@example.com',
        agencies: ['BORDER'],
        records: 2,
        hub: false,
      },
      {
        id: 'phone:%2B447700900123',
        label: expect.any(String),
        agencies: ['BORDER', 'CITY-POL'],
        records: 2,
        hub: false,
      },
      {
        id: 'phone:%2B448000121700',
        label: expect.any(String),
        agencies: ['BORDER', 'CITY-POL', 'NGO'],
        records: 4,
        hub: true,
      },
    ]);
    expect(loaded.resolved.has(nodeRef('phone', ['+440000000000']))).toBe(false);
  });
});
