/**
 * `npm run bench:render [-- --sizes 1000,5000,20000] [--layout-nodes 10000] [--seconds 4]`: how
 * fast Cytoscape.js draws a chart in headless Chromium (Debian's, through playwright-core), with
 * the canvas renderer and its WebGL mode (`renderer: { name: 'canvas', webgl: true }`, Cytoscape
 * 3.31 and later) side by side.
 *
 * For each size (elements: nodes and edges, about one edge per node), a page loads the chart with
 * a preset (random, seeded) layout and the app's kind of style, then pans and zooms it from script
 * at every animation frame for some seconds (every element drawn at each frame: a worst case);
 * then loads it as the app draws a chart of that size (haystack edges, a snapshot while the view
 * moves) and moves the view with the mouse, a drag on the background then the wheel, the events
 * sent 60 times a second whatever the page does (as a mouse does; Chromium merges those it cannot
 * handle in time). Each figure is frames drawn per second: the pictures of the chart Cytoscape
 * drew (its `render` events) over the time taken, not the page's animation frames, which go on
 * when nothing new is drawn. In the configuration without a GPU it also draws each size with the
 * app's own chart component (renderer/src/graph/chartBench.tsx: CytoscapeView over the app's store,
 * the chart added and laid out as a search or an expand adds one), so that what the app does while
 * the view moves (level of detail, navigator, handlers) is counted too. Layout time is the app's own layout code
 * (renderer/src/graph/layout.ts, bundled for the page from renderer/src/graph/layoutBench.ts) over a graph of
 * `--layout-nodes` nodes, with no animation: fcose in draft quality, which the app runs on charts
 * below LARGE_LAYOUT_FROM nodes, and balloon trees (renderer/src/graph/largeLayout.ts), which it
 * runs from there on; each with the renderer process's CPU time beside the wall time.
 *
 * Chromium runs headless in two configurations, as there is no GPU here: with SwiftShader, a
 * software GL, standing in for a GPU (the canvas renderer and its WebGL mode side by side), and
 * as Chromium runs on a machine whose GPU it cannot use (`--disable-gpu`: the page composited on
 * the CPU, no WebGL; the canvas renderer only). Both are indicative of the renderers' relative
 * speed, not of a desktop with a GPU.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { CROWDED_ABOVE, SNAPSHOT_WHILE_MOVING_ABOVE } from '../../renderer/src/graph/style';
import { pageBundle } from '../pageBundle';
import { arg, say } from '../support';

const require = createRequire(import.meta.url);
// `--sizes none` leaves out the frame rates (for timing the layouts alone).
const sizesArg = arg('sizes', '1000,5000,20000');
const sizes = sizesArg === 'none' ? [] : sizesArg.split(',').map((s) => Number(s.trim()));
const layoutNodes = Number(arg('layout-nodes', '10000'));
const seconds = Number(arg('seconds', '4'));
const layouts = arg('layouts', 'fcose,balloon').split(',');
// `--renderers app` times the app's own chart alone (canvas, WebGL and app by default).
const renderers = new Set(arg('renderers', 'canvas,WebGL,app').split(','));
for (const n of [...sizes, layoutNodes])
  if (!Number.isInteger(n) || n < 2) throw new Error(`sizes must be whole numbers of 2 or more, got ${n}`);

/** The browser bundles the page needs, in load order (fcose needs layout-base and cose-base). */
const scripts = await Promise.all(
  [
    'cytoscape/dist/cytoscape.min.js',
    'layout-base/layout-base.js',
    'cose-base/cose-base.js',
    'cytoscape-fcose/cytoscape-fcose.js',
  ].map((p) => readFile(require.resolve(p), 'utf8')),
);

/** What the page functions use of the browser (this file is typechecked without the DOM library). */
interface PageGlobals {
  document: {
    getElementById(id: string): unknown;
    createElement(tag: 'canvas'): {
      getContext(kind: 'webgl2'): { getParameter(p: number): unknown; RENDERER: number } | null;
    };
  };
  requestAnimationFrame(f: (now: number) => void): number;
  cytoscape: ((o: unknown) => unknown) & { use(x: unknown): void };
  cytoscapeFcose: unknown;
  /** The app's CROWDED_ABOVE and SNAPSHOT_WHILE_MOVING_ABOVE, set on the page. */
  crowdedAbove: number;
  snapshotAbove: number;
}

type Cy = {
  pan(p?: { x: number; y: number }): { x: number; y: number };
  zoom(z?: number): number;
  fit(): void;
  destroy(): void;
  container(): { getBoundingClientRect(): { left: number; top: number; width: number; height: number } };
  renderer(): {
    webgl?: boolean;
    render(options?: { forcedContext?: unknown }): void;
    findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { isNode(): boolean } | undefined;
  };
};

// Runs in the page: builds the chart (kept as `benchCy`) and resolves once it is first drawn.
function pageChart(args: { elements: number; webgl: boolean; app: boolean }): Promise<{ firstDrawMs: number }> {
  const w = globalThis as unknown as Omit<PageGlobals, 'cytoscape'> & { cytoscape: (o: unknown) => Cy; benchCy?: Cy };
  w.benchCy?.destroy();
  const container = w.document.getElementById('cy');
  // A seeded generator, so that both renderers draw the same chart.
  let s = 12345;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const nodes = Math.ceil(args.elements / 2);
  const edges = args.elements - nodes;
  const side = Math.sqrt(nodes) * 60;
  const els: unknown[] = [];
  const kinds = ['person', 'phone', 'record', 'address'];
  for (let i = 0; i < nodes; i++)
    els.push({
      data: { id: `n${i}`, label: `Node ${i}`, kind: kinds[i % kinds.length] },
      position: { x: rand() * side, y: rand() * side },
    });
  for (let i = 0; i < edges; i++) {
    const a = i % nodes;
    const b = Math.floor(rand() * nodes);
    els.push({ data: { id: `e${i}`, source: `n${a}`, target: `n${b === a ? (a + 1) % nodes : b}` } });
  }
  const t0 = performance.now();
  const cy = w.cytoscape({
    container,
    elements: els,
    layout: { name: 'preset' },
    renderer: { name: 'canvas', webgl: args.webgl },
    // As the app draws a chart of this many nodes (renderer/src/graph/style.ts): haystack edges
    // above CROWDED_ABOVE nodes, a snapshot while the view moves above SNAPSHOT_WHILE_MOVING_ABOVE.
    textureOnViewport: args.app && nodes > w.snapshotAbove,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 10,
          width: 24,
          height: 24,
          'background-color': '#4a6fa5',
          'min-zoomed-font-size': 8,
        },
      },
      { selector: 'node[kind = "phone"]', style: { shape: 'round-rectangle', 'background-color': '#a55a4a' } },
      { selector: 'node[kind = "record"]', style: { shape: 'rectangle', 'background-color': '#777' } },
      {
        selector: 'edge',
        style:
          args.app && nodes > w.crowdedAbove
            ? { width: 1.3, 'line-color': '#999', 'curve-style': 'haystack', 'haystack-radius': 0 }
            : { width: 1.5, 'line-color': '#999', 'curve-style': 'straight' },
      },
    ],
  });
  w.benchCy = cy;
  return new Promise((done) =>
    w.requestAnimationFrame(() => {
      const firstDrawMs = performance.now() - t0;
      cy.fit();
      // Two frames more: the fitted chart drawn, so that what is timed next starts from rest.
      w.requestAnimationFrame(() => w.requestAnimationFrame(() => done({ firstDrawMs })));
    }),
  );
}

// Runs in the page: pans and zooms the chart from script at every animation frame for `seconds`,
// counting the frames Cytoscape draws; it draws every element at each of them.
function pageScripted(seconds: number): Promise<{ fps: number; webgl: boolean }> {
  const w = globalThis as unknown as PageGlobals & { benchCy: Cy };
  const cy = w.benchCy;
  const start = performance.now();
  const base = cy.pan();
  const zoom = cy.zoom();
  // Each frame drawn on screen is one call of the renderer's render (the canvas renderer's
  // snapshots are drawn by calls with a context of their own; WebGL mode emits no render event).
  const renderer = cy.renderer();
  const render = renderer.render;
  let drawn = 0;
  renderer.render = (options) => {
    if (!options?.forcedContext) drawn++;
    render.call(renderer, options);
  };
  return new Promise((done) => {
    const tick = (now: number) => {
      const t = (now - start) / 1000;
      if (t >= seconds) {
        renderer.render = render;
        done({ fps: drawn / t, webgl: Boolean(cy.renderer().webgl) });
        return;
      }
      // Pan in a circle while zooming in and out around the fitted zoom.
      cy.zoom(zoom * (1.5 + Math.sin(t * 2)));
      cy.pan({ x: base.x + Math.cos(t * 3) * 200, y: base.y + Math.sin(t * 3) * 200 });
      w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
}

// Runs in the page: counts the frames Cytoscape draws on screen from now on (read with
// pageDrawnRate), as pageScripted does.
function pageCountDrawn(): void {
  const w = globalThis as unknown as { benchCy: Cy; benchDrawn: { frames: number; since: number; restore(): void } };
  const renderer = w.benchCy.renderer();
  const render = renderer.render;
  const counter = { frames: 0, since: performance.now(), restore: () => (renderer.render = render) };
  renderer.render = (options) => {
    if (!options?.forcedContext) counter.frames++;
    render.call(renderer, options);
  };
  w.benchDrawn = counter;
}

// Runs in the page: frames drawn per second since pageCountDrawn, and stops counting.
function pageDrawnRate(): number {
  const w = globalThis as unknown as { benchDrawn: { frames: number; since: number; restore(): void } };
  w.benchDrawn.restore();
  return w.benchDrawn.frames / ((performance.now() - w.benchDrawn.since) / 1000);
}

// Runs in the page: a point near the middle of the view with no node under it, where a user
// grabs the chart to pan (a node there would be dragged instead). On a dense chart an edge is
// under nearly every point; a drag that starts on one pans, as on the background.
function pageBackgroundPoint(): { x: number; y: number } {
  const w = globalThis as unknown as { benchCy: Cy };
  const cy = w.benchCy;
  const box = cy.container().getBoundingClientRect();
  const { x: px, y: py } = cy.pan();
  const zoom = cy.zoom();
  for (let r = 0; r < 200; r += 4)
    for (let a = 0; a < 8; a++) {
      // Rendered coordinates, from the chart's top left corner.
      const x = box.width / 2 + Math.cos((a * Math.PI) / 4) * r;
      const y = box.height / 2 + Math.sin((a * Math.PI) / 4) * r;
      const near = cy.renderer().findNearestElement((x - px) / zoom, (y - py) / zoom, true, false);
      if (!near?.isNode()) return { x: box.left + x, y: box.top + y };
    }
  throw new Error('Only nodes near the middle of the chart: nowhere to grab it to pan.');
}

// Runs in the page: the frames drawn in `ms` (while the mouse moves the view, or at rest).
function pageFrames(ms: number): Promise<number> {
  const w = globalThis as unknown as PageGlobals;
  return new Promise((done) => {
    const start = performance.now();
    let frames = 0;
    const tick = (now: number) => {
      frames++;
      if (now - start >= ms) done(frames / ((now - start) / 1000));
      else w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
}

const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const quietChromium = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const browser = await chromium.launch({
  executablePath,
  args: [
    ...quietChromium,
    // Software GL, so that WebGL works without a GPU.
    '--use-gl=angle',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
    // Cytoscape's canvas renderer and WebGL mode's label textures draw on 2D canvases: in Skia's
    // raster backend, which is far faster than a 2D canvas on the software GL.
    '--disable-accelerated-2d-canvas',
  ],
});
// As Chromium (and so Electron) runs where it cannot use a GPU: the page composited on the CPU.
const withoutGpu = await chromium.launch({ executablePath, args: [...quietChromium, '--disable-gpu'] });

/** A mouse event as the DevTools protocol sends one (Input.dispatchMouseEvent). */
interface MouseEvent {
  type: 'mousePressed' | 'mouseReleased' | 'mouseMoved' | 'mouseWheel';
  x: number;
  y: number;
  button?: 'left' | 'none';
  buttons?: number;
  clickCount?: number;
  deltaX?: number;
  deltaY?: number;
}
/** Mouse events a second during a gesture: a mouse reports at least this often. */
const MOUSE_RATE = 60;

/** Cytoscape's canvas renderer, its WebGL mode, or the app's own chart component (canvas). */
type Renderer = 'canvas' | 'WebGL' | 'app';

/** The app's chart component for the page (renderer/src/graph/chartBench.tsx), built once. */
let appBundle: Promise<{ js: string; css: string }> | undefined;

/** A page that draws charts with `renderer`, its chart kept as `benchCy`. */
async function chartPage(on: Browser, renderer: Renderer): Promise<Page> {
  const page = await on.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1440px;height:900px"></div></body></html>',
  );
  if (renderer === 'app') {
    appBundle ??= pageBundle('renderer/src/graph/chartBench.tsx');
    const { js, css } = await appBundle;
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: js });
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals & AppPage;
      w.benchPage.benchAppMount(w.document.getElementById('cy'));
    });
    return page;
  }
  for (const content of scripts) await page.addScriptTag({ content });
  await page.evaluate(
    ({ crowded, snapshot }) => {
      const w = globalThis as unknown as PageGlobals;
      w.cytoscape.use(w.cytoscapeFcose);
      w.crowdedAbove = crowded;
      w.snapshotAbove = snapshot;
    },
    { crowded: CROWDED_ABOVE, snapshot: SNAPSHOT_WHILE_MOVING_ABOVE },
  );
  return page;
}

/** What chartBench.tsx defines on the page. */
interface AppPage {
  benchPage: {
    benchAppMount(container: unknown): void;
    benchAppLoad(elements: number): Promise<{ firstDrawMs: number }>;
  };
}

/** The frame rates of each size with each renderer, in one browser; one line each. */
async function frameRates(on: Browser, configuration: string, renderers: Renderer[]): Promise<void> {
  for (const renderer of renderers) {
    const page = await chartPage(on, renderer);
    const input = await page.context().newCDPSession(page);
    // Events sent at the mouse's rate whatever the page does, not each after the last was handled:
    // a slow page gets them merged, as from a real mouse, and cannot slow the hand down.
    const gesture = async (event: (k: number) => MouseEvent): Promise<number> => {
      await page.evaluate(pageCountDrawn);
      const sent: Promise<unknown>[] = [];
      const start = Date.now();
      for (let k = 0; Date.now() - start < seconds * 1000; k++) {
        sent.push(input.send('Input.dispatchMouseEvent', event(k)));
        await new Promise((wake) => setTimeout(wake, Math.max(0, start + ((k + 1) * 1000) / MOUSE_RATE - Date.now())));
      }
      const drawn = await page.evaluate(pageDrawnRate);
      await Promise.all(sent);
      return drawn;
    };
    // The chart as the app draws one of that size: the app itself, or the plain page in its style.
    const load = (elements: number, app: boolean) =>
      renderer === 'app'
        ? page.evaluate((n) => (globalThis as unknown as AppPage).benchPage.benchAppLoad(n), elements)
        : page.evaluate(pageChart, { elements, webgl: renderer === 'WebGL', app });
    for (const elements of sizes) {
      const { firstDrawMs } = await load(elements, false);
      const scripted = await page.evaluate(pageScripted, seconds);
      await load(elements, true);
      // A second at rest first: whatever the chart still draws or collects is not the drag's.
      await page.evaluate(pageFrames, 1000);
      const { x, y } = await page.evaluate(pageBackgroundPoint);
      const held = { button: 'left', buttons: 1 } as const;
      await input.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await input.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, clickCount: 1, ...held });
      const drag = await gesture((k) => ({
        type: 'mouseMoved',
        x: x + Math.cos(k / 10) * 200 - 200,
        y: y + Math.sin(k / 10) * 200,
        ...held,
      }));
      await input.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, clickCount: 1, ...held });
      // The chart drawn whole again after the drag, before the wheel is timed.
      await page.evaluate(pageFrames, 500);
      const wheel = await gesture((k) => ({
        type: 'mouseWheel',
        x,
        y,
        deltaX: 0,
        deltaY: Math.sin(k / 8) > 0 ? 60 : -60,
      }));
      say(
        `  ${elements.toLocaleString('en-GB').padStart(8)}   ${configuration.padEnd(12)} ${renderer.padEnd(8)} ${`${firstDrawMs.toFixed(0)} ms`.padStart(10)} ${scripted.fps.toFixed(1).padStart(9)} ${drag.toFixed(1).padStart(6)} ${wheel.toFixed(1).padStart(6)}${renderer === 'WebGL' && !scripted.webgl ? '  (WebGL unavailable: canvas)' : ''}`,
      );
    }
    await page.close();
  }
}

try {
  const blank = await browser.newPage();
  const gl = await blank.evaluate(() => {
    const c = (globalThis as unknown as PageGlobals).document.createElement('canvas').getContext('webgl2');
    return c ? String(c.getParameter(c.RENDERER)) : 'none';
  });
  // The frame rate of an empty page: the most any chart can reach on this machine at this moment.
  const idleFps = await blank.evaluate(pageFrames, 2000);
  await blank.close();
  say(
    `bench:render in ${await browser.version()}, WebGL2 renderer: ${gl}; ${seconds} s of pan and zoom per run, ${new Date().toISOString().slice(0, 16)}Z.`,
  );
  say(`An empty page draws ${idleFps.toFixed(1)} frames per second here now (the ceiling for every figure below).`);
  say('');
  say(
    `  Scripted: the view panned and zoomed from script at every animation frame, every element drawn at each (a worst case).`,
  );
  say(
    `  Gestures: the mouse drags the background ${seconds} s, then turns the wheel ${seconds} s, ${MOUSE_RATE} events a second, the chart drawn as the app draws one of that size (haystack edges above ${CROWDED_ABOVE} nodes, a snapshot while the view moves above ${SNAPSHOT_WHILE_MOVING_ABOVE}).`,
  );
  say(
    '  Software GL: SwiftShader stands in for a GPU. No GPU: Chromium as it runs where it cannot use one (--disable-gpu: composited on the CPU, no WebGL).',
  );
  say(
    "  app: the app's own chart component (its style, level of detail and navigator), the chart laid out as the app lays one out; first draw includes the layout.",
  );
  say('');
  say(
    `  ${'elements'.padStart(8)}   ${'browser'.padEnd(12)} ${'renderer'.padEnd(8)} ${'first draw'.padStart(10)} ${'scripted'.padStart(9)} ${'drag'.padStart(6)} ${'wheel'.padStart(6)}   frames drawn a second`,
  );
  const chosen = (all: Renderer[]) => all.filter((r) => renderers.has(r));
  await frameRates(browser, 'software GL', chosen(['canvas', 'WebGL']));
  await frameRates(withoutGpu, 'no GPU', chosen(['canvas', 'app']));
  say('');
  // A page of its own: the app's layout bundle, and the renderer's CPU time read through the DevTools protocol.
  const layoutPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await layoutPage.setContent(
    '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1440px;height:900px"></div></body></html>',
  );
  await layoutPage.addScriptTag({ content: (await pageBundle('renderer/src/graph/layoutBench.ts')).js });
  // The renderer processes' CPU time as Chromium counts it: on a loaded machine, wall time says more about the load.
  const cdp = await browser.newBrowserCDPSession();
  const taskSeconds = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  };
  say(
    `  Layout of ${layoutNodes.toLocaleString('en-GB')} nodes and ${(layoutNodes - 1).toLocaleString('en-GB')} edges (no animation; target ≤ 5 s):`,
  );
  for (const name of layouts) {
    const cpu0 = await taskSeconds();
    const figures = await layoutPage.evaluate(
      ({ nodes, name }) => {
        const w = globalThis as unknown as {
          benchLayout(
            n: number,
            name: string,
            c: unknown,
          ): { ms: number; medianEdge: number; overlapping: number; width: number; height: number };
          document: { getElementById(id: string): unknown };
        };
        return w.benchLayout(nodes, name, w.document.getElementById('cy'));
      },
      { nodes: layoutNodes, name },
    );
    const cpu = (await taskSeconds()) - cpu0;
    const used = name === 'fcose' ? 'fcose, draft quality' : 'balloon trees';
    say(
      `    ${used.padEnd(24)} ${(figures.ms / 1000).toFixed(1).padStart(5)} s wall, ${cpu.toFixed(1).padStart(5)} s renderer CPU (median link ${figures.medianEdge.toFixed(0)} px, ${figures.overlapping} nodes sharing a 10 px square, ${(figures.width / 1000).toFixed(0)}k × ${(figures.height / 1000).toFixed(0)}k px): ${figures.ms <= 5000 ? 'met' : 'MISSED'}`,
    );
  }
  say(
    `  The app runs fcose below ${(await layoutPage.evaluate(() => (globalThis as unknown as { largeLayoutFrom: number }).largeLayoutFrom)).toLocaleString('en-GB')} nodes and balloon trees from there on (LARGE_LAYOUT_FROM).`,
  );
  say('  Target for pan and zoom: 20,000 elements at ≥ 30 fps with the faster renderer.');
} finally {
  await browser.close();
  await withoutGpu.close();
}
