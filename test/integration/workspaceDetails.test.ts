import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaselinkApi, Result } from '../../main/contract/api';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { dispatch } from '../../main/services/api';
import { listEvents } from '../../main/services/auditService';
import { graphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';
import { GRADING } from '../support/sheets';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

const P1 = nodeRef('phone', ['+447700900123']);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('details, evidence and saved investigations through the API', () => {
  let services: TestServices;
  let api: CaselinkApi;
  let graph: WorkspaceGraph;
  const person = (...names: string[]) =>
    nodeRef('person', [names.map((n) => graph.mentions[n] as string).sort()[0] as string]);

  beforeAll(async () => {
    services = await openTestServices();
    api = services.api;
    graph = await loadWorkspaceGraph(services.db);
  });
  afterAll(async () => {
    await services.close();
  });

  it("gives every property of a person with its sources down to column, cell and the file's SHA-256, and which agencies know it", async () => {
    const details = value(await api.getNodeDetails({ node: person('Ion Popescu') }));
    expect(details.node.id).toBe(person('Ion Popescu', 'POPESCU Ion'));
    const city = graph.files['CITY-POL'] as { path: string; sha256: string };
    const border = graph.files.BORDER as { path: string; sha256: string };
    const names = details.properties.filter((p) => p.name === 'name');
    expect(names.map((p) => [p.value, p.sources.map((s) => [s.agency, s.column, s.raw, s.row])])).toEqual([
      ['Ion Popescu', [['CITY-POL', 'Name', 'Ion Popescu', 2]]],
      ['POPESCU Ion', [['BORDER', 'Name', 'POPESCU Ion', 4]]],
    ]);
    expect(names[0]?.sources[0]).toEqual({
      record: expect.stringMatching(/^[a-f0-9]{32}$/),
      agency: 'CITY-POL',
      fileName: basename(city.path),
      sha256: city.sha256,
      sheet: 'Sheet1',
      row: 2,
      column: 'Name',
      raw: 'Ion Popescu',
      caseRef: 'CP-100',
      importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      grading: `${GRADING.source}${GRADING.information}`,
      handling: GRADING.handling,
    });
    expect(details.properties.find((p) => p.name === 'date of birth')).toMatchObject({
      value: '1980-03-01',
      sources: [
        { agency: 'BORDER', column: 'DOB', raw: '01/03/1980' },
        { agency: 'CITY-POL', column: 'DOB', raw: '01/03/1980' },
      ],
    });
    const phones = details.properties.filter((p) => p.name === 'phone');
    expect(phones.map((p) => p.sources.map((s) => [s.agency, s.column, s.raw]))).toEqual(
      expect.arrayContaining([[['CITY-POL', 'Phone', '07700 900123']], [['CITY-POL', 'Phone 2', '0800 012 1700']]]),
    );
    expect(details.agencies.map((a) => [a.agency, a.records.map((r) => [r.fileName, r.sha256, r.row])])).toEqual([
      ['BORDER', [[basename(border.path), border.sha256, 4]]],
      ['CITY-POL', [[basename(city.path), city.sha256, 2]]],
    ]);
  });

  it('gives an identifier every use with its column and cell, and a record every cell of its row', async () => {
    const phone = value(await api.getNodeDetails({ node: P1 }));
    expect(phone.properties.map((p) => [p.name, p.value, p.sources.map((s) => [s.agency, s.column, s.raw])])).toEqual([
      [
        'phone',
        phone.node.label,
        [
          ['BORDER', 'Phone', '+44 7700 900123'],
          ['CITY-POL', 'Phone', '07700 900123'],
        ],
      ],
    ]);
    expect(phone.agencies.map((a) => a.agency)).toEqual(['BORDER', 'CITY-POL']);
    const record = phone.agencies[0]?.records[0]?.record as string;
    const row = value(await api.getNodeDetails({ node: nodeRef('record', [record]) }));
    expect(row.properties.filter((p) => p.name.startsWith('cell ')).map((p) => [p.name, p.value])).toEqual([
      ['cell "Case"', 'B-1'],
      ['cell "Date"', '01/03/2024'],
      ['cell "Name"', 'Elena Dima'],
      ['cell "DOB"', '03/03/1985'],
      ['cell "Phone"', '+44 7700 900123'],
      ['cell "Email"', 'elena.dima@example.com'],
    ]);
    expect(row.properties.find((p) => p.name === 'case reference')?.sources[0]).toMatchObject({
      column: 'Case',
      raw: 'B-1',
      sha256: graph.files.BORDER?.sha256,
    });
  });

  it('explains any chart edge, by id or by its ends, with both sides of a shared identifier', async () => {
    const shares = value(
      await api.explainEdge({ source: person('Ion Popescu'), target: person('Elena Dima'), kind: 'shares' }),
    );
    expect(shares.facts).toHaveLength(1);
    expect(shares.facts[0]).toMatchObject({
      kind: 'shares',
      identifier: P1,
      statement: expect.stringMatching(/^both used phone /),
    });
    expect(shares.facts[0]?.sources.map((s) => [s.agency, s.column, s.raw, s.sha256])).toEqual([
      ['BORDER', 'Phone', '+44 7700 900123', graph.files.BORDER?.sha256],
      ['CITY-POL', 'Phone', '07700 900123', graph.files['CITY-POL']?.sha256],
    ]);
    const phoneEdge = `phone|${person('Ion Popescu')}|${P1}`;
    const byId = value(await api.explainEdge({ edge: phoneEdge }));
    expect(byId.facts.map((f) => [f.kind, f.sources.map((s) => [s.agency, s.column])])).toEqual([
      ['phone', [['CITY-POL', 'Phone']]],
    ]);
    const candidate = value(await api.explainEdge({ source: person('Ion Popescu'), target: person('Ion POPESCU') }));
    expect(candidate.facts.map((f) => [f.kind, f.match?.status, f.match?.score]).sort()).toEqual([
      ['same-as', 'candidate', 0.88],
      ['same-as', 'candidate', 0.9],
    ]);
  });

  it('saves a chart, lists it, reopens it re-read from the graph, and deletes it, each save in the audit trail', async () => {
    const statsBefore = await graphStats(services.db);
    const chart = {
      name: 'Popescu network',
      nodes: [
        { id: nodeRef('person', [graph.mentions['POPESCU Ion'] as string]), x: 10, y: 20, pinned: true },
        { id: P1, x: 30.5, y: -4 },
        { id: person('Elena Dima'), x: 50, y: 60, hidden: true },
        { id: nodeRef('phone', ['+449999999999']), x: 0, y: 0 },
      ],
      settings: { identifiers: 'nodes', filters: { agencies: ['NGO'] } },
      notes: 'Started from the shared phone.',
    };
    const saved = value(await api.saveInvestigation(chart));
    expect(saved).toMatchObject({ name: 'Popescu network', nodeCount: 4, savedBy: expect.any(String) });
    expect(value(await api.listInvestigations()).map((i) => i.name)).toEqual(['Popescu network']);

    const opened = value(await api.openInvestigation({ id: saved.id }));
    expect(opened.chart).toEqual({
      ...chart,
      nodes: chart.nodes.map((n) => ({ pinned: false, hidden: false, ...n })),
    });
    expect(opened.missing).toEqual([nodeRef('phone', ['+449999999999'])]);
    expect(opened.moved).toEqual(
      graph.mentions['POPESCU Ion'] === [graph.mentions['POPESCU Ion'], graph.mentions['Ion Popescu']].sort()[0]
        ? []
        : [{ from: chart.nodes[0]?.id, to: person('Ion Popescu', 'POPESCU Ion') }],
    );
    expect(opened.slice.nodes.map((n) => n.id)).toEqual([
      person('Ion Popescu', 'POPESCU Ion'),
      P1,
      person('Elena Dima'),
    ]);
    expect(opened.slice.edges.map((e) => e.id).sort()).toEqual(
      [`phone|${person('Ion Popescu')}|${P1}`, `phone|${person('Elena Dima')}|${P1}`].sort(),
    );
    expect(opened.slice.notes.map((n) => n.text)).toEqual([
      '1 node is no longer in the graph and left out.',
      ...(opened.moved.length ? [expect.any(String)] : []),
    ]);

    const resaved = value(await api.saveInvestigation({ ...chart, id: saved.id, name: 'Popescu network v2' }));
    expect(resaved.id).toBe(saved.id);
    expect(value(await api.listInvestigations()).map((i) => i.name)).toEqual(['Popescu network v2']);
    // Saved charts are Caselink's own bookkeeping, not part of the investigation graph.
    expect(await graphStats(services.db)).toEqual(statsBefore);

    expect(value(await api.deleteInvestigation({ id: saved.id }))).toEqual({
      id: saved.id,
      name: 'Popescu network v2',
    });
    expect(value(await api.listInvestigations())).toEqual([]);
    const gone = await api.openInvestigation({ id: saved.id });
    expect(gone).toMatchObject({ ok: false, error: { kind: 'NotFound' } });
    const events = (await listEvents(services.db, { kind: 'investigation' })).map((e) => [e.action, e.outcome]);
    expect(events).toEqual([
      [`delete investigation ${saved.id}`, 'success'],
      ['save investigation "Popescu network v2"', 'success'],
      ['save investigation "Popescu network"', 'success'],
    ]);
  });

  it('refuses references and inputs the contract does not allow, before any query', async () => {
    expect(await dispatch(api, 'expandNodes', { nodes: ['Person:MATCH (n) DETACH DELETE n'] })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput' },
    });
    expect(await dispatch(api, 'findPaths', { from: P1, to: P1, maxHops: 11 })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput' },
    });
    expect(await dispatch(api, 'expandNodes', { nodes: [P1] })).toMatchObject({ ok: true });
  });
});
