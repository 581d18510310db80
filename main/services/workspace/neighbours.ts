/**
 * One step outwards from chart nodes: the links the graph holds from each, read with one static
 * statement per kind of start (persons and organisations, records, cases, identifiers), as
 * links between chart references.
 */
import type { ChartNodeKind } from '../../contract/workspaceTypes';
import { parseNodeRef } from '../../contract/workspaceTypes';
import type { Database, Row } from '../../db/database';
import type { PlainValue } from '../../contract/api';
import { nodeLabel } from '../graphService';
import {
  IDENTIFIER_RELATIONSHIPS,
  isIdentifierKind,
  KIND_LABELS,
  kindOfLabels,
  MAX_COMPONENT,
  refOfNode,
  refParams,
  type ChartRow,
} from './chartNodes';

/** One link the graph holds, between two graph nodes given by their own references. */
export interface GraphLink {
  /** The node the step started from (a person mention's own reference). */
  from: string;
  /** The node reached (a person mention's own reference). */
  to: string;
  toKind: ChartNodeKind;
  /** The relationship type: HAS_PHONE …, MENTIONS, ABOUT. */
  type: string;
  record: string | null;
  agency: string | null;
  role: string | null;
  /** For an identifier reached: flagged as a hub. */
  hub: boolean;
  /** For an identifier reached from a party or record: its chart label (to name a hub left out). */
  toLabel?: string;
  /** For an identifier link: the column and cell it was read from, and any grading of its own. */
  use: IdentifierUse | null;
  /** What draws the node reached, when the step was asked for it (see {@link StepFilter.nodes}); never for a hub. */
  toChart?: ChartRow;
}

/** One use of an identifier as the import wrote it on the link. */
export interface IdentifierUse {
  column?: string;
  raw?: string;
  extension?: string;
  gradingSystem?: string;
  sourceEvaluation?: string;
  informationAssessment?: string;
  handlingCode?: string;
  handlingConditions?: string;
}

export interface StepFilter {
  /** Relationship types to follow (all when empty). */
  types: string[];
  /** Only links asserted by records of these agencies (all when empty). */
  agencies: string[];
  /** Set when a statement answered {@link MAX_STEP_LINKS} links and so may have been cut. */
  cut?: { value: boolean };
  /**
   * Also read what draws each node reached (a person joined with its mentions as loadChartNodes
   * joins them, with open candidates at `joinAt` when given), in the statements that reach them.
   */
  nodes?: { joinAt: number | null };
}

/** The most links one statement of a step reads (per kind of start node). */
export const MAX_STEP_LINKS = 20_000;

function toLink(row: Row): GraphLink | null {
  const from = refOfNode(row.strings('fromLabels'), row.get('fromKeys') as Record<string, unknown>);
  const labels = row.strings('labels');
  const keys = row.get('keys') as Record<string, unknown>;
  const to = refOfNode(labels, keys);
  const toKind = kindOfLabels(labels);
  if (!from || !to || !toKind) return null;
  const link: GraphLink = {
    from,
    to,
    toKind,
    type: row.string('type'),
    record: row.stringOrNull('record'),
    agency: row.stringOrNull('agency'),
    role: row.stringOrNull('role'),
    hub: keys.hub === true,
    use: row.has('use') ? (row.get('use') as IdentifierUse | null) : null,
  };
  const chart = row.has('chart') ? (row.get('chart') as ChartRow | null) : null;
  if (chart) link.toChart = chart;
  if (isIdentifierKind(toKind) && 'display' in keys)
    link.toLabel = nodeLabel(KIND_LABELS[toKind], keys as Record<string, PlainValue>);
  return link;
}

/**
 * Every link from these graph nodes (person and organisation mentions by their own references),
 * one step out, as the filter allows.
 */
export async function step(db: Database, refs: readonly string[], filter: StepFilter): Promise<GraphLink[]> {
  const params = refParams(refs);
  // Lists that may be empty and a score that may be null or whole go in maps: Neo4j plans a
  // statement again for each new mix of parameter types, and a map is one type (see the statements).
  const base = {
    only: { types: filter.types, agencies: filter.agencies },
    max: MAX_STEP_LINKS,
    withNodes: filter.nodes !== undefined,
    join: { at: filter.nodes?.joinAt ?? null },
    maxComponent: MAX_COMPONENT,
  };
  const identifiers = Object.values(params.identifiers).some((list) => list.length > 0);
  const results = await Promise.all([
    params.parties.length ? db.read('workspace/party-neighbours', { ...base, ids: params.parties }) : [],
    params.records.length ? db.read('workspace/record-neighbours', { ...base, ids: params.records }) : [],
    params.cases.length ? db.read('workspace/case-neighbours', { ...base, cases: params.cases }) : [],
    identifiers ? db.read('workspace/identifier-users', { ...base, keys: params.identifiers }) : [],
  ]);
  if (filter.cut && results.some((rows) => rows.length >= MAX_STEP_LINKS)) filter.cut.value = true;
  return results.flat().flatMap((row) => toLink(row) ?? []);
}

/** An open same-person candidate between two mentions. */
export interface CandidateLink {
  a: string;
  b: string;
  score: number;
  records: string[];
  agencies: string[];
  /** The person of `b`, when it was asked for. */
  bChart?: ChartRow;
}

/** Open candidates of these mentions at or above `minScore`. */
export async function candidateLinks(
  db: Database,
  mentionIds: readonly string[],
  minScore: number,
  agencies: readonly string[],
  /** Also read the person of each other mention, as {@link StepFilter.nodes}. */
  nodes?: { joinAt: number | null },
): Promise<CandidateLink[]> {
  if (mentionIds.length === 0) return [];
  const rows = await db.read('workspace/candidate-pairs', {
    ids: mentionIds,
    only: { minScore, agencies },
    withNodes: nodes !== undefined,
    join: { at: nodes?.joinAt ?? null },
    maxComponent: MAX_COMPONENT,
  });
  return rows.map((r) => {
    const link: CandidateLink = {
      a: r.string('a'),
      b: r.string('b'),
      score: r.number('score'),
      records: [r.stringOrNull('recordA'), r.stringOrNull('recordB')].filter((x): x is string => x !== null),
      agencies: [r.stringOrNull('agencyA'), r.stringOrNull('agencyB')].filter((x): x is string => x !== null),
    };
    const chart = r.has('chart') ? (r.get('chart') as ChartRow | null) : null;
    if (chart) link.bChart = chart;
    return link;
  });
}

/** The chart edge kind of a relationship type. */
export function edgeKindOfType(type: string): 'mentions' | 'about' | ChartNodeKind {
  if (type === 'MENTIONS') return 'mentions';
  if (type === 'ABOUT') return 'about';
  const kind = Object.entries(IDENTIFIER_RELATIONSHIPS).find(([, t]) => t === type)?.[0];
  if (!kind) throw new Error(`no chart edge for the relationship type ${type}`);
  return kind as ChartNodeKind;
}

/** Whether a reference names an identifier. */
export function isIdentifierRef(ref: string): boolean {
  const parsed = parseNodeRef(ref);
  return parsed !== null && isIdentifierKind(parsed.kind);
}
