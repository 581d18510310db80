/**
 * The Connection dialog in Chromium against the bridge server: opened from the status bar, Test
 * says in plain words what is wrong (wrong password, nothing listening), Save moves Caselink to
 * the server, Escape closes and the focus goes back. Only the test run's own Neo4j is used: the
 * "other server" typed in the dialog is that same test database. Needs `electron-vite build`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryPasswordStore, memorySettingsStore } from '../../main/config/connectionStore';
import { connect } from '../../main/db/connect';
import { testNeo4jConnection } from '../../main/db/connectionTest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { createApi } from '../../main/services/api';
import { ConnectionManager } from '../../main/services/connectionService';
import { launchApp, rendererDir, resultsDir, text, UI_TIMEOUT } from '../support/browser';
import { openTestDatabase } from '../support/services';
import { testNeo4j } from '../support/testNeo4j';

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

describe('the Connection dialog', () => {
  const neo = testNeo4j();
  let manager: ConnectionManager;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const outcome = () => text(page, 'connection-outcome');

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    const home = await mkdtemp(join(tmpdir(), 'caselink-conn-e2e-'));
    const db = await openTestDatabase();
    manager = new ConnectionManager({
      env: {},
      settings: memorySettingsStore(),
      passwords: memoryPasswordStore(),
      open: (target) => connect({ attached: true, target, env: { CASELINK_HOME: home } }),
      test: (target) => testNeo4jConnection(target),
      createServices: (d) => createApi(d, { home }),
      initial: { db, close: () => db.close() },
    });
    server = await startBridgeServer({ api: manager.api(), rendererDir, port: 0 });
    ({ browser, context, page } = await launchApp(server.url, errors));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await manager?.close();
  });

  it('tests, saves and closes from the keyboard, in plain words', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await page.getByTestId('status-connection').click();
    const dialog = page.getByRole('dialog', { name: 'Connection' });
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.getByTestId('connection-local').isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
    await expect.poll(() => text(page, 'connection-memory')).toContain('kept in memory only');

    await page.getByTestId('connection-server').check();
    await page.getByTestId('connection-uri').fill(neo.uri);
    await page.getByTestId('connection-user').fill(neo.user);
    await page.getByTestId('connection-database').fill(neo.database);
    await page.getByTestId('connection-password').fill('not-the-password-e2e');
    await page.getByTestId('connection-test').click();
    await expect.poll(outcome, { timeout: UI_TIMEOUT }).toContain('Wrong password');
    expect(await outcome()).not.toContain('not-the-password-e2e');

    await page.getByTestId('connection-uri').fill(`bolt://127.0.0.1:${await closedPort()}`);
    await page.getByTestId('connection-password').fill(neo.password);
    await page.getByTestId('connection-test').click();
    await expect.poll(outcome, { timeout: UI_TIMEOUT }).toContain('Cannot reach');

    await page.getByTestId('connection-uri').fill(neo.uri);
    await page.getByTestId('connection-test').click();
    await expect.poll(outcome, { timeout: UI_TIMEOUT }).toMatch(/It works\. Connected to Neo4j\/5/);
    await page.screenshot({ path: resolve(resultsDir, 'connection-1-tested.png') });

    await page.getByTestId('connection-save').click();
    await expect.poll(() => text(page, 'connection-saved'), { timeout: UI_TIMEOUT }).toContain(neo.uri);
    await expect.poll(() => text(page, 'status-location'), { timeout: UI_TIMEOUT }).toBe(neo.uri);
    // The password is not sent back: the field is empty, and says one is stored.
    expect(await page.getByTestId('connection-password').inputValue()).toBe('');
    expect(await dialog.textContent()).toContain('a password is stored');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(
      await page.evaluate(() => {
        // The page's DOM, which Node's typings do not know.
        const doc = (
          globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
        ).document;
        return doc.activeElement?.getAttribute('data-testid');
      }),
    ).toBe('status-connection');
    expect(errors).toEqual([]);
  });
});
