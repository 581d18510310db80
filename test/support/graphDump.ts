/**
 * A canonical dump of a whole graph, to compare two graphs built two ways: every node as its labels
 * and typed properties, every relationship as its type, typed properties and its two ends named by
 * their natural keys (never Neo4j's internal ids), each list sorted.
 */
import type { Database } from '../../main/db/database';

interface Property {
  key: string;
  type: string;
  value: unknown;
}

/** The properties that name a node of each label (its constraint's keys). */
const NATURAL_KEYS: Record<string, string[]> = {
  Agency: ['code'],
  Source: ['id'],
  Record: ['id'],
  Case: ['agency', 'ref'],
  Person: ['id'],
  Organization: ['id'],
  Phone: ['e164'],
  Address: ['key'],
  Account: ['kind', 'key'],
  Email: ['key'],
  Handle: ['platform', 'key'],
  Document: ['kind', 'country', 'number'],
  Vehicle: ['country', 'plate'],
  CaselinkMeta: ['key'],
};

export interface GraphDump {
  nodes: string[];
  relationships: string[];
  labels: Record<string, number>;
  types: Record<string, number>;
}

/**
 * Dumps the graph. `ignore` names properties (`Label.key` or `TYPE.key`) whose values may
 * legitimately differ (times, report paths): their type is still compared, their value not.
 */
export async function dumpGraph(db: Database, ignore: Set<string>): Promise<GraphDump> {
  const names = new Map<string, string>();
  const nodes: string[] = [];
  const labels: Record<string, number> = {};
  for (const row of await db.read('admin/dump-nodes')) {
    const nodeLabels = row.strings('labels').sort();
    const props = row.get('properties') as Property[];
    const shown = (owner: string[]) =>
      Object.fromEntries(
        props
          .map((p): [string, unknown] => [
            p.key,
            owner.some((o) => ignore.has(`${o}.${p.key}`)) ? `<${p.type}>` : [p.type, p.value],
          ])
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    const keyed = nodeLabels.find((l) => NATURAL_KEYS[l]);
    const name = keyed
      ? `${keyed}${JSON.stringify((NATURAL_KEYS[keyed] as string[]).map((k) => props.find((p) => p.key === k)?.value))}`
      : `${nodeLabels.join(':')}${JSON.stringify(shown(nodeLabels))}`;
    names.set(row.string('id'), name);
    nodes.push(`${nodeLabels.join(':')} ${JSON.stringify(shown(nodeLabels))}`);
    for (const l of nodeLabels) labels[l] = (labels[l] ?? 0) + 1;
  }
  const relationships: string[] = [];
  const types: Record<string, number> = {};
  for (const row of await db.read('admin/dump-relationships')) {
    const type = row.string('type');
    const props = Object.fromEntries(
      (row.get('properties') as Property[])
        .map((p): [string, unknown] => [p.key, ignore.has(`${type}.${p.key}`) ? `<${p.type}>` : [p.type, p.value]])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    relationships.push(
      `${names.get(row.string('start'))} -[${type} ${JSON.stringify(props)}]-> ${names.get(row.string('end'))}`,
    );
    types[type] = (types[type] ?? 0) + 1;
  }
  return { nodes: nodes.sort(), relationships: relationships.sort(), labels, types };
}
