/**
 * How a printed chart looks: an icon per entity kind, a colour per agency, a label per link kind,
 * and which links are drawn highlighted (cross-agency) or dashed (unconfirmed same person). The
 * SVG and PDF writers draw the same pages from these, so a chart looks alike in every format.
 */
import {
  CHART_EDGE_KINDS,
  CHART_NODE_KINDS,
  type ChartEdgeKind,
  type ChartNodeKind,
} from '../../contract/workspaceTypes';
import { KIND_LABELS } from '../workspace/chartNodes';
import type { ExportEdge, ExportNode } from './chartModel';

/**
 * Each kind's icon as an SVG path in a 24 × 24 box, filled even-odd so that inner shapes (a
 * phone's screen, an envelope's flap) are holes. Paths only: pdfkit and resvg both draw them,
 * and no icon font has to be found on the reader's machine.
 */
export const KIND_ICONS: Record<ChartNodeKind, string> = {
  person: 'M12 3a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z M3.5 21c0-4.8 3.8-7.5 8.5-7.5s8.5 2.7 8.5 7.5z',
  organization: 'M4 21V3h10v18z M6 6h2v2H6z M10 6h2v2h-2z M6 11h2v2H6z M10 11h2v2h-2z M15 21V9h5v12z',
  case: 'M2.5 6h7.5l2 2.5h9.5V20H2.5z',
  record: 'M6 2.5h9l4 4V21.5H6z M8.5 10h8v1.6h-8z M8.5 13.5h8v1.6h-8z M8.5 17h8v1.6h-8z',
  phone:
    'M8 1.5h8a1.5 1.5 0 0 1 1.5 1.5v18a1.5 1.5 0 0 1-1.5 1.5H8a1.5 1.5 0 0 1-1.5-1.5V3A1.5 1.5 0 0 1 8 1.5z M8.5 4.5h7v13h-7z',
  email: 'M2.5 5.5h19v13h-19z M4.5 7h15l-7.5 5.5z',
  address: 'M12 2.5l9.5 8.5H18.5v10.5h-13V11H2.5z M10 21.5v-6h4v6z',
  account: 'M1.5 5.5h21v13h-21z M1.5 8.5h21v2.5h-21z M4 14h6v1.8H4z',
  handle: 'M3 3.5h18v13H11l-5.5 4.5v-4.5H3z M7 9h10v1.6H7z',
  document: 'M5.5 1.5h13v21h-13z M12 6.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7z M8.5 16.5h7v1.6h-7z',
  vehicle: 'M2 12.5l2.5-5.5h15l2.5 5.5v6h-3.5v-2H5.5v2H2z M6.3 8.6l-1.6 3.6h14.6l-1.6-3.6z',
};

/**
 * Agency colours, in the order the chart's agencies sort: Tableau 10, picked for telling
 * categories apart in print and by most colour-blind readers. A chart with more agencies
 * starts the list again (the legend still names each one).
 */
export const AGENCY_PALETTE = [
  '#4E79A7',
  '#F28E2B',
  '#59A14F',
  '#B07AA1',
  '#76B7B2',
  '#E15759',
  '#9C755F',
  '#EDC948',
  '#FF9DA7',
  '#BAB0AC',
] as const;

/** A node no agency asserts (none on an imported chart, but a hand-made selection may have one). */
export const NO_AGENCY_COLOUR = '#6B7280';

export const LINK_COLOUR = '#7A7A7A';
/** Links that join what different agencies hold: the point of a cross-agency chart. */
export const CROSS_AGENCY_COLOUR = '#C2185B';
export const UNCONFIRMED_DASH: [number, number] = [3, 2];

/** What a link of each kind says, written on it and in the legend. */
export const LINK_LABELS: Record<ChartEdgeKind, string> = {
  phone: 'uses phone',
  email: 'uses e-mail',
  address: 'uses address',
  account: 'holds account',
  handle: 'uses online handle',
  document: 'holds document',
  vehicle: 'uses vehicle',
  mentions: 'named in record',
  about: 'part of case',
  'same-as': 'possibly same person',
  shares: 'shares identifiers',
};

/** The text written on one link: its kind, with the role, score or count that qualifies it. */
export function linkText(edge: ExportEdge): string {
  const base = LINK_LABELS[edge.kind];
  if (edge.kind === 'mentions' && edge.role) return `${base} (${edge.role})`;
  if (edge.kind === 'same-as' && edge.score !== undefined) return `${base} (${edge.score.toFixed(2)})`;
  if (edge.kind === 'shares' && edge.via?.length) return `${base} (${edge.via.length})`;
  return base;
}

/** Agency → colour for the agencies of a chart, sorted by code. */
export function agencyColours(nodes: readonly ExportNode[], edges: readonly ExportEdge[]): Map<string, string> {
  const codes = [...new Set([...nodes, ...edges].flatMap((el) => el.agencies))].sort();
  return new Map(codes.map((code, i) => [code, AGENCY_PALETTE[i % AGENCY_PALETTE.length] as string]));
}

/**
 * A link is cross-agency when the agencies behind it, or behind its two ends, are not one and
 * the same: it is drawn highlighted, since it is where one agency's case meets another's.
 */
export function isCrossAgency(edge: ExportEdge, source?: ExportNode, target?: ExportNode): boolean {
  const all = new Set([...edge.agencies, ...(source?.agencies ?? []), ...(target?.agencies ?? [])]);
  return all.size > 1;
}

/** An open same-person candidate: drawn dashed, as i2 draws an unconfirmed link. */
export const isUnconfirmed = (edge: ExportEdge) => edge.kind === 'same-as';

/** The legend of a chart: exactly the kinds, link kinds and agencies it draws. */
export interface Legend {
  kinds: { kind: ChartNodeKind; label: string }[];
  links: { kind: ChartEdgeKind; label: string; dashed: boolean }[];
  crossAgency: boolean;
  agencies: { code: string; colour: string }[];
}

export function legendOf(nodes: readonly ExportNode[], edges: readonly ExportEdge[], crossAgency: boolean): Legend {
  const kinds = new Set(nodes.map((n) => n.kind));
  const links = new Set(edges.map((e) => e.kind));
  return {
    kinds: CHART_NODE_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, label: KIND_LABELS[kind] })),
    links: CHART_EDGE_KINDS.filter((k) => links.has(k)).map((kind) => ({
      kind,
      label: LINK_LABELS[kind],
      dashed: kind === 'same-as',
    })),
    crossAgency,
    agencies: [...agencyColours(nodes, edges)].map(([code, colour]) => ({ code, colour })),
  };
}
