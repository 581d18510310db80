/**
 * Level of detail: which node labels to draw at a zoom, and how big, so that what is written is
 * legible (at least {@link MIN_LEGIBLE_PX} on screen) and the most important nodes are named first.
 */
import type { ChartEdgeDto, ChartNodeDto } from '../../../main/contract/workspaceTypes';

/** The smallest label height on screen (CSS px) that counts as readable. */
export const MIN_LEGIBLE_PX = 8;
/** The height labels are drawn at on screen when the chart is zoomed out. */
export const LABEL_PX = 12;
/** The label size in model pixels when zoomed in (labels grow with the zoom from there). */
export const BASE_FONT = 11;
/** The largest label in model pixels: further out, labels would cover the nodes. */
export const MAX_FONT = 40;
/** The screen area one label needs to stay clear of others (label and node, in px²). */
export const LABEL_CELL_PX2 = 190 * 56;
/** The most important nodes named even where their label crosses other nodes. */
export const NAMED_OVER_NODES = 6;
/** At fit, at least this many nodes are named (when there are that many). */
export const MIN_LABELS = 10;

/**
 * How much a node matters to an investigator at a glance: its links on the chart, the records
 * behind it, and above all several agencies knowing it (the point of the tool).
 */
export function importanceOf(node: ChartNodeDto, degree: number): number {
  const kindWeight = node.kind === 'person' || node.kind === 'organization' ? 1.5 : node.kind === 'record' ? -1 : 0;
  const joined = (node.mentions?.length ?? 0) > 1 ? 2 : 0;
  return degree + Math.log2(1 + node.records) + 2.5 * Math.max(0, node.agencies.length - 1) + kindWeight + joined;
}

/** Node ids from most to least important (ties by id, so the order is stable). */
export function rankByImportance(nodes: readonly ChartNodeDto[], edges: readonly ChartEdgeDto[]): string[] {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return nodes
    .map((node) => ({ id: node.id, score: importanceOf(node, degree.get(node.id) ?? 0) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => entry.id);
}

/** The label size in model pixels at `zoom`: {@link LABEL_PX} on screen when zoomed out, never below {@link BASE_FONT}. */
export function labelFontSize(zoom: number): number {
  return Math.min(MAX_FONT, Math.max(BASE_FONT, LABEL_PX / zoom));
}

/**
 * How many of the most important nodes get a label at `zoom`, for a canvas of `viewportPx2` and a
 * chart that fits at `fitZoom`: as many as the screen holds clear of each other at fit, and more
 * as the investigator zooms in (the visible part of the chart shrinks with the square of the zoom).
 * None when even the largest label would be unreadable.
 */
export function labelBudget(nodeCount: number, zoom: number, fitZoom: number, viewportPx2: number): number {
  if (nodeCount === 0 || labelFontSize(zoom) * zoom < MIN_LEGIBLE_PX) return 0;
  const ratio = Math.max(zoom / Math.max(fitZoom, 1e-6), 0);
  const atFit = Math.max(MIN_LABELS, Math.floor(viewportPx2 / LABEL_CELL_PX2));
  return Math.min(nodeCount, Math.floor(atFit * ratio * ratio));
}

/** Whether an edge's kind is written along it: on hover and selection always, otherwise once zoomed in this far. */
export const EDGE_LABELS_FROM_ZOOM = 1.1;

/** A label's box, in any one coordinate system: centred on `x`, from `top` down. */
export interface LabelBox {
  id: string;
  x: number;
  top: number;
  width: number;
  height: number;
}

/** How wide a label of `text` is at `font` px, capped at {@link labelMaxWidth}: an estimate from the average glyph width. */
export function labelWidth(text: string, font: number): number {
  return Math.min(text.length * font * 0.56, labelMaxWidth(font));
}

/** The widest a label is drawn before it is cut with an ellipsis: about 22 characters. */
export function labelMaxWidth(font: number): number {
  return font * 13;
}

/**
 * The labels to draw: candidates in order of importance, each kept only when its box overlaps no
 * label kept before it and no other node (`obstacles`: the nodes' boxes, by node id), until
 * `limit` are kept. A grid of buckets keeps this linear in the number of candidates.
 */
export function placeLabels(
  candidates: readonly LabelBox[],
  limit: number,
  obstacles: readonly LabelBox[] = [],
  /** The first this many candidates (the most important) are named even over other nodes. */
  overNodes = 0,
): Set<string> {
  const kept = new Set<string>();
  if (limit <= 0) return kept;
  const cell = Math.max(1, ...candidates.slice(0, 50).map((c) => Math.max(c.width, c.height)));
  const buckets = new Map<string, LabelBox[]>();
  const cellsOf = (box: LabelBox) => {
    const keys: string[] = [];
    const left = Math.floor((box.x - box.width / 2) / cell);
    const right = Math.floor((box.x + box.width / 2) / cell);
    const top = Math.floor(box.top / cell);
    const bottom = Math.floor((box.top + box.height) / cell);
    for (let i = left; i <= right; i++) for (let j = top; j <= bottom; j++) keys.push(`${i},${j}`);
    return keys;
  };
  const overlaps = (a: LabelBox, b: LabelBox) =>
    Math.abs(a.x - b.x) * 2 < a.width + b.width && a.top < b.top + b.height && b.top < a.top + a.height;
  const add = (box: LabelBox) => {
    for (const key of cellsOf(box)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(box);
      else buckets.set(key, [box]);
    }
  };
  // A node's own label may touch its node; any other node blocks it.
  for (const obstacle of obstacles) add({ ...obstacle, id: `node ${obstacle.id}` });
  candidates.forEach((box, rank) => {
    if (kept.size >= limit) return;
    const keys = cellsOf(box);
    const own = `node ${box.id}`;
    const blocks = (other: LabelBox) =>
      other.id !== own && (rank >= overNodes || !other.id.startsWith('node ')) && overlaps(box, other);
    if (keys.some((key) => buckets.get(key)?.some(blocks))) return;
    kept.add(box.id);
    add(box);
  });
  return kept;
}
