import type { ElementDefinition } from 'cytoscape';
import type { GraphElements, NodeElement } from '../../../main/contract/api';

/** A person an analyst confirmed: two or more mentions drawn as one node. */
export interface ConfirmedPerson {
  /** The merged node's id on the chart. */
  id: string;
  /** The names of the mentions, each once, joined with " / ". */
  label: string;
  /** The mentions, each as "name (agency, role)". */
  mentions: string[];
  /** The mentions' node ids. */
  members: string[];
}

/** The id of the node that draws a confirmed group; never an element id, which have no "group:". */
function mergedId(group: string): string {
  return `group:${group}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function mentionOf(node: NodeElement): string {
  const where = [text(node.data.properties.agency), text(node.data.properties.role)].filter(Boolean).join(', ');
  return where ? `${node.data.label} (${where})` : node.data.label;
}

/**
 * The persons that main marked with one `group` (confirmed same-person pairs), in the order
 * their first mention appears; groups of one are not listed.
 */
export function confirmedPersons(graph: GraphElements): ConfirmedPerson[] {
  const groups = new Map<string, NodeElement[]>();
  for (const node of graph.nodes) {
    const group = node.data.kind === 'Person' ? text(node.data.properties.group) : null;
    if (group === null) continue;
    const members = groups.get(group);
    if (members) members.push(node);
    else groups.set(group, [node]);
  }
  return [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([group, members]) => ({
      id: mergedId(group),
      label: [...new Set(members.map((m) => m.data.label))].join(' / '),
      mentions: members.map(mentionOf),
      members: members.map((m) => m.data.id),
    }));
}

/**
 * Maps the graph DTO from main into Cytoscape element definitions.
 *
 * Persons an analyst confirmed as one are drawn as one node (`merged: true`, its `title` listing
 * the mentions), their relationships re-pointed to it and the SAME_AS between them left out.
 * Hub identifiers are left out with their relationships: they link everyone and so tell nothing.
 * Edges whose source or target is not among the nodes are left out: Cytoscape refuses to add
 * them, and a limited overview can cut a relationship's far end.
 */
export function toElements(graph: GraphElements): ElementDefinition[] {
  const persons = confirmedPersons(graph);
  const drawnAs = new Map<string, string>();
  for (const person of persons) for (const member of person.members) drawnAs.set(member, person.id);

  const nodes: ElementDefinition[] = [];
  const placed = new Set<string>();
  const byId = new Map(persons.map((p) => [p.id, p]));
  for (const { data } of graph.nodes) {
    if (data.properties.hub === true) continue;
    const merged = drawnAs.get(data.id);
    if (merged === undefined) {
      nodes.push({
        group: 'nodes',
        data: { id: data.id, kind: data.kind, label: data.label, properties: data.properties },
      });
      placed.add(data.id);
      continue;
    }
    if (placed.has(merged)) continue;
    const person = byId.get(merged) as ConfirmedPerson;
    nodes.push({
      group: 'nodes',
      data: {
        id: person.id,
        kind: 'Person',
        label: person.label,
        merged: true,
        title: `Confirmed same person — ${person.mentions.length} mentions:\n${person.mentions.join('\n')}`,
        properties: { members: person.members, mentions: person.mentions },
      },
    });
    placed.add(merged);
  }

  const edges: ElementDefinition[] = [];
  for (const { data } of graph.edges) {
    const source = drawnAs.get(data.source) ?? data.source;
    const target = drawnAs.get(data.target) ?? data.target;
    if (!placed.has(source) || !placed.has(target)) continue;
    if (source === target && drawnAs.has(data.source) && data.kind === 'SAME_AS') continue;
    edges.push({
      group: 'edges',
      data: { id: data.id, source, target, kind: data.kind, properties: data.properties },
    });
  }
  return [...nodes, ...edges];
}
