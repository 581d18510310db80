/**
 * Review at scale in Debian's Chromium, against `caselink serve` over the test run's real Neo4j:
 * the open count the top bar, the queue, the service and the CLI give is one number; open pairs
 * grouped into clusters; one pair rejected on its own, the rest of its cluster confirmed as one
 * decision, and that decision undone. Pairs are seeded with chosen scores, apart from the scorer.
 * Needs `electron-vite build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { listEvents } from '../../main/services/auditService';
import { countOpenMatches, listMatches } from '../../main/services/matchService';
import { root, rendererDir, resultsDir, UI_TIMEOUT, launchApp, text } from '../support/browser';
import { importPeople, seedPairs } from '../support/matchPairs';
import { openTestServices, type TestServices } from '../support/services';
import { testProcessEnv } from '../support/testNeo4j';

const PEOPLE = {
  'CITY-POL': ['Ion Popescu', 'Maria Ionescu', 'Elena Dima', 'Vasile Rusu'],
  BORDER: ['POPESCU Ion', 'IONESCU Maria', 'RUSU Vasile', 'Ioan Popescu'],
  'RO-POL': ['Ion POPESCU', 'Elena DIMA'],
};
const PAIRS = [
  { a: 'Ion Popescu', b: 'POPESCU Ion', score: 0.95, reasons: ['same date of birth 1990-03-01'] },
  { a: 'POPESCU Ion', b: 'Ion POPESCU', score: 0.9 },
  { a: 'Ion Popescu', b: 'Ion POPESCU', score: 0.85 },
  { a: 'Ion Popescu', b: 'Ioan Popescu', score: 0.81, reasons: ['familiar form Ioan of Ion'] },
  { a: 'Maria Ionescu', b: 'IONESCU Maria', score: 0.82 },
  { a: 'Elena Dima', b: 'Elena DIMA', score: 0.7 },
  { a: 'Vasile Rusu', b: 'RUSU Vasile', score: 0.99 },
];
const cli = join(root, 'out/main/cli.js');
const LOGIN = userInfo().username;

describe('reviewing clusters of same-person pairs in the app', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let home: string;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `review-clusters-${name}.png`) });
  const review = () => page.getByRole('dialog', { name: 'Review matches' });
  const runCli = (args: string[]) => {
    const run = spawnSync(process.execPath, [cli, ...args], {
      env: testProcessEnv({ CASELINK_HOME: home }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout.trim();
  };
  const cliCount = () => Number(runCli(['matches', '--count']));
  /** The count as the top bar shows it, without the thousands separator. */
  const badge = async () => Number((await text(page, 'review-open-count')).replace(/,/g, ''));

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    home = await mkdtemp(join(tmpdir(), 'caselink-review-cli-'));
    await importPeople(services.db, home, PEOPLE);
    await seedPairs(services.db, PAIRS);
    server = await startBridgeServer({ api: services.api, rendererDir, port: 0 });
    ({ browser, context, page } = await launchApp(server.url, errors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await services?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('gives one count of open pairs in the top bar, the queue and the service', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    const service = (await countOpenMatches(services.db)).open;
    expect(service).toBe(6);
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(service);
    await page.getByTestId('review-open').click();
    await expect.poll(() => text(page, 'review-count'), { timeout: UI_TIMEOUT }).toBe('6 open pairs');
    await expect.poll(() => review().getByTestId('review-row').count(), { timeout: UI_TIMEOUT }).toBe(service);
  });

  it('gives the same count in the CLI', () => {
    expect(cliCount()).toBe(6);
  });

  it('lists clusters with their sizes and best scores, and shows a cluster’s pairs with their reasons', async () => {
    await review().getByRole('button', { name: 'In clusters' }).click();
    await expect.poll(() => review().getByTestId('cluster-row').count(), { timeout: UI_TIMEOUT }).toBe(3);
    expect(await review().getByTestId('cluster-size').allInnerTexts()).toEqual([
      '2 mentions · 1 open pair',
      '4 mentions · 4 open pairs',
      '2 mentions · 1 open pair',
    ]);
    await review().getByTestId('cluster-row').nth(1).click();
    const detail = review().getByTestId('cluster-detail');
    await expect.poll(() => detail.getByTestId('cluster-pair').count(), { timeout: UI_TIMEOUT }).toBe(4);
    expect(await detail.getByTestId('cluster-pair-reasons').first().innerText()).toBe('same date of birth 1990-03-01');
    expect(await detail.getByTestId('confirm-cluster').innerText()).toBe('Confirm cluster (4 pairs)');
    await shot('1-cluster');
  });

  it('rejects one pair of the cluster on its own, then confirms the rest as one decision', async () => {
    const detail = review().getByTestId('cluster-detail');
    await detail
      .getByTestId('cluster-pair')
      .filter({ hasText: 'Ioan Popescu' })
      .getByRole('button', { name: /^Reject / })
      .click();
    // The rejected mention leaves the cluster; three mentions, three open pairs remain.
    await expect.poll(() => detail.getByTestId('cluster-pair').count(), { timeout: UI_TIMEOUT }).toBe(3);
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(5);

    await review().getByLabel('Reviewer').fill('DC Morgan');
    await review().getByLabel('Note').fill('one man, three spellings');
    const before = (await listEvents(services.db)).length;
    await detail.getByTestId('confirm-cluster').click();
    await expect
      .poll(() => text(page, 'bulk-decision'), { timeout: UI_TIMEOUT })
      .toMatch(/^Confirmed 3 pairs as one decision/);

    const events = await listEvents(services.db);
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ kind: 'match-decision', osUser: LOGIN });
    expect(events[0]?.details).toMatchObject({ pairs: 3, reviewerName: 'DC Morgan', note: 'one man, three spellings' });
    const confirmed = await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 });
    expect(confirmed.map((p) => p.reviewerName)).toEqual(['DC Morgan', 'DC Morgan', 'DC Morgan']);
    await expect.poll(() => review().getByTestId('cluster-row').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(2);
    expect(cliCount()).toBe(2);
    await shot('2-confirmed');
  });

  it('undoes the cluster’s decision by its id: its pairs are open again', async () => {
    await review().getByTestId('bulk-decision').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(5);
    expect(await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 })).toEqual([]);
    expect(cliCount()).toBe(5);
    await expect.poll(() => review().getByTestId('cluster-row').count(), { timeout: UI_TIMEOUT }).toBe(3);
    await shot('3-undone');
    expect(errors).toEqual([]);
  });

  it('confirms every open pair at a score between two agencies from the CLI as one decision, and undoes it', () => {
    const confirmed = runCli([
      'confirm-matches',
      '--min-score',
      '0.9',
      '--agencies',
      'BORDER,CITY-POL',
      '--user',
      'DC Morgan',
    ]);
    expect(confirmed).toMatch(
      /^Confirmed 2 pairs as one decision by .+: [0-9a-f-]{36} \(undo with "caselink undo-decision [0-9a-f-]{36}"\)\.$/,
    );
    expect(cliCount()).toBe(3);
    const decision = /: ([0-9a-f-]{36}) /.exec(confirmed)?.[1] ?? '';
    expect(runCli(['undo-decision', decision])).toMatch(/^Reopened 2 pairs as one decision by /);
    expect(cliCount()).toBe(5);
  });
});
