/**
 * The chart's keyboard list on charts larger than the demo's, in Chromium: the app's chart
 * component (CytoscapeView over the app's store, as bench:render mounts it) with a generated chart.
 * Above a few hundred nodes only the rows in view are in the page (10,000 rows made every mouse move
 * over the canvas cost Chromium a hit test of all of them); the list must still say how long it is,
 * and keep the active row in the page, in view, wherever it is.
 */
import type { Core } from 'cytoscape';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBundle } from '../../bench/pageBundle';
import { CHROMIUM_ARGS, chromiumPath, UI_TIMEOUT } from '../support/browser';

interface ChartPage {
  benchPage: {
    benchAppMount(container: unknown): void;
    benchAppLoad(elements: number): Promise<{ firstDrawMs: number }>;
  };
  benchCy: Core;
  document: { getElementById(id: string): unknown };
}

describe('the chart list', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const list = () => page.getByTestId('chart-list');
  const options = () => list().getByRole('option');

  /** Draws a generated chart of `elements` elements (half of them nodes) in the app's chart. */
  const load = (elements: number) =>
    page.evaluate((n) => (globalThis as unknown as ChartPage).benchPage.benchAppLoad(n), elements);

  /** The option that aria-activedescendant names, which must be in the page. */
  const active = async (): Promise<Locator> => {
    const id = await list().getAttribute('aria-activedescendant');
    expect(id).toBeTruthy();
    return page.locator(`[id="${id}"]`);
  };

  /** Whether `option` is inside the list's visible box. */
  const inView = async (option: Locator) => {
    const [row, box] = await Promise.all([option.boundingBox(), list().boundingBox()]);
    return row !== null && box !== null && row.y >= box.y - 1 && row.y + row.height <= box.y + box.height + 1;
  };

  beforeAll(async () => {
    const { js, css } = await pageBundle('renderer/src/graph/chartBench.tsx');
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.setContent(
      '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1440px;height:900px"></div></body></html>',
    );
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: js });
    await page.evaluate(() => {
      const w = globalThis as unknown as ChartPage;
      w.benchPage.benchAppMount(w.document.getElementById('cy'));
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has every row in the page for a chart of 200 nodes', async () => {
    await load(400);
    await expect.poll(() => options().count(), { timeout: UI_TIMEOUT }).toBe(200);
    expect(errors).toEqual([]);
  });

  it('draws only the rows in view of 2,000 nodes, says how many there are, and keeps the active one', async () => {
    await load(4000);
    await expect.poll(() => options().first().getAttribute('aria-setsize'), { timeout: UI_TIMEOUT }).toBe('2000');
    const drawn = await options().count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(80);
    expect(await options().first().getAttribute('aria-posinset')).toBe('1');

    // End goes to the last node: its row is drawn, in view, and Enter selects it on the chart.
    await list().focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await active()).getAttribute('aria-posinset'), { timeout: UI_TIMEOUT }).toBe('2000');
    await expect.poll(async () => inView(await active()), { timeout: UI_TIMEOUT }).toBe(true);
    const last = await (await active()).getAttribute('data-node');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as ChartPage).benchCy.$(':selected').map((e) => e.id())), {
        timeout: UI_TIMEOUT,
      })
      .toEqual([last]);

    // A node selected on the canvas whose row is not drawn: the list goes to it and draws it.
    const shown = new Set(await options().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node'))));
    const away = await page.evaluate(
      (drawnIds) =>
        (globalThis as unknown as ChartPage).benchCy
          .nodes()
          .map((n) => n.id())
          .filter((id) => !drawnIds.includes(id))[700],
      [...shown].filter((id): id is string => id !== null),
    );
    expect(away).toBeTruthy();
    await page.evaluate((id) => {
      const cy = (globalThis as unknown as ChartPage).benchCy;
      cy.$(':selected').unselect();
      cy.getElementById(id as string).select();
    }, away);
    await expect.poll(async () => (await active()).getAttribute('data-node'), { timeout: UI_TIMEOUT }).toBe(away);
    await expect.poll(async () => inView(await active()), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await options().count()).toBeLessThan(80);

    // Scrolled back to the top by the wheel, the first rows are drawn again; the active one stays in the page.
    const box = await list().boundingBox();
    await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + 50);
    for (let i = 0; i < 60; i++) await page.mouse.wheel(0, -2000);
    await expect.poll(() => options().first().getAttribute('aria-posinset'), { timeout: UI_TIMEOUT }).toBe('1');
    expect(await (await active()).getAttribute('data-node')).toBe(away);
    expect(errors).toEqual([]);
  });
});
