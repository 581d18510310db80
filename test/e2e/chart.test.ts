/**
 * The chart in Chromium against `caselink serve`, over the demo fixtures imported and resolved in
 * the real Neo4j: labels legible at fit, the keyboard list, remove and undo, and a layout that
 * lands the same way after a reload. Needs `electron-vite build` to have run.
 */
import { resolve } from 'node:path';
import type { Core, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, UI_TIMEOUT, text } from '../support/browser';
import { DEMO_SETUP_TIMEOUT, openDemoApp, type DemoApp } from '../support/demoApp';

/** What the page's Cytoscape instance says about its drawing (read through the container's registry). */
interface Drawn {
  zoom: number;
  nodes: number;
  /** Nodes whose label Cytoscape draws at this zoom, with the label's height on screen. */
  labels: { id: string; label: string; px: number }[];
  positions: Record<string, { x: number; y: number }>;
  selected: string[];
}

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    // The page's DOM, which Node's typings do not know; Cytoscape keeps its instance on the container.
    const page = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
    const container = page.document.querySelector('[data-testid="graph-canvas"]') as { _cyreg: { cy: Core } };
    const cy = container._cyreg.cy;
    const zoom = cy.zoom();
    const leaves = cy.nodes(':childless');
    const labels = leaves
      .filter((n) => {
        const label = String(n.style('label') ?? '');
        return (
          label !== '' && n.visible() && n.numericStyle('font-size') * zoom >= n.numericStyle('min-zoomed-font-size')
        );
      })
      .map((n) => ({ id: n.id(), label: String(n.style('label')), px: n.numericStyle('font-size') * zoom }));
    return {
      zoom,
      nodes: leaves.length,
      labels,
      positions: Object.fromEntries(leaves.map((n) => [n.id(), { ...n.position() }])),
      selected: cy.$(':selected').map((e) => e.id()),
    };
  });
}

describe('the chart', () => {
  let app: DemoApp;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: resolve(resultsDir, `chart-${name}.png`) });
  const list = () => page.getByTestId('chart-list');

  beforeAll(async () => {
    app = await openDemoApp(errors);
    ({ page } = app);
  }, DEMO_SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('names the important nodes at fit in letters at least 8 px high, and more of them zoomed in', async () => {
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(() => list().getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(50);
    const atFit = await drawn(page);
    expect(atFit.nodes).toBeGreaterThan(50);
    expect(atFit.labels.length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...atFit.labels.map((l) => l.px))).toBeGreaterThanOrEqual(8);
    await shot('1-fit');

    const zoomIn = page.getByRole('toolbar', { name: 'Chart' }).getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await zoomIn.click();
    await expect.poll(async () => (await drawn(page)).zoom, { timeout: UI_TIMEOUT }).toBeGreaterThan(atFit.zoom * 1.5);
    await expect
      .poll(async () => (await drawn(page)).labels.length, { timeout: UI_TIMEOUT })
      .toBeGreaterThan(atFit.labels.length);
    const zoomed = await drawn(page);
    expect(Math.min(...zoomed.labels.map((l) => l.px))).toBeGreaterThanOrEqual(8);
    await shot('2-zoomed');
    expect(errors).toEqual([]);
  });

  it('rests when nothing moves, and shows the tooltip of a node on hover without making Cytoscape resize', async () => {
    // Cytoscape takes any change to its container's attributes for a resize (100 ms later), and
    // the chart relabels every node on a resize: an attribute written there on each relabelling
    // kept a chart of 20,000 elements busy at rest, at a frame or two a second.
    const watch = () =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
        const cy = (document.querySelector('[data-testid="graph-canvas"]') as { _cyreg: { cy: Core } })._cyreg.cy;
        const seen = { resizes: 0 };
        cy.on('resize', () => seen.resizes++);
        (globalThis as unknown as { resizesSeen: { resizes: number } }).resizesSeen = seen;
        // The node nearest the middle of the chart, clear of the toolbar and the navigator.
        const middle = { x: cy.width() / 2, y: cy.height() / 2 };
        const away = (n: NodeSingular) =>
          Math.hypot(n.renderedPosition().x - middle.x, n.renderedPosition().y - middle.y);
        const shown: NodeSingular[] = [];
        cy.nodes(':childless').forEach((n) => {
          if (n.visible()) shown.push(n);
        });
        const leaf = shown.sort((a, b) => away(a) - away(b))[0];
        if (!leaf) throw new Error('no node drawn');
        const box = (
          cy.container() as { getBoundingClientRect(): { left: number; top: number } }
        ).getBoundingClientRect();
        return {
          x: box.left + leaf.renderedPosition().x,
          y: box.top + leaf.renderedPosition().y,
          title: String(leaf.data('title')),
        };
      });
    const resizes = () =>
      page.evaluate(() => (globalThis as unknown as { resizesSeen: { resizes: number } }).resizesSeen.resizes);
    const node = await watch();
    // A second at rest: time enough for several rounds of the loop this guards against.
    await page.waitForTimeout(1000);
    expect(await resizes()).toBe(0);
    await page.mouse.move(node.x, node.y);
    await expect
      .poll(() => page.locator('.chart-stage').getAttribute('title'), { timeout: UI_TIMEOUT })
      .toBe(node.title);
    // Off the node (onto the background or another element): its tooltip goes.
    await page.mouse.move(node.x - 60, node.y + 60);
    await expect
      .poll(() => page.locator('.chart-stage').getAttribute('title'), { timeout: UI_TIMEOUT })
      .not.toBe(node.title);
    await page.waitForTimeout(500);
    expect(await resizes()).toBe(0);
    // Placing the labels again where nothing moved restyles nothing: Cytoscape restyles every
    // element told its class, changed or not (1.6 s for a chart of 20,000 elements).
    const restyled = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const { document, requestAnimationFrame } = globalThis as unknown as {
            document: { querySelector(selector: string): unknown };
            requestAnimationFrame(f: () => void): number;
          };
          const cy = (document.querySelector('[data-testid="graph-canvas"]') as { _cyreg: { cy: Core } })._cyreg.cy;
          let classes = 0;
          const count = () => classes++;
          cy.on('class', 'node, edge', count);
          // A resize places the labels at the next animation frame; two frames later it is done.
          cy.resize();
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                cy.off('class', 'node, edge', count);
                done(classes);
              }),
            ),
          );
        }),
    );
    expect(restyled).toBe(0);
    expect(errors).toEqual([]);
  });

  it('selects a node from the keyboard list, removes it, and undo puts it back where it was', async () => {
    await page.getByRole('button', { name: 'Fit' }).click();
    await list().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chosen = list().getByRole('option', { selected: true });
    await expect.poll(() => chosen.count(), { timeout: UI_TIMEOUT }).toBe(1);
    const id = (await chosen.getAttribute('data-node'))!;
    await expect.poll(async () => (await drawn(page)).selected, { timeout: UI_TIMEOUT }).toEqual([id]);
    const before = await drawn(page);
    await shot('3-selected');

    await page.getByRole('toolbar', { name: 'Chart' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await drawn(page)).nodes, { timeout: UI_TIMEOUT }).toBe(before.nodes - 1);
    expect((await drawn(page)).positions[id]).toBeUndefined();
    expect(await list().locator(`[data-node="${id}"]`).count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await drawn(page)).nodes, { timeout: UI_TIMEOUT }).toBe(before.nodes);
    expect((await drawn(page)).positions[id]).toEqual(before.positions[id]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await drawn(page)).nodes, { timeout: UI_TIMEOUT }).toBe(before.nodes - 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await drawn(page)).nodes, { timeout: UI_TIMEOUT }).toBe(before.nodes);
    expect(errors).toEqual([]);
  });

  it('lays the same chart out the same way after a reload', async () => {
    const before = await drawn(page);
    await page.reload();
    await expect.poll(() => text(page, 'status-connection'), { timeout: UI_TIMEOUT }).toBe('Connected');
    await expect.poll(async () => (await drawn(page)).nodes, { timeout: UI_TIMEOUT }).toBe(before.nodes);
    // The nodes arrive before the layout has placed them: wait for the layout, then compare.
    const farthest = async () => {
      const after = await drawn(page);
      return Math.max(
        ...Object.entries(before.positions).map(([id, at]) => {
          const now = after.positions[id];
          return now ? Math.max(Math.abs(now.x - at.x), Math.abs(now.y - at.y)) : Infinity;
        }),
      );
    };
    await expect.poll(farthest, { timeout: UI_TIMEOUT }).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });
});
