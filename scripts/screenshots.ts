/**
 * `npm run docs:screenshots [-- --serve] [--port N]`: the README's pictures of the workspace,
 * made from the demo graph. A local Neo4j of the script's own under `.cache/docs-screenshots/`
 * (never your database) gets the sample agencies (fixtures/agencies.json) imported and resolved
 * on the first run, kept for the next; the built renderer is served as `caselink serve` serves
 * it, and Debian's Chromium walks an investigator's steps, writing docs/screenshots/*.png.
 * With `--serve` it only serves the demo graph and prints the address, for a look by hand.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { arg, flag, say } from '../bench/support';
import { openDatabase } from '../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j } from '../main/db/localNeo4j';
import { applySchema } from '../main/db/schema';
import { startBridgeServer } from '../main/serve/server';
import { createApi } from '../main/services/api';
import { importMany } from '../main/services/import/importMany';
import { loadManifest } from '../main/services/import/profiles';
import { resolve as resolveGraph } from '../main/services/resolveService';
import { CHROMIUM_ARGS, chromiumPath, rendererDir, root } from '../test/support/browser';

const outDir = resolve(root, 'docs/screenshots');
const home = join(root, '.cache', 'docs-screenshots');
/** How long the page may take to answer on a loaded machine. */
const WAIT = 60_000;

if (!existsSync(resolve(rendererDir, 'index.html')))
  throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);

await mkdir(home, { recursive: true, mode: 0o700 });
const local = await startLocalNeo4j({ home, attached: true });
const db = await openDatabase({
  uri: local.uri,
  user: local.user,
  password: local.password,
  database: 'neo4j',
  local: true,
});
const api = createApi(db, { home });
const ready = join(home, 'demo-ready.json');
let server: Awaited<ReturnType<typeof startBridgeServer>> | null = null;

async function stop(): Promise<void> {
  await server?.close();
  api.dispose();
  await db.close();
  if (local.startedHere) await stopLocalNeo4j(home);
}

try {
  await applySchema(db);
  if (!existsSync(ready)) {
    say(`Importing the sample agencies into ${home} (later runs reuse them)…`);
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    const outcomes = await importMany(db, manifest.files, {
      agencies: manifest.agencies,
      cardHash: (pan) => pan.slice(-4),
      reportDir: join(home, 'reports'),
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length > 0) throw new Error(`${failed.length} sample file(s) did not import.`);
    await resolveGraph(db);
    await writeFile(ready, JSON.stringify({ at: new Date().toISOString() }));
  }
  server = await startBridgeServer({ api, rendererDir, port: Number(arg('port', '0')) });
  if (flag('serve')) {
    say(`The demo graph is served at ${server.url}`);
    say('Ctrl+C stops it.');
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
  } else {
    await mkdir(outDir, { recursive: true });
    await takeScreenshots(server.url);
  }
} finally {
  await stop();
}

async function takeScreenshots(url: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await walk(page);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Fit to window' }).click();
      await shot(page, `workspace-${width}`);
    }
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  } finally {
    await browser.close();
  }
}

async function shot(page: Page, name: string): Promise<void> {
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path });
  say(`  ${path}`);
}

/** Two persons of the demo graph joined by a path of two steps or more (as the flow e2e test picks them). */
async function pairToFollow(): Promise<{ from: string; to: string }> {
  const persons = async (text: string) => {
    const found = await api.search({ text, kinds: ['person'], limit: 50 });
    if (!found.ok) throw new Error(found.error.message);
    return found.value.groups.flatMap((g) => g.hits.map((h) => h.node.id)).slice(0, 4);
  };
  for (const from of await persons('Ionut Marin'))
    for (const to of await persons('Gheorghe Stanescu')) {
      const paths = await api.findPaths({ from, to, maxHops: 6, limit: 1, includeHubs: false });
      if (paths.ok && paths.value.paths.some((p) => p.edges.length >= 2)) return { from, to };
    }
  throw new Error('No two persons named Ionut Marin and Gheorghe Stanescu are joined in the demo graph.');
}

/** Searches with "/" and adds the hit for `id` with the keyboard, with a picture of the results (`picture`) before it is added. */
async function searchAndAdd(page: Page, words: string, id: string, picture?: string): Promise<void> {
  await page.locator('body').press('/');
  await page.keyboard.type(words);
  const hit = page.locator(`[data-testid="search-hit"][data-node="${id}"]`);
  await hit.waitFor({ timeout: WAIT });
  for (let i = 0; i < 30 && (await hit.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  if (picture) await shot(page, picture);
  await page.keyboard.press('Enter');
  await page.getByTestId('chart-list').locator(`[data-node="${id}"]`).waitFor({ timeout: WAIT });
  await page.keyboard.press('Escape');
}

/** The investigator's steps on the demo graph, a picture at each. */
async function walk(page: Page): Promise<void> {
  const list = page.getByTestId('chart-list');
  const pair = await pairToFollow();
  await page.getByTestId('status-connection').filter({ hasText: 'Connected' }).waitFor({ timeout: WAIT });
  await list.getByRole('option').nth(50).waitFor({ timeout: WAIT });
  // The overview's persons and identifiers get their dates after it is drawn: wait for the timeline to have them.
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } })
        .document;
      const summary = doc.querySelector('[data-testid="timeline-summary"]')?.textContent ?? '';
      return Number(summary.replace(/[^\d].*$/s, '')) > 100;
    },
    undefined,
    { timeout: WAIT * 3 },
  );
  await shot(page, 'workspace-overview');

  await page.getByTestId('investigation-new').click();
  await searchAndAdd(page, 'Ionut Marin', pair.from, 'workspace-search');
  await list.focus();
  await page.keyboard.press('Shift+F10');
  await page.getByTestId('chart-menu').waitFor({ timeout: WAIT });
  await shot(page, 'workspace-menu');
  await page.getByTestId('menu-expand').click();
  await list.getByRole('option').nth(2).waitFor({ timeout: WAIT });

  await searchAndAdd(page, 'Gheorghe Stanescu', pair.to);
  await list.locator(`[data-node="${pair.from}"]`).click({ modifiers: ['Control'] });
  await list.locator(`[data-node="${pair.to}"]`).click({ button: 'right' });
  await page.getByTestId('menu-paths').click();
  await page.getByTestId('paths-run').click();
  await page.getByTestId('path').first().waitFor({ timeout: WAIT });
  await page.getByRole('button', { name: 'Fit to window' }).click();
  await shot(page, 'workspace-paths');
}
