/**
 * Filters, timeline and analysis in Chromium against `caselink serve`, over the demo fixtures
 * imported and resolved in the real Neo4j: filtering an agency out hides its nodes and says how
 * many; moving the timeline from the keyboard filters the chart to the period shown; sizing by
 * betweenness draws the central nodes larger; a community picked in the analysis is selected on
 * the chart. Needs `electron-vite build` to have run.
 */
import { resolve } from 'node:path';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, UI_TIMEOUT, text } from '../support/browser';
import { DEMO_SETUP_TIMEOUT, openDemoApp, type DemoApp } from '../support/demoApp';

/** What the page's Cytoscape instance draws: the nodes shown (not hidden), and the selection. */
function drawn(page: Page): Promise<{ shown: string[]; selected: string[]; widths: Record<string, number> }> {
  return page.evaluate(() => {
    // The page's DOM, which Node's typings do not know.
    const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
    const container = document.querySelector('[data-testid="graph-canvas"]') as {
      _cyreg: { cy: Core };
    };
    const cy = container._cyreg.cy;
    const shown = cy.nodes(':childless').filter((n) => n.visible());
    return {
      shown: shown.map((n) => n.id()).sort(),
      selected: cy
        .$('node:selected')
        .map((n) => n.id())
        .sort(),
      widths: Object.fromEntries(shown.map((n) => [n.id(), n.width()])),
    };
  });
}

describe('filters, timeline and analysis on the chart', () => {
  let app: DemoApp;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `analysis-${name}.png`) });
  const agencies = () => page.getByRole('group', { name: 'Agencies' });

  beforeAll(async () => {
    app = await openDemoApp(errors);
    ({ page } = app);
  }, DEMO_SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('hides the nodes only a left-out agency asserts, and says how many', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(() => agencies().getByRole('checkbox').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    await expect.poll(async () => (await drawn(page)).shown.length, { timeout: UI_TIMEOUT }).toBeGreaterThan(50);
    const before = await drawn(page);
    expect(await text(page, 'filter-summary')).toBe('Nothing hidden by filters.');
    await shot('0-start');

    const first = agencies().getByRole('checkbox').first();
    await first.uncheck();
    await expect
      .poll(() => text(page, 'filter-summary'), { timeout: UI_TIMEOUT })
      .toMatch(/^(\d+) nodes? hidden by filters: \1 by agency/);
    const hidden = Number((await text(page, 'filter-summary')).split(' ')[0]);
    expect(hidden).toBeGreaterThan(0);
    await expect
      .poll(async () => (await drawn(page)).shown.length, { timeout: UI_TIMEOUT })
      .toBe(before.shown.length - hidden);
    await shot('1-agency-filtered');

    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => text(page, 'filter-summary'), { timeout: UI_TIMEOUT }).toBe('Nothing hidden by filters.');
    await expect.poll(async () => (await drawn(page)).shown, { timeout: UI_TIMEOUT }).toEqual(before.shown);
    expect(errors).toEqual([]);
  });

  it('filters the chart to the period the timeline shows, moved from the keyboard', async () => {
    const before = await drawn(page);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('.vis-item').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    await timeline.focus();
    // Zoom in, then move right: the window no longer holds every record.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => text(page, 'timeline-period'), { timeout: UI_TIMEOUT })
      .toMatch(/^Chart filtered to \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => text(page, 'filter-summary'), { timeout: UI_TIMEOUT }).toMatch(/\d+ by date/);
    const hidden = Number((await text(page, 'filter-summary')).split(' ')[0]);
    await expect
      .poll(async () => (await drawn(page)).shown.length, { timeout: UI_TIMEOUT })
      .toBe(before.shown.length - hidden);
    await shot('2-period');

    await page.getByRole('button', { name: 'Show all dates' }).click();
    await expect.poll(() => text(page, 'filter-summary'), { timeout: UI_TIMEOUT }).toBe('Nothing hidden by filters.');
    expect(errors).toEqual([]);
  });

  it('sizes nodes by betweenness and selects a community on the chart', async () => {
    const before = await drawn(page);
    await page.getByLabel('Size nodes by').selectOption('betweenness');
    // The analysis sizes nodes; the most central one is drawn larger than it was.
    await expect.poll(async () => (await drawn(page)).widths, { timeout: UI_TIMEOUT }).not.toEqual(before.widths);
    const after = await drawn(page);
    const widest = Object.entries(after.widths).sort(([, a], [, b]) => b - a)[0]!;
    expect(widest[1]).toBeGreaterThan(before.widths[widest[0]]!);
    await page.getByLabel('Colour nodes by').selectOption('community');
    await page.getByText('Components, communities and central nodes').click();
    const community = page.getByTestId('analysis-communities').getByRole('button').first();
    const size = Number((await community.innerText()).match(/(\d+) nodes?$/m)?.[1]);
    expect(size).toBeGreaterThan(1);
    await community.click();
    await expect.poll(async () => (await drawn(page)).selected.length, { timeout: UI_TIMEOUT }).toBe(size);
    await shot('3-community');
    expect(errors).toEqual([]);
  });
});
