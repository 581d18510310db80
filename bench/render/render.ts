/**
 * `npm run bench:render [-- --sizes 1000,5000,20000] [--layout-nodes 10000] [--seconds 4]`: how
 * fast Cytoscape.js draws a chart in headless Chromium (Debian's, through playwright-core), with
 * the canvas renderer and its WebGL mode (`renderer: { name: 'canvas', webgl: true }`, Cytoscape
 * 3.31 and later) side by side.
 *
 * For each size (elements: nodes and edges, about one edge per node), a page loads the chart with
 * a preset (random, seeded) layout and the app's kind of style, then pans and zooms it
 * programmatically at every animation frame for some seconds, counting frames; frames per second
 * is frames drawn over the time taken. Layout time is the fcose layout in draft quality (the
 * app's quick layout) over a graph of `--layout-nodes` nodes, with no animation.
 *
 * Chromium runs headless with SwiftShader, a software GL: the figures are indicative of the
 * renderers' relative speed, not of a desktop with a GPU.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { arg, say } from '../support';

const require = createRequire(import.meta.url);
const sizes = arg('sizes', '1000,5000,20000')
  .split(',')
  .map((s) => Number(s.trim()));
const layoutNodes = Number(arg('layout-nodes', '10000'));
const seconds = Number(arg('seconds', '4'));
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
}

interface Figures {
  fps: number;
  frames: number;
  firstDrawMs: number;
  webgl: boolean;
}

// Runs in the page: builds the chart and pans/zooms it for `seconds`, counting frames.
function pageFps(args: { elements: number; webgl: boolean; seconds: number }): Promise<Figures> {
  type Cy = {
    pan(p?: { x: number; y: number }): { x: number; y: number };
    zoom(z?: number): number;
    fit(): void;
    destroy(): void;
    renderer(): { webgl?: boolean };
  };
  const w = globalThis as unknown as Omit<PageGlobals, 'cytoscape'> & { cytoscape: (o: unknown) => Cy };
  // Called through the window: a detached requestAnimationFrame throws "Illegal invocation".
  const requestAnimationFrame = (f: (now: number) => void) => w.requestAnimationFrame(f);
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
      { selector: 'edge', style: { width: 1.5, 'line-color': '#999', 'curve-style': 'straight' } },
    ],
  });
  return new Promise((done) => {
    requestAnimationFrame(() => {
      const firstDrawMs = performance.now() - t0;
      cy.fit();
      const start = performance.now();
      const base = cy.pan();
      const zoom = cy.zoom();
      let frames = 0;
      const tick = (now: number) => {
        const t = (now - start) / 1000;
        if (t >= args.seconds) {
          const fps = frames / ((now - start) / 1000);
          const webgl = Boolean(cy.renderer().webgl);
          cy.destroy();
          done({ fps, frames, firstDrawMs, webgl });
          return;
        }
        frames++;
        // Pan in a circle while zooming in and out around the fitted zoom.
        cy.zoom(zoom * (1.5 + Math.sin(t * 2)));
        cy.pan({ x: base.x + Math.cos(t * 3) * 200, y: base.y + Math.sin(t * 3) * 200 });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  });
}

// Runs in the page: fcose in draft quality over `nodes` nodes, timed.
function pageLayout(args: { nodes: number }): Promise<number> {
  type Cy = { layout(o: unknown): { run(): void; one(e: string, f: () => void): void }; destroy(): void };
  const w = globalThis as unknown as Omit<PageGlobals, 'cytoscape'> & { cytoscape: (o: unknown) => Cy };
  let s = 777;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const els: unknown[] = [];
  for (let i = 0; i < args.nodes; i++) els.push({ data: { id: `n${i}` } });
  // A forest of small neighbourhoods joined here and there, like an expanded investigation.
  for (let i = 1; i < args.nodes; i++) {
    const parent = rand() < 0.9 ? Math.floor(i / 4) : Math.floor(rand() * i);
    els.push({ data: { id: `e${i}`, source: `n${parent}`, target: `n${i}` } });
  }
  const cy = w.cytoscape({
    headless: false,
    container: w.document.getElementById('cy'),
    elements: els,
    layout: { name: 'preset' },
  });
  return new Promise((done) => {
    const t0 = performance.now();
    const layout = cy.layout({ name: 'fcose', quality: 'draft', animate: false, randomize: true, fit: true });
    layout.one('layoutstop', () => {
      const ms = performance.now() - t0;
      cy.destroy();
      done(ms);
    });
    layout.run();
  });
}

const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
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
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1440px;height:900px"></div></body></html>',
  );
  for (const content of scripts) await page.addScriptTag({ content });
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    w.cytoscape.use(w.cytoscapeFcose);
  });
  const gl = await page.evaluate(() => {
    const c = (globalThis as unknown as PageGlobals).document.createElement('canvas').getContext('webgl2');
    return c ? String(c.getParameter(c.RENDERER)) : 'none';
  });
  // The frame rate of an empty page: the most any chart can reach on this machine at this moment.
  const idleFps = await page.evaluate(
    (ms) =>
      new Promise<number>((done) => {
        const w = globalThis as unknown as PageGlobals;
        const start = performance.now();
        let frames = 0;
        const tick = (now: number) => {
          frames++;
          if (now - start >= ms) done(frames / ((now - start) / 1000));
          else w.requestAnimationFrame(tick);
        };
        w.requestAnimationFrame(tick);
      }),
    2000,
  );
  say(
    `bench:render in ${await browser.version()}, WebGL2 renderer: ${gl}; ${seconds} s of pan and zoom per run, ${new Date().toISOString().slice(0, 16)}Z.`,
  );
  say(`An empty page draws ${idleFps.toFixed(1)} frames per second here now (the ceiling for every figure below).`);
  say('');
  say(
    `  ${'elements'.padStart(8)}   ${'canvas fps'.padStart(10)} ${'first draw'.padStart(10)}   ${'WebGL fps'.padStart(10)} ${'first draw'.padStart(10)}`,
  );
  for (const elements of sizes) {
    const canvas = await page.evaluate(pageFps, { elements, webgl: false, seconds });
    const webgl = await page.evaluate(pageFps, { elements, webgl: true, seconds });
    say(
      `  ${elements.toLocaleString('en-GB').padStart(8)}   ${canvas.fps.toFixed(1).padStart(10)} ${`${canvas.firstDrawMs.toFixed(0)} ms`.padStart(10)}   ${webgl.fps.toFixed(1).padStart(10)} ${`${webgl.firstDrawMs.toFixed(0)} ms`.padStart(10)}${webgl.webgl ? '' : '  (WebGL unavailable: canvas)'}`,
    );
  }
  say('');
  const ms = await page.evaluate(pageLayout, { nodes: layoutNodes });
  say(
    `  fcose (draft, no animation) on ${layoutNodes.toLocaleString('en-GB')} nodes and ${(layoutNodes - 1).toLocaleString('en-GB')} edges: ${(ms / 1000).toFixed(1)} s (target ≤ 5 s: ${ms <= 5000 ? 'met' : 'MISSED'})`,
  );
  say('  Target for pan and zoom: 20,000 elements at ≥ 30 fps with the faster renderer.');
} finally {
  await browser.close();
}
