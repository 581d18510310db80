import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSliceDto } from '../../main/contract/api';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { expandNodes } from '../../main/services/workspace/expandService';
import { loadChartNodes } from '../../main/services/workspace/chartNodes';
import { findPaths, shortestPathRows } from '../../main/services/workspace/pathService';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

const P1 = nodeRef('phone', ['+447700900123']);
const P888 = nodeRef('phone', ['+447700900888']);
const HUB = nodeRef('phone', ['+448000121700']);
const ION_EMAIL = nodeRef('email', ['ion.popescu@example.com']);
const ELENA_EMAIL = nodeRef('email', ['elena.dima@example.com']);

describe('expanding chart nodes and finding paths between them', () => {
  let services: TestServices;
  let graph: WorkspaceGraph;
  /** A person's chart reference: the smallest id among the mentions named. */
  const person = (...names: string[]) =>
    nodeRef('person', [names.map((n) => graph.mentions[n] as string).sort()[0] as string]);
  let names: Map<string, string>;
  /** A slice in words: nodes and edges by short names, so a failure reads as a chart. */
  const read = (slice: ChartSliceDto) => {
    const name = (ref: string) => names.get(ref) ?? (ref.startsWith('record:') ? 'record' : ref);
    return {
      nodes: slice.nodes.map((n) => name(n.id)),
      edges: slice.edges
        .map((e) => `${name(e.source)} -${e.kind}${e.via ? `(${e.via.map(name).join('+')})` : ''}-> ${name(e.target)}`)
        .sort(),
      hubsLeftOut: slice.hubsLeftOut,
      cappedOut: slice.cappedOut,
    };
  };

  beforeAll(async () => {
    services = await openTestServices();
    graph = await loadWorkspaceGraph(services.db);
    names = new Map([
      [person('Ion Popescu', 'POPESCU Ion'), 'Ion'],
      [person('Ion POPESCU'), 'Ion (NGO)'],
      [person('Elena Dima'), 'Elena'],
      [person('Andrei Lungu'), 'Andrei'],
      [person('Maria Ionescu'), 'Maria'],
      [person('Caller One'), 'Caller One'],
      [person('Caller Two'), 'Caller Two'],
      [P1, 'P1'],
      [P888, 'P888'],
      [HUB, 'hotline'],
      [ION_EMAIL, 'ion@'],
      [ELENA_EMAIL, 'elena@'],
      [nodeRef('phone', ['+447700900555']), 'P555'],
      [nodeRef('phone', ['+447700900321']), 'P321'],
      [nodeRef('case', ['CITY-POL', 'CP-100']), 'CP-100'],
    ]);
  });
  afterAll(async () => {
    await services.close();
  });

  it('expands a person (either mention) to its identifiers, records and open candidates, hubs left out with a note', async () => {
    const slice = await expandNodes(services.db, {
      nodes: [nodeRef('person', [graph.mentions['POPESCU Ion'] as string])],
    });
    expect(read(slice)).toEqual({
      nodes: ['Ion', 'Ion (NGO)', 'record', 'record', 'P1', 'P888', 'ion@'],
      edges: [
        'Ion -email-> ion@',
        'Ion -phone-> P1',
        'Ion -phone-> P888',
        expect.stringMatching(/^(Ion -same-as-> Ion \(NGO\)|Ion \(NGO\) -same-as-> Ion)$/),
        'record -mentions-> Ion',
        'record -mentions-> Ion',
      ].sort(),
      hubsLeftOut: 1,
      cappedOut: 0,
    });
    expect(slice.edges.find((e) => e.kind === 'same-as')?.score).toBe(0.9);
    expect(slice.notes).toEqual([
      {
        kind: 'hubs-left-out',
        text: expect.stringMatching(
          /^1 hub identifier left out \(.*\): they link too many records to tell anything; expand with hubs included to draw them\.$/,
        ),
        fact: expect.stringMatching(/^1 hub identifier left out \(.*\): they link too many records to tell anything$/),
      },
    ]);
    const withHubs = await expandNodes(services.db, { nodes: [person('Ion Popescu')], includeHubs: true });
    expect(read(withHubs).nodes).toContain('hotline');
    expect(withHubs.hubsLeftOut).toBe(0);
  });

  it('caps a large neighbourhood, counts the rest, and draws a superset in the same order when asked for more', async () => {
    const capped = await expandNodes(services.db, { nodes: [HUB], limit: 2 });
    expect(read(capped)).toMatchObject({ nodes: ['hotline', 'Ion', expect.any(String)], cappedOut: 2, hubsLeftOut: 0 });
    expect(capped.notes).toEqual([
      {
        kind: 'capped',
        text: '2 more neighbours not drawn (limit 2): show the rest to draw them.',
        fact: '2 more neighbours not drawn (limit 2)',
      },
    ]);
    const all = await expandNodes(services.db, { nodes: [HUB], limit: 10 });
    expect(read(all).nodes.slice(0, 3)).toEqual(read(capped).nodes);
    expect(read(all)).toMatchObject({ cappedOut: 0 });
    expect([...read(all).nodes].sort()).toEqual(['Andrei', 'Caller One', 'Caller Two', 'Ion', 'hotline']);
    expect(await expandNodes(services.db, { nodes: [HUB], limit: 10 })).toEqual(all);
  });

  it('follows only links that records of the agencies asked for assert, and only the edge kinds asked for', async () => {
    expect(read(await expandNodes(services.db, { nodes: [P1] })).nodes).toEqual(['P1', 'Ion', 'Elena']);
    expect(read(await expandNodes(services.db, { nodes: [P1], agencies: ['BORDER'] })).nodes).toEqual(['P1', 'Elena']);
    const phones = await expandNodes(services.db, { nodes: [person('Ion Popescu')], edgeKinds: ['phone'] });
    expect(read(phones).nodes).toEqual(['Ion', 'P1', 'P888']);
  });

  it('collapses identifiers into links between their users, saying which identifiers', async () => {
    const slice = await expandNodes(services.db, {
      nodes: [person('Ion Popescu')],
      identifiers: 'collapsed',
      edgeKinds: ['phone', 'email'],
    });
    const drawn = read(slice);
    expect(drawn.nodes[0]).toBe('Ion');
    expect(drawn.nodes.slice(1).sort()).toEqual(['Andrei', 'Elena']);
    expect(drawn).toMatchObject({ hubsLeftOut: 1, cappedOut: 0 });
    expect(drawn.edges.map((e) => e.split(' ').sort().join(' ')).sort()).toEqual(
      ['Andrei -shares(P888)-> Ion', 'Elena -shares(P1)-> Ion'].map((e) => e.split(' ').sort().join(' ')).sort(),
    );
    const andrei = slice.edges.find((e) => e.via?.includes(P888));
    expect(andrei).toMatchObject({ kind: 'shares', agencies: ['BORDER'], records: expect.any(Array) });
    expect(andrei?.records).toHaveLength(2);
    const withHubs = await expandNodes(services.db, {
      nodes: [person('Ion Popescu')],
      identifiers: 'collapsed',
      edgeKinds: ['phone'],
      includeHubs: true,
    });
    expect(read(withHubs).edges).toContain(
      [person('Ion Popescu'), person('Andrei Lungu')].sort()[0] === person('Ion Popescu')
        ? 'Ion -shares(P888+hotline)-> Andrei'
        : 'Andrei -shares(P888+hotline)-> Ion',
    );
  });

  it('reaches cases and records, several hops out', async () => {
    const slice = await expandNodes(services.db, { nodes: [nodeRef('case', ['CITY-POL', 'CP-100'])], hops: 2 });
    expect(read(slice)).toMatchObject({
      nodes: ['CP-100', 'record', 'record', 'Ion', 'Maria'],
      hubsLeftOut: 0,
    });
    expect(read(slice).edges.filter((e) => e.includes('about'))).toEqual([
      'record -about-> CP-100',
      'record -about-> CP-100',
    ]);
  });

  it('finds the shortest paths between two persons of two agencies, from any mention, hubs left out', async () => {
    const result = await findPaths(services.db, { from: person('Ion Popescu'), to: person('Andrei Lungu') });
    expect(result.paths.map((p) => p.nodes.map((r) => names.get(r) ?? r))).toEqual([
      ['Ion', 'P888', 'Andrei'],
      ['Ion', 'P1', 'Elena', 'elena@', 'Andrei'],
    ]);
    expect(result.paths[0]?.edges).toEqual([
      `phone|${person('Ion Popescu')}|${P888}`,
      `phone|${person('Andrei Lungu')}|${P888}`,
    ]);
    expect(read(result.slice).nodes.sort()).toEqual(['Andrei', 'Elena', 'Ion', 'P1', 'P888', 'elena@']);
    expect(result.slice.edges.map((e) => e.id).sort()).toEqual(
      [...new Set(result.paths.flatMap((p) => p.edges))].sort(),
    );
    const many = await findPaths(services.db, { from: person('Ion Popescu'), to: person('Andrei Lungu'), limit: 10 });
    expect(many.paths).toEqual(result.paths);
    const viaHubs = await findPaths(services.db, {
      from: person('Ion Popescu'),
      to: person('Andrei Lungu'),
      includeHubs: true,
    });
    expect(viaHubs.paths.map((p) => p.nodes.map((r) => names.get(r) ?? r)).slice(0, 2)).toEqual([
      ['Ion', 'P888', 'Andrei'],
      ['Ion', 'hotline', 'Andrei'],
    ]);
    const short = await findPaths(services.db, { from: person('Ion Popescu'), to: person('Elena Dima'), maxHops: 1 });
    expect(short.paths).toEqual([]);
    expect(short.slice.notes).toEqual([
      {
        kind: 'no-path-without-hubs',
        text: 'No path of 1 steps or fewer without hubs: try more steps or include hubs.',
        fact: 'No path of 1 steps or fewer without hubs',
      },
    ]);
  });

  it('bounds the path search at the steps asked, in Neo4j: each bound finds exactly the paths the unbounded search keeps', async () => {
    const ends = await loadChartNodes(services.db, [person('Ion Popescu'), person('Andrei Lungu')]);
    const params = {
      from: ends.elements.get(person('Ion Popescu')) ?? [],
      to: ends.elements.get(person('Andrei Lungu')) ?? [],
      includeHubs: true,
      limit: 100,
    };
    expect(params.from).toHaveLength(2);
    const lengths = (rows: { get(key: string): unknown }[]) =>
      rows.map((r) => (r.get('rels') as unknown[]).length).sort((a, b) => a - b);
    for (const many of [false, true]) {
      const widest = lengths(await shortestPathRows(services.db, 10, many, params));
      expect(widest.slice(0, 3)).toEqual([2, 2, 3]);
      for (let hops = 1; hops <= 10; hops += 1) {
        expect(lengths(await shortestPathRows(services.db, hops, many, params))).toEqual(
          widest.filter((n) => n <= hops),
        );
      }
    }
    await expect(shortestPathRows(services.db, 11, false, params)).rejects.toThrow(/from 1 to 10/);
    const two = await findPaths(services.db, { from: person('Ion Popescu'), to: person('Andrei Lungu'), maxHops: 2 });
    expect(two.paths.map((p) => p.nodes.map((r) => names.get(r) ?? r))).toEqual([['Ion', 'P888', 'Andrei']]);
  });
});
