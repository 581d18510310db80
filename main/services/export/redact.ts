/**
 * Redaction of protected persons: victims, witnesses and persons the analyst flagged become
 * "Victim 1", "Witness 2", "Protected person 1" (numbered in the order of their node references,
 * so the same chart numbers them alike), their identifiers "Phone of Victim 1"; names, dates of
 * birth, identifier values and the cells they were read from are taken out of every node, edge,
 * source and the definition. The pseudonym → identity key is kept apart (written only on request).
 */
import { IDENTIFIER_NODE_KINDS, type ChartNodeKind } from '../../contract/workspaceTypes';
import { edgeId } from '../workspace/chartEdges';
import { KIND_LABELS } from '../workspace/chartNodes';
import { byId, type ChartDefinition, type ExportChart, type ExportNode } from './chartModel';

/** Roles whose holders are protected (the role vocabulary of main/core/profile.ts). */
export const PROTECTED_ROLES = ['victim', 'witness'] as const;

export const REDACTED = '[redacted]';

/** One line of the key: a pseudonym and who or what it stands for. */
export interface RedactionKeyEntry {
  pseudonym: string;
  /** The node reference in the graph. */
  ref: string;
  kind: ChartNodeKind;
  label: string;
  properties: Record<string, unknown>;
}

export interface RedactionResult {
  chart: ExportChart;
  key: RedactionKeyEntry[];
  /** Every string taken out (for the tests, and to check other outputs). */
  secrets: string[];
}

/** Shorter strings would blank out unrelated text (a "1" in every row number). */
const MIN_SECRET = 3;

function categoryOf(node: ExportNode, flagged: ReadonlySet<string>): string | null {
  if (node.kind !== 'person') return null;
  if (node.roles.includes('victim')) return 'Victim';
  if (node.roles.includes('witness')) return 'Witness';
  return flagged.has(node.id) ? 'Protected person' : null;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (typeof value === 'number') into.add(String(value));
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, into));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every secret in every string of a value (keys included), case-insensitively. */
function scrubber(secrets: readonly string[]): <T>(value: T) => T {
  if (secrets.length === 0) return (v) => v;
  // One alternation, longest first, so a name is taken out whole before a part of it.
  const pattern = new RegExp(
    [...secrets]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|'),
    'giu',
  );
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, REDACTED);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[scrub(k) as string] = scrub(v);
      return out;
    }
    return value;
  };
  return scrub as <T>(value: T) => T;
}

/** The chart with protected persons (and their identifiers) redacted, and the key. */
export function redactChart(chart: ExportChart): RedactionResult {
  const flagged = new Set(chart.definition.redaction.persons);
  const pseudonyms = new Map<string, string>();
  const counters = new Map<string, number>();
  const next = (category: string, owner = '') => {
    const n = (counters.get(category + owner) ?? 0) + 1;
    counters.set(category + owner, n);
    return owner ? `${category} ${n} of ${owner}` : `${category} ${n}`;
  };
  const nodes = [...chart.nodes].sort(byId);
  for (const node of nodes) {
    const category = categoryOf(node, flagged);
    if (category) pseudonyms.set(node.id, next(category));
  }
  // A protected person's identifiers give them away too: each is named after its (first) owner.
  const identifierKinds = new Set<string>(IDENTIFIER_NODE_KINDS);
  const ownerOf = new Map<string, string>();
  for (const e of [...chart.edges].sort(byId)) {
    if (!identifierKinds.has(e.kind)) continue;
    for (const [person, identifier] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (pseudonyms.has(person) && !pseudonyms.has(identifier) && !ownerOf.has(identifier))
        ownerOf.set(identifier, person);
    }
  }
  const byNode = new Map(nodes.map((n) => [n.id, n]));
  for (const [identifier, person] of [...ownerOf].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kind = byNode.get(identifier)?.kind ?? 'phone';
    pseudonyms.set(identifier, next(KIND_LABELS[kind], pseudonyms.get(person)));
  }
  if (pseudonyms.size === 0) return { chart, key: [], secrets: [] };

  const secretSet = new Set<string>();
  const key: RedactionKeyEntry[] = [];
  for (const node of nodes) {
    const pseudonym = pseudonyms.get(node.id);
    if (!pseudonym) continue;
    const found = new Set<string>([node.label]);
    collectStrings(node.properties, found);
    for (const s of node.sources) if (s.raw) found.add(s.raw);
    for (const part of node.id.split(':').slice(1)) found.add(decodeURIComponent(part));
    for (const s of found) if (s.trim().length >= MIN_SECRET && s !== node.kind) secretSet.add(s.trim());
    key.push({ pseudonym, ref: node.id, kind: node.kind, label: node.label, properties: node.properties });
  }
  const secrets = [...secretSet].sort();
  const scrub = scrubber(secrets);
  const refOf = (ref: string) => {
    const p = pseudonyms.get(ref);
    return p ? `redacted:${p.replace(/ /g, '-')}` : ref;
  };

  const redactedNodes = nodes.map((node): ExportNode => {
    const pseudonym = pseudonyms.get(node.id);
    if (!pseudonym) return scrub({ ...node });
    return scrub({
      ...node,
      id: refOf(node.id),
      label: pseudonym,
      properties: {},
      redacted: pseudonym.replace(/ \d+( of .*)?$/, ''),
      sources: node.sources.map((s) => ({ ...s, raw: null })),
    });
  });
  const redactedEdges = chart.edges.map((e) => {
    const [source, target] = [refOf(e.source), refOf(e.target)];
    const edge = { ...e, id: edgeId(e.kind, source, target, e.role ?? null), source, target };
    if (e.via) edge.via = e.via.map(refOf).sort();
    return scrub(edge);
  });
  const d = chart.definition;
  const definition: ChartDefinition = scrub({
    ...d,
    seeds: d.seeds.map(refOf),
    selection: d.selection.map(refOf),
    positions: Object.fromEntries(Object.entries(d.positions).map(([ref, p]) => [refOf(ref), p])),
    redaction: { ...d.redaction, persons: d.redaction.persons.map(refOf) },
  });
  return {
    chart: {
      definition,
      nodes: redactedNodes.sort(byId),
      edges: redactedEdges.sort(byId),
      // Only the words: a kind is the program's, never an identity's.
      notes: chart.notes.map((n) => ({ ...n, text: scrub(n.text), fact: scrub(n.fact) })),
    },
    key: key.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1)),
    secrets,
  };
}
