/**
 * The app's `exportChart` (what the Export dialog calls, in Electron and under `caselink serve`)
 * over a small three-agency graph in the real Neo4j: the formats offered are the export
 * service's; the chart drawn is exported from its node references and positions as a file to
 * save (CSV's three files as one zip); the key comes only when asked, as a file of its own, and
 * only with redaction on; every export, refused ones included, is in the audit trail.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportChartInput } from '../../main/contract/api';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { dispatch } from '../../main/services/api';
import { listEvents } from '../../main/services/auditService';
import { EXPORT_FORMATS } from '../../main/services/export/exportService';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

const P1 = nodeRef('phone', ['+447700900123']);

describe('exportChart, the app’s export', () => {
  let services: TestServices;
  let graph: WorkspaceGraph;
  let chart: ExportChartInput['chart'];
  const person = (name: string) => nodeRef('person', [graph.mentions[name] as string]);

  beforeAll(async () => {
    services = await openTestServices();
    graph = await loadWorkspaceGraph(services.db);
    const slice = await services.api.expandNodes({ nodes: [P1], hops: 2 });
    if (!slice.ok) throw new Error(slice.error.message);
    const nodes = [...new Set([P1, ...slice.value.nodes.map((n) => n.id)])].sort();
    chart = { nodes, positions: Object.fromEntries(nodes.map((id, i) => [id, { x: i * 100, y: (i % 3) * 80 }])) };
  }, 600_000);
  afterAll(async () => {
    await services?.close();
  });

  it('offers the formats the export service writes, in its order', async () => {
    const formats = await services.api.listExportFormats();
    expect(formats.ok && formats.value.map((f) => f.format)).toEqual([...EXPORT_FORMATS]);
  });

  it('answers CSV as one zip of nodes, edges and sources, named after the title, with the chart’s nodes', async () => {
    const result = await services.api.exportChart({ format: 'csv', chart, title: 'Op Test: Phones' });
    if (!result.ok) throw new Error(result.error.message);
    const { file, key } = result.value;
    expect(file).toMatchObject({ fileName: 'op-test-phones-csv.zip', contentType: 'application/zip' });
    expect(key).toBeNull();
    const files = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv', 'sources.csv']);
    const nodesCsv = strFromU8(files['nodes.csv'] as Uint8Array);
    for (const id of chart.nodes) expect(nodesCsv).toContain(`"${id}"`);
    expect(nodesCsv).toContain('Elena Dima');
    expect(result.value.nodes).toBe(chart.nodes.length);
  });

  it('redacts a flagged person and answers the key as a separate file only when asked', async () => {
    const elena = person('Elena Dima');
    const request: ExportChartInput = {
      format: 'graphml',
      chart,
      title: 'Redacted',
      redaction: { enabled: true, persons: [elena] },
    };
    const without = await services.api.exportChart(request);
    if (!without.ok) throw new Error(without.error.message);
    expect(without.value.key).toBeNull();
    const text = Buffer.from(without.value.file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Protected person 1');
    expect(text).not.toContain('Elena Dima');

    const withKey = await services.api.exportChart({ ...request, includeKey: true });
    if (!withKey.ok) throw new Error(withKey.error.message);
    expect(withKey.value.key?.fileName).toBe('redacted-key.json');
    const key = Buffer.from(withKey.value.key?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(key).toContain('Elena Dima');
    expect(Buffer.from(withKey.value.file.contentBase64, 'base64').toString('utf8')).not.toContain('Elena Dima');
  });

  it('refuses a key without redaction, and an empty chart, in plain words; the refused export is audited', async () => {
    const keyless = await dispatch(services.api, 'exportChart', { format: 'json', chart, includeKey: true });
    expect(keyless).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    expect(!keyless.ok && keyless.error.message).toContain('only with redaction on');

    const before = (await listEvents(services.db, { kind: 'export' })).length;
    const gone = await services.api.exportChart({
      format: 'json',
      chart: { nodes: [nodeRef('phone', ['+15550000000'])] },
    });
    expect(gone).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    expect(!gone.ok && gone.error.message).toMatch(/Nothing to export, nothing written: 1 nodes? of the chart/);
    const events = await listEvents(services.db, { kind: 'export' });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ kind: 'export', outcome: 'failure' });
  });
});
