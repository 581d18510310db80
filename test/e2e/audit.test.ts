/**
 * The audit trail in Debian's Chromium, against `caselink serve` over the test run's real Neo4j:
 * a decision taken in the app without a typed name is kept under the OS user, and the audit
 * view lists, filters and exports the events. Needs `electron-vite build`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { upsertAgency } from '../../main/services/agencyService';
import { importMany } from '../../main/services/import/importMany';
import { resolve as resolveGraph } from '../../main/services/resolveService';
import { launchApp, rendererDir, resultsDir, UI_TIMEOUT } from '../support/browser';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';

const COLUMNS = { Case: 'record.caseRef', Name: 'subject.fullName', DOB: 'subject.birthDate', Phone: 'subject.phone' };

describe('the audit trail in the app', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const me = userInfo().username;

  const audit = () => page.getByRole('dialog', { name: 'Audit trail' });
  const rows = async () =>
    (await audit().getByTestId('audit-row').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    const files = [];
    for (const [agency, name, phone] of [
      ['CITY-POL', 'Ion POPESCU', '07700 900456'],
      ['BORDER', 'Popescu Ion', '+44 7700 900456'],
    ] as const) {
      await upsertAgency(services.db, { code: agency, name: agency, country: 'GB' });
      const path = join(services.home, `${agency.toLowerCase()}.csv`);
      await writeDelimited(
        path,
        [
          ['Case', 'Name', 'DOB', 'Phone'],
          [`${agency}-1`, name, '04/03/1991', phone],
        ],
        ',',
      );
      files.push({ path, agency, profile: parseProfile(personProfile(agency, COLUMNS)), profileSource: 'test' });
    }
    const outcomes = await importMany(services.db, files, { cardHash: (pan) => pan.slice(-4) });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await resolveGraph(services.db);
    server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
    ({ browser, context, page } = await launchApp(server.url, errors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await services?.close();
  });

  it('keeps a decision taken without a typed name under the OS user', async () => {
    await page.getByTestId('review-open').click();
    const review = page.getByRole('dialog', { name: 'Review matches' });
    await expect.poll(() => review.getByTestId('review-row').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await review.getByRole('button', { name: 'Confirm C', exact: true }).click();
    await expect
      .poll(
        async () => {
          const confirmed = await services.api.listMatches({ statuses: ['confirmed'], minScore: 0 });
          return confirmed.ok ? confirmed.value.map((m) => [m.decidedBy, m.reviewerName]) : confirmed.error;
        },
        { timeout: UI_TIMEOUT },
      )
      .toEqual([[me, null]]);
    await review.getByRole('button', { name: 'Close review' }).click();
    expect(await review.count()).toBe(0);
  });

  it('lists who did what, newest first, and filters by kind', async () => {
    await page.getByTestId('audit-open').click();
    await expect.poll(() => audit().getByTestId('audit-row').count(), { timeout: UI_TIMEOUT }).toBe(4);
    const listed = await rows();
    expect(listed.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['Match decision', 'Done', `${me}@${hostname()} (cli, Neo4j ${services.db.settings.user})`],
      ['Resolution', 'Done', `${me}@${hostname()} (cli, Neo4j ${services.db.settings.user})`],
      ['Import', 'Done', `${me}@${hostname()} (cli, Neo4j ${services.db.settings.user})`],
      ['Import', 'Done', `${me}@${hostname()} (cli, Neo4j ${services.db.settings.user})`],
    ]);
    expect(listed[0]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    expect(listed[0]?.[5]).toContain('fromStatus: candidate · ');
    expect(listed[3]?.[2]).toBe('import CITY-POL city-pol.csv');

    await audit().getByLabel('Kind of event').selectOption('import');
    await expect.poll(() => audit().getByTestId('audit-row').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await audit().getByLabel('Events since').fill('2999-01-01');
    await expect
      .poll(() => audit().getByTestId('audit-count').innerText(), { timeout: UI_TIMEOUT })
      .toMatch(/^0 events/);
    await audit().getByLabel('Events since').fill('');
    await expect.poll(() => audit().getByTestId('audit-row').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await page.screenshot({ path: resolve(resultsDir, 'audit-1-imports.png') });
  });

  it('exports the filtered events as CSV, every field quoted', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), audit().getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^caselink-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"at","kind","action","outcome","osUser","dbUser","host","app","message","details","id"');
    expect(lines.slice(1, -1).map((l) => l.split('","').slice(1, 5))).toEqual([
      ['import', 'import BORDER border.csv', 'success', me],
      ['import', 'import CITY-POL city-pol.csv', 'success', me],
    ]);
    await page.keyboard.press('Escape');
    expect(await audit().count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
