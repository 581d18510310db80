import type { LayoutOptions } from 'cytoscape';

/** Above this many nodes fcose runs in draft quality: default quality took ~39 s for 2k nodes. */
export const DRAFT_LAYOUT_ABOVE = 200;

/** The fcose layout for a graph of `nodeCount` nodes. */
export function layoutFor(nodeCount: number): LayoutOptions {
  const draft = nodeCount > DRAFT_LAYOUT_ABOVE;
  return {
    name: 'fcose',
    quality: draft ? 'draft' : 'default',
    randomize: true,
    // Nodes stay where the layout puts them instead of sliding there: a chart that moves while
    // an investigator reads it is worse than one that appears at once.
    animate: false,
    // The view fits the chart once the layout stops (see fitChart), without zooming a small
    // chart up to poster size.
    fit: false,
    nodeRepulsion: 9000,
    idealEdgeLength: 90,
    // Draft is the spectral step alone, with no forces to push nodes apart afterwards: spread
    // it wider so that fewer nodes land on top of each other.
    nodeSeparation: draft ? 150 : 75,
    packComponents: true,
    // Unconnected nodes are tiled in a grid; leave room for their labels between them.
    tilingPaddingHorizontal: 90,
    tilingPaddingVertical: 40,
  } as LayoutOptions;
}

/** The closest a fitted view zooms in: a chart of three nodes should not fill the screen. */
export const MAX_FIT_ZOOM = 1.25;

/** The padding around a fitted chart, in pixels. */
export const FIT_PADDING = 40;
