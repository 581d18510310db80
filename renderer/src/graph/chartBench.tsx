/**
 * The page script of `bench:render`'s app rows (bench/render/render.ts bundles it for the browser;
 * the app never imports it): the app's own chart component, CytoscapeView, over the app's store,
 * with a generated chart added as a search or an expand adds one. So the frame rates of those rows
 * include what the app does while the view moves (its level of detail, navigator and handlers),
 * which the bench's plain Cytoscape page leaves out.
 */
import type { Core } from 'cytoscape';
import { createRoot } from 'react-dom/client';
import type { CaselinkApi } from '../../../main/contract/api';
import type { ChartEdgeDto, ChartNodeDto, ChartNodeKind } from '../../../main/contract/workspaceTypes';
import { createAppStore, StoreProvider, type AppStore } from '../store';
import { CytoscapeView } from './CytoscapeView';
import { seededRandom } from './placement';
import '../styles.css';

/** No database behind the bench page: a call to the API is a fault of the bench, and says so. */
const noApi = new Proxy(
  {},
  {
    get: (_target, name) => () => Promise.reject(new Error(`bench:render has no API (${String(name)} was called)`)),
  },
) as CaselinkApi;

const KINDS: ChartNodeKind[] = ['person', 'phone', 'record', 'address'];
const AGENCIES = ['POLICE', 'BORDER', 'NGO', 'FIU'];

/** A chart of `elements` elements, half nodes and half edges, seeded: persons, phones, records and addresses of four agencies. */
function generated(elements: number): { nodes: ChartNodeDto[]; edges: ChartEdgeDto[] } {
  const rand = seededRandom(12345);
  const count = Math.ceil(elements / 2);
  const nodes: ChartNodeDto[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length] as ChartNodeKind;
    const agency = AGENCIES[Math.floor(rand() * AGENCIES.length)] as string;
    nodes.push({
      id: `${kind}:n${i}`,
      kind,
      label: `${kind} ${i}`,
      agencies:
        rand() < 0.1 ? [agency, AGENCIES[(AGENCIES.indexOf(agency) + 1) % AGENCIES.length] as string] : [agency],
      records: 1 + Math.floor(rand() * 3),
      hub: false,
      properties: {},
    });
  }
  const edges: ChartEdgeDto[] = [];
  for (let i = 0; i < elements - count; i++) {
    const a = nodes[i % count] as ChartNodeDto;
    let b = nodes[Math.floor(rand() * count)] as ChartNodeDto;
    if (b === a) b = nodes[(i + 1) % count] as ChartNodeDto;
    edges.push({
      id: `mentions|${a.id}|${b.id}|${i}`,
      source: a.id,
      target: b.id,
      kind: 'mentions',
      agencies: a.agencies,
      records: [],
    });
  }
  return { nodes, edges };
}

interface BenchWindow {
  benchCy: Core | null;
}

let store: AppStore | null = null;
let mountedIn: HTMLElement | null = null;

/** The chart's Cytoscape instance, which Cytoscape keeps on its container (as the e2e tests read it). */
function chartCore(): Core | null {
  const canvas = mountedIn?.querySelector('[data-testid="graph-canvas"]') as
    (Element & { _cyreg?: { cy?: Core } }) | null;
  return canvas?._cyreg?.cy ?? null;
}

/** Mounts the app's chart in `container` (once); its Cytoscape instance becomes `benchCy`. */
export function benchAppMount(container: HTMLElement): void {
  if (store) return;
  store = createAppStore(noApi, undefined);
  mountedIn = container;
  createRoot(container).render(
    <StoreProvider store={store}>
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column' }}>
        <CytoscapeView />
      </div>
    </StoreProvider>,
  );
}

/** Resolves at the first animation frame at which `ready` holds (checked once a frame). */
function frameWhen(ready: () => boolean, what: string, limitMs = 600_000): Promise<void> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const check = () => {
      if (ready()) done();
      else if (performance.now() - t0 > limitMs) fail(new Error(`${what} within ${limitMs / 60_000} minutes.`));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * Replaces the chart with a generated one of `elements` elements, as the app adds a slice (laid
 * out as the app lays one out), fits it, and resolves once it is drawn: the time taken, in ms.
 */
export async function benchAppLoad(elements: number): Promise<{ firstDrawMs: number }> {
  const s = store;
  if (!s) throw new Error('benchAppMount first');
  const w = globalThis as unknown as BenchWindow;
  // The chart emptied first, so that the one timed below is not the one before it.
  s.getState().clearChart();
  await frameWhen(() => chartCore()?.nodes().length === 0, 'The chart was not emptied');
  const { nodes, edges } = generated(elements);
  const t0 = performance.now();
  s.getState().addSlice({ nodes, edges, hubsLeftOut: 0, cappedOut: 0, notes: [] });
  await frameWhen(() => (chartCore()?.nodes().length ?? 0) >= nodes.length, 'The app chart was not drawn');
  w.benchCy = chartCore();
  s.getState().fitChartView();
  // Two frames more: the fitted chart drawn, so that what is timed next starts from rest.
  await frameWhen(() => true, 'A frame');
  await frameWhen(() => true, 'A frame');
  return { firstDrawMs: performance.now() - t0 };
}
