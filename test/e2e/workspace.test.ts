/**
 * The investigator's panels in Chromium against `caselink serve`, over a small three-agency import
 * in the real Neo4j (test/support/workspaceGraph.ts): search a phone typed in national form and
 * add it, read where it comes from, expand it, find the path between two persons of different
 * agencies, save the chart, reload the page and reopen it. Needs `electron-vite build` to have run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { launchApp, rendererDir, resultsDir, text, UI_TIMEOUT } from '../support/browser';
import { openTestServices, type TestServices } from '../support/services';
import { loadWorkspaceGraph } from '../support/workspaceGraph';

describe('the investigator’s panels', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `workspace-${name}.png`) });
  const list = () => page.getByTestId('chart-list');
  const onChart = () =>
    list()
      .getByRole('option')
      // The page's elements, which Node's typings do not know.
      .evaluateAll((items) =>
        (items as unknown as { getAttribute(name: string): string | null }[]).map((i) => i.getAttribute('data-node')),
      );
  const phone = nodeRef('phone', ['+447700900123']);

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    await loadWorkspaceGraph(services.db);
    server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
    ({ browser, context, page } = await launchApp(server.url, errors));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await services?.close();
  });

  it('finds a phone typed in national form with "/", and Enter puts it on an empty chart, selected', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(() => list().getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await page.getByTestId('investigation-new').click();
    await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBe(0);

    await page.keyboard.press('/');
    await expect
      .poll(() =>
        page.evaluate(() => {
          // The page's DOM, which Node's typings do not know.
          const { document } = globalThis as unknown as {
            document: { activeElement: { getAttribute(name: string): string | null } | null };
          };
          return document.activeElement?.getAttribute('data-testid');
        }),
      )
      .toBe('search-input');
    await page.keyboard.type('07700 900123');
    const hit = page.locator(`[data-testid="search-hit"][data-node="${phone}"]`);
    await expect.poll(() => hit.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await text(page, 'search-readas')).toContain('+447700900123');
    expect(await hit.innerText()).toMatch(/BORDER[\s\S]*CITY-POL[\s\S]*2 records/);
    await page.keyboard.press('ArrowDown');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await shot('1-search');
    await page.keyboard.press('Enter');

    await expect.poll(onChart, { timeout: UI_TIMEOUT }).toEqual([phone]);
    expect(await list().getByRole('option', { selected: true }).getAttribute('data-node')).toBe(phone);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('listbox', { name: 'Search results' }).count()).toBe(0);
  });

  it('shows where the phone comes from: each agency’s file, row and column, and the SHA-256', async () => {
    const details = page.getByTestId('node-details');
    await expect.poll(() => details.count(), { timeout: UI_TIMEOUT }).toBe(1);
    const sources = await details.getByTestId('source-line').allInnerTexts();
    expect(sources.some((s) => /city-pol\.csv.*row 2.*column Phone.*07700 900123/s.test(s))).toBe(true);
    expect(sources.some((s) => /border\.csv.*row 2.*column Phone/s.test(s))).toBe(true);
    expect(await text(page, 'details-agencies')).toMatch(/BORDER[\s\S]*CITY-POL/);
    await shot('2-details');
  });

  it('expands the phone with "e" and adds both its users next to it', async () => {
    await page.locator('body').press('e');
    await expect.poll(() => page.getByTestId('expand-popover').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await shot('3-expand-options');
    await page.getByTestId('expand-run').click();
    await expect.poll(async () => (await onChart()).length, { timeout: UI_TIMEOUT }).toBe(3);
    const labels = await list().getByRole('option').allInnerTexts();
    expect(labels.join('\n')).toContain('Elena Dima');
    expect(labels.join('\n')).toMatch(/Popescu/i);
  });

  it('finds the path between two persons of different agencies, highlighted and written out step by step', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('Andrei Lungu');
    const andrei = page.getByTestId('search-hit').filter({ hasText: 'Andrei Lungu' });
    await expect.poll(() => andrei.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await onChart()).length, { timeout: UI_TIMEOUT }).toBe(4);

    // Ctrl+click adds Ion Popescu (CITY-POL and BORDER, one person) to the selection.
    await list()
      .getByRole('option', { name: /Ion Popescu|POPESCU Ion/ })
      .click({ modifiers: ['Control'] });
    await expect.poll(() => list().getByRole('option', { selected: true }).count()).toBe(2);
    await list().press('p');
    await expect.poll(() => page.getByTestId('paths-form').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await page.getByTestId('paths-run').click();

    const paths = page.getByTestId('path');
    await expect.poll(() => paths.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await paths.first().innerText()).toMatch(
      /^2 steps: Andrei Lungu → uses phone \+44 7700 900888 → uses phone (Ion Popescu|POPESCU Ion)$/,
    );
    // The path's nodes and links are selected on the canvas, and the phone between them is on the chart.
    expect(await onChart()).toContain(nodeRef('phone', ['+447700900888']));
    await expect
      .poll(() => list().getByRole('option', { selected: true }).count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThanOrEqual(3);
    await shot('4-paths');
  });

  it('saves the chart, and after a reload opens it again with the same nodes and notes; deleting asks first', async () => {
    const before = (await onChart()).sort();
    await page.getByTestId('investigation-save').click();
    await page.getByTestId('save-name').fill('Op Birch');
    await page.getByTestId('save-notes').fill('Phone 07700 900123 links CITY-POL and BORDER.');
    await shot('5-save');
    await page.getByTestId('save-submit').click();
    await expect.poll(() => page.getByTestId('save-dialog').count(), { timeout: UI_TIMEOUT }).toBe(0);

    await page.reload();
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await page.getByTestId('investigation-open').click();
    const row = page.getByTestId('investigation-row').filter({ hasText: 'Op Birch' });
    await expect.poll(() => row.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await row.innerText()).toMatch(/Op Birch\s+6\s/);
    await shot('6-open');
    await row.getByTestId('investigation-open-row').click();

    await expect.poll(async () => (await onChart()).sort(), { timeout: UI_TIMEOUT }).toEqual(before);
    expect(await text(page, 'opened-investigation')).toContain('Phone 07700 900123 links CITY-POL and BORDER.');
    expect(await page.getByTestId('opened-missing').count()).toBe(0);
    await page.getByRole('button', { name: 'Fit to window' }).click();
    await shot('7-reopened');

    // Deleting asks first, and leaves the graph alone.
    await page.getByTestId('investigation-open').click();
    await row.getByTestId('investigation-delete').click();
    await row.getByTestId('investigation-delete-confirm').click();
    await expect.poll(() => row.count(), { timeout: UI_TIMEOUT }).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('open-dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
