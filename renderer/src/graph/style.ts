import type { Css, StylesheetJson } from 'cytoscape';

/** How one kind of node is drawn: a fill that survives greyscale printing, and a shape that tells kinds apart without colour. */
export interface KindStyle {
  kind: string;
  /** The word the legend shows. */
  title: string;
  fill: string;
  border: string;
  shape: Css.NodeShape;
  size: number;
}

/** Node kinds of the data model, in legend order. */
export const KIND_STYLES: readonly KindStyle[] = [
  { kind: 'Person', title: 'Person', fill: '#c98a3d', border: '#7a4f17', shape: 'ellipse', size: 34 },
  {
    kind: 'Organization',
    title: 'Organisation',
    fill: '#8e7cc3',
    border: '#4f3f86',
    shape: 'round-rectangle',
    size: 34,
  },
  { kind: 'Case', title: 'Case', fill: '#3d6a9e', border: '#1f3d60', shape: 'rectangle', size: 30 },
  { kind: 'Phone', title: 'Phone', fill: '#5f9e6e', border: '#2f5e3b', shape: 'diamond', size: 26 },
  { kind: 'Address', title: 'Address', fill: '#b5835a', border: '#6b4a2e', shape: 'triangle', size: 26 },
  { kind: 'Account', title: 'Account', fill: '#3f8f8a', border: '#1e5552', shape: 'pentagon', size: 26 },
  { kind: 'Email', title: 'E-mail', fill: '#6d8fc7', border: '#35558a', shape: 'round-diamond', size: 24 },
  { kind: 'Handle', title: 'Online handle', fill: '#b56a8a', border: '#6e3250', shape: 'round-triangle', size: 24 },
  {
    kind: 'Document',
    title: 'Identity document',
    fill: '#7d8b99',
    border: '#44505c',
    shape: 'cut-rectangle',
    size: 26,
  },
  { kind: 'Vehicle', title: 'Vehicle', fill: '#9a8f5c', border: '#5c542d', shape: 'barrel', size: 26 },
  { kind: 'Record', title: 'Record (row)', fill: '#d3d8de', border: '#7b8794', shape: 'round-rectangle', size: 16 },
  { kind: 'Source', title: 'Source file', fill: '#e6e1d3', border: '#8a826a', shape: 'tag', size: 22 },
  { kind: 'Agency', title: 'Agency', fill: '#505a66', border: '#262c33', shape: 'hexagon', size: 40 },
];

const OTHER: Omit<KindStyle, 'kind' | 'title'> = {
  fill: '#b8c0c8',
  border: '#5f6b77',
  shape: 'ellipse',
  size: 22,
};

const INK = '#1f2933';
const SELECTED = '#d9480f';
/** Paths found between two nodes: near-black and thick, apart from the selection's colour and the agencies'. */
const PATH = '#102a43';
const EDGE = '#9aa5b1';
/** Links between agencies: the thing an investigator looks for, drawn darker and thicker. */
export const CROSS_AGENCY = '#5b2a86';

/** How a person confirmed by an analyst (several mentions drawn as one) stands out. */
export const CONFIRMED_PERSON = { border: '#1f5fa8', title: 'Confirmed same person' } as const;

/**
 * Agency colours: the Okabe–Ito palette, which readers with any common colour-vision deficiency
 * can tell apart. Agencies take them in alphabetical order of the agencies on the chart.
 */
export const AGENCY_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** How many agency slices a node's ring has (Cytoscape draws pies of up to 16). */
export const RING_SLICES = 8;

/** Each agency's colour, by the agencies' sorted order (more agencies than colours repeat them). */
export function agencyColours(agencies: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(agencies)].sort();
  return new Map(sorted.map((agency, i) => [agency, AGENCY_PALETTE[i % AGENCY_PALETTE.length]!]));
}

/**
 * The ring's slices for a node known to `agencies`: one equal slice per agency, as Cytoscape pie
 * data fields (`ring1Color`, `ring1Size` … up to {@link RING_SLICES}); unused slices have size 0.
 */
export function ringData(
  agencies: readonly string[],
  colours: ReadonlyMap<string, string>,
): Record<string, string | number> {
  const shown = agencies.slice(0, RING_SLICES);
  const data: Record<string, string | number> = {};
  for (let i = 0; i < RING_SLICES; i++) {
    const agency = shown[i];
    data[`ring${i + 1}Color`] = agency ? (colours.get(agency) ?? '#888888') : '#ffffff';
    data[`ring${i + 1}Size`] = agency ? 100 / shown.length : 0;
  }
  return data;
}

/** The chart kinds' shapes: round things for people and identifiers, boxes for cases, records and organisations. */
export const CHART_KIND_SHAPES: Record<string, Css.NodeShape> = {
  organization: 'round-rectangle',
  case: 'round-rectangle',
  record: 'round-rectangle',
};

/**
 * Above this many nodes the chart is drawn for overview: straight edges without arrows (Cytoscape's
 * haystack edges are much cheaper to draw than bezier ones).
 */
export const CROWDED_ABOVE = 200;

/**
 * Above this many nodes, panning and zooming move a snapshot of the chart (Cytoscape's
 * `textureOnViewport`), drawn anew when the gesture ends: drawing thousands of elements at every
 * frame takes the CPU longer than a frame (`npm run bench:render`, 20,000 elements on two cores
 * without a GPU: 3 to 5 frames a second drawn whole, 22 to 34 with the snapshot). Below it every
 * frame is drawn whole, so that what comes into view while panning is there at once.
 */
export const SNAPSHOT_WHILE_MOVING_ABOVE = 1000;

/** The class a layout puts on what it lays out, so that only node bodies count (see the rule). */
export const LAYING_OUT = 'laying-out';

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/**
 * The Cytoscape stylesheet for a chart of `nodeCount` nodes, as data. A node is a white disc (or
 * box) with its kind's icon, inside a ring of its agencies' colours; labels are drawn only on
 * nodes the view marks `labelled` (level of detail, see lod.ts), at the size the view sets.
 */
export function graphStylesheet(nodeCount: number): StylesheetJson {
  const crowded = nodeCount > CROWDED_ABOVE;
  const rings = Array.from({ length: RING_SLICES }, (_, i) => i + 1);
  return [
    {
      selector: 'node',
      style: {
        label: '',
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(fill)',
        'border-color': '#7b8794',
        'border-width': 1,
        'background-image': 'data(icon)',
        'background-image-containment': 'over',
        'background-width': '52%',
        'background-height': '52%',
        'background-clip': 'none',
        'pie-size': '100%',
        'pie-hole': '74%',
        ...Object.fromEntries(
          rings.flatMap((i) => [
            [`pie-${i}-background-color`, `data(ring${i}Color)`],
            [`pie-${i}-background-size`, `data(ring${i}Size)`],
          ]),
        ),
        color: INK,
        'font-family': FONT,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 'data(labelWidth)',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        // A safety net under the view's level of detail: never draw a label too small to read.
        'min-zoomed-font-size': 8,
      },
    },
    ...Object.entries(CHART_KIND_SHAPES).map(([kind, shape]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape },
    })),
    {
      selector: 'node.labelled, node.hover, node:selected, node.neighbour',
      style: { label: 'data(label)', 'font-size': 'data(fontSize)' },
    },
    {
      // Several mentions drawn as one person: a bold name and a double border.
      selector: 'node.joined',
      style: {
        'font-weight': 'bold',
        'border-color': CONFIRMED_PERSON.border,
        'border-width': 3,
        'border-style': 'double',
      },
    },
    {
      // Mentions joined by an open candidate, not a confirmed match: drawn dashed.
      selector: 'node.unconfirmed',
      style: { 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#b54708' },
    },
    {
      selector: 'node.pinned',
      style: { 'outline-width': 2, 'outline-color': INK, 'outline-offset': 2, 'outline-style': 'solid' },
    },
    {
      selector: 'node.hidden, edge.hidden',
      style: { display: 'none' },
    },
    {
      // A group (Cytoscape compound node): a light box with its name on top.
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#eef2f7',
        'background-opacity': 0.6,
        'background-image': 'none',
        'border-color': '#9aa5b1',
        'border-style': 'dashed',
        'border-width': 1.5,
        'pie-size': '0%',
        label: 'data(label)',
        'font-size': 'data(fontSize)',
        'font-weight': 'bold',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        padding: '18px',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.3,
        'line-color': EDGE,
        ...(crowded
          ? { 'curve-style': 'haystack', 'haystack-radius': 0 }
          : { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' }),
        'target-arrow-color': EDGE,
        'arrow-scale': 0.7,
        'font-family': FONT,
        'font-size': 'data(fontSize)',
        color: '#3e4c59',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    {
      selector: 'edge.cross',
      style: { width: 2.6, 'line-color': CROSS_AGENCY, 'target-arrow-color': CROSS_AGENCY },
    },
    {
      selector: 'edge[kind = "same-as"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'target-arrow-shape': 'none' },
    },
    {
      selector: 'edge.labelled, edge.hover, edge:selected',
      style: { label: 'data(label)' },
    },
    {
      selector: 'edge.hover',
      style: { width: 2.8, 'line-color': '#52606d', 'target-arrow-color': '#52606d', 'z-index': 10 },
    },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': SELECTED,
        'underlay-padding': 9,
        'underlay-opacity': 0.5,
        'underlay-shape': 'ellipse',
        'border-color': SELECTED,
        'border-width': 3,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge:selected',
      style: { width: 3, 'line-color': SELECTED, 'target-arrow-color': SELECTED },
    },
    {
      // A path found between two nodes: drawn above the rest until the next search for paths.
      selector: 'node.path',
      style: { 'border-color': PATH, 'border-width': 4, 'z-index': 20 },
    },
    {
      selector: 'edge.path',
      style: { width: 4, 'line-color': PATH, 'target-arrow-color': PATH, 'z-index': 20, label: 'data(label)' },
    },
    {
      selector: 'node.faded, edge.faded',
      style: { opacity: 0.35 },
    },
    {
      // While a layout runs (layout.ts): fcose sizes nodes and puts each component back where it
      // started by their drawn bounds, labels, borders and halos included. Those depend on what is
      // selected, hovered or labelled at that zoom, and on whether the font had loaded, so the same
      // chart landed up to 9 px apart after a reload. Last, so that it overrides the rules above.
      selector: `node.${LAYING_OUT}, edge.${LAYING_OUT}`,
      style: {
        label: '',
        'border-width': 0,
        'outline-width': 0,
        'underlay-opacity': 0,
        'overlay-opacity': 0,
      },
    },
  ];
}

/** The style of a node kind, falling back to the neutral style for kinds outside the table. */
export function styleOfKind(kind: string): KindStyle {
  return KIND_STYLES.find((style) => style.kind === kind) ?? { kind, title: kind, ...OTHER };
}
