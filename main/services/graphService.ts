import type { EdgeElement, GraphElements, NodeElement, OverviewInput, PlainValue } from '../contract/api';
import { overviewInput } from '../contract/api';
import type { Database } from '../db/database';
import { toPlain } from '../db/database';

/** Properties that name a node best, in order of preference. */
const LABEL_PROPERTIES = ['name', 'displayName', 'ref', 'code', 'e164', 'display', 'key', 'fileName', 'id'];

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

function plainProperties(value: unknown): Record<string, PlainValue> {
  return (toPlain(value) ?? {}) as Record<string, PlainValue>;
}

export function nodeLabel(kind: string, properties: Record<string, PlainValue>): string {
  for (const key of LABEL_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return kind;
}

/** Up to `limit` nodes and the relationships among them, as Cytoscape-shaped DTOs. */
export async function overview(db: Database, input: OverviewInput): Promise<GraphElements> {
  const { limit } = overviewInput.parse(input);
  const rows = await db.read('graph/overview-nodes', { limit: limit + 1 });
  const truncated = rows.length > limit;
  const nodes: NodeElement[] = rows.slice(0, limit).map((row) => {
    const labels = row.get('labels') as string[];
    const kind = NODE_KINDS.find((k) => labels.includes(k)) ?? labels[0] ?? 'Node';
    const properties = plainProperties(row.get('properties'));
    return {
      group: 'nodes',
      data: { id: row.get('id') as string, kind, label: nodeLabel(kind, properties), properties },
    };
  });
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
