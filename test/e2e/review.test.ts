/**
 * Link finding and review in Debian's Chromium, against `caselink serve` over the test run's real
 * Neo4j holding the six sample agencies, resolved: the cross-agency links, the evidence behind
 * one, and the same-person review queue down to the merged person on the chart.
 * Needs `electron-vite build`.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, UI_TIMEOUT, text } from '../support/browser';
import { DEMO_SETUP_TIMEOUT, openDemoApp, type DemoApp } from '../support/demoApp';
import type { TestServices } from '../support/services';

/** A recruiter's phone that four agencies recorded (fixtures/ground-truth.json, I0006). */
const PHONE = { display: '+40 740 629 640', agencies: ['CITY-POL', 'LABOUR', 'NGO', 'RO-POL'] };

/** One man in Border Force's encounters and in the Romanian police's persons list. */
const STANESCU = { border: 'GHEORGHE STANESCU', roPol: 'Gheorghe STĂNESCU' };

const REVIEWER = 'DC Morgan';
/** The OS user the test runs as: Caselink records it with every decision. */
const LOGIN = userInfo().username;

describe('finding and reviewing links in the app', () => {
  let app: DemoApp;
  let services: TestServices;
  let page: Page;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `review-${name}.png`) });
  const review = () => page.getByRole('dialog', { name: 'Review matches' });
  const phoneItem = () => page.getByTestId('link-item').filter({ hasText: PHONE.display });

  beforeAll(async () => {
    app = await openDemoApp(errors);
    ({ services, page } = app);
  }, DEMO_SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('lists the identifiers that several agencies share, with the agencies of each', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(() => phoneItem().count(), { timeout: UI_TIMEOUT }).toBe(1);
    const agencies = await phoneItem().getByTestId('link-agencies').innerText();
    expect(agencies.split(/\s+/)).toEqual(PHONE.agencies);
    // The top bar shows main's one count of open pairs, however many there are.
    const counted = await services.api.countOpenMatches({});
    if (!counted.ok) throw new Error(counted.error.message);
    expect(counted.value.open).toBeGreaterThan(0);
    await expect
      .poll(async () => Number((await text(page, 'review-open-count')).replace(/,/g, '')), { timeout: UI_TIMEOUT })
      .toBe(counted.value.open);
    await shot('1-links');
  });

  it('explains the link between two agencies’ rows, cell by cell on both sides', async () => {
    await phoneItem().getByRole('button', { name: PHONE.display }).click();
    const sides = phoneItem().getByTestId('link-side');
    await expect.poll(() => sides.count(), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(PHONE.agencies.length);
    const explain = phoneItem().getByTestId('explain-link');
    await sides.filter({ hasText: 'LABOUR' }).first().getByRole('checkbox').check();
    expect(await explain.isDisabled()).toBe(true);
    await sides.filter({ hasText: 'RO-POL' }).first().getByRole('checkbox').check();
    await shot('2-sides');
    await explain.click();

    const dialog = page.getByRole('dialog', { name: 'Why these records are linked' });
    await expect.poll(() => dialog.getByTestId('explain-side').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    const rows = (await dialog.getByTestId('explain-side').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );
    // The recruiter's phone, as LABOUR's site visits and the Romanian persons list wrote it.
    const at = rows.findIndex((cells) => cells[0]?.includes(PHONE.display));
    expect(rows[at]?.slice(1, 8)).toEqual([
      'Left',
      'LABOUR',
      'site-visits-q3.xlsx',
      'Site visits',
      '362',
      'Recruiter Tel',
      '+40 740 629 640',
    ]);
    expect(rows[at + 1]?.slice(0, 7)).toEqual([
      'Right',
      'RO-POL',
      'persoane.xlsx',
      'Persoane',
      '253',
      'Telefon',
      '740629640',
    ]);
    await shot('3-explained');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });

  it('confirms a same-person pair under the reviewer’s name, and rejects another', async () => {
    await page.getByTestId('review-open').click();
    await expect(review().isVisible()).resolves.toBe(true);
    await expect.poll(() => review().getByTestId('review-row').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);

    const pair = review().getByTestId('review-row').filter({ hasText: STANESCU.roPol }).filter({ hasText: 'BORDER' });
    await pair.first().click();
    const detail = review().getByTestId('review-detail');
    expect(await detail.getByTestId('review-compare').innerText()).toContain(STANESCU.roPol);
    const reasons = await detail.getByTestId('review-reasons').locator('li').allInnerTexts();
    // The reason's wording is the scorer's; the date it names is the evidence.
    expect(reasons.filter((r) => r.includes('same date of birth 1979-04-12'))).toHaveLength(1);
    // A typed name is optional: the login Caselink runs as is recorded with every decision.
    expect(await text(page, 'review-recorded-as')).toMatch(/under the login Caselink runs as/);
    await shot('4-queue');

    await review().getByLabel('Reviewer').fill(REVIEWER);
    await review().getByLabel('Note').fill('Same date of birth and phones; Romanian spelling of the name.');
    await review().getByRole('button', { name: 'Confirm C', exact: true }).click();

    await expect
      .poll(
        async () => {
          const confirmed = await services.api.listMatches({ statuses: ['confirmed'], minScore: 0 });
          return confirmed.ok
            ? confirmed.value.map((m) => ({
                by: m.decidedBy,
                name: m.reviewerName,
                names: [m.a.name, m.b.name].sort(),
              }))
            : confirmed.error;
        },
        { timeout: UI_TIMEOUT },
      )
      .toEqual([{ by: LOGIN, name: REVIEWER, names: [STANESCU.border, STANESCU.roPol] }]);

    // The queue moved on to the next pair; reject it with the keyboard.
    await expect.poll(() => text(page, 'review-status'), { timeout: UI_TIMEOUT }).toBe('Open');
    // A click on plain text gives the dialog the keyboard, as a reviewer would.
    await detail.getByTestId('review-score').click();
    await page.keyboard.press('r');
    await expect
      .poll(
        async () => {
          const rejected = await services.api.listMatches({ statuses: ['rejected'], minScore: 0 });
          return rejected.ok ? rejected.value.map((m) => [m.decidedBy, m.reviewerName]) : [];
        },
        { timeout: UI_TIMEOUT },
      )
      .toEqual([[LOGIN, REVIEWER]]);

    await review().getByRole('button', { name: 'Confirmed', exact: true }).click();
    await expect.poll(() => review().getByTestId('review-row').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await text(page, 'review-decided')).toMatch(new RegExp(`^Confirmed by ${LOGIN} \\(${REVIEWER}\\) on `));
    expect(await text(page, 'review-saved-note')).toContain('Romanian spelling');
    await shot('5-confirmed');
    await page.keyboard.press('Escape');
    expect(await review().count()).toBe(0);
  });

  it('draws the confirmed mentions as one person on the chart', async () => {
    await expect
      .poll(() => page.getByTestId('chart-confirmed-person').allInnerTexts(), { timeout: UI_TIMEOUT })
      .toEqual([expect.stringMatching(/STANESCU.* \/ .*STĂNESCU|STĂNESCU.* \/ .*STANESCU/)]);
    await page.getByRole('button', { name: 'Fit to window' }).click();
    await shot('6-chart');
  });

  it('resolves again on demand, keeping the decisions', async () => {
    await page.getByRole('button', { name: 'Resolve now' }).click();
    await expect
      .poll(() => text(page, 'resolve-summary'), { timeout: 90_000 })
      .toMatch(/^[\d,]+ identifiers · \d+ hubs? · [\d,]+ open pairs? · [\d,]+ pairs? scored/);
    const confirmed = await services.api.listMatches({ statuses: ['confirmed', 'rejected'], minScore: 0 });
    expect(confirmed.ok && confirmed.value.map((m) => [m.status, m.decidedBy, m.reviewerName])).toEqual([
      ['confirmed', LOGIN, REVIEWER],
      ['rejected', LOGIN, REVIEWER],
    ]);
    await expect.poll(() => page.getByTestId('chart-confirmed-person').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await shot('7-resolved');
    expect(errors).toEqual([]);
  });
});
