/**
 * The pages of a printed chart as plain drawing items, in points: the chart page (title block,
 * the chart fitted to the paper, the legend) and the evidence appendix (every node and link with
 * the rows that assert it), each page framed by the marking, the chart fingerprint and its page
 * number. The SVG and PDF writers only translate these items, so every format shows the same
 * page, and nothing here reads a clock or a random source: the same chart gives the same pages.
 */
import { KIND_LABELS } from '../workspace/chartNodes';
import type { ExportChart, ExportEdge, ExportSource } from './chartModel';
import { fitText, type FontName, type Measure } from './chartFonts';
import { chartPositions, type Point } from './chartLayout';
import {
  agencyColours,
  CROSS_AGENCY_COLOUR,
  isCrossAgency,
  isUnconfirmed,
  legendOf,
  LINK_COLOUR,
  LINK_LABELS,
  linkText,
  NO_AGENCY_COLOUR,
  UNCONFIRMED_DASH,
  type Legend,
} from './chartStyle';
import type { ChartNodeKind } from '../../contract/workspaceTypes';
import { ORIENTATIONS, PAPERS } from '../../contract/choices';

export { PAPERS };
export type Paper = (typeof PAPERS)[number];
export { ORIENTATIONS };
export type Orientation = (typeof ORIENTATIONS)[number];

/** Paper sizes in points (1/72 inch), portrait. */
const PAPER_POINTS: Record<Paper, [number, number]> = {
  a4: [595.28, 841.89],
  a3: [841.89, 1190.55],
  letter: [612, 792],
};

/** What the title block and the frame of every page say, and the paper they are set on. */
export interface PrintSettings {
  title: string;
  reference: string;
  author: string;
  /** The date and time printed, as given (the caller's clock, never read here). */
  date: string;
  /** The handling or classification marking, on every page. */
  marking: string;
  paper: Paper;
  orientation: Orientation;
}

export type Item =
  | {
      t: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width: number;
      dash?: [number, number];
    }
  | {
      t: 'path';
      d: string;
      fill?: string;
      stroke?: string;
      width?: number;
      dash?: [number, number];
    }
  | { t: 'circle'; cx: number; cy: number; r: number; fill?: string; stroke?: string; width?: number }
  | {
      t: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      stroke?: string;
      width?: number;
      opacity?: number;
    }
  /** `y` is the baseline; `x` the start of the text (anchoring is done here, with the real widths). */
  | { t: 'text'; x: number; y: number; text: string; size: number; font: FontName; fill: string }
  /** A kind's icon (chartStyle's KIND_ICONS) in a square box of side `size` centred on cx, cy. */
  | { t: 'icon'; kind: ChartNodeKind; cx: number; cy: number; size: number; fill: string };

export interface Page {
  width: number;
  height: number;
  items: Item[];
}

/** The least text sizes, in points, so that a chart printed at its paper size reads. */
export const TEXT_SIZES = {
  title: 15,
  meta: 8,
  marking: 9,
  legend: 7.5,
  nodeLabel: 7,
  linkLabel: 6,
  appendix: 7,
  hash: 6.5,
  footer: 7,
} as const;

const MARGIN = 28;
const INK = '#1F2933';
const MUTED = '#52606D';
const MARKING_COLOUR = '#B00020';
/** Room above and below the content for the frame (marking; fingerprint, page, marking). */
const FRAME_TOP = 16;
const FRAME_BOTTOM = 26;

export function paperSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [w, h] = PAPER_POINTS[paper];
  return orientation === 'portrait' ? { width: w, height: h } : { width: h, height: w };
}

const round = (n: number) => Math.round(n * 100) / 100;

function text(
  measure: Measure,
  value: string,
  x: number,
  y: number,
  size: number,
  font: FontName,
  fill: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
): Item {
  const w = anchor === 'start' ? 0 : measure(value, size, font);
  return { t: 'text', x: round(anchor === 'middle' ? x - w / 2 : x - w), y: round(y), text: value, size, font, fill };
}

/** The marking as printed: the one given, or a plain statement that none was. */
export const markingText = (marking: string) => marking.trim() || 'NO HANDLING MARKING GIVEN';

/** Adds the frame every page carries: the marking top and bottom, the fingerprint, "Page i of n". */
export function framePage(
  page: Page,
  settings: PrintSettings,
  fingerprint: string,
  index: number,
  count: number,
  measure: Measure,
): Page {
  const { width: W, height: H } = page;
  const marking = markingText(settings.marking);
  const markingWidth = W - 2 * MARGIN;
  const mark = fitText(measure, marking, markingWidth, TEXT_SIZES.marking, 'bold');
  const items: Item[] = [
    text(measure, mark, W / 2, MARGIN + 2, TEXT_SIZES.marking, 'bold', MARKING_COLOUR, 'middle'),
    text(measure, mark, W / 2, H - MARGIN + 6, TEXT_SIZES.marking, 'bold', MARKING_COLOUR, 'middle'),
    { t: 'line', x1: MARGIN, y1: H - MARGIN - 16, x2: W - MARGIN, y2: H - MARGIN - 16, stroke: '#CBD2D9', width: 0.5 },
    text(
      measure,
      `Chart fingerprint (SHA-256): ${fingerprint}`,
      MARGIN,
      H - MARGIN - 7,
      TEXT_SIZES.hash,
      'mono',
      MUTED,
    ),
    text(measure, `Page ${index} of ${count}`, W - MARGIN, H - MARGIN - 7, TEXT_SIZES.footer, 'sans', INK, 'end'),
  ];
  return { ...page, items: [...page.items, ...items] };
}

// ---- the chart page -------------------------------------------------------------------------

const LEGEND_ROW = 12;
const LEGEND_HEADING = 54;

/** The legend laid out in rows across the page: entities, links, agencies, each a row or more. */
function legendItems(legend: Legend, x: number, width: number, measure: Measure): { items: Item[]; height: number } {
  const size = TEXT_SIZES.legend;
  const items: Item[] = [];
  let y = 0;
  type Entry = { symbol: (sx: number, cy: number) => Item[]; symbolWidth: number; label: string };
  const section = (heading: string, entries: Entry[]) => {
    if (!entries.length) return;
    y += LEGEND_ROW;
    items.push(text(measure, heading, x + 6, y, size, 'bold', INK));
    let cx = x + 6 + LEGEND_HEADING;
    for (const e of entries) {
      const w = e.symbolWidth + 4 + measure(e.label, size, 'sans') + 12;
      if (cx + w > x + width && cx > x + 6 + LEGEND_HEADING) {
        y += LEGEND_ROW;
        cx = x + 6 + LEGEND_HEADING;
      }
      items.push(...e.symbol(cx, y - size * 0.35));
      items.push(text(measure, e.label, cx + e.symbolWidth + 4, y, size, 'sans', INK));
      cx += w;
    }
  };
  section(
    'Entities',
    legend.kinds.map((k) => ({
      symbolWidth: 10,
      label: k.label,
      symbol: (sx, cy) => [
        { t: 'circle', cx: sx + 5, cy, r: 5, fill: NO_AGENCY_COLOUR },
        { t: 'icon', kind: k.kind, cx: sx + 5, cy, size: 7, fill: '#FFFFFF' },
      ],
    })),
  );
  const lineSample =
    (stroke: string, width: number, dash?: [number, number]) =>
    (sx: number, cy: number): Item[] => [
      { t: 'line', x1: sx, y1: cy, x2: sx + 18, y2: cy, stroke, width, ...(dash ? { dash } : {}) },
    ];
  section('Links', [
    ...legend.links.map((l) => ({
      symbolWidth: 18,
      label: l.dashed ? `${l.label} (unconfirmed, dashed)` : l.label,
      symbol: lineSample(LINK_COLOUR, 1, l.dashed ? UNCONFIRMED_DASH : undefined),
    })),
    ...(legend.crossAgency
      ? [{ symbolWidth: 18, label: 'across agencies (highlighted)', symbol: lineSample(CROSS_AGENCY_COLOUR, 1.6) }]
      : []),
  ]);
  section(
    'Agencies',
    legend.agencies.map((a) => ({
      symbolWidth: 10,
      label: a.code,
      symbol: (sx, cy) => [{ t: 'circle', cx: sx + 5, cy, r: 5, fill: a.colour }],
    })),
  );
  return { items, height: y + 6 };
}

/** An arc of a circle as a path (for the agency ring of a node several agencies assert). */
function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const p = (a: number) => `${round(cx + r * Math.cos(a))} ${round(cy + r * Math.sin(a))}`;
  const large = to - from > Math.PI ? 1 : 0;
  return `M${p(from)} A${round(r)} ${round(r)} 0 ${large} 1 ${p(to)}`;
}

/** The chart page: title block, the chart fitted between it and the legend, the legend. */
export function chartPage(chart: ExportChart, settings: PrintSettings, measure: Measure): Page {
  const { width: W, height: H } = paperSize(settings.paper, settings.orientation);
  const contentWidth = W - 2 * MARGIN;
  const top = MARGIN + FRAME_TOP;
  const bottom = H - MARGIN - FRAME_BOTTOM;
  const items: Item[] = [];

  // Title block.
  const blockHeight = 46;
  items.push({ t: 'rect', x: MARGIN, y: top, w: contentWidth, h: blockHeight, stroke: '#9AA5B1', width: 0.6 });
  items.push(
    text(
      measure,
      fitText(measure, settings.title, contentWidth - 12, TEXT_SIZES.title, 'bold'),
      MARGIN + 6,
      top + 17,
      TEXT_SIZES.title,
      'bold',
      INK,
    ),
  );
  const meta = [
    `Reference: ${settings.reference || '—'}`,
    `Author: ${settings.author || '—'}`,
    `Date: ${settings.date || '—'}`,
  ].join('     ');
  items.push(
    text(
      measure,
      fitText(measure, meta, contentWidth - 12, TEXT_SIZES.meta, 'sans'),
      MARGIN + 6,
      top + 30,
      TEXT_SIZES.meta,
      'sans',
      INK,
    ),
  );
  const redacted = chart.definition.redaction.enabled
    ? 'Redacted: victims, witnesses and protected persons appear under pseudonyms.'
    : 'Not redacted.';
  const summary = `${chart.nodes.length} entities, ${chart.edges.length} links. ${redacted} N and L numbers are the entities' and links' entries in the evidence appendix.`;
  items.push(
    text(
      measure,
      fitText(measure, summary, contentWidth - 12, TEXT_SIZES.meta, 'sans'),
      MARGIN + 6,
      top + 41,
      TEXT_SIZES.meta,
      'sans',
      MUTED,
    ),
  );

  // Nodes and links, styled.
  const byRef = new Map(chart.nodes.map((n) => [n.id, n]));
  const colours = agencyColours(chart.nodes, chart.edges);
  const drawn = chart.edges.filter((e) => byRef.has(e.source) && byRef.has(e.target) && e.source !== e.target);
  const cross = new Set(
    drawn.filter((e) => isCrossAgency(e, byRef.get(e.source), byRef.get(e.target))).map((e) => e.id),
  );

  // Legend at the foot.
  const legend = legendItems(legendOf(chart.nodes, drawn, cross.size > 0), MARGIN, contentWidth, measure);
  const legendTop = bottom - legend.height;
  items.push({ t: 'rect', x: MARGIN, y: legendTop, w: contentWidth, h: legend.height, stroke: '#9AA5B1', width: 0.6 });
  for (const item of legend.items) items.push(shift(item, legendTop));

  // The chart fitted to the room left, with space for labels round the edge.
  const area = { x: MARGIN, y: top + blockHeight + 4, w: contentWidth, h: legendTop - 4 - (top + blockHeight + 4) };
  const { positions, drawn: keepProportions } = chartPositions(chart);
  const n = Math.max(chart.nodes.length, 1);
  const radius = Math.min(11, Math.max(4.5, Math.sqrt((area.w * area.h) / n) * 0.12));
  const pad = { x: 60, y: radius + 14 };
  const pts = [...positions.values()];
  const [minX, maxX] = [Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y))];
  const inner = { w: Math.max(area.w - 2 * pad.x, 10), h: Math.max(area.h - 2 * pad.y, 10) };
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scaleX = spanX > 0 ? inner.w / spanX : Infinity;
  const scaleY = spanY > 0 ? inner.h / spanY : Infinity;
  const uniform = Math.min(scaleX, scaleY);
  const one = Number.isFinite(uniform) ? uniform : 1;
  // The analyst's drawing keeps its proportions; a computed layout fills the paper.
  const kx = keepProportions || !Number.isFinite(scaleX) ? one : scaleX;
  const ky = keepProportions || !Number.isFinite(scaleY) ? one : scaleY;
  const offX = area.x + area.w / 2 - ((minX + maxX) / 2) * kx;
  const offY = area.y + area.h / 2 - ((minY + maxY) / 2) * ky;
  const at = (id: string): Point => {
    const p = positions.get(id) ?? { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    return { x: round(offX + p.x * kx), y: round(offY + p.y * ky) };
  };

  // Each link is numbered as the appendix numbers it (L1 … in the chart's order), drawn or not.
  const numbers = new Map(chart.edges.map((e, i) => [e.id, `L${i + 1}`]));

  // Links between the same two nodes bend apart, so each stays visible with its label.
  const pairs = new Map<string, ExportEdge[]>();
  for (const e of drawn) {
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    pairs.set(key, [...(pairs.get(key) ?? []), e]);
  }
  const labels: Item[] = [];
  for (const group of pairs.values()) {
    group.forEach((e, i) => {
      const [a, b] = [at(e.source), at(e.target)];
      const bend = (i - (group.length - 1) / 2) * 12;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const normal = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
      const mid = { x: (a.x + b.x) / 2 + normal.x * bend, y: (a.y + b.y) / 2 + normal.y * bend };
      const isCross = cross.has(e.id);
      const style = {
        stroke: isCross ? CROSS_AGENCY_COLOUR : LINK_COLOUR,
        width: isCross ? 1.6 : 0.8,
        ...(isUnconfirmed(e) ? { dash: UNCONFIRMED_DASH } : {}),
      };
      if (bend === 0) items.push({ t: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y, ...style });
      else {
        const control = { x: round(2 * mid.x - (a.x + b.x) / 2), y: round(2 * mid.y - (a.y + b.y) / 2) };
        items.push({ t: 'path', d: `M${a.x} ${a.y} Q${control.x} ${control.y} ${b.x} ${b.y}`, ...style });
      }
      const label = fitText(measure, `${numbers.get(e.id) ?? ''} ${linkText(e)}`, 100, TEXT_SIZES.linkLabel, 'sans');
      const w = measure(label, TEXT_SIZES.linkLabel, 'sans');
      labels.push({
        t: 'rect',
        x: round(mid.x - w / 2 - 1),
        y: round(mid.y - 4.5),
        w: round(w + 2),
        h: 6.5,
        fill: '#FFFFFF',
        opacity: 0.85,
      });
      labels.push(
        text(
          measure,
          label,
          mid.x,
          mid.y + 1.6,
          TEXT_SIZES.linkLabel,
          'sans',
          isCross ? CROSS_AGENCY_COLOUR : MUTED,
          'middle',
        ),
      );
    });
  }
  items.push(...labels);

  for (const [i, node] of chart.nodes.entries()) {
    const p = at(node.id);
    const fill = colours.get(node.agencies[0] ?? '') ?? NO_AGENCY_COLOUR;
    items.push({ t: 'circle', cx: p.x, cy: p.y, r: round(radius), fill, stroke: '#FFFFFF', width: 0.8 });
    if (node.agencies.length > 1) {
      const step = (2 * Math.PI) / node.agencies.length;
      node.agencies.forEach((code, i) => {
        items.push({
          t: 'path',
          d: arc(p.x, p.y, radius + 1.8, -Math.PI / 2 + i * step, -Math.PI / 2 + (i + 1) * step - 0.001),
          stroke: colours.get(code) ?? NO_AGENCY_COLOUR,
          width: 2.2,
        });
      });
    }
    items.push({ t: 'icon', kind: node.kind, cx: p.x, cy: p.y, size: round(radius * 1.25), fill: '#FFFFFF' });
    const label = fitText(measure, `N${i + 1} ${node.label}`, 130, TEXT_SIZES.nodeLabel, 'sans');
    const w = measure(label, TEXT_SIZES.nodeLabel, 'sans');
    const base = p.y + radius + 9;
    items.push({
      t: 'rect',
      x: round(p.x - w / 2 - 1),
      y: round(base - 6.5),
      w: round(w + 2),
      h: 8.5,
      fill: '#FFFFFF',
      opacity: 0.8,
    });
    items.push(text(measure, label, p.x, base, TEXT_SIZES.nodeLabel, 'sans', INK, 'middle'));
  }
  return { width: W, height: H, items };
}

function shift(item: Item, dy: number): Item {
  switch (item.t) {
    case 'line':
      return { ...item, y1: round(item.y1 + dy), y2: round(item.y2 + dy) };
    case 'circle':
    case 'icon':
      return { ...item, cy: round(item.cy + dy) };
    case 'rect':
    case 'text':
      return { ...item, y: round(item.y + dy) };
    case 'path':
      return item;
  }
}

// ---- the evidence appendix ------------------------------------------------------------------

const LINE = 9;

/** A source row's columns, in characters of the monospaced font (one text per line: thousands of rows print fast). */
const FIXED_COLUMNS = { agency: 12, row: 6, column: 14, grading: 7, handling: 14, imported: 24 } as const;

/** A text cut or padded to exactly `width` characters. */
function padTo(value: string, width: number): string {
  const chars = [...value.replace(/\s+/g, ' ')];
  if (chars.length > width) return `${chars.slice(0, Math.max(width - 1, 0)).join('')}…`;
  return value.replace(/\s+/g, ' ') + ' '.repeat(width - chars.length);
}

/**
 * The evidence appendix: every node (N1 …) and link (L1 …) of the chart, and under each the rows
 * that assert it: agency, file and sheet, row, column, grading, handling code, import date, and
 * the file's SHA-256, so that each line on the chart can be checked against the agency's file.
 */
export function appendixPages(chart: ExportChart, settings: PrintSettings, measure: Measure): Page[] {
  const { width: W, height: H } = paperSize(settings.paper, settings.orientation);
  const contentWidth = W - 2 * MARGIN;
  const top = MARGIN + FRAME_TOP;
  const bottom = H - MARGIN - FRAME_BOTTOM;
  const size = TEXT_SIZES.hash;
  const indent = 10;
  const perLine = Math.floor((contentWidth - indent) / measure('0', size, 'mono'));
  const f = FIXED_COLUMNS;
  const fileWidth = Math.max(perLine - (f.agency + f.row + f.column + f.grading + f.handling + f.imported + 6), 16);
  const row = (cells: [string, string, string, string, string, string, string]) =>
    [
      padTo(cells[0], f.agency),
      padTo(cells[1], fileWidth),
      padTo(cells[2], f.row),
      padTo(cells[3], f.column),
      padTo(cells[4], f.grading),
      padTo(cells[5], f.handling),
      padTo(cells[6], f.imported),
    ]
      .join(' ')
      .trimEnd();
  const hashIndent = ' '.repeat(f.agency + 1);
  const pages: Page[] = [];
  let items: Item[] = [];
  let y = 0;
  const mono = (value: string, fill = INK) => items.push(text(measure, value, MARGIN + indent, y, size, 'mono', fill));

  const newPage = () => {
    items = [];
    pages.push({ width: W, height: H, items });
    y = top + 10;
    const heading = pages.length === 1 ? 'Evidence appendix' : 'Evidence appendix (continued)';
    items.push(text(measure, heading, MARGIN, y, 10, 'bold', INK));
    items.push(
      text(
        measure,
        fitText(measure, settings.title, contentWidth / 2, 8, 'sans'),
        W - MARGIN,
        y,
        8,
        'sans',
        MUTED,
        'end',
      ),
    );
    if (pages.length === 1) {
      y += 12;
      const intro =
        'Every entity (N) and link (L) on the chart, with the rows of the agencies’ files that assert it: open the file with that SHA-256, at that sheet, row and column.';
      items.push(text(measure, fitText(measure, intro, contentWidth, 7, 'sans'), MARGIN, y, 7, 'sans', MUTED));
    }
    y += 6;
    items.push({ t: 'rect', x: MARGIN, y, w: contentWidth, h: 11, fill: '#E4E7EB' });
    y += 8;
    mono(row(['Agency', 'File › sheet', 'Row', 'Column', 'Grading', 'Handling', 'Imported']));
    y += 4;
  };
  const room = (h: number) => {
    if (y + h > bottom) newPage();
  };
  const header = (line: string) => {
    room(LINE * 3);
    y += LINE + 2;
    items.push(text(measure, fitText(measure, line, contentWidth, 7.5, 'bold'), MARGIN, y, 7.5, 'bold', INK));
  };
  const sourceRows = (sources: readonly ExportSource[]) => {
    if (!sources.length) {
      room(LINE);
      y += LINE;
      mono('No source row: drawn from the graph only.', MUTED);
      return;
    }
    for (const s of sources) {
      room(LINE * 2);
      y += LINE;
      mono(
        row([
          s.agency,
          `${s.fileName} › ${s.sheet}`,
          String(s.row),
          s.column ?? '(row)',
          s.grading ?? '—',
          s.handling ?? '—',
          s.importedAt,
        ]),
      );
      y += LINE - 1;
      mono(`${hashIndent}SHA-256 ${s.sha256}${s.caseRef ? `  case ${padTo(s.caseRef, 40).trimEnd()}` : ''}`, MUTED);
    }
  };

  newPage();
  const number = new Map<string, string>();
  chart.nodes.forEach((n, i) => number.set(n.id, `N${i + 1}`));
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const labelOf = (id: string) => {
    const node = byId.get(id);
    return node ? `${number.get(id)} ${node.label}` : id;
  };
  for (const n of chart.nodes) {
    header(
      `${number.get(n.id)}  ${KIND_LABELS[n.kind]}: ${n.label}   ·   ${n.agencies.join(', ') || 'no agency'}   ·   ${n.id}`,
    );
    sourceRows(n.sources);
  }
  chart.edges.forEach((e, i) => {
    header(
      `L${i + 1}  ${LINK_LABELS[e.kind]}${e.role ? ` (${e.role})` : ''}: ${labelOf(e.source)} — ${labelOf(e.target)}   ·   ${e.agencies.join(', ') || 'no agency'}`,
    );
    sourceRows(e.sources);
  });
  return pages;
}

/** The pages of a chart as printed: the chart, then (for PDF) the appendix, each framed. */
export function chartPages(
  chart: ExportChart,
  settings: PrintSettings,
  fingerprint: string,
  measure: Measure,
  withAppendix: boolean,
): Page[] {
  const pages = [chartPage(chart, settings, measure), ...(withAppendix ? appendixPages(chart, settings, measure) : [])];
  return pages.map((p, i) => framePage(p, settings, fingerprint, i + 1, pages.length, measure));
}
