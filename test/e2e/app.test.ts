/**
 * The built renderer in Debian's Chromium, against `caselink serve` over the test run's real
 * Neo4j: what an investigator sees when the app opens, and what a page with a wrong token sees.
 * Needs `electron-vite build` to have run (npm test does it first).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { upsertAgency } from '../../main/services/agencyService';
import { rendererDir, resultsDir, CHROMIUM_ARGS, UI_TIMEOUT, chromiumPath, openPage, text } from '../support/browser';
import { openTestServices, type TestServices } from '../support/services';

describe('Caselink in a browser over caselink serve', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    await mkdir(resultsDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await services?.close();
  });

  describe('with the right token', () => {
    let context: BrowserContext;
    let opened: Awaited<ReturnType<typeof openPage>>;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
      opened = await openPage(context, server.url);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('shows the connection to Neo4j 5.26 and says the empty graph needs an import', async () => {
      const { page } = opened;
      await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
      expect(await text(page, 'status-server')).toMatch(/^Neo4j 5\.26\.\d+ (community|enterprise)$/);
      expect(await text(page, 'status-database')).toBe(`database ${services.db.settings.database}`);
      expect(await text(page, 'status-nodes')).toBe('0 nodes');
      await expect.poll(() => text(page, 'graph-notice'), { timeout: UI_TIMEOUT }).toContain('The graph is empty');
      // The token leaves the address bar as soon as the page has read it.
      expect(new URL(page.url()).hash).toBe('');
      expect(opened.errors).toEqual([]);
    });

    it('keeps the session across a reload and draws what the graph holds', async () => {
      const { page } = opened;
      await upsertAgency(services.db, { code: 'MET-POL', name: 'Metropolitan Police', country: 'GB' });
      await upsertAgency(services.db, { code: 'UKBF', name: 'Border Force', country: 'GB' });
      await upsertAgency(services.db, { code: 'GLAA', name: 'Labour Abuse Authority', country: 'GB' });

      // The token now lives in sessionStorage only; a reload must still reach the API.
      await page.reload();
      await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
      expect(await text(page, 'status-nodes')).toBe('3 nodes');
      await expect
        .poll(() => text(page, 'overview-summary'), { timeout: UI_TIMEOUT })
        .toBe('3 nodes · 0 relationships');
      expect(await page.getByTestId('graph-notice').count()).toBe(0);
      const legend = await page.locator('.legend li').allInnerTexts();
      expect(legend.map((row) => row.replace(/\s+/g, ' '))).toEqual(['Agency 3']);

      await page.screenshot({ path: resolve(resultsDir, 'app.png') });
      expect(opened.errors).toEqual([]);
    });
  });

  it('says "Not connected" and how to get a new token when the token is wrong', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    try {
      const { page, errors } = await openPage(context, server.url.replace(/#token=.*$/, '#token=wrong'));
      await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Not connected');
      expect(await text(page, 'status-error')).toContain('The Caselink bridge refused this page’s session token.');
      expect(await text(page, 'status-hint')).toContain('Open the address that caselink serve printed');
      expect(await text(page, 'graph-notice')).toContain('No database connection');
      await page.screenshot({ path: resolve(resultsDir, 'app-wrong-token.png') });
      // The browser itself logs each refused request; anything else would be a fault.
      expect(errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
