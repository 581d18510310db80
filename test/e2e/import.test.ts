/**
 * The import wizard in Debian's Chromium, against `caselink serve` over the test run's real
 * Neo4j: an analyst picks the NGO, uploads its hotline export, opens the task force's shared
 * profile, previews, imports, and imports the same file again. Needs `electron-vite build`.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { upsertAgency } from '../../main/services/agencyService';
import { root, rendererDir, resultsDir, UI_TIMEOUT, launchApp, text } from '../support/browser';
import { openTestServices, type TestServices } from '../support/services';

const fixtures = resolve(root, 'fixtures');

/** What the NGO hotline export holds (fixtures/ground-truth.json; `caselink import` agrees). */
const HOTLINE = { rowsRead: '318', rejected: '1', duplicates: '3' };

describe('importing files in the app', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `import-${name}.png`) });
  const dialog = () => page.getByRole('dialog', { name: 'Import files' });

  /** Step 1 for the NGO's hotline export; leaves the wizard on the mapping step. */
  async function chooseNgoFile(path = resolve(fixtures, 'ngo/hotline-tips.ods')): Promise<void> {
    await dialog().getByLabel('Files come from').selectOption('NGO');
    await expect.poll(() => text(page, 'import-agency-country'), { timeout: UI_TIMEOUT }).toContain('Country GB');
    await page.getByTestId('import-file-input').setInputFiles(path);
    await expect
      .poll(() => text(page, 'import-file-row'), { timeout: UI_TIMEOUT })
      .toMatch(new RegExp(`${basename(path).replace('.', '\\.')}.*Ready`, 's'));
  }

  async function importAndWait(status = 'Import finished'): Promise<void> {
    await dialog().getByRole('button', { name: 'Next: Import' }).click();
    await dialog().getByRole('button', { name: 'Start import' }).click();
    await expect.poll(() => text(page, 'import-status'), { timeout: 90_000 }).toBe(status);
  }

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    const manifest = JSON.parse(await readFile(resolve(fixtures, 'agencies.json'), 'utf8')) as {
      agencies: { code: string; name: string; country: string }[];
    };
    for (const agency of manifest.agencies) await upsertAgency(services.db, agency);
    server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
    ({ browser, context, page } = await launchApp(server.url, errors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await services?.close();
  });

  it('stages the NGO export and proposes a mapping, since the NGO has no saved profile', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await page.getByRole('button', { name: /Import files/ }).click();
    await expect(dialog().isVisible()).resolves.toBe(true);
    await chooseNgoFile();
    await shot('1-files');

    await dialog().getByRole('button', { name: 'Next: Mapping' }).click();
    await expect
      .poll(() => text(page, 'mapping-origin'), { timeout: UI_TIMEOUT })
      .toBe('Proposed from the file’s headers');
    expect(await page.getByTestId('mapping-column').count()).toBeGreaterThan(0);
    await shot('2-proposed');
  });

  it('opens the task force’s shared NGO profile and previews the first rows with it', async () => {
    await page.getByTestId('profile-file-input').setInputFiles(resolve(fixtures, 'profiles/ngo.json'));
    await expect
      .poll(() => text(page, 'mapping-origin'), { timeout: UI_TIMEOUT })
      .toBe('Opened from a profile file: ngo.json');
    const columns = await page.getByTestId('mapping-column').locator('th').allInnerTexts();
    expect(columns).toEqual([
      'Tip No',
      'Date Received',
      'Caller Name',
      'Subject Name',
      'Location',
      'Tip Details',
      'Action Taken',
    ]);
    const entities = await page.getByTestId('mapping-entity').allInnerTexts();
    expect(entities.map((e) => e.replace(/\s+/g, ' ').replace(/ ×$/, ''))).toEqual([
      'caller person · reporter',
      'subject person · subject',
    ]);
    await shot('2-mapping');

    await dialog().getByRole('button', { name: 'Next: Preview' }).click();
    await expect.poll(() => page.getByTestId('preview-row').count(), { timeout: UI_TIMEOUT }).toBe(12);
    // Section headings are set in capitals by the stylesheet; innerText reads them so.
    expect(await text(page, 'preview-sheet')).toMatch(/^Sheet Tips\s+header on row 1 · 9 columns/i);
    expect(await page.getByTestId('preview-missing').count()).toBe(0);
    // Row 12 of the sheet (ground truth): a named caller and subject, and the caller's phone.
    // Polled: the preview of the profile opened replaces the proposal's when its answer arrives.
    const row12 = async () =>
      (await page.getByTestId('preview-row').allInnerTexts())
        .find((r) => r.startsWith('12\t'))
        ?.replace(/\s+/g, ' ')
        .trim();
    await expect
      .poll(row12, { timeout: UI_TIMEOUT })
      .toBe('12 T26-00011 2026-05-02 reporter Rebecca Hall subject Thi Hoa phone +44 7485 872519');
    await shot('3-preview');
  });

  it('imports the file, saves the mapping, and refreshes the chart and the status bar', async () => {
    const nodesBefore = await text(page, 'status-nodes');
    await dialog().getByRole('button', { name: 'Next: Import' }).click();
    await dialog().getByLabel('Save this mapping for NGO').check();
    await shot('4-ready');
    await dialog().getByRole('button', { name: 'Start import' }).click();
    await expect.poll(() => text(page, 'import-status'), { timeout: 90_000 }).toBe('Import finished');

    expect(await text(page, 'import-outcome')).toBe('imported');
    expect(await text(page, 'summary-rows-read')).toContain(HOTLINE.rowsRead);
    expect(await text(page, 'summary-rejected')).toContain(HOTLINE.rejected);
    expect(await text(page, 'summary-duplicates')).toContain(HOTLINE.duplicates);
    expect(await text(page, 'import-report-path')).toMatch(/hotline-tips.*\.(csv|json|txt|html)$/);
    const problems = await page.getByTestId('import-problems').locator('tbody tr').allInnerTexts();
    expect(problems.some((p) => /^Tips\t52\t/.test(p) && /rejected/.test(p))).toBe(true);
    await shot('5-done');

    await expect.poll(() => text(page, 'status-nodes'), { timeout: UI_TIMEOUT }).not.toBe(nodesBefore);
    await expect.poll(() => text(page, 'overview-summary'), { timeout: UI_TIMEOUT }).toMatch(/^\d[\d,]* nodes/);
  });

  it('says a second import of the same file was already imported and changed nothing', async () => {
    await dialog().getByRole('button', { name: 'Import more files' }).click();
    await chooseNgoFile();
    await dialog().getByRole('button', { name: 'Next: Mapping' }).click();
    // The mapping saved with the first import now wins over a proposal.
    await expect
      .poll(() => text(page, 'mapping-origin'), { timeout: UI_TIMEOUT })
      .toBe('Saved profile for this agency');
    await dialog().getByRole('button', { name: 'Next: Preview' }).click();
    await expect.poll(() => page.getByTestId('preview-row').count(), { timeout: UI_TIMEOUT }).toBe(12);
    await importAndWait();
    expect(await text(page, 'import-outcome')).toBe('already imported — nothing changed');
    expect(await text(page, 'summary-new-records')).toContain('0');
    await shot('6-again');

    await dialog().getByRole('button', { name: 'Done' }).click();
    expect(await dialog().count()).toBe(0);
    await shot('7-chart');
    expect(errors).toEqual([]);
  });

  it('says before importing that the same file with another mapping becomes a second source', async () => {
    const changed = resolve(services.home, 'ngo-second-look.json');
    const profile = JSON.parse(await readFile(resolve(fixtures, 'profiles/ngo.json'), 'utf8')) as object;
    await writeFile(changed, JSON.stringify({ ...profile, name: 'Hotline tips, second look' }));
    await page.getByRole('button', { name: /Import files/ }).click();
    await chooseNgoFile();
    await dialog().getByRole('button', { name: 'Next: Mapping' }).click();
    await page.getByTestId('profile-file-input').setInputFiles(changed);
    await expect
      .poll(() => text(page, 'mapping-origin'), { timeout: UI_TIMEOUT })
      .toBe('Opened from a profile file: ngo-second-look.json');
    await dialog().getByRole('button', { name: 'Next: Preview' }).click();
    await dialog().getByRole('button', { name: 'Next: Import' }).click();
    await expect
      .poll(() => text(page, 'import-plan'), { timeout: UI_TIMEOUT })
      .toMatch(
        /^hotline-tips\.ods was imported before with another mapping \(on \d{4}-\d{2}-\d{2}, mapping "Hotline tips \(free text\)"\)\. Importing it with this mapping adds a second source of the same file: rows already in the graph are kept as the earlier mapping read them/,
      );
    expect(await dialog().innerText()).not.toContain('left as they are');
    await shot('8-second-source');
    await dialog().getByRole('button', { name: 'Start import' }).click();
    await expect.poll(() => text(page, 'import-status'), { timeout: 90_000 }).toMatch(/^Import finished$/);
    // What it said: a second source, and no record added.
    expect(await text(page, 'import-outcome')).toBe('imported');
    expect(await text(page, 'summary-new-records')).toMatch(/\s0$/);
    expect(errors).toEqual([]);
  });

  it('says a file whose every row was rejected was not imported, not "imported"', async () => {
    const voided = resolve(services.home, 'voided-tips.csv');
    await writeFile(
      voided,
      'Tip No,Date Received,Caller Name,Subject Name,Location,Tip Details,Action Taken\n' +
        ',,,,,Record voided,\n,,,,,tbc,\n',
    );
    await dialog().getByRole('button', { name: 'Import more files' }).click();
    await chooseNgoFile(voided);
    await dialog().getByRole('button', { name: 'Next: Mapping' }).click();
    await expect
      .poll(() => text(page, 'mapping-origin'), { timeout: UI_TIMEOUT })
      .toBe('Saved profile for this agency');
    await dialog().getByRole('button', { name: 'Next: Preview' }).click();
    await importAndWait('Import finished with errors');
    expect(await text(page, 'import-outcome')).toBe('nothing imported');
    expect(await text(page, 'import-nothing')).toMatch(/^Nothing imported: every row was rejected, 2 of them\. Check/);
    expect(await text(page, 'summary-rejected')).toMatch(/\s2$/);
    await shot('9-nothing-imported');
    expect(errors).toEqual([]);
  });
});
