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
import { openTestServices, type TestServices } from './services';

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

/** Imports and resolves the fixtures, serves the built renderer and opens it; console errors go to `errors`. */
export async function openDemoApp(errors: string[]): Promise<DemoApp> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  }
  const services = await openTestServices();
  const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
  const outcomes = await importMany(services.db, manifest.files, {
    agencies: manifest.agencies,
    cardHash: (pan) => pan.slice(-4),
    reportDir: join(services.home, 'reports'),
  });
  expect(outcomes.every((o) => o.ok)).toBe(true);
  await resolveGraph(services.db);
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
