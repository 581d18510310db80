/**
 * Bulk review and the match model in Debian's Chromium, against `caselink serve` over the test
 * run's real Neo4j: the queue narrowed to two agencies at the score floor, every pair it shows
 * confirmed after a step that states the count, as one decision, and undone; then the saved
 * match model read from the review, per comparison, with m, u and the weight in words. Pairs and
 * the model are seeded, apart from the scorer. Needs `electron-vite build`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISONS, genericValues, type MatchModelParameters } from '../../main/core/matchModel';
import { startBridgeServer, type BridgeServer } from '../../main/serve/server';
import { listEvents } from '../../main/services/auditService';
import { listMatches } from '../../main/services/matchService';
import { saveModel } from '../../main/services/modelService';
import { rendererDir, resultsDir, UI_TIMEOUT, launchApp, text } from '../support/browser';
import { importPeople, seedPairs } from '../support/matchPairs';
import { openTestServices, type TestServices } from '../support/services';

const PEOPLE = {
  'CITY-POL': ['Ion Popescu', 'Maria Ionescu', 'Elena Dima', 'Vasile Rusu', 'Ana Marin'],
  BORDER: ['POPESCU Ion', 'IONESCU Maria', 'DIMA Elena', 'RUSU Vasile', 'MARIN Ana'],
  'RO-POL': ['Ion POPESCU', 'Maria IONESCU'],
};
/** Four open pairs between CITY-POL and BORDER at the threshold (0.8), one below it, two with RO-POL. */
const PAIRS = [
  { a: 'Ion Popescu', b: 'POPESCU Ion', score: 0.95 },
  { a: 'Maria Ionescu', b: 'IONESCU Maria', score: 0.9 },
  { a: 'Elena Dima', b: 'DIMA Elena', score: 0.85 },
  { a: 'Vasile Rusu', b: 'RUSU Vasile', score: 0.82 },
  { a: 'Ana Marin', b: 'MARIN Ana', score: 0.7 },
  { a: 'Ion Popescu', b: 'Ion POPESCU', score: 0.92 },
  { a: 'IONESCU Maria', b: 'Maria IONESCU', score: 0.88 },
];
const LOGIN = userInfo().username;

/** The generic parameters saved as if a resolution had estimated them. */
function seededModel(): MatchModelParameters {
  const m = genericValues('m');
  const u = genericValues('u');
  return {
    version: 1,
    prior: 0.001,
    comparisons: Object.fromEntries(
      COMPARISONS.map((c, ci) => [
        c.key,
        Object.fromEntries(c.levels.map((l, li) => [l.key, { m: m[ci]?.[li] ?? 0, u: u[ci]?.[li] ?? 0 }])),
      ]),
    ),
    trainedOn: { mentions: 12, randomPairs: 66, blockedPairs: 7, emSessions: ['name blocks'] },
  };
}

describe('confirming a filtered set of pairs in the app, and reading the match model', () => {
  let services: TestServices;
  let server: BridgeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let home: string;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `review-bulk-${name}.png`) });
  const review = () => page.getByRole('dialog', { name: 'Review matches' });
  const badge = async () => Number((await text(page, 'review-open-count')).replace(/,/g, ''));
  const rows = async () =>
    (await review().getByTestId('review-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
    }
    services = await openTestServices();
    home = await mkdtemp(join(tmpdir(), 'caselink-review-bulk-'));
    await importPeople(services.db, home, PEOPLE);
    await seedPairs(services.db, PAIRS);
    await saveModel(services.db, seededModel(), '2026-11-29T10:00:00.000Z');
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

  it('lists only the pairs between two agencies at the score floor', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(6);
    await page.getByTestId('review-open').click();
    await expect.poll(() => text(page, 'review-count'), { timeout: UI_TIMEOUT }).toBe('6 open pairs');
    await expect.poll(() => text(page, 'confirm-shown'), { timeout: UI_TIMEOUT }).toBe('Confirm all 6 shown');

    await review().getByLabel('First agency').selectOption('CITY-POL');
    await review().getByLabel('Second agency').selectOption('BORDER');
    await expect
      .poll(() => text(page, 'review-count'), { timeout: UI_TIMEOUT })
      .toBe('4 open pairs between CITY-POL and BORDER');
    await expect
      .poll(rows, { timeout: UI_TIMEOUT })
      // Each row names a CITY-POL mention and a BORDER one, in the order the pair is stored.
      .toEqual(
        ['0.95', '0.90', '0.85', '0.82'].map((score) =>
          expect.stringMatching(new RegExp(`^${score} .*(CITY-POL.*BORDER|BORDER.*CITY-POL)$`)),
        ),
      );
    expect(await text(page, 'confirm-shown')).toBe('Confirm all 4 shown');
  });

  it('asks before confirming, stating the count and the filter, and a cancel changes nothing', async () => {
    await review().getByTestId('confirm-shown').click();
    expect(await text(page, 'confirm-shown-ask')).toContain(
      'Confirm the 4 open pairs shown (score at least 0.80, between CITY-POL and BORDER) as the same person, as one decision in the audit trail?',
    );
    await shot('1-ask');
    await review().getByTestId('confirm-shown-ask').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => review().getByTestId('confirm-shown-ask').count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 })).toEqual([]);
  });

  it('confirms the pairs shown as one decision, and undoes it', async () => {
    const before = (await listEvents(services.db)).length;
    await review().getByLabel('Reviewer').fill('DC Morgan');
    await review().getByTestId('confirm-shown').click();
    await review().getByTestId('confirm-shown-ask').getByRole('button', { name: 'Confirm 4 pairs' }).click();
    await expect
      .poll(() => text(page, 'bulk-decision'), { timeout: UI_TIMEOUT })
      .toMatch(/^Confirmed 4 pairs as one decision/);
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(2);
    await expect
      .poll(() => text(page, 'review-count'), { timeout: UI_TIMEOUT })
      .toBe('0 open pairs between CITY-POL and BORDER');

    const events = await listEvents(services.db);
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({
      kind: 'match-decision',
      osUser: LOGIN,
      action: 'confirm 4 pairs: the 4 open pairs shown at score ≥ 0.8 between CITY-POL and BORDER',
    });
    expect(events[0]?.details).toMatchObject({ pairs: 4, reviewerName: 'DC Morgan' });
    const confirmed = await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 });
    expect(confirmed.map((p) => p.score)).toEqual([0.95, 0.9, 0.85, 0.82]);
    await shot('2-confirmed');

    await review().getByTestId('bulk-decision').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(badge, { timeout: UI_TIMEOUT }).toBe(6);
    await expect
      .poll(() => text(page, 'review-count'), { timeout: UI_TIMEOUT })
      .toBe('4 open pairs between CITY-POL and BORDER');
    expect(await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 })).toEqual([]);
  });

  it('shows the saved match model from the review: each comparison’s levels with m, u, the weight in words, and when it was estimated', async () => {
    await review().getByTestId('open-model').click();
    const model = page.getByRole('dialog', { name: 'Match model' });
    await expect
      .poll(() => text(page, 'model-estimated'), { timeout: UI_TIMEOUT })
      .toMatch(/^Estimated .*2026.* on 12 person mentions: u from 66 random pairs, m by EM over 7 blocked pairs\.$/);
    expect(await model.getByTestId('model-comparison').count()).toBe(COMPARISONS.length);
    expect(await model.getByTestId('model-comparison').locator('h3').allInnerTexts()).toEqual(
      COMPARISONS.map((c) => c.label.charAt(0).toUpperCase() + c.label.slice(1)),
    );
    const first = (await model.getByTestId('model-level').first().innerText()).split('\t').map((t) => t.trim());
    expect(first).toEqual([
      'the same name (after transliteration)',
      '0.7500',
      '0.0010',
      'about 750 times more likely if they are the same person',
    ]);
    expect(await model.getByTestId('model-level').allInnerTexts()).toContainEqual(
      expect.stringMatching(
        /^different dates of birth\t.*\tabout [\d.]+ times less likely if they are the same person$/,
      ),
    );
    await shot('3-model');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('model-dialog').count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await review().count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
