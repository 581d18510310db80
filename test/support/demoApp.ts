/**
 * The app over the demo fixtures, as `npm run demo` serves it: every sample agency imported and
 * resolved into the test Neo4j, `caselink serve`'s bridge on a free port, and Chromium on it.
 * The end-to-end tests that need a realistic chart start here.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { resolve as resolveGraph } from '../../main/services/resolveService';
import { launchApp, rendererDir } from './browser';
import { demoGraphSnapshot, importDemoAgencies, keepDemoGraph } from './demoGraph';
import { restoreGraphSnapshot } from './graphSnapshot';
import { openTestServices, type TestServices } from './services';
import { testNeo4j } from './testNeo4j';

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
 * run to need it (in a whole run, the integration test of resolution) imports and resolves
 * (minutes on a busy machine) and saves the graph; the files after it put that graph back
 * (seconds), so the import itself is tested once per run and throughout the import tests.
 */
async function loadDemoGraph(services: TestServices): Promise<void> {
  if (existsSync(demoGraphSnapshot())) {
    await restoreGraphSnapshot(testNeo4j(), demoGraphSnapshot());
    return;
  }
  const outcomes = await importDemoAgencies(services);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  await resolveGraph(services.db);
  await keepDemoGraph(outcomes);
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
