/**
 * The app over the demo fixtures, as `npm run demo` serves it: every sample agency imported and
 * resolved into the test Neo4j, `caselink serve`'s bridge on a free port, and Chromium on it.
 * The end-to-end tests that need a realistic chart start here.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { importMany } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { resolve as resolveGraph } from '../../main/services/resolveService';
import { launchApp, rendererDir, root } from './browser';
import { restoreGraphSnapshot, saveGraphSnapshot } from './graphSnapshot';
import { openTestServices, type TestServices } from './services';
import { testNeo4j, testScratch } from './testNeo4j';

/** How long importing and resolving every fixture may take in a `beforeAll` (minutes on a busy two-core machine). */
export const DEMO_SETUP_TIMEOUT = 900_000;

export interface DemoApp {
  services: TestServices;
  server: BridgeServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the page, the browser, the bridge and the services, whichever were opened. */
  close(): Promise<void>;
}

/**
 * Every sample agency imported and resolved into the emptied test graph. The first test file of a
 * run imports and resolves (minutes on a busy machine) and saves the graph; the files after it put
 * that graph back (seconds), so the import itself is tested once per run here and throughout the
 * import tests.
 */
async function loadDemoGraph(services: TestServices): Promise<void> {
  const snapshot = join(testScratch(), 'demo-graph.json');
  if (existsSync(snapshot)) {
    await restoreGraphSnapshot(testNeo4j(), snapshot);
    return;
  }
  const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
  const outcomes = await importMany(services.db, manifest.files, {
    agencies: manifest.agencies,
    cardHash: (pan) => pan.slice(-4),
    reportDir: join(services.home, 'reports'),
  });
  expect(outcomes.every((o) => o.ok)).toBe(true);
  await resolveGraph(services.db);
  await saveGraphSnapshot(testNeo4j(), snapshot);
}

/** Imports and resolves the fixtures, serves the built renderer and opens it; console errors go to `errors`. */
export async function openDemoApp(errors: string[]): Promise<DemoApp> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  }
  const services = await openTestServices();
  await loadDemoGraph(services);
  const server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
  const { browser, context, page } = await launchApp(server.url, errors);
  return {
    services,
    server,
    browser,
    context,
    page,
    close: async () => {
      await context.close();
      await browser.close();
      await server.close();
      await services.close();
    },
  };
}
