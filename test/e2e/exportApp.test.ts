/**
 * Export from the app and from the CLI, over the demo fixtures imported and resolved in the real
 * Neo4j (one import for both, it takes minutes):
 *
 * - In Chromium against `caselink serve`, the planted farm-labour ring is put on the chart (its
 *   recruiter's Romanian phone searched, expanded two hops) and exported from the Export dialog
 *   in every format the export service offers, with and without redaction; the downloads are
 *   read back (PDF as pdftotext reads it and with its streams inflated, CSV's zip unpacked).
 * - The chart file the app saved is exported again by `caselink export --chart` (the built CLI,
 *   as a user runs it) as GraphML, CSV, ANX, a chart file and PDF, with and without --redact;
 *   the chart file comes out byte for byte the same.
 *
 * With redaction on, no name or birth date of a protected person (as the separate key file lists
 * them) is in any file. Every export is in the audit trail. Needs `electron-vite build`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { writeDemoChart } from '../../main/cli/demoChart';
import { listEvents } from '../../main/services/auditService';
import { EXPORT_FORMATS } from '../../main/services/export/exportService';
import { resultsDir, root, text, UI_TIMEOUT } from '../support/browser';
import { DEMO_SETUP_TIMEOUT, openDemoApp, type DemoApp } from '../support/demoApp';
import { testProcessEnv } from '../support/testNeo4j';

const runFile = promisify(execFile);
const cli = join(root, 'out/main/cli.js');
/** An export reads every node's and link's sources: allow for a busy two-core machine. */
const EXPORT_TIMEOUT = 300_000;
/** The planted ring's recruiter's Romanian phone, which four agencies' rows give. */
const SEED = nodeRef('phone', ['+40740629640']);
/** The formats `caselink export` is checked in here (PDF when the service writes it). */
const CLI_FORMATS = ['graphml', 'csv', 'anx', 'json', 'pdf'].filter((f) =>
  (EXPORT_FORMATS as readonly string[]).includes(f),
);

/** Reads a GraphML or ANX file with Python's ElementTree (well-formed, and what it holds). */
const XML_READER = String.raw`
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
tag = root.tag.split('}')[-1]
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
if tag == 'graphml':
    print(json.dumps({'root': tag, 'nodes': len(root.findall('.//g:node', ns)), 'edges': len(root.findall('.//g:edge', ns))}))
else:
    print(json.dumps({'root': tag, 'nodes': len(root.findall('./ChartItemCollection/ChartItem/End/Entity')),
                      'edges': len(root.findall('./ChartItemCollection/ChartItem/Link'))}))
`;

/** Lower case, accents and repeated spaces taken out ("Stănescu" is "STANESCU" in the border's file). */
const folded = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Every text a file holds: a PDF as pdftotext reads it plus its raw bytes and inflated streams,
 * a zip's or folder's files, the rest as it is. In a PDF's structure (cross-reference offsets,
 * coordinates, font programs) numbers are the writer's own, so a birth year "1988" would be found
 * by chance in an offset "0000019883": its digits are masked there, and the text pdftotext reads,
 * where a written date would be, is searched whole.
 */
async function textsOf(path: string): Promise<string[]> {
  if ((await stat(path)).isDirectory())
    return Promise.all((await readdir(path)).sort().map((f) => readFile(join(path, f), 'utf8')));
  const bytes = await readFile(path);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const { stdout } = await runFile('pdftotext', ['-layout', path, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const structure = [bytes.toString('latin1'), ...inflatedStreams(bytes)].map((t) => t.replace(/[0-9]/g, '#'));
    return [stdout, ...structure];
  }
  if (bytes.subarray(0, 2).toString('latin1') === 'PK')
    return Object.values(unzipSync(new Uint8Array(bytes))).map((b) => strFromU8(b));
  return [bytes.toString('utf8')];
}

/** The PDF's Flate streams, inflated (what a reader of the raw file would find). */
function inflatedStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const body = start + 'stream'.length + (pdf[start + 6] === 0x0d ? 2 : 1);
    const end = pdf.indexOf('endstream', body, 'latin1');
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(body, end)).toString('latin1'));
    } catch {
      // Not every stream is Flate (an image may be stored as it is).
    }
    at = end + 'endstream'.length;
  }
  return out;
}

/** What a redacted export must not hold: each key entry's label and birth date, folded. */
async function secretsOf(keyPath: string): Promise<{ pseudonyms: Record<string, string>; secrets: string[] }> {
  const { key } = JSON.parse(await readFile(keyPath, 'utf8')) as {
    key: { pseudonym: string; ref: string; label: string; properties: Record<string, unknown> }[];
  };
  const secrets = new Set<string>();
  for (const entry of key) {
    secrets.add(entry.label);
    for (const [name, value] of Object.entries(entry.properties))
      if (/birth/i.test(name) && typeof value === 'string') secrets.add(value);
  }
  return {
    pseudonyms: Object.fromEntries(key.map((k) => [k.ref, k.pseudonym])),
    secrets: [...secrets].filter((s) => s.trim().length >= 3).map(folded),
  };
}

/** Where the focus is: inside the Export dialog or not, and the focused element's test id. */
function focused(page: Page): Promise<{ inDialog: boolean; testId: string | null }> {
  return page.evaluate(() => {
    // The page's DOM, which Node's typings do not know.
    type El = { getAttribute(name: string): string | null; closest(selector: string): El | null };
    const { document } = globalThis as unknown as { document: { activeElement: El | null } };
    const active = document.activeElement;
    return {
      inDialog: active?.closest('[data-testid="export-dialog"]') != null,
      testId: active?.getAttribute('data-testid') ?? null,
    };
  });
}

describe('export of the planted cross-agency network', () => {
  let app: DemoApp;
  let page: Page;
  let dir: string;
  /** The persons on the chart: their labels, and whether their role protects them. */
  let persons: { label: string; byRole: boolean }[] = [];
  /** The chart file the app wrote, re-exported by the CLI. */
  let chartFile = '';
  const errors: string[] = [];
  /** The page's errors: none is expected, a missing resource included. */
  const pageErrors = () => errors;
  const dialog = () => page.getByTestId('export-dialog');
  const list = () => page.getByTestId('chart-list').getByRole('option');
  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `export-${name}.png`) });

  /** Runs the export from the open dialog; answers the downloaded file. */
  async function exportNow(name: string): Promise<{ path: string; download: Download }> {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: EXPORT_TIMEOUT }),
      page.getByTestId('export-submit').click(),
    ]);
    const path = join(dir, `${name}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    await expect.poll(() => text(page, 'export-done'), { timeout: UI_TIMEOUT }).toMatch(/^Exported /);
    return { path, download };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caselink-export-e2e-'));
    app = await openDemoApp(errors);
    ({ page } = app);
  }, DEMO_SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('from the app', () => {
    beforeEach(async () => {
      // A test that failed half-way leaves the dialog open; the next starts from the chart.
      if ((await dialog().count()) > 0) await page.keyboard.press('Escape');
    });

    it('puts the ring on the chart: the recruiter’s phone searched, expanded two hops', async () => {
      await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
      await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      await page.getByTestId('investigation-new').click();
      await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBe(0);
      await page.keyboard.press('/');
      await page.keyboard.type('+40 740 629 640');
      const hit = page.locator(`[data-testid="search-hit"][data-node="${SEED}"]`);
      await expect.poll(() => hit.count(), { timeout: UI_TIMEOUT }).toBe(1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBe(1);
      await page.keyboard.press('Escape');
      await page.locator('body').press('e');
      const popover = page.getByTestId('expand-popover');
      await expect.poll(() => popover.count(), { timeout: UI_TIMEOUT }).toBe(1);
      await popover.getByLabel('Hops').selectOption('2');
      await popover.getByTestId('expand-run').click();
      await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(10);
      await shot('ring');
    });

    it('offers every format the export service writes, from the keyboard; Tab stays inside, Escape closes', async () => {
      const opener = page.getByTestId('export-open');
      await expect.poll(() => opener.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
      await opener.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog().isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
      await expect
        .poll(() =>
          dialog()
            .getByRole('radio')
            .evaluateAll((radios) => radios.map((r) => (r as unknown as { value: string }).value)),
        )
        .toEqual([...EXPORT_FORMATS]);
      expect(await text(page, 'export-scope')).toMatch(/^\d{2,} nodes as drawn/);
      await page.getByTestId('export-redact').check();
      persons = await dialog()
        .getByTestId('export-protect')
        .evaluateAll((boxes) =>
          boxes.map((b) => {
            const get = (b as unknown as { getAttribute(n: string): string | null }).getAttribute.bind(b);
            return { label: get('data-label') ?? '', byRole: get('data-protected-by-role') === 'true' };
          }),
        );
      // Persons the analyst can flag (victims and witnesses are protected already).
      expect(persons.filter((p) => !p.byRole).length).toBeGreaterThan(0);
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatchObject({ inDialog: true });
      }
      await shot('dialog');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog().count()).toBe(0);
      expect(await focused(page)).toEqual({ inDialog: false, testId: 'export-open' });
      expect(pageErrors()).toEqual([]);
    });

    it.each([...EXPORT_FORMATS])(
      'exports the ring as %s; with redaction none of the protected names the key lists is in the file',
      async (format) => {
        await page.getByTestId('export-open').click();
        await page.getByTestId(`export-format-${format}`).check();
        await page.getByTestId('export-title-input').fill('Operation Hilton Cross');
        await page.getByTestId('export-reference').fill('OP-HX-2024/17');
        await page.getByTestId('export-author').fill('DC Test Analyst');
        await page.getByTestId('export-marking').fill('OFFICIAL-SENSITIVE');

        const plain = await exportNow(`${format}-plain`);
        expect(plain.download.suggestedFilename()).toMatch(/^operation-hilton-cross[.-]/);
        const plainText = folded((await textsOf(plain.path)).join('\n'));
        if (format === 'json') chartFile = plain.path;
        if (format === 'png') expect((await readFile(plain.path)).subarray(1, 4).toString('latin1')).toBe('PNG');
        else {
          // Every person on the chart is in the file (the drawn charts name them in their appendix).
          for (const p of persons) expect(plainText, p.label).toContain(folded(p.label));
          if (!['csv', 'anx'].includes(format)) expect(plainText).toContain('operation hilton cross');
        }

        await page.getByTestId('export-redact').check();
        // One person flagged by the analyst, beside the victims and witnesses their roles protect.
        const flagged = await dialog()
          .locator('[data-testid="export-protect"]:not(:disabled):not(:checked)')
          .first()
          .getAttribute('data-node');
        await dialog().locator(`[data-testid="export-protect"][data-node="${flagged}"]`).check();
        await page.getByTestId('export-include-key').check();
        const redacted = await exportNow(`${format}-redacted`);
        expect(await text(page, 'export-done')).toMatch(/redacted \(\d+ pseudonyms?\)/);

        const [keyDownload] = await Promise.all([
          page.waitForEvent('download', { timeout: UI_TIMEOUT }),
          page.getByTestId('export-save-key').click(),
        ]);
        expect(keyDownload.suggestedFilename()).toBe('operation-hilton-cross-key.json');
        const keyPath = join(dir, `${format}-key.json`);
        await keyDownload.saveAs(keyPath);
        const { pseudonyms, secrets } = await secretsOf(keyPath);
        if (persons.some((p) => p.byRole))
          expect(Object.values(pseudonyms)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(Victim|Witness) \d+$/)]),
          );
        expect(pseudonyms[flagged as string]).toMatch(/^Protected person \d+$/);
        // Without redaction these were in the file: the search below can fail.
        if (format !== 'png') expect(secrets.filter((s) => plainText.includes(s)).length).toBeGreaterThan(0);
        const redactedText = folded((await textsOf(redacted.path)).join('\n'));
        for (const secret of secrets) expect(redactedText.includes(secret), `"${secret}" in ${format}`).toBe(false);
        if (format !== 'png') expect(redactedText).toContain(folded(pseudonyms[flagged as string] as string));

        await page.keyboard.press('Escape');
        await expect.poll(() => dialog().count()).toBe(0);
        const events = await listEvents(app.services.db, { kind: 'export' });
        expect(
          events
            .filter((e) => e.details.format === format && e.outcome === 'success')
            .slice(0, 2)
            .map((e) => e.details.redacted),
        ).toEqual([true, false]);
        expect(pageErrors()).toEqual([]);
      },
      EXPORT_TIMEOUT * 2,
    );

    it('says in plain words why an export failed, and keeps the dialog open', async () => {
      await page.route('**/api/exportChart', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { kind: 'ConnectionUnavailable', message: 'Neo4j does not answer.', hint: 'Start it again.' },
          }),
        }),
      );
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-format-graphml').check();
      await page.getByTestId('export-submit').click();
      await expect
        .poll(() => text(page, 'export-error'), { timeout: UI_TIMEOUT })
        .toBe('Cannot reach the database: Neo4j does not answer. Start it again.');
      expect(await dialog().isVisible()).toBe(true);
      await shot('error');
      await page.unroute('**/api/exportChart');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog().count()).toBe(0);
    });
  });

  it(
    'ends the demo with a PDF chart of the largest cross-agency network, and prints its path',
    async () => {
      const lines: string[] = [];
      const result = await writeDemoChart(app.services.db, join(dir, 'demo'), (line = '') => lines.push(line));
      const path = join(dir, 'demo', 'cross-agency-network.pdf');
      expect(result?.files).toEqual([path]);
      expect(lines.at(-1)).toBe(`Chart (PDF): ${path}`);
      expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The planted farm-labour ring spans all six agencies: no other network does.
      expect(lines.join('\n')).toMatch(/ of 6 agencies \(BORDER, CITY-POL, FIU, LABOUR, NGO, RO-POL\)/);
    },
    EXPORT_TIMEOUT,
  );

  describe('from the CLI, the chart file the app saved', () => {
    /**
     * Runs `caselink export --chart` on the chart file; answers how it ended and what it printed.
     * Asynchronous, so that a test may run its two exports side by side: each spends most of its
     * time starting Node and waiting for Neo4j, and the machine has two cores.
     */
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolveRun, reject) => {
        const child = spawn(process.execPath, [cli, 'export', '--chart', chartFile, ...args], {
          env: testProcessEnv({ CASELINK_HOME: dir }),
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: EXPORT_TIMEOUT,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => resolveRun({ status, stdout, stderr }));
      });

    it('re-creates the chart file byte for byte when the data has not changed', async () => {
      expect(existsSync(chartFile), 'the app exported a chart file').toBe(true);
      const again = join(dir, 'again.caselink.json');
      const r = await run(['--format', 'json', '-o', again]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('The data has not changed since the chart file was saved.');
      expect(readFileSync(again)).toEqual(readFileSync(chartFile));
    });

    it.each(CLI_FORMATS)(
      'writes it as %s, and with --redact none of the protected names the key lists',
      async (format) => {
        const out = join(dir, `cli.${format}`);
        const redactedOut = join(dir, `cli-redacted.${format}`);
        const keyOut = join(dir, `cli-${format}-key.json`);
        // A person of the chart flagged as protected, beside any victim or witness.
        const { data } = JSON.parse(readFileSync(chartFile, 'utf8')) as {
          data: { nodes: { id: string; kind: string }[] };
        };
        const flagged = data.nodes.find((n) => n.kind === 'person')?.id as string;
        // The plain and the redacted export of the same chart file, side by side.
        const [plain, redacted] = await Promise.all([
          run(['--format', format, '--title', 'Hilton Cross ring', '-o', out]),
          run(['--format', format, '--redact', '--protect', flagged, '--key-out', keyOut, '-o', redactedOut]),
        ]);
        expect(plain.stderr).toBe('');
        expect(plain.status).toBe(0);
        const [, nodes, edges] = /^Exported (\d+) nodes and (\d+) links as /.exec(plain.stdout) ?? [];
        expect(Number(nodes)).toBeGreaterThan(10);
        if (format === 'graphml' || format === 'anx') {
          const { stdout } = await runFile(join(root, '.cache/venv-readers/bin/python'), ['-c', XML_READER, out]);
          expect(JSON.parse(stdout)).toMatchObject({
            root: format === 'graphml' ? 'graphml' : 'Chart',
            nodes: Number(nodes),
            // ANX leaves out a link from an entity to itself (and says so); GraphML holds every one.
            ...(format === 'graphml' ? { edges: Number(edges) } : {}),
          });
        }
        const plainText = folded((await textsOf(out)).join('\n'));
        for (const p of persons) expect(plainText, p.label).toContain(folded(p.label));

        expect(redacted.status, redacted.stderr).toBe(0);
        expect(redacted.stdout).toMatch(/, redacted \(\d+ pseudonyms?\)/);
        const { secrets } = await secretsOf(keyOut);
        expect(secrets.filter((s) => plainText.includes(s)).length).toBeGreaterThan(0);
        const redactedText = folded((await textsOf(redactedOut)).join('\n'));
        for (const secret of secrets) expect(redactedText.includes(secret), `"${secret}" in ${format}`).toBe(false);
      },
      EXPORT_TIMEOUT * 2,
    );
  });
});
