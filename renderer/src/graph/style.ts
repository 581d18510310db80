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

/** How a person confirmed by an analyst (several mentions drawn as one) stands out. */
export const CONFIRMED_PERSON = { border: '#1f5fa8', title: 'Confirmed same person' } as const;

/**
 * Above this many nodes the chart is drawn for overview: labels only when zoomed in, straight
 * edges without arrows (Cytoscape's haystack edges are much cheaper to draw than bezier ones).
 */
export const CROWDED_ABOVE = 200;

/** The Cytoscape stylesheet for a chart of `nodeCount` nodes, as data. */
export function graphStylesheet(nodeCount: number): StylesheetJson {
  const crowded = nodeCount > CROWDED_ABOVE;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': OTHER.fill,
        'border-color': OTHER.border,
        'border-width': 1.5,
        shape: OTHER.shape,
        width: OTHER.size,
        height: OTHER.size,
        color: INK,
        'font-family': 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Labels stop being drawn when they would be unreadable (or, when crowded, cover the
        // chart); this also keeps big graphs fast.
        'min-zoomed-font-size': crowded ? 14 : 7,
      },
    },
    ...KIND_STYLES.map(({ kind, fill, border, shape, size }) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        'background-color': fill,
        'border-color': border,
        shape,
        width: size,
        height: size,
      },
    })),
    {
      // A double border, a halo and a label that stays readable further out: several agencies'
      // mentions an analyst confirmed as one.
      selector: 'node[?merged]',
      style: {
        'border-color': CONFIRMED_PERSON.border,
        'border-style': 'double',
        'border-width': 6,
        width: 44,
        height: 44,
        'underlay-color': CONFIRMED_PERSON.border,
        'underlay-padding': 6,
        'underlay-opacity': 0.18,
        'underlay-shape': 'ellipse',
        'font-size': 13,
        'font-weight': 'bold',
        color: '#123b6b',
        // Each mention's name should be readable: wrap rather than cut the joined names.
        'text-wrap': 'wrap',
        'text-max-width': '200px',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#9aa5b1',
        ...(crowded
          ? { 'curve-style': 'haystack', 'haystack-radius': 0 }
          : { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' }),
        'target-arrow-color': '#9aa5b1',
        'arrow-scale': 0.7,
        'font-size': 9,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 8,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-color': SELECTED, 'border-width': 3 },
    },
    {
      selector: 'edge:selected',
      style: {
        label: 'data(kind)',
        width: 2.5,
        'line-color': SELECTED,
        'target-arrow-color': SELECTED,
      },
    },
  ];
}

/** The style of a node kind, falling back to the neutral style for kinds outside the table. */
export function styleOfKind(kind: string): KindStyle {
  return KIND_STYLES.find((style) => style.kind === kind) ?? { kind, title: kind, ...OTHER };
}
