import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { listEvents } from '../../main/services/auditService';
import { exportChart, prepareChart } from '../../main/services/export/exportService';
import { importMany } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { resolve } from '../../main/services/resolveService';
import { openTestServices, type TestServices } from '../support/services';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** The planted Eastside county line (fixtures/README.md, N5): CITY-POL, NGO and FIU share its line phone. */
const NETWORK_AGENCIES = ['CITY-POL', 'NGO', 'FIU'];
const LINE_PHONE = nodeRef('phone', ['+447433336571']);
const PRINT = {
  reference: 'OP-EASTSIDE/2026/5',
  author: 'DC Test Analyst',
  date: '2026-11-30 09:00 UTC',
  paper: 'a4',
  orientation: 'landscape',
} as const;
const MARKING = 'OFFICIAL-SENSITIVE — NOT FOR DISCLOSURE';

/** The PDF's text, page by page, read by poppler's pdftotext (installed by `ensure.mjs poppler`). */
async function pdfPages(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 256 * 1024 * 1024 });
  return stdout.split('\f').filter((page) => page.trim().length > 0);
}

/** The bytes of a PDF with every Flate stream inflated, as one searchable text. */
function pdfInflated(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  for (const m of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // A stream that is not Flate-compressed is already in the raw bytes.
    }
  }
  return parts.join('\n');
}

/** Collapses pdftotext's layout spacing, so a phrase set across columns still reads as one. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('drawing the planted cross-agency network as PDF, SVG and PNG', () => {
  let services: TestServices;
  let dir: string;
  /** Each imported fixture file's name and SHA-256, computed here from the file itself. */
  const files: { name: string; sha256: string }[] = [];

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-export-charts-'));
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    const wanted = manifest.files.filter((f) => NETWORK_AGENCIES.includes(f.agency));
    const outcomes = await importMany(services.db, wanted, {
      agencies: manifest.agencies,
      cardHash: (pan) => pan.slice(-4),
      reportDir: join(dir, 'reports'),
    });
    if (outcomes.some((o) => !o.ok)) throw new Error(JSON.stringify(outcomes));
    await resolve(services.db);
    for (const f of wanted)
      files.push({
        name: basename(f.path),
        sha256: createHash('sha256')
          .update(await readFile(f.path))
          .digest('hex'),
      });
    // Importing three agencies' workbooks and resolving them takes minutes on a loaded two-core machine.
  }, 900_000);
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a PDF whose pages show the title block, the marking on every page, the legend, and an appendix row for every source with its file and SHA-256', async () => {
    const out = join(dir, 'eastside.pdf');
    const definition = { seeds: [LINE_PHONE], hops: 2, title: 'Eastside county line', marking: MARKING };
    const result = await exportChart(services.db, { definition, format: 'pdf', out, print: PRINT });
    const { chart } = await prepareChart(services.db, definition);
    const pages = await pdfPages(out);
    expect(pages.length).toBeGreaterThan(1);

    const first = squash(pages[0] as string);
    expect(first).toContain('Eastside county line');
    expect(first).toContain('Reference: OP-EASTSIDE/2026/5');
    expect(first).toContain('Author: DC Test Analyst');
    expect(first).toContain('Date: 2026-11-30 09:00 UTC');
    // The legend: the agencies on the chart, and the kinds drawn.
    for (const agency of [...new Set(chart.nodes.flatMap((n) => n.agencies))]) expect(first).toContain(agency);
    expect(first).toMatch(/Entities .*Person.*Phone/);
    expect(first).toMatch(/Links .*uses phone/);
    expect(first).toContain('across agencies (highlighted)');
    expect(first).toContain('+44 7433 336571');

    pages.forEach((page, i) => {
      const text = squash(page);
      expect(text.split(MARKING).length - 1, `marking on page ${i + 1}`).toBe(2);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text, `page ${i + 1}`).toContain(`Chart fingerprint (SHA-256): ${result.fingerprint}`);
    });

    // Every source of every node and link has its row in the appendix, with its file and SHA-256.
    const appendix = pages.slice(1).map(squash).join(' ');
    expect(appendix).toContain('Evidence appendix');
    const used = new Set([...chart.nodes, ...chart.edges].flatMap((el) => el.sources.map((s) => s.fileName)));
    expect(used.size).toBeGreaterThan(1);
    for (const file of files.filter((f) => used.has(f.name))) {
      expect(appendix).toContain(file.name);
      expect(appendix).toContain(`SHA-256 ${file.sha256}`);
    }
    const sources = [...chart.nodes, ...chart.edges].reduce((n, el) => n + el.sources.length, 0);
    expect(appendix.split('SHA-256 ').length - 1).toBe(sources);
    chart.nodes.forEach((_, i) => expect(appendix).toContain(`N${i + 1} `));
    expect(appendix).toContain(`L${chart.edges.length} `);

    // The pages render: one picture per page, drawn by poppler.
    await run('pdftoppm', ['-r', '60', '-png', out, join(dir, 'page')]);
    const pictures = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pictures.length).toBe(pages.length);
  }, 300_000);

  it('writes the same PDF and SVG bytes again when the data has not changed', async () => {
    const definition = { seeds: [LINE_PHONE], hops: 1, title: 'Eastside', marking: MARKING };
    for (const format of ['pdf', 'svg'] as const) {
      const [a, b] = [join(dir, `again-a.${format}`), join(dir, `again-b.${format}`)];
      const first = await exportChart(services.db, { definition, format, out: a, print: PRINT });
      const second = await exportChart(services.db, { definition, format, out: b, print: PRINT });
      expect(second.fingerprint).toBe(first.fingerprint);
      expect(Buffer.compare(await readFile(a), await readFile(b)), format).toBe(0);
    }
    const events = await listEvents(services.db, { kind: 'export' });
    expect(events.filter((e) => e.details.format === 'pdf' && e.outcome === 'success').length).toBeGreaterThan(0);
  }, 300_000);

  it('leaves every redacted string out of the PDF (streams inflated and as text), the SVG and the PNG’s chart', async () => {
    const plain = await prepareChart(services.db, { seeds: [LINE_PHONE], hops: 2 });
    const people = plain.chart.nodes.filter((n) => n.kind === 'person');
    expect(people.length).toBeGreaterThan(1);
    // Victims and witnesses always; here also a suspect on the chart, flagged by the analyst.
    const flagged = people.find((p) => !p.roles.includes('victim') && !p.roles.includes('witness'));
    if (!flagged) throw new Error('the network has no person to flag');
    const definition = {
      seeds: [LINE_PHONE],
      hops: 2,
      title: 'Eastside county line (redacted)',
      marking: MARKING,
      redaction: { enabled: true, persons: [flagged.id] },
    };
    const { chart, secrets } = await prepareChart(services.db, definition);
    expect(secrets).toContain(flagged.label);
    const outputs: Record<string, string> = {};
    for (const format of ['pdf', 'svg', 'png'] as const) {
      const out = join(dir, `redacted.${format}`);
      const r = await exportChart(services.db, { definition, format, out, print: { ...PRINT, dpi: 60 } });
      expect(r.redacted).toBe(true);
      const bytes = await readFile(out);
      outputs[format] = format === 'pdf' ? pdfInflated(bytes) : bytes.toString('latin1');
    }
    const pdfText = (await pdfPages(join(dir, 'redacted.pdf'))).join('\n');
    const svg = (await readFile(join(dir, 'redacted.svg'))).toString('utf8');
    for (const secret of secrets) {
      const s = secret.toLowerCase();
      expect(pdfText.toLowerCase().includes(s), `"${secret}" in the PDF's text`).toBe(false);
      expect((outputs.pdf ?? '').toLowerCase().includes(s), `"${secret}" in the PDF's bytes`).toBe(false);
      expect(svg.toLowerCase().includes(s), `"${secret}" in the SVG`).toBe(false);
      expect((outputs.png ?? '').toLowerCase().includes(s), `"${secret}" in the PNG's bytes`).toBe(false);
    }
    const pseudonyms = chart.nodes.filter((n) => n.redacted).map((n) => n.label);
    expect(pseudonyms).toContain('Protected person 1');
    for (const p of pseudonyms) expect(squash(pdfText)).toContain(p);
  }, 300_000);
});
