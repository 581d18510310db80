/**
 * Chart nodes: from graph nodes (labels, properties, and what the records behind them say) to the
 * contract's {@link ChartNodeDto} with its stable reference, and back from references to the
 * parameters of the statements that find them. A person chart node is one person: every mention
 * joined by confirmed same-person pairs (and, on request, by open candidates at a score).
 *
 * Labels never come from a reference: each kind maps to a fixed label, and each label has its
 * own static statement (or its own branch of one).
 */
import {
  CHART_NODE_KINDS,
  NODE_REF_PARTS,
  nodeRef,
  parseNodeRef,
  type ChartNodeDto,
  type ChartNodeKind,
  type IdentifierNodeKind,
  type MentionDto,
} from '../../contract/workspaceTypes';
import type { PlainValue } from '../../contract/api';
import type { Database, Row } from '../../db/database';
import { nodeLabel } from '../graphService';

/** The graph label of each chart node kind (the only labels a reference can lead to). */
export const KIND_LABELS = {
  person: 'Person',
  organization: 'Organization',
  case: 'Case',
  record: 'Record',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  account: 'Account',
  handle: 'Handle',
  document: 'Document',
  vehicle: 'Vehicle',
} as const satisfies Record<ChartNodeKind, string>;

/** Each identifier kind's relationship type from its users. */
export const IDENTIFIER_RELATIONSHIPS = {
  phone: 'HAS_PHONE',
  email: 'HAS_EMAIL',
  address: 'HAS_ADDRESS',
  account: 'HAS_ACCOUNT',
  handle: 'HAS_HANDLE',
  document: 'HAS_DOCUMENT',
  vehicle: 'HAS_VEHICLE',
} as const satisfies Record<IdentifierNodeKind, string>;

/** The graph property behind each part of a kind's reference: the contract names them as the graph does. */
const REF_PROPERTIES: Record<ChartNodeKind, readonly string[]> = NODE_REF_PARTS;

/** The chart kind of a graph node, from its labels; null for a node the chart does not draw. */
export function kindOfLabels(labels: readonly string[]): ChartNodeKind | null {
  for (const kind of CHART_NODE_KINDS) if (labels.includes(KIND_LABELS[kind])) return kind;
  return null;
}

export const isIdentifierKind = (kind: ChartNodeKind): kind is IdentifierNodeKind => kind in IDENTIFIER_RELATIONSHIPS;

/** A graph node's reference (a person mention's own, before joining it with other mentions). */
export function refOfNode(labels: readonly string[], properties: Record<string, unknown>): string | null {
  const kind = kindOfLabels(labels);
  if (!kind) return null;
  const parts = REF_PROPERTIES[kind].map((p) => properties[p]);
  if (parts.some((p) => p === null || p === undefined)) return null;
  return nodeRef(
    kind,
    parts.map((p) => String(p)),
  );
}

/** The parameters each statement takes to find nodes by reference, grouped by label. */
export interface RefParams {
  /** Person and organisation mention ids (one statement, by the Party label). */
  parties: string[];
  records: string[];
  cases: { agency: string; ref: string }[];
  identifiers: {
    phones: { e164: string }[];
    emails: { key: string }[];
    addresses: { key: string }[];
    accounts: { kind: string; key: string }[];
    handles: { platform: string; key: string }[];
    documents: { kind: string; country: string; number: string }[];
    vehicles: { country: string; plate: string }[];
  };
}

/** Groups references into each label's statement parameters; references that do not parse are left out. */
export function refParams(refs: Iterable<string>): RefParams {
  const out: RefParams = {
    parties: [],
    records: [],
    cases: [],
    identifiers: { phones: [], emails: [], addresses: [], accounts: [], handles: [], documents: [], vehicles: [] },
  };
  for (const ref of new Set(refs)) {
    const parsed = parseNodeRef(ref);
    if (!parsed) continue;
    const [a = '', b = '', c = ''] = parsed.parts;
    switch (parsed.kind) {
      case 'person':
      case 'organization':
        out.parties.push(a);
        break;
      case 'record':
        out.records.push(a);
        break;
      case 'case':
        out.cases.push({ agency: a, ref: b });
        break;
      case 'phone':
        out.identifiers.phones.push({ e164: a });
        break;
      case 'email':
        out.identifiers.emails.push({ key: a });
        break;
      case 'address':
        out.identifiers.addresses.push({ key: a });
        break;
      case 'account':
        out.identifiers.accounts.push({ kind: a, key: b });
        break;
      case 'handle':
        out.identifiers.handles.push({ platform: a, key: b });
        break;
      case 'document':
        out.identifiers.documents.push({ kind: a, country: b, number: c });
        break;
      case 'vehicle':
        out.identifiers.vehicles.push({ country: a, plate: b });
        break;
    }
  }
  return out;
}

const identifierCount = (p: RefParams) => Object.values(p.identifiers).reduce((n, list) => n + list.length, 0);

/** A graph node with what the records behind it say, as the node statements return it. */
export interface GraphNodeRow {
  labels: string[];
  properties: Record<string, unknown>;
  /** How many records assert the node. */
  records: number;
  agencies: string[];
  dates: string[];
}

/** One mention of a person or organisation with the records that mention it. */
export interface MentionRow {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  /** The graph's element id, for path searches started from it. */
  elementId: string;
  records: { id: string; agency: string; eventDate: string | null; role: string | null }[];
}

/** Properties kept off the chart: raw cells and bookkeeping stay in the graph (and in details). */
const HIDDEN_PROPERTIES = new Set([
  'raw',
  'profileJson',
  'warnings',
  'record',
  'entity',
  'nameKey',
  'joinKey',
  'searchName',
  // The resolver's stored copy of a person's mentions (resolveService): bookkeeping, not evidence.
  'matchView',
]);

function displayProperties(properties: Record<string, unknown>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const key of Object.keys(properties).sort()) {
    if (HIDDEN_PROPERTIES.has(key)) continue;
    const value = properties[key];
    if (value !== undefined) out[key] = value as PlainValue;
  }
  return out;
}

const sortedUnique = (values: Iterable<string | null | undefined>): string[] =>
  [...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== ''))].sort();

const MAX_DATES = 100;

function labelOf(kind: ChartNodeKind, properties: Record<string, unknown>): string {
  const plain = properties as Record<string, PlainValue>;
  switch (kind) {
    case 'record':
      return nodeLabel('Record', plain);
    case 'case':
      return `${String(properties.ref)} (${String(properties.agency)})`;
    case 'person':
    case 'organization':
      return typeof properties.name === 'string' && properties.name !== '' ? properties.name : 'unnamed';
    default:
      return nodeLabel(KIND_LABELS[kind], plain);
  }
}

/**
 * A chart node for any graph node but a person (persons join mentions: {@link personChartNode}).
 * Answers null for a node the chart does not draw.
 */
export function toChartNode(row: GraphNodeRow): ChartNodeDto | null {
  const kind = kindOfLabels(row.labels);
  const id = refOfNode(row.labels, row.properties);
  if (!kind || !id) return null;
  const node: ChartNodeDto = {
    id,
    kind,
    label: labelOf(kind, row.properties),
    agencies: sortedUnique(row.agencies),
    records: row.records,
    hub: row.properties.hub === true,
    properties: displayProperties(row.properties),
  };
  if (typeof row.properties.role === 'string') node.roles = [row.properties.role];
  const dates = sortedUnique(row.dates).slice(0, MAX_DATES);
  if (dates.length) node.dates = dates;
  return node;
}

/** Person properties worth showing on the joined node, each as one value or the list of values seen. */
const PERSON_PROPERTIES = ['name', 'nameLatin', 'alias', 'birthDate', 'birthYear', 'nationality', 'gender'] as const;

/**
 * A chart node for mentions of a party: one organisation mention, or the mentions of one person
 * (those joined by same-person pairs). Its reference is the smallest mention id's, so that the
 * same person gets the same reference however it was reached.
 */
export function partyChartNode(mentions: readonly MentionRow[], unconfirmed = false): ChartNodeDto {
  const sorted = [...mentions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const first = sorted[0];
  if (!first) throw new Error('a party chart node needs at least one mention');
  const kind = kindOfLabels(first.labels) === 'organization' ? 'organization' : 'person';
  if (kind === 'organization' && sorted.length === 1) {
    const node = toChartNode({
      labels: first.labels,
      properties: first.properties,
      records: first.records.length,
      agencies: first.records.map((r) => r.agency).concat(String(first.properties.agency ?? '')),
      dates: first.records.map((r) => r.eventDate ?? ''),
    });
    if (!node) throw new Error(`mention ${first.id} has no reference`);
    node.roles = sortedUnique(first.records.map((r) => r.role).concat(first.properties.role as string | null));
    return node;
  }
  const records = new Set<string>();
  const mentionDtos: MentionDto[] = [];
  for (const m of sorted) {
    const name = typeof m.properties.name === 'string' ? m.properties.name : null;
    const role = typeof m.properties.role === 'string' ? m.properties.role : null;
    const agency = String(m.properties.agency ?? '');
    const recs = m.records.length
      ? m.records
      : [{ id: String(m.properties.record ?? ''), agency, eventDate: null, role }];
    for (const r of recs) {
      records.add(r.id);
      mentionDtos.push({
        id: m.id,
        name,
        role: r.role ?? role,
        agency: r.agency || agency,
        record: r.id,
        date: r.eventDate,
      });
    }
  }
  // The name most mentions give (the first mention's on a tie) is what the node says.
  const counts = new Map<string, number>();
  for (const m of sorted) {
    const name = m.properties.name;
    if (typeof name === 'string' && name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let label = 'unnamed';
  let best = 0;
  for (const [name, n] of counts) if (n > best) [label, best] = [name, n];
  const properties: Record<string, PlainValue> = {};
  for (const key of PERSON_PROPERTIES) {
    const values = sortedUnique(sorted.map((m) => (m.properties[key] == null ? null : String(m.properties[key]))));
    if (values.length === 1) properties[key] = values[0] as string;
    else if (values.length > 1) properties[key] = values;
  }
  properties.name = label;
  const node: ChartNodeDto = {
    id: nodeRef(kind, [first.id]),
    kind,
    label,
    agencies: sortedUnique(mentionDtos.map((m) => m.agency)),
    records: records.size,
    hub: false,
    mentions: mentionDtos,
    roles: sortedUnique(mentionDtos.map((m) => m.role)),
    properties,
  };
  if (unconfirmed) node.unconfirmed = true;
  const dates = sortedUnique(mentionDtos.map((m) => m.date)).slice(0, MAX_DATES);
  if (dates.length) node.dates = dates;
  return node;
}

function graphNodeRow(row: Row): GraphNodeRow & { elementId: string } {
  return {
    labels: row.strings('labels'),
    properties: row.get('properties') as Record<string, unknown>,
    records: row.number('recordCount'),
    agencies: row.strings('agencies'),
    dates: row.strings('dates'),
    elementId: row.string('elementId'),
  };
}

/** The most mentions one person node joins; a larger cluster is cut here and said so. */
export const MAX_COMPONENT = 1000;

/** Mention rows by id. */
export async function loadMentions(db: Database, ids: readonly string[]): Promise<Map<string, MentionRow>> {
  const out = new Map<string, MentionRow>();
  if (ids.length === 0) return out;
  for (const row of await db.read('workspace/party-nodes', { ids: [...new Set(ids)] })) {
    out.set(row.string('id'), {
      id: row.string('id'),
      labels: row.strings('labels'),
      properties: row.get('properties') as Record<string, unknown>,
      elementId: row.string('elementId'),
      records: row.get('records') as MentionRow['records'],
    });
  }
  return out;
}

/** Chart nodes found for references, with what the lookup learnt on the way. */
export interface LoadedNodes {
  /** Each found node under its chart reference. */
  nodes: Map<string, ChartNodeDto>;
  /**
   * Each reference asked for → the chart reference it stands under now (a person mention's is
   * its person's, the smallest mention id of the component); references not found are absent.
   */
  resolved: Map<string, string>;
  /** Chart reference → the graph element ids behind it (all mentions of a person), for path searches. */
  elements: Map<string, string[]>;
  /** Person chart reference → its mention ids. */
  mentionsOf: Map<string, string[]>;
  /** Set when a person's cluster was larger than {@link MAX_COMPONENT} mentions and was cut. */
  cut: boolean;
}

export interface LoadOptions {
  /** Also join mentions by open candidates at or above this score (drawn as unconfirmed). */
  joinCandidatesAt?: number | null;
}

/**
 * The chart nodes for references of any kind, re-read from the graph. A person reference may
 * name any of the person's mentions: it is answered under the person's own reference (see
 * `resolved`). References that find nothing are left out of `resolved`.
 */
export async function loadChartNodes(
  db: Database,
  refs: Iterable<string>,
  options: LoadOptions = {},
): Promise<LoadedNodes> {
  const wanted = [...new Set(refs)];
  const params = refParams(wanted);
  const out = noNodes();
  const rows: (GraphNodeRow & { elementId: string })[] = [];
  const [recordRows, caseRows, identifierRows] = await Promise.all([
    params.records.length ? db.read('workspace/record-nodes', { ids: params.records }) : [],
    params.cases.length ? db.read('workspace/case-nodes', { cases: params.cases }) : [],
    identifierCount(params) ? db.read('workspace/identifier-nodes', { keys: params.identifiers }) : [],
    params.parties.length ? readParties(db, params.parties, options.joinCandidatesAt ?? null, out) : null,
  ]);
  for (const row of [...recordRows, ...caseRows, ...identifierRows]) rows.push(graphNodeRow(row));
  for (const row of rows) {
    const node = toChartNode(row);
    if (!node) continue;
    out.nodes.set(node.id, node);
    out.resolved.set(node.id, node.id);
    out.elements.set(node.id, [row.elementId]);
  }
  // A person asked for as `organization:` or the reverse is still found, under its own kind.
  for (const ref of wanted) {
    const parsed = parseNodeRef(ref);
    if (parsed && (parsed.kind === 'person' || parsed.kind === 'organization')) {
      const mention = parsed.parts[0] as string;
      const found =
        out.resolved.get(nodeRef('person', [mention])) ?? out.resolved.get(nodeRef('organization', [mention]));
      if (found) out.resolved.set(ref, found);
    }
  }
  return out;
}

function mentionRow(value: unknown): MentionRow {
  const m = value as MentionRow;
  return { id: m.id, labels: m.labels, properties: m.properties, elementId: m.elementId, records: m.records };
}

/**
 * Adds the persons and organisations of these mention ids to `out`: one statement reads each
 * mention with every mention its person joins (see party-components.cypher), cut at
 * {@link MAX_COMPONENT}.
 */
async function readParties(db: Database, mentionIds: string[], joinAt: number | null, out: LoadedNodes): Promise<void> {
  const rows = await db.read('workspace/party-components', {
    ids: [...new Set(mentionIds)],
    join: { at: joinAt },
    max: MAX_COMPONENT,
  });
  addPartyRows(rows, out);
}

/** Chart nodes found for nothing yet, to add to. */
export function noNodes(): LoadedNodes {
  return { nodes: new Map(), resolved: new Map(), elements: new Map(), mentionsOf: new Map(), cut: false };
}

/**
 * What draws one graph node on the chart, as a statement reads it beside something else: a
 * party's mentions as party-components.cypher reads them, or any other node as the node
 * statements do.
 */
export type ChartRow =
  | { id: string; members: unknown[] | null; unconfirmed: boolean }
  | {
      labels: string[];
      properties: Record<string, unknown>;
      elementId: string;
      recordCount: number;
      agencies: string[];
      dates: string[];
    };

/** Adds chart rows to `out`, as loadChartNodes would have read them. */
export function addChartRows(rows: Iterable<ChartRow>, out: LoadedNodes): void {
  const parties: { id: string; members: unknown[] | null; unconfirmed: boolean }[] = [];
  for (const row of rows) {
    if ('members' in row) {
      parties.push(row);
      continue;
    }
    const node = toChartNode({
      labels: row.labels,
      properties: row.properties,
      records: Number(row.recordCount),
      agencies: row.agencies,
      dates: row.dates,
    });
    if (!node) continue;
    out.nodes.set(node.id, node);
    out.resolved.set(node.id, node.id);
    out.elements.set(node.id, [row.elementId]);
  }
  addParties(parties, out);
}

/**
 * Adds to `out` the persons and organisations of rows that give a mention's `id`, its `members`
 * as party-components.cypher reads them (null when they were not read) and, optionally, whether
 * an open candidate joins them (`unconfirmed`).
 */
export function addPartyRows(rows: readonly Row[], out: LoadedNodes): void {
  addParties(
    rows.map((row) => ({
      id: row.string('id'),
      members: row.get('members') as unknown[] | null,
      unconfirmed: row.has('unconfirmed') && row.boolean('unconfirmed'),
    })),
    out,
  );
}

function addParties(
  rows: readonly { id: string; members: unknown[] | null; unconfirmed: boolean }[],
  out: LoadedNodes,
): void {
  const done = new Set<string>();
  for (const row of rows) {
    const read = row.members;
    if (read === null || done.has(row.id)) continue;
    // Nearest first: a cluster too large to draw keeps the mentions closest to the one asked for.
    const joined = read.map(mentionRow);
    if (joined.length > MAX_COMPONENT) out.cut = true;
    const members = joined.slice(0, MAX_COMPONENT).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const node = partyChartNode(members, row.unconfirmed);
    out.nodes.set(node.id, node);
    out.elements.set(
      node.id,
      members.map((m) => m.elementId),
    );
    out.mentionsOf.set(
      node.id,
      members.map((m) => m.id),
    );
    for (const m of members) {
      done.add(m.id);
      out.resolved.set(nodeRef(kindOfLabels(m.labels) ?? 'person', [m.id]), node.id);
    }
  }
}
