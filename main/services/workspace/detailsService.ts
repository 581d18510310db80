/**
 * What the details panel shows: every property of a chart node with where it comes from (agency,
 * file and its SHA-256, sheet, row, column, the cell as written, import date, grading and
 * handling), which agencies know the node and through which records; and the evidence behind any
 * chart edge.
 */
import type { z } from 'zod';
import { CaselinkFailure } from '../../contract/errors';
import {
  IDENTIFIER_NODE_KINDS,
  explainEdgeInput,
  nodeDetailsInput,
  nodeRef,
  parseNodeRef,
  type ChartEdgeDto,
  type ChartNodeDto,
  type EdgeEvidenceDto,
  type EdgeFactDto,
  type NodeDetailsDto,
  type PropertySourceDto,
  type SourceRefDto,
} from '../../contract/workspaceTypes';
import { inOneRead, type Database } from '../../db/database';
import { storedRawCells } from '../import/batches';
import { parseEdgeId } from './chartEdges';
import { isIdentifierKind, loadChartNodes, loadMentions, type LoadedNodes, type MentionRow } from './chartNodes';
import { edgesAmong } from './investigationService';
import { step, type GraphLink, type IdentifierUse } from './neighbours';

/** One location of a record, as record-sources answers it. */
export interface Location {
  record: string;
  agency: string;
  caseRef: string | null;
  cells: [string, string][];
  fileName: string;
  sha256: string;
  sheet: string;
  row: number;
  importedAt: string;
  grading: string | null;
  handling: string | null;
  profile: { columns: { column: string; sheet?: string; entity: string; field: string }[] } | null;
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

function gradingOf(g: { sourceEvaluation?: unknown; informationAssessment?: unknown }): string | null {
  const source = typeof g.sourceEvaluation === 'string' ? g.sourceEvaluation : '';
  const information = typeof g.informationAssessment === 'string' ? g.informationAssessment : '';
  return source || information ? `${source}${information}` : null;
}

function handlingOf(g: { handlingCode?: unknown; handlingConditions?: unknown }): string | null {
  const code = typeof g.handlingCode === 'string' && g.handlingCode ? g.handlingCode : null;
  const conditions = typeof g.handlingConditions === 'string' && g.handlingConditions ? g.handlingConditions : null;
  return code && conditions ? `${code} (${conditions})` : (code ?? conditions);
}

/** Every location of these records, by record id. */
export async function locations(db: Database, records: Iterable<string>): Promise<Map<string, Location[]>> {
  const ids = [...new Set(records)];
  const out = new Map<string, Location[]>();
  if (ids.length === 0) return out;
  const profiles = new Map<string, Location['profile']>();
  for (const row of await db.read('workspace/record-sources', { ids })) {
    const profileJson = row.stringOrNull('profileJson');
    let profile = profileJson ? profiles.get(profileJson) : null;
    if (profileJson && profile === undefined) {
      try {
        profile = JSON.parse(profileJson) as Location['profile'];
      } catch {
        profile = null;
      }
      profiles.set(profileJson, profile ?? null);
    }
    const raw = row.stringOrNull('raw');
    const g = row.toObject();
    const location: Location = {
      record: row.string('record'),
      agency: row.string('agency'),
      caseRef: row.stringOrNull('caseRef'),
      cells: raw ? storedRawCells(raw) : [],
      fileName: row.stringOrNull('fileName') ?? '',
      sha256: row.stringOrNull('sha256') ?? '',
      sheet: row.stringOrNull('sheet') ?? '',
      row: Number(row.get('row') ?? 0),
      importedAt: row.stringOrNull('importedAt') ?? row.stringOrNull('recordImportedAt') ?? '',
      grading: gradingOf(g),
      handling: handlingOf(g),
      profile: profile ?? null,
    };
    out.set(location.record, [...(out.get(location.record) ?? []), location]);
  }
  return out;
}

/** A location as a source: the column and cell when known, an identifier use's own grading and handling over the row's. */
export function sourceRef(
  loc: Location,
  column: string | null,
  raw: string | null,
  use?: IdentifierUse | null,
): SourceRefDto {
  return {
    record: loc.record,
    agency: loc.agency,
    fileName: loc.fileName,
    sha256: loc.sha256,
    sheet: loc.sheet,
    row: loc.row,
    column,
    raw,
    caseRef: loc.caseRef,
    importedAt: loc.importedAt,
    grading: (use && gradingOf(use)) ?? loc.grading,
    handling: (use && handlingOf(use)) ?? loc.handling,
  };
}

/** The columns of a location's profile that feed one entity's fields, with their cells. */
function cellsFor(loc: Location, entity: string, fields: readonly string[]): { column: string; raw: string }[] {
  const columns = (loc.profile?.columns ?? []).filter(
    (c) => c.entity === entity && fields.includes(c.field) && (!c.sheet || c.sheet === loc.sheet),
  );
  return columns.flatMap((c) => {
    const cell = loc.cells.find(([header]) => fold(header) === fold(c.column));
    return cell && cell[1] !== '' ? [{ column: cell[0], raw: cell[1] }] : [];
  });
}

/** Sources of a fact read from some of an entity's fields in a record (every location of it). */
export function fieldSources(locs: readonly Location[], entity: string, fields: readonly string[]): SourceRefDto[] {
  return locs.flatMap((loc) => {
    const cells = cellsFor(loc, entity, fields);
    if (cells.length === 0) return [sourceRef(loc, null, null)];
    return cells.map((c) => sourceRef(loc, c.column, c.raw));
  });
}

/** The party properties a person or organisation node lists, as an investigator names them, with the profile fields behind each. */
export const PARTY_PROPERTIES: [key: string, name: string, fields: string[]][] = [
  ['name', 'name', ['fullName', 'givenName', 'familyName']],
  ['nameLatin', 'name in Latin script', ['nameLatin']],
  ['alias', 'alias', ['alias']],
  ['birthDate', 'date of birth', ['birthDate']],
  ['birthYear', 'year of birth', ['birthDate']],
  ['nationality', 'nationality', ['nationality']],
  ['gender', 'gender', ['gender']],
  ['role', 'role', ['role']],
];

/** The record properties a record node lists, as an investigator names them. */
export const RECORD_FIELDS: [key: string, name: string][] = [
  ['caseRef', 'case reference'],
  ['recordRef', 'record reference'],
  ['eventDate', 'date'],
  ['location', 'place'],
];

class PropertyList {
  readonly #byKey = new Map<string, PropertySourceDto>();

  add(name: string, value: unknown, sources: SourceRefDto[]): void {
    if (value === null || value === undefined || value === '') return;
    const text = String(value);
    const key = `${name}\u0000${text}`;
    const entry = this.#byKey.get(key) ?? { name, value: text, sources: [] };
    entry.sources.push(...sources);
    this.#byKey.set(key, entry);
  }

  list(): PropertySourceDto[] {
    return [...this.#byKey.values()];
  }
}

/** The identifier uses on a link, as sources. */
export function useSources(l: GraphLink, locs: Map<string, Location[]>): SourceRefDto[] {
  return (l.record ? (locs.get(l.record) ?? []) : []).map((loc) =>
    sourceRef(loc, l.use?.column ?? null, l.use?.raw ?? null, l.use),
  );
}

/**
 * The sources of a `mentions`, `about` or identifier edge between `ends`: those of every link of
 * its kind between them (a record naming a person in two roles is two `mentions` edges, each with
 * its own links). `chart` says which end a link's reference stands for.
 */
export function drawnEdgeSources(
  e: Pick<ChartEdgeDto, 'kind' | 'role'>,
  links: readonly GraphLink[],
  ends: readonly string[],
  chart: (ref: string) => string,
  locs: Map<string, Location[]>,
): SourceRefDto[] {
  const matching = links.filter((l) => {
    const [from, to] = [chart(l.from), chart(l.to)];
    return (
      ends.includes(from) && ends.includes(to) && from !== to && (e.kind !== 'mentions' || l.role === (e.role ?? null))
    );
  });
  if (e.kind !== 'mentions' && e.kind !== 'about') return matching.flatMap((l) => useSources(l, locs));
  return matching.flatMap((l) => {
    const recordLocs = l.record ? (locs.get(l.record) ?? []) : [];
    if (e.kind === 'about') return fieldSources(recordLocs, 'record', ['caseRef']);
    return recordLocs.map((loc) => sourceRef(loc, null, null));
  });
}

/** Sources once each (a link read from both of its ends is one assertion), in agency order. */
function distinctSources(sources: SourceRefDto[]): SourceRefDto[] {
  const seen = new Map<string, SourceRefDto>();
  for (const s of sources) seen.set(JSON.stringify(s), s);
  return [...seen.values()].sort(byAgencyOrder);
}

const byAgencyOrder = (a: SourceRefDto, b: SourceRefDto) =>
  a.agency.localeCompare(b.agency) ||
  a.fileName.localeCompare(b.fileName) ||
  a.sheet.localeCompare(b.sheet) ||
  a.row - b.row ||
  (a.column ?? '').localeCompare(b.column ?? '');

async function loadOne(
  db: Database,
  ref: string,
): Promise<{ loaded: LoadedNodes; node: ChartNodeDto; chartRef: string }> {
  const loaded = await loadChartNodes(db, [ref]);
  const chartRef = loaded.resolved.get(ref);
  const node = chartRef ? loaded.nodes.get(chartRef) : undefined;
  if (!chartRef || !node) throw new CaselinkFailure({ kind: 'NotFound', message: `${ref} is not in the graph.` });
  return { loaded, node, chartRef };
}

/** The graph references behind a chart node (a person's every mention). */
function graphRefsOf(loaded: LoadedNodes, chartRef: string): string[] {
  const kind = parseNodeRef(chartRef)?.kind ?? 'person';
  return loaded.mentionsOf.get(chartRef)?.map((m) => nodeRef(kind, [m])) ?? [chartRef];
}

/** Every property of a chart node with its sources, and which agencies know it through which records. */
export async function nodeDetails(db: Database, input: z.input<typeof nodeDetailsInput>): Promise<NodeDetailsDto> {
  const { node: ref } = nodeDetailsInput.parse(input);
  return inOneRead(db, 'workspace/node-details', (tx) => nodeDetailsIn(tx, ref));
}

async function nodeDetailsIn(db: Database, ref: string): Promise<NodeDetailsDto> {
  const { loaded, node, chartRef } = await loadOne(db, ref);
  const mentionIds = loaded.mentionsOf.get(chartRef) ?? [];
  // Side by side: one round of waiting, not two.
  const [links, mentions] = await Promise.all([
    step(db, graphRefsOf(loaded, chartRef), { types: [], agencies: [] }),
    mentionIds.length ? loadMentions(db, mentionIds) : Promise.resolve(new Map<string, MentionRow>()),
  ]);
  const identifierLinks = links.filter((l) => l.use !== null && l.type.startsWith('HAS_'));
  const records = new Set<string>();
  for (const m of mentions.values()) for (const r of m.records) records.add(r.id);
  if (node.kind === 'record') records.add(parseNodeRef(chartRef)?.parts[0] as string);
  if (node.kind === 'case') for (const l of links) if (l.record) records.add(l.record);
  for (const l of identifierLinks) if (l.record) records.add(l.record);
  const [locs, known] = await Promise.all([
    locations(db, records),
    loadChartNodes(
      db,
      identifierLinks.map((l) => (isIdentifierKind(l.toKind) ? l.to : l.from)),
    ),
  ]);
  const properties = new PropertyList();

  if (node.kind === 'person' || node.kind === 'organization') {
    for (const m of mentions.values()) {
      const entity = String(m.properties.entity ?? '');
      for (const r of m.records) {
        const recordLocs = locs.get(r.id) ?? [];
        for (const [key, name, fields] of PARTY_PROPERTIES) {
          properties.add(name, m.properties[key], fieldSources(recordLocs, entity, fields));
        }
      }
    }
  }
  if (node.kind === 'record') {
    const recordLocs = locs.get(parseNodeRef(chartRef)?.parts[0] as string) ?? [];
    for (const [key, name] of RECORD_FIELDS) {
      const fields = key === 'location' ? ['location'] : [key];
      properties.add(name, node.properties[key], fieldSources(recordLocs, 'record', fields));
    }
    // The row as written: every cell, each its own column.
    for (const loc of recordLocs.slice(0, 1)) {
      for (const [header, text] of loc.cells) properties.add(`cell "${header}"`, text, [sourceRef(loc, header, text)]);
    }
  }
  if (node.kind === 'case') {
    for (const r of records) {
      properties.add('case reference', node.properties.ref, fieldSources(locs.get(r) ?? [], 'record', ['caseRef']));
    }
  }
  for (const l of identifierLinks) {
    const identifier = isIdentifierKind(l.toKind) ? l.to : l.from;
    const kind = parseNodeRef(identifier)?.kind ?? 'phone';
    const label = known.nodes.get(known.resolved.get(identifier) ?? identifier)?.label ?? identifier;
    properties.add(kind, label, useSources(l, locs));
  }

  const agencies = new Map<string, SourceRefDto[]>();
  for (const r of [...records].sort()) {
    for (const loc of locs.get(r) ?? [])
      agencies.set(loc.agency, [...(agencies.get(loc.agency) ?? []), sourceRef(loc, null, null)]);
  }
  return {
    node,
    properties: properties.list().map((p) => ({ ...p, sources: distinctSources(p.sources) })),
    agencies: [...agencies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agency, refs]) => ({ agency, records: refs.sort(byAgencyOrder) })),
  };
}

/**
 * The evidence behind a chart edge, by its id or by its two ends (every kind of link between
 * them, or only `kind`): identifier uses with their columns and cells on every side, the rows
 * that mention a person or name a case, and same-person pairs with their status and reasons.
 */
export async function explainEdge(db: Database, input: z.input<typeof explainEdgeInput>): Promise<EdgeEvidenceDto> {
  const opts = explainEdgeInput.parse(input);
  return inOneRead(db, 'workspace/explain-edge', (tx) => explainEdgeIn(tx, opts));
}

async function explainEdgeIn(db: Database, opts: z.output<typeof explainEdgeInput>): Promise<EdgeEvidenceDto> {
  const parsed = opts.edge !== undefined ? parseEdgeId(opts.edge) : null;
  if (opts.edge !== undefined && !parsed)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `"${opts.edge.slice(0, 100)}" is not a chart edge id.`,
    });
  const source = parsed?.source ?? (opts.source as string);
  const target = parsed?.target ?? (opts.target as string);
  const kind = parsed?.kind ?? opts.kind;
  const loaded = await loadChartNodes(db, [source, target]);
  const [s, t] = [loaded.resolved.get(source), loaded.resolved.get(target)];
  for (const [asked, found] of [
    [source, s],
    [target, t],
  ] as const) {
    if (!found) throw new CaselinkFailure({ kind: 'NotFound', message: `${asked} is not in the graph.` });
  }
  const notes: string[] = [];
  if (s === t) {
    notes.push('Both ends are one person: their mentions are joined by confirmed same-person matches.');
  }
  const ends = [s as string, t as string];
  // Side by side, in two rounds of waiting: the edges and the links, then the rows and the labels.
  const [edges, links]: [ChartEdgeDto[], GraphLink[]] = await Promise.all([
    edgesAmong(db, loaded, ends, true, 0),
    step(
      db,
      ends.flatMap((ref) => graphRefsOf(loaded, ref)),
      { types: [], agencies: [] },
    ),
  ]);
  const wanted = edges.filter((e) => !kind || e.kind === kind);
  const chart = (ref: string) => loaded.resolved.get(ref) ?? ref;
  const records = new Set<string>(wanted.flatMap((e) => e.records));
  for (const l of links) if (l.record) records.add(l.record);
  const [locs, labels] = await Promise.all([
    locations(db, records),
    loadChartNodes(db, [...links.map((l) => l.to), ...wanted.flatMap((e) => e.via ?? [])]),
  ]);
  const facts: EdgeFactDto[] = [];
  const labelOf = (ref: string) =>
    labels.nodes.get(labels.resolved.get(ref) ?? ref)?.label ?? loaded.nodes.get(ref)?.label ?? ref;

  for (const e of wanted) {
    if (e.kind === 'shares') {
      for (const via of e.via ?? []) {
        const uses = links.filter((l) => l.to === via && ends.includes(chart(l.from)));
        facts.push({
          kind: 'shares',
          statement: `both used ${parseNodeRef(via)?.kind ?? 'identifier'} ${labelOf(via)}`,
          identifier: via,
          sources: distinctSources(uses.flatMap((l) => useSources(l, locs))),
        });
      }
    } else if (e.kind === 'same-as') {
      const pairs = await db.read('workspace/same-as-between', {
        a: loaded.mentionsOf.get(e.source) ?? [],
        b: loaded.mentionsOf.get(e.target) ?? [],
      });
      for (const p of pairs) {
        const [a, b] = [p.string('a'), p.string('b')];
        const pairRecords = [...(await loadMentions(db, [a, b])).values()].flatMap((m) => m.records.map((r) => r.id));
        const more = await locations(db, pairRecords);
        facts.push({
          kind: 'same-as',
          statement: `${p.string('status')} same-person pair, score ${p.get('score') ?? 'none'}`,
          match: {
            a,
            b,
            status: p.string('status'),
            score: typeof p.get('score') === 'number' ? (p.get('score') as number) : null,
            reasons: p.strings('reasons'),
            decidedBy: p.stringOrNull('reviewerName') ?? p.stringOrNull('decidedBy'),
          },
          sources: distinctSources(
            pairRecords.flatMap((r) => (more.get(r) ?? []).map((loc) => sourceRef(loc, null, null))),
          ),
        });
      }
    } else {
      const sources = drawnEdgeSources(e, links, ends, chart, locs);
      const words =
        e.kind === 'mentions'
          ? `${labelOf(e.source)} mentions ${labelOf(e.target)}${e.role ? ` as ${e.role}` : ''}`
          : e.kind === 'about'
            ? `${labelOf(e.source)} is about ${labelOf(e.target)}`
            : `${labelOf(e.source)} used ${e.kind} ${labelOf(e.target)}`;
      facts.push({
        kind: e.kind,
        statement: words,
        ...((IDENTIFIER_NODE_KINDS as readonly string[]).includes(e.kind) ? { identifier: e.target } : {}),
        sources: distinctSources(sources),
      });
    }
  }
  if (facts.length === 0 && s !== t) notes.push('Nothing in the graph links these two nodes directly.');
  return { source: s as string, target: t as string, facts, notes };
}
