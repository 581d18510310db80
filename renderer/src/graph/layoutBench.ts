/**
 * The page script of `bench:render`'s layout half (bench/render/render.ts bundles it for the
 * browser; the app never imports it), from the app's own layout code, so the bench times what the app runs: fcose in draft quality,
 * and the balloon trees the app uses from LARGE_LAYOUT_FROM nodes on.
 */
import cytoscape, { type NodeCollection } from 'cytoscape';
import { registerExtensions } from './extensions';
import { LARGE_LAYOUT_FROM, layoutFor, runLargeLayout, runSeeded } from './layout';
import { seededPosition, seededRandom } from './placement';

export type LayoutName = 'fcose' | 'balloon';

export interface LayoutFigures {
  ms: number;
  /** A rough look at the result: the median link's length, how many nodes share a 10 px square with another, and the drawing's size. */
  medianEdge: number;
  overlapping: number;
  width: number;
  height: number;
}

/** A forest of small neighbourhoods joined here and there, like an expanded investigation; seeded. */
function forest(nodes: number) {
  const rand = seededRandom(777);
  const els: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < nodes; i++)
    els.push({ group: 'nodes', data: { id: `n${i}` }, position: seededPosition(`n${i}`, nodes) });
  for (let i = 1; i < nodes; i++) {
    const parent = rand() < 0.9 ? Math.floor(i / 4) : Math.floor(rand() * i);
    els.push({ group: 'edges', data: { id: `e${i}`, source: `n${parent}`, target: `n${i}` } });
  }
  return els;
}

/** Lays out a forest of `nodes` nodes the way the app would with `name`, timed. */
export function benchLayout(nodes: number, name: LayoutName, container: HTMLElement): LayoutFigures {
  registerExtensions();
  const cy = cytoscape({ container, elements: forest(nodes), layout: { name: 'preset' } });
  try {
    const leaves = cy.nodes() as NodeCollection;
    const t0 = performance.now();
    if (name === 'fcose')
      runSeeded(
        leaves.map((n) => n.id()),
        () => cy.elements().layout(layoutFor(nodes)).run(),
      );
    else runLargeLayout(leaves, cy.edges(), new Set());
    const ms = performance.now() - t0;
    const lengths = cy
      .edges()
      .map((e) => {
        const a = e.source().position();
        const b = e.target().position();
        return Math.hypot(a.x - b.x, a.y - b.y);
      })
      .sort((a, b) => a - b);
    const cell = new Map<string, number>();
    let overlapping = 0;
    leaves.forEach((n) => {
      const { x, y } = n.position();
      const key = `${Math.round(x / 10)},${Math.round(y / 10)}`;
      const seen = cell.get(key) ?? 0;
      if (seen > 0) overlapping += 1;
      cell.set(key, seen + 1);
    });
    const box = leaves.boundingBox({});
    return { ms, medianEdge: lengths[Math.floor(lengths.length / 2)] ?? 0, overlapping, width: box.w, height: box.h };
  } finally {
    cy.destroy();
  }
}

const page = globalThis as unknown as { benchLayout: typeof benchLayout; largeLayoutFrom: number };
page.benchLayout = benchLayout;
page.largeLayoutFrom = LARGE_LAYOUT_FROM;
