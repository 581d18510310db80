import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { listEvents } from '../../main/services/auditService';
import { resolveSeed } from '../../main/services/export/buildChart';
import { exportChart, prepareChart, readChartFile, unchanged } from '../../main/services/export/exportService';
import { importMany } from '../../main/services/import/importMany';
import { resolve } from '../../main/services/resolveService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

const run = promisify(execFile);
const P1 = nodeRef('phone', ['+447700900123']);
/** Python with networkx, installed by `node scripts/ensure.mjs readers` (part of `npm test`). */
const PYTHON = join(process.cwd(), '.cache/venv-readers/bin/python');

/** Reads GraphML with networkx and ANX with Python's ElementTree: real readers, not ours. */
const READER = String.raw`
import json, sys
import xml.etree.ElementTree as ET
kind, path = sys.argv[1], sys.argv[2]
if kind == 'graphml':
    import networkx as nx
    g = nx.read_graphml(path)
    print(json.dumps({
        'graph': dict(g.graph),
        'nodes': {n: d for n, d in g.nodes(data=True)},
        'edges': [[u, v, d] for u, v, d in g.edges(data=True)],
    }))
else:
    root = ET.parse(path).getroot()
    def attrs(xpath):
        return [dict(e.attrib) for e in root.iterfind(xpath)]
    print(json.dumps({
        'root': root.tag,
        'children': [c.tag for c in root],
        'entityTypes': attrs('./EntityTypeCollection/EntityType'),
        'linkTypes': attrs('./LinkTypeCollection/LinkType'),
        'attributeClasses': attrs('./AttributeClassCollection/AttributeClass'),
        'entities': [dict(e.attrib, icon=e.find('./Icon/IconStyle').attrib['Type'],
                          cards=attrs_of(e) if False else [dict(c.attrib) for c in e.iterfind('./CardCollection/Card')])
                     for e in root.iterfind('./ChartItemCollection/ChartItem/End/Entity')],
        'links': [dict(l.attrib, type=l.find('./LinkStyle').attrib['Type'],
                       cards=[dict(c.attrib) for c in l.iterfind('./CardCollection/Card')])
                  for l in root.iterfind('./ChartItemCollection/ChartItem/Link')],
        'items': attrs('./ChartItemCollection/ChartItem'),
        'attributes': attrs('./ChartItemCollection/ChartItem/AttributeCollection/Attribute'),
    }))
`;

async function readWith(kind: 'graphml' | 'anx', path: string): Promise<Record<string, unknown>> {
  if (!existsSync(PYTHON)) throw new Error(`No ${PYTHON}: run \`node scripts/ensure.mjs readers\` (npm test does).`);
  const { stdout } = await run(PYTHON, ['-c', READER, kind, path], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Every file under a path (a file, or a CSV folder), with its bytes. */
async function bytesOf(paths: readonly string[]): Promise<{ path: string; text: string }[]> {
  return Promise.all(paths.map(async (path) => ({ path, text: (await readFile(path)).toString('utf8') })));
}

describe('exporting a chart', () => {
  let services: TestServices;
  let dir: string;
  let graph: WorkspaceGraph;
  const person = (name: string) => nodeRef('person', [graph.mentions[name] as string]);

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-export-'));
    graph = await loadWorkspaceGraph(services.db);
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('builds the same chart twice from a seed, each node and link with the rows that assert it', async () => {
    const a = await prepareChart(services.db, { seeds: [P1], hops: 1 });
    const b = await prepareChart(services.db, { seeds: [P1], hops: 1 });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    const labels = a.chart.nodes.map((n) => n.label).sort();
    expect(labels).toEqual(expect.arrayContaining(['Elena Dima', 'Ion Popescu', '+44 7700 900123']));
    const border = graph.files.BORDER as { sha256: string };
    const elena = a.chart.nodes.find((n) => n.label === 'Elena Dima');
    expect(elena?.sources.some((s) => s.agency === 'BORDER' && s.sha256 === border.sha256 && s.row === 2)).toBe(true);
    expect(a.chart.edges.length).toBeGreaterThan(1);
    for (const e of a.chart.edges) expect(e.sources.length, e.id).toBeGreaterThan(0);
    // A search text that finds one node is a seed too.
    expect(await resolveSeed(services.db, 'Elena Dima')).toBe(elena?.id);
  });

  it('writes GraphML that networkx reads back with the chart’s nodes, links and typed properties', async () => {
    const out = join(dir, 'chart.graphml');
    const result = await exportChart(services.db, {
      definition: { seeds: [P1], title: 'Op Test' },
      format: 'graphml',
      out,
    });
    const { chart } = await prepareChart(services.db, { seeds: [P1], title: 'Op Test' });
    const read = (await readWith('graphml', out)) as {
      graph: Record<string, string>;
      nodes: Record<string, Record<string, unknown>>;
      edges: [string, string, Record<string, unknown>][];
    };
    expect(read.graph).toMatchObject({ title: 'Op Test', fingerprint: result.fingerprint });
    expect(Object.keys(read.nodes).sort()).toEqual(chart.nodes.map((n) => n.id).sort());
    expect(read.edges.map(([u, v, d]) => `${String(d.kind)}|${u}|${v}`).sort()).toEqual(
      chart.edges.map((e) => `${e.kind}|${e.source}|${e.target}`).sort(),
    );
    const elena = Object.values(read.nodes).find((d) => d.label === 'Elena Dima');
    expect(elena).toMatchObject({ kind: 'person', agencies: 'BORDER', hub: false });
    expect(typeof elena?.records).toBe('number');
    expect(String(elena?.sources)).toContain('border.csv');
  });

  it('writes ANX that follows the structure i2 enforces: unique identities, links that resolve, no self-loops, ISO date-times, cards with sources and grades', async () => {
    const out = join(dir, 'chart.anx');
    await exportChart(services.db, { definition: { seeds: [P1], hops: 2 }, format: 'anx', out });
    const anx = (await readWith('anx', out)) as {
      root: string;
      children: string[];
      entityTypes: { Name: string; IconFile: string }[];
      linkTypes: { Name: string }[];
      attributeClasses: { Name: string; Type: string }[];
      entities: { EntityId: string; Identity: string; icon: string; cards: Record<string, string>[] }[];
      links: { End1Id: string; End2Id: string; type: string; cards: Record<string, string>[] }[];
      items: Record<string, string>[];
      attributes: { AttributeClass: string; Value: string }[];
    };
    expect(anx.root).toBe('Chart');
    expect(anx.children).toEqual(
      expect.arrayContaining(['EntityTypeCollection', 'LinkTypeCollection', 'ChartItemCollection']),
    );
    const ids = anx.entities.map((e) => e.EntityId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(anx.entities.map((e) => e.Identity)).size).toBe(ids.length);
    expect(anx.links.length).toBeGreaterThan(0);
    for (const l of anx.links) {
      expect(ids).toContain(l.End1Id);
      expect(ids).toContain(l.End2Id);
      expect(l.End1Id).not.toBe(l.End2Id);
      expect(anx.linkTypes.map((t) => t.Name)).toContain(l.type);
      expect(l.cards.length).toBeGreaterThan(0);
    }
    for (const e of anx.entities) expect(anx.entityTypes.map((t) => t.Name)).toContain(e.icon);
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
    for (const item of anx.items) if (item.DateTime) expect(item.DateTime).toMatch(iso);
    const timeClasses = anx.attributeClasses.filter((c) => c.Type === 'AttTime').map((c) => c.Name);
    const dated = anx.attributes.filter((a) => timeClasses.includes(a.AttributeClass));
    expect(dated.length).toBeGreaterThan(0);
    for (const a of dated) expect(a.Value).toMatch(iso);
    const cards = anx.entities.flatMap((e) => e.cards);
    const city = graph.files['CITY-POL'] as { sha256: string };
    const card = cards.find((c) => c.SourceReference?.includes(city.sha256));
    expect(card).toMatchObject({ SourceType: 'CITY-POL', DateSet: 'true' });
    expect(card?.SourceReference).toContain('city-pol.csv');
    expect(card?.DateTime).toMatch(iso);
    expect(card?.GradeOneIndex ?? card?.GradeTwoIndex).toBeDefined();
  });

  it('re-creates a saved chart byte for byte, and reports what a new import changed', async () => {
    const first = join(dir, 'saved.caselink.json');
    await exportChart(services.db, {
      definition: { seeds: [P1], positions: { [P1]: { x: 10, y: -5 } } },
      format: 'json',
      out: first,
    });
    const saved = await readChartFile(first);
    const again = join(dir, 'again.caselink.json');
    const same = await exportChart(services.db, {
      definition: saved.definition,
      format: 'json',
      out: again,
      ...(saved.data ? { previous: saved.data } : {}),
    });
    expect(await readFile(again)).toEqual(await readFile(first));
    expect(same.changes && unchanged(same.changes)).toBe(true);

    await importVictims(services, dir);
    const after = await exportChart(services.db, {
      definition: saved.definition,
      format: 'json',
      out: join(dir, 'after.caselink.json'),
      ...(saved.data ? { previous: saved.data } : {}),
    });
    expect(after.fingerprint).not.toBe(same.fingerprint);
    const changes = after.changes;
    expect(changes?.added.some((id) => id.startsWith('person:'))).toBe(true);
    expect(changes?.sourcesAdded.some((s) => s.element === P1 && s.source.includes('shelter.csv'))).toBe(true);
    expect(changes?.removed).toEqual([]);
  });

  it('redacts victims and flagged persons in every format: pseudonyms, and none of their names, birth dates or identifiers anywhere', async () => {
    await importVictims(services, dir);
    const elena = person('Elena Dima');
    const definition = { seeds: [P1], hops: 2, redaction: { enabled: true, persons: [elena] } };
    const files: string[] = [];
    for (const format of ['graphml', 'anx', 'json', 'csv'] as const) {
      const out = join(dir, `redacted-${format}`);
      const r = await exportChart(services.db, { definition, format, out });
      expect(r.redacted).toBe(true);
      files.push(...r.files);
    }
    const keyOut = join(dir, 'key.json');
    await exportChart(services.db, { definition, format: 'json', out: join(dir, 'k.json'), keyOut });
    files.push(join(dir, 'k.json'));
    const secrets = [
      'Maria Vasile',
      'VASILE Maria',
      '09/09/1999',
      '1999-09-09',
      '07700 900777',
      '+447700900777',
      'Elena Dima',
      '03/03/1985',
      '1985-03-03',
      'elena.dima@example.com',
      '+44 7700 900123',
      '+447700900123',
    ];
    const all = await bytesOf(files);
    expect(all.length).toBe(7);
    for (const { path, text } of all) {
      for (const secret of secrets)
        expect(text.toLowerCase().includes(secret.toLowerCase()), `${secret} in ${path}`).toBe(false);
    }
    const graphml = all.find((f) => f.path.endsWith('redacted-graphml'))?.text ?? '';
    expect(graphml).toContain('Victim 1');
    expect(graphml).toContain('Protected person 1');
    expect(graphml).toContain('Ion Popescu');
    // The key is a separate file, written only on request, and it names them.
    const key = await readFile(keyOut, 'utf8');
    expect(key).toContain('Maria Vasile');
    expect(key).toContain('Elena Dima');
    expect((await readdir(dir)).filter((f) => f.startsWith('key'))).toEqual(['key.json']);
  });

  it('neutralises formula starts in every CSV field and quotes every field', async () => {
    await importVictims(services, dir);
    const out = join(dir, 'csv');
    const r = await exportChart(services.db, { definition: { seeds: [P1], hops: 2 }, format: 'csv', out });
    expect(r.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(['edges.csv', 'nodes.csv', 'sources.csv']);
    const texts = await bytesOf(r.files);
    const sources = texts.find((t) => t.path.endsWith('sources.csv'))?.text ?? '';
    expect(sources).toContain(`"'=HYPERLINK(""http://example.com/x"",""open"")"`);
    for (const { text } of texts) {
      for (const line of text.split('\r\n').filter(Boolean)) {
        expect(line.startsWith('"')).toBe(true);
        expect(line).not.toMatch(/(^|,)"[=+\-@]/);
      }
    }
  });

  it('records every export in the audit trail with its format, fingerprint and whether it was redacted', async () => {
    const r = await exportChart(services.db, {
      definition: { seeds: [P1] },
      format: 'graphml',
      out: join(dir, 'audited.graphml'),
    });
    const events = await listEvents(services.db, { kind: 'export' });
    const event = events.find((e) => e.details.fingerprint === r.fingerprint);
    expect(event).toMatchObject({ kind: 'export', outcome: 'success' });
    expect(event?.details).toMatchObject({ format: 'graphml', redacted: false });
  });
});

let victimsImported = false;

/** A shelter's file: a victim who used Elena Dima's phone, and a cell written as a formula. */
async function importVictims(services: TestServices, dir: string): Promise<void> {
  if (victimsImported) return;
  victimsImported = true;
  await upsertAgency(services.db, { code: 'SHELTER', name: 'SHELTER', country: 'GB' });
  const path = join(dir, 'shelter.csv');
  await writeDelimited(
    path,
    [
      ['Case', 'Date', 'Name', 'DOB', 'Phone', 'Phone 2', 'Note'],
      [
        'S-1',
        '01/04/2024',
        'Maria Vasile',
        '09/09/1999',
        '07700 900123',
        '07700 900777',
        '=HYPERLINK("http://example.com/x","open")',
      ],
    ],
    ',',
  );
  const profile = personProfile(
    'SHELTER',
    {
      Case: 'record.caseRef',
      Date: 'record.eventDate',
      Name: 'subject.fullName',
      DOB: 'subject.birthDate',
      Phone: 'subject.phone',
      'Phone 2': 'subject.phone',
      Note: 'record.freeText',
    },
    { entities: { subject: { kind: 'person', role: 'victim' } } },
  );
  const outcomes = await importMany(
    services.db,
    [{ path, agency: 'SHELTER', profile: parseProfile(profile), profileSource: 'test' }],
    { cardHash: (pan) => pan.slice(-4), reportDir: join(dir, 'reports') },
  );
  if (outcomes.some((o) => !o.ok)) throw new Error(JSON.stringify(outcomes));
  await resolve(services.db, { hubThreshold: 4 });
  await writeFile(join(dir, 'victims-imported'), '');
}
