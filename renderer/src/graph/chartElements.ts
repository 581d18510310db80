import type { ElementDefinition } from 'cytoscape';
import type { ChartEdgeDto, ChartNodeDto } from '../../../main/contract/workspaceTypes';
import type { ChartContent } from '../store/chartSlice';
import { iconUri } from './icons';
import { agencyColours, ringData, styleOfKind } from './style';

/** The style table's kind for a chart kind (`person` → `Person`). */
function titleCase(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** Node diameters by kind (model px) when the analysis does not size them. */
const NODE_SIZE: Record<string, number> = { person: 40, organization: 40, case: 36, record: 26 };
const IDENTIFIER_SIZE = 32;

/** What the analysis asks of the drawing: which elements the filters leave, sizes and fills by node id. */
export interface ChartAppearance {
  /** Elements the filters leave visible; everything when left out. */
  visible?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  sizes?: Readonly<Record<string, number>>;
  colours?: Readonly<Record<string, string>>;
  /** Nodes and edges on the paths found last, drawn highlighted (class `path`). */
  highlighted?: Readonly<Record<string, true>>;
}

/** What an edge says, in a word or two ("phone", "suspect", "same person? 0.87"). */
export function edgeText(edge: ChartEdgeDto): string {
  switch (edge.kind) {
    case 'mentions':
      return edge.role ?? 'mentions';
    case 'about':
      return 'case';
    case 'same-as':
      return edge.score !== undefined ? `same person? ${edge.score.toFixed(2)}` : 'same person?';
    case 'shares':
      return edge.via && edge.via.length > 1 ? `shares ${edge.via.length}` : 'shares';
    default:
      return edge.kind === 'email' ? 'e-mail' : edge.kind;
  }
}

/** The hover text of a node: its kind, agencies and, for a person, every mention. */
export function nodeTitle(node: ChartNodeDto): string {
  const lines = [`${styleOfKind(titleCase(node.kind)).title}: ${node.label}`];
  if (node.agencies.length > 0) lines.push(`Known to ${node.agencies.join(', ')} · ${node.records} record(s)`);
  if (node.mentions && node.mentions.length > 0) {
    lines.push(`${node.mentions.length} mention(s)${node.unconfirmed ? ', some joined by unconfirmed matches' : ''}:`);
    for (const m of node.mentions.slice(0, 12)) {
      lines.push(`  ${m.name ?? '?'} (${[m.agency, m.role].filter(Boolean).join(', ')})`);
    }
    if (node.mentions.length > 12) lines.push(`  … and ${node.mentions.length - 12} more`);
  }
  if (node.hub) lines.push('A hub: links too many records to tell anything.');
  return lines.join('\n');
}

/**
 * Whether an edge links agencies: asserted by several, or between nodes no one agency knows both
 * of (a same-person candidate across agencies, a shared identifier collapsed into a link).
 */
export function isCrossAgency(edge: ChartEdgeDto, source: ChartNodeDto, target: ChartNodeDto): boolean {
  if (edge.agencies.length > 1) return true;
  if (source.agencies.length === 0 || target.agencies.length === 0) return false;
  return !source.agencies.some((agency) => target.agencies.includes(agency));
}

/** A light tint of a community colour (the icon stays readable on it); white when there is none. */
export function tint(colour: string | undefined, amount = 0.55): string {
  const match = colour ? /^#([0-9a-f]{6})$/i.exec(colour) : null;
  if (!match) return '#ffffff';
  const value = parseInt(match[1]!, 16);
  const mix = (channel: number) => Math.round(channel + (255 - channel) * amount);
  const [r, g, b] = [mix((value >> 16) & 255), mix((value >> 8) & 255), mix(value & 255)];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** The label of a person joined from several mentions: the name, and how many mentions. */
function labelOf(node: ChartNodeDto): string {
  const mentions = node.mentions?.length ?? 0;
  return mentions > 1 ? `${node.label} (${mentions})` : node.label;
}

/**
 * The chart as Cytoscape element definitions: groups as compound nodes, then nodes, then edges.
 * Hidden elements (by hand, or by the filters) are kept with the class `hidden`, so that showing
 * them again does not move anything.
 */
export function chartElements(chart: ChartContent, appearance: ChartAppearance = {}): ElementDefinition[] {
  // In the order of their ids, not of their arrival: fcose's result depends on the order of the
  // elements, and the same chart must land the same way however its nodes came.
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nodes = Object.values(chart.nodes).sort(byId);
  const colours = agencyColours(nodes.flatMap((n) => n.agencies));
  const parentOf = new Map<string, string>();
  for (const group of Object.values(chart.groups)) for (const member of group.members) parentOf.set(member, group.id);
  const visible = appearance.visible;
  const out: ElementDefinition[] = [];

  for (const group of Object.values(chart.groups)) {
    // Every field the stylesheet maps, so that Cytoscape has no mapping without data to warn about.
    out.push({
      group: 'nodes',
      data: {
        id: group.id,
        label: group.label,
        kind: 'group',
        title: `Group: ${group.label} (${group.members.length})`,
        icon: 'none',
        fill: '#eef2f7',
        size: 10,
        fontSize: 12,
        labelWidth: 300,
        ...ringData([], colours),
      },
      classes: 'group',
    });
  }
  for (const node of nodes) {
    const style = styleOfKind(titleCase(node.kind));
    const hidden = chart.hidden[node.id] === true || (visible !== undefined && !visible.nodes.has(node.id));
    const classes = [
      hidden && 'hidden',
      chart.pinned[node.id] && 'pinned',
      (node.mentions?.length ?? 0) > 1 && 'joined',
      node.unconfirmed && 'unconfirmed',
      appearance.highlighted?.[node.id] && 'path',
    ].filter(Boolean);
    const parent = parentOf.get(node.id);
    out.push({
      group: 'nodes',
      data: {
        id: node.id,
        ...(parent ? { parent } : {}),
        kind: node.kind,
        label: labelOf(node),
        title: nodeTitle(node),
        icon: iconUri(node.kind, style.border),
        fill: tint(appearance.colours?.[node.id]),
        size: appearance.sizes?.[node.id] ?? NODE_SIZE[node.kind] ?? IDENTIFIER_SIZE,
        fontSize: 11,
        labelWidth: 143,
        ...ringData(node.agencies, colours),
      },
      position: { ...(chart.positions[node.id] ?? { x: 0, y: 0 }) },
      classes: classes.join(' '),
    });
  }
  for (const edge of Object.values(chart.edges).sort(byId)) {
    const source = chart.nodes[edge.source];
    const target = chart.nodes[edge.target];
    if (!source || !target) continue;
    const hidden =
      chart.hidden[edge.id] === true ||
      chart.hidden[edge.source] === true ||
      chart.hidden[edge.target] === true ||
      (visible !== undefined && !visible.edges.has(edge.id));
    const classes = [
      hidden && 'hidden',
      isCrossAgency(edge, source, target) && 'cross',
      appearance.highlighted?.[edge.id] && 'path',
    ].filter(Boolean);
    out.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        label: edgeText(edge),
        fontSize: 10,
        title: `${edgeText(edge)} · ${edge.agencies.join(', ') || 'no agency'} · ${edge.records.length} record(s)`,
      },
      classes: classes.join(' '),
    });
  }
  return out;
}
