import type { EdgeElement, GraphElements, NodeElement, OverviewInput, PlainValue } from '../contract/api';
import { overviewInput } from '../contract/api';
import type { Database } from '../db/database';

/** Properties that name a node best, in order of preference. */
const LABEL_PROPERTIES = [
  'name',
  'display',
  'displayName',
  'ref',
  'code',
  'caseRef',
  'recordRef',
  'e164',
  'key',
  'fileName',
  'id',
];

/** Labels of the data model; a node's kind is the first of its labels found here. */
export const NODE_KINDS = [
  'Agency',
  'Source',
  'Record',
  'Case',
  'Person',
  'Organization',
  'Phone',
  'Address',
  'Account',
  'Email',
  'Handle',
  'Document',
  'Vehicle',
] as const;

/** Properties with their keys in order: Neo4j gives them in the order they were stored, which a restored copy changes. */
function plainProperties(value: unknown): Record<string, PlainValue> {
  const map = (value ?? {}) as Record<string, PlainValue>;
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, map[key] as PlainValue]),
  );
}

export function nodeLabel(kind: string, properties: Record<string, PlainValue>): string {
  if (kind === 'Record') {
    const where = `${properties.agency ?? ''} ${properties.sheet ?? ''} row ${properties.row ?? '?'}`.trim();
    return properties.caseRef ? `${properties.caseRef} (${where})` : where;
  }
  for (const key of LABEL_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return kind;
}

interface RawNode {
  id: string;
  labels: string[];
  properties: unknown;
}
interface RawEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: unknown;
}

function toNode(n: RawNode): NodeElement {
  const kind = NODE_KINDS.find((k) => n.labels.includes(k)) ?? n.labels[0] ?? 'Node';
  const properties = plainProperties(n.properties);
  // Raw cell values are provenance, not something to draw; they stay in the graph.
  delete properties.raw;
  // A party's names folded to Latin feed the search index; the names as written are shown.
  delete properties.searchName;
  // The resolver's stored copy of a person's mentions, kept for the next incremental resolve.
  delete properties.matchView;
  return { group: 'nodes', data: { id: n.id, kind, label: nodeLabel(kind, properties), properties } };
}

/**
 * Persons joined by confirmed same-person pairs carry one `group` (the smallest id among them),
 * so the view can show them as one person; nothing is merged in the graph.
 */
export function groupConfirmed(nodes: NodeElement[], edges: EdgeElement[]): void {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const e of edges) {
    if (e.data.kind !== 'SAME_AS') continue;
    const [a, b] = [find(e.data.source), find(e.data.target)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  for (const n of nodes) if (n.data.kind === 'Person') n.data.properties.group = find(n.data.id);
}

/**
 * What the chart opens on: the cross-agency network (identifiers shared by two or more agencies,
 * who used them, confirmed same-person pairs) once the graph has been resolved; before that, the
 * first nodes of the graph.
 */
export async function overview(db: Database, input: OverviewInput): Promise<GraphElements> {
  const { limit } = overviewInput.parse(input);
  const [network] = await db.read('graph/cross-agency-network', { limit: Math.max(1, Math.floor(limit / 4)) });
  const rawNodes = (network?.get('nodes') as RawNode[] | undefined) ?? [];
  if (rawNodes.length > 0) {
    const nodes = rawNodes.slice(0, limit).map(toNode);
    const ids = new Set(nodes.map((n) => n.data.id));
    const edges: EdgeElement[] = ((network?.get('edges') as RawEdge[]) ?? [])
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, kind: e.type, properties: plainProperties(e.properties) },
      }));
    groupConfirmed(nodes, edges);
    return { nodes, edges, truncated: rawNodes.length > limit };
  }
  return firstNodes(db, limit);
}

async function firstNodes(db: Database, limit: number): Promise<GraphElements> {
  const rows = await db.read('graph/overview-nodes', { limit: limit + 1 });
  const truncated = rows.length > limit;
  const nodes: NodeElement[] = rows
    .slice(0, limit)
    .map((row) =>
      toNode({ id: row.get('id') as string, labels: row.get('labels') as string[], properties: row.get('properties') }),
    );
  const ids = nodes.map((n) => n.data.id);
  const edgeLimit = limit * 10;
  const relRows = ids.length ? await db.read('graph/relationships-among', { ids, limit: edgeLimit + 1 }) : [];
  const edges: EdgeElement[] = relRows.slice(0, edgeLimit).map((row) => ({
    group: 'edges',
    data: {
      id: row.get('id') as string,
      source: row.get('source') as string,
      target: row.get('target') as string,
      kind: row.get('type') as string,
      properties: plainProperties(row.get('properties')),
    },
  }));
  return { nodes, edges, truncated: truncated || relRows.length > edgeLimit };
}
