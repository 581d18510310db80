import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import type { Database } from '../../main/db/database';
import { buildChart } from '../../main/services/export/buildChart';
import { distinctSorted, type ChartDefinitionInput, type ExportChart } from '../../main/services/export/chartModel';
import { explainEdge, nodeDetails } from '../../main/services/workspace/detailsService';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

/** A database that counts the read statements run through it, by name. */
function counting(db: Database): { db: Database; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    db: {
      ...db,
      settings: db.settings,
      read: (name, params) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return db.read(name, params);
      },
    },
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((n, c) => n + c, 0);

describe("an export chart's evidence", () => {
  let services: TestServices;
  let graph: WorkspaceGraph;
  const person = (name: string) => nodeRef('person', [graph.mentions[name] as string]);
  /** The whole graph around Ion Popescu, hubs and all: persons, records, cases, phones, e-mails. */
  const everything = (identifiers: 'nodes' | 'collapsed'): ChartDefinitionInput => ({
    seeds: [person('Ion Popescu')],
    hops: 3,
    includeHubs: true,
    identifiers,
  });

  beforeAll(async () => {
    services = await openTestServices();
    graph = await loadWorkspaceGraph(services.db);
  });
  afterAll(async () => {
    await services.close();
  });

  /** Each element's sources as the details panel lists them, one node or link at a time. */
  async function panelSources(chart: ExportChart): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const n of chart.nodes) {
      const d = await nodeDetails(services.db, { node: n.id });
      const sources = [...d.properties.flatMap((p) => p.sources), ...d.agencies.flatMap((a) => a.records)];
      out.set(n.id, JSON.stringify(distinctSorted(sources)));
    }
    for (const e of chart.edges) {
      const evidence = await explainEdge(services.db, { edge: e.id });
      out.set(e.id, JSON.stringify(distinctSorted(evidence.facts.flatMap((f) => f.sources))));
    }
    return out;
  }

  it.each(['nodes', 'collapsed'] as const)(
    'lists for every node and link (identifiers as %s) the sources the details panel gives it',
    async (identifiers) => {
      const chart = await buildChart(services.db, everything(identifiers));
      const kinds = new Set([...chart.nodes.map((n) => n.kind), ...chart.edges.map((e) => e.kind)]);
      // The chart holds every kind whose sources are read its own way.
      const drawn = identifiers === 'nodes' ? ['phone', 'email'] : ['shares'];
      for (const kind of ['person', 'record', 'case', 'mentions', 'about', 'same-as', ...drawn])
        expect(kinds, kind).toContain(kind);
      const expected = await panelSources(chart);
      for (const el of [...chart.nodes, ...chart.edges]) {
        expect(el.sources.length, el.id).toBeGreaterThan(0);
        expect(JSON.stringify(el.sources), el.id).toBe(expected.get(el.id));
      }
    },
    // Reading the details of each element one at a time (the old way) takes minutes on a loaded machine.
    600_000,
  );

  it('reads a chart and its evidence in a fixed number of statements, however many nodes and links it has', async () => {
    const whole = await buildChart(services.db, everything('collapsed'));
    const refs = whole.nodes.map((n) => n.id);
    const elements = whole.nodes.length + whole.edges.length;
    expect(elements).toBeGreaterThanOrEqual(40);
    const small = counting(services.db);
    // One node of each kind, and the two ends of a same-person link and of a shared identifier.
    const kinds = [...new Set(whole.nodes.map((n) => n.kind))];
    const pairs = ['same-as', 'shares'].map((kind) => whole.edges.find((e) => e.kind === kind));
    const few = [
      ...new Set([
        ...kinds.map((kind) => (whole.nodes.find((n) => n.kind === kind) as { id: string }).id),
        ...pairs.flatMap((e) => (e ? [e.source, e.target] : [])),
      ]),
    ];
    expect(pairs.every(Boolean)).toBe(true);
    await buildChart(small.db, { selection: few, identifiers: 'collapsed' });
    const large = counting(services.db);
    const chart = await buildChart(large.db, { selection: refs, identifiers: 'collapsed' });
    expect(chart.nodes.length).toBe(whole.nodes.length);
    // The old export read each node's and each link's details on their own: 5 to 10 statements apiece.
    expect(total(large.counts)).toBeLessThanOrEqual(total(small.counts));
    expect(total(large.counts)).toBeLessThan(elements / 2);
    for (const [name, count] of large.counts) expect(count, name).toBeLessThanOrEqual(3);
  });
});
