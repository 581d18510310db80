/**
 * The investigator's whole flow in Chromium against `caselink serve`, over the demo fixtures
 * imported and resolved in the real Neo4j: search with "/", add a hit, expand it from the chart's
 * context menu (opened from the keyboard), select two nodes and find the paths between them from
 * the menu (opened with a right-click), explain a link from the menu, filter an agency out (the
 * hidden nodes counted), save, reload, reopen: the same nodes at the same places, the view fitted
 * to them. Needs `electron-vite build` to have run.
 */
import { resolve } from 'node:path';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, text, UI_TIMEOUT } from '../support/browser';
import { DEMO_SETUP_TIMEOUT, openDemoApp, type DemoApp } from '../support/demoApp';

/** What the page's Cytoscape instance holds (read through the container's registry). */
interface Drawn {
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
  positions: Record<string, { x: number; y: number }>;
  /** The drawn (not hidden) nodes' box on screen. */
  box: { x1: number; y1: number; x2: number; y2: number };
  selected: string[];
}

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    // The page's DOM, which Node's typings do not know; Cytoscape keeps its instance on the container.
    const page = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
    const cy = (page.document.querySelector('[data-testid="graph-canvas"]') as { _cyreg: { cy: Core } })._cyreg.cy;
    const leaves = cy.nodes(':childless');
    const box = leaves.filter((n) => n.visible()).renderedBoundingBox({ includeLabels: false });
    return {
      zoom: cy.zoom(),
      pan: cy.pan(),
      width: cy.width(),
      height: cy.height(),
      positions: Object.fromEntries(leaves.map((n) => [n.id(), { ...n.position() }])),
      box: { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 },
      selected: cy.$(':selected').map((e) => e.id()),
    };
  });
}

/** Where on the page to right-click an edge: its midpoint, for the path edge farthest from any node. */
function edgeSpot(page: Page, ids: string[]): Promise<{ id: string; x: number; y: number } | null> {
  return page.evaluate((ids) => {
    type Box = { getBoundingClientRect(): { left: number; top: number }; contains(other: unknown): boolean };
    const page = globalThis as unknown as {
      document: { querySelector(selector: string): Box; elementFromPoint(x: number, y: number): unknown };
    };
    const container = page.document.querySelector('[data-testid="graph-canvas"]');
    const cy = (container as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    const origin = container.getBoundingClientRect();
    let best: { id: string; x: number; y: number; room: number } | null = null;
    for (const id of ids) {
      const edge = cy.getElementById(id);
      if (edge.empty() || !edge.isEdge() || !edge.visible()) continue;
      const mid = edge.renderedMidpoint();
      const room = Math.min(
        ...cy.nodes(':childless').map((n) => {
          const at = n.renderedPosition();
          return Math.hypot(at.x - mid.x, at.y - mid.y) - n.renderedOuterWidth() / 2;
        }),
      );
      const x = origin.left + mid.x;
      const y = origin.top + mid.y;
      // Not under the toolbar, a note, the key or the navigator drawn over the canvas.
      if (!container.contains(page.document.elementFromPoint(x, y))) continue;
      if (!best || room > best.room) best = { id, x, y, room };
    }
    return best && best.room > 6 ? { id: best.id, x: best.x, y: best.y } : null;
  }, ids);
}

describe('the investigator’s flow on the demo graph', () => {
  let app: DemoApp;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `flow-${name}.png`) });
  const list = () => page.getByTestId('chart-list');
  const menu = () => page.getByTestId('chart-menu');
  const onChart = async () => Object.keys((await drawn(page)).positions).sort();
  /** Two persons of the demo graph that a path of two steps or more joins (found through the API, as the page would). */
  let pair: { from: string; to: string; fromName: string; toName: string };

  beforeAll(async () => {
    app = await openDemoApp(errors);
    ({ page } = app);
    const persons = async (text: string) => {
      const found = await app.services.api.search({ text, kinds: ['person'], limit: 50 });
      if (!found.ok) throw new Error(found.error.message);
      return found.value.groups.flatMap((g) => g.hits.map((h) => h.node.id)).slice(0, 4);
    };
    const marins = await persons('Ionut Marin');
    const stanescus = await persons('Gheorghe Stanescu');
    for (const from of marins) {
      for (const to of stanescus) {
        const paths = await app.services.api.findPaths({ from, to, maxHops: 6, limit: 1, includeHubs: false });
        if (paths.ok && paths.value.paths.some((p) => p.edges.length >= 2)) {
          pair = { from, to, fromName: 'Ionut Marin', toName: 'Gheorghe Stanescu' };
          return;
        }
      }
    }
    throw new Error('No two persons named Ionut Marin and Gheorghe Stanescu are joined in the demo graph.');
  }, DEMO_SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  /** Searches with "/" and puts the hit for `id` on the chart with the keyboard. */
  async function searchAndAdd(words: string, id: string) {
    await page.locator('body').press('/');
    await page.keyboard.type(words);
    const hit = page.locator(`[data-testid="search-hit"][data-node="${id}"]`);
    await expect.poll(() => hit.count(), { timeout: UI_TIMEOUT }).toBe(1);
    for (let i = 0; i < 30 && (await hit.getAttribute('aria-selected')) !== 'true'; i++)
      await page.keyboard.press('ArrowDown');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(onChart, { timeout: UI_TIMEOUT }).toContain(id);
    await page.keyboard.press('Escape');
  }

  it('searches with "/", adds a person, and expands it from the context menu opened in the chart’s list', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(() => list().getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await page.getByTestId('investigation-new').click();
    await expect.poll(() => list().count(), { timeout: UI_TIMEOUT }).toBe(0);

    await searchAndAdd(pair.fromName, pair.from);
    expect(await onChart()).toEqual([pair.from]);
    expect((await drawn(page)).selected).toEqual([pair.from]);

    // The keyboard's way to the menu: the chart's list, then Shift+F10.
    await list().focus();
    await page.keyboard.press('Shift+F10');
    await expect.poll(() => menu().count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await menu().getAttribute('aria-label')).toMatch(/^Actions for /);
    const items = await menu().getByRole('menuitem').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining(['Details', 'Expand', 'Pin', 'Hide', 'Remove']));
    await shot('1-menu');
    // Details first, then Expand: ↓ and Enter.
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement
            .textContent,
      ),
    ).toBe('Expand');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await onChart()).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    expect(await menu().count()).toBe(0);
    await shot('2-expanded');
  });

  it('selects two nodes and finds the paths between them from the menu opened with a right-click', async () => {
    await searchAndAdd(pair.toName, pair.to);
    await list()
      .locator(`[data-node="${pair.from}"]`)
      .click({ modifiers: ['Control'] });
    await expect
      .poll(async () => (await drawn(page)).selected.sort(), { timeout: UI_TIMEOUT })
      .toEqual([pair.from, pair.to].sort());

    await list().locator(`[data-node="${pair.to}"]`).click({ button: 'right' });
    await expect.poll(() => menu().count(), { timeout: UI_TIMEOUT }).toBe(1);
    await menu().getByRole('menuitem', { name: 'Find paths between the two…' }).click();
    await expect.poll(() => page.getByTestId('paths-form').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await page.getByTestId('paths-run').click();
    const paths = page.getByTestId('path');
    await expect.poll(() => paths.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await paths.first().innerText()).toMatch(/^\d+ steps: /);
    await shot('3-paths');
  });

  it('explains a link on the path from the menu opened on it', async () => {
    await page.getByRole('button', { name: 'Fit to window' }).click();
    const onPath = (await drawn(page)).selected.filter((id) => id.includes('|'));
    expect(onPath.length).toBeGreaterThan(0);
    const spot = await edgeSpot(page, onPath);
    expect(spot).not.toBeNull();
    await page.mouse.click(spot!.x, spot!.y, { button: 'right' });
    await expect.poll(() => menu().count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await menu().getAttribute('aria-label')).toBe('Actions for link');
    await menu().getByRole('menuitem', { name: 'Explain link' }).click();
    const details = page.getByTestId('edge-details');
    await expect.poll(() => details.count(), { timeout: UI_TIMEOUT }).toBe(1);
    await expect.poll(() => details.getByTestId('edge-fact').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await details.innerText()).toMatch(/row \d+/);
    await shot('4-explained');
  });

  it('filters an agency out and counts what it hides', async () => {
    const agencies = page.getByRole('group', { name: 'Agencies' });
    const boxes = agencies.getByRole('checkbox');
    await expect.poll(() => boxes.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
    // An agency that alone asserts a node on the chart (one agency dot in the chart's list), the
    // one of those with fewest nodes: leaving it out hides some, not all. The agency with fewest
    // nodes may hide none: its nodes may all be asserted by others too (a phone four agencies know).
    const alone: string[] = [];
    for (const option of await list().getByRole('option').all()) {
      const dots = option.locator('.agency-dot');
      if ((await dots.count()) === 1) alone.push((await dots.first().getAttribute('title')) ?? '');
    }
    const labels = await agencies.locator('label').allInnerTexts();
    const rows = labels.map((label, index) => {
      const [name = '', count = ''] = label.trim().split(/\s+(?=[\d,]+$)/);
      return { index, name, count: Number(count.replace(/,/g, '')) };
    });
    const candidates = rows.filter((r) => alone.includes(r.name)).sort((a, b) => a.count - b.count);
    expect(candidates.length).toBeGreaterThan(0);
    await boxes.nth(candidates[0]!.index).uncheck();
    await expect.poll(() => page.getByTestId('chart-hidden-count').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await text(page, 'chart-hidden-count')).toMatch(/^\d+ hidden$/);
    expect(await text(page, 'filter-summary')).toMatch(/hidden by filters/);
    await shot('5-filtered');
  });

  it('saves, and after a reload opens the investigation again: the same nodes at the same places, fitted to the window', async () => {
    const before = await drawn(page);
    const hidden = await text(page, 'chart-hidden-count');
    await page.getByTestId('investigation-save').click();
    await page.getByTestId('save-name').fill('Op Hilton Cross');
    await page.getByTestId('save-submit').click();
    await expect.poll(() => page.getByTestId('save-dialog').count(), { timeout: UI_TIMEOUT }).toBe(0);

    await page.reload();
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    // The overview is back on the chart, fitted to itself.
    await expect.poll(() => list().getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(50);
    await page.getByTestId('investigation-open').click();
    const row = page.getByTestId('investigation-row').filter({ hasText: 'Op Hilton Cross' });
    await expect.poll(() => row.count(), { timeout: UI_TIMEOUT }).toBe(1);
    await row.getByTestId('investigation-open-row').click();

    await expect.poll(onChart, { timeout: UI_TIMEOUT }).toEqual(Object.keys(before.positions).sort());
    const opened = await drawn(page);
    for (const [id, at] of Object.entries(before.positions)) expect(opened.positions[id]).toEqual(at);
    expect(await text(page, 'chart-hidden-count')).toBe(hidden);

    // Fitted: everything drawn is in view, and the Fit button has little left to do (a fit counts the
    // labels, and which labels are drawn depends on the zoom, so a second fit lands a few per cent off;
    // the overview's fit, which the view kept before, is far further out).
    expect(opened.box.x1).toBeGreaterThanOrEqual(0);
    expect(opened.box.y1).toBeGreaterThanOrEqual(0);
    expect(opened.box.x2).toBeLessThanOrEqual(opened.width);
    expect(opened.box.y2).toBeLessThanOrEqual(opened.height);
    await shot('6-reopened');
    await page.getByRole('button', { name: 'Fit to window' }).click();
    const refitted = await drawn(page);
    expect(Math.abs(refitted.zoom / opened.zoom - 1)).toBeLessThan(0.1);
    expect(Math.abs(refitted.pan.x - opened.pan.x)).toBeLessThan(opened.width * 0.1);
    expect(Math.abs(refitted.pan.y - opened.pan.y)).toBeLessThan(opened.height * 0.1);
    expect(errors).toEqual([]);
  });
});
