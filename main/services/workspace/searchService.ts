/**
 * The one search box: a text read every way it can be (name, phone, address, account, e-mail,
 * handle, document, plate, case reference; see core/searchText), each reading looked up through
 * the graph's full-text, text and range indexes, and the hits grouped by kind, best first, as
 * chart nodes with their agencies and record counts. Each search is recorded in the audit trail
 * (the text, kinds and how many hits; never the hits themselves).
 */
import type { z } from 'zod';
import { nodeRef, type ChartNodeDto, type ChartNodeKind, type MentionDto } from '../../contract/workspaceTypes';
import type { SearchHitDto, SearchResultDto, searchInput } from '../../contract/workspaceTypes';
import { CHART_NODE_KINDS } from '../../contract/workspaceTypes';
import { readSearchText, type SearchPlan } from '../../core/searchText';
import type { Database, Row } from '../../db/database';
import { audited } from '../auditService';

export type SearchOptions = z.output<typeof searchInput>;

/** Scores by how a node was found: an exact identifier, part of one, or full text (below both). */
const EXACT = 3;
const PART = 2;
const WORDS = 1;

/** A hit before it is grouped: the node, why, and how well. */
interface Hit {
  node: ChartNodeDto;
  matched: string;
  score: number;
}

/** Full-text scores are unbounded; squeezed into (0, 1) so that they stay below every identifier match. */
const squeeze = (score: number) => (score > 0 ? score / (score + 1) : 0);

/** Rounded, so that equal matches compare equal whatever the float arithmetic did. */
const round = (score: number) => Math.round(score * 1e6) / 1e6;

const sorted = (values: readonly (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))].sort();

/** Letters of a script other than Latin (Cyrillic, Greek, Arabic …). */
const NON_LATIN = /(?=\p{L})[^\p{Script=Latin}]/u;

interface IdentifierFinder {
  kind: ChartNodeKind;
  /** Runs the kind's statement (named here, so that the registry sees every name the code runs). */
  find(db: Database, params: Record<string, unknown>): Promise<Row[]>;
  /** The statement's parameters from the plan; null when the text cannot be this kind. */
  params(plan: SearchPlan): Record<string, unknown> | null;
  /** The typed part looked for inside keys (the key's last part), if any. */
  part(plan: SearchPlan): string | null;
  /** The names of the reference's parts, as node properties. */
  parts: readonly string[];
  describe(display: string, exact: boolean): string;
}

const some = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);

const IDENTIFIER_FINDERS: readonly IdentifierFinder[] = [
  {
    kind: 'phone',
    find: (db, params) => db.read('search/find-phones', params),
    parts: ['e164'],
    params: (p) =>
      p.phones.length || p.phoneDigits ? { exact: p.phones.map((x) => x.e164), parts: some([p.phoneDigits]) } : null,
    part: (p) => p.phoneDigits,
    describe: (d, exact) => (exact ? `phone ${d}` : `phone ${d} (part of the number)`),
  },
  {
    kind: 'email',
    find: (db, params) => db.read('search/find-emails', params),
    parts: ['key'],
    params: (p) => (p.emails.length || p.emailPart ? { exact: p.emails, parts: some([p.emailPart]) } : null),
    part: (p) => p.emailPart,
    describe: (d, exact) => (exact ? `e-mail ${d}` : `e-mail ${d} (part)`),
  },
  {
    kind: 'handle',
    find: (db, params) => db.read('search/find-handles', params),
    parts: ['platform', 'key'],
    params: (p) => (p.handles.length || p.handlePart ? { exact: p.handles, parts: some([p.handlePart]) } : null),
    part: (p) => p.handlePart,
    describe: (d, exact) => (exact ? `handle ${d}` : `handle ${d} (part)`),
  },
  {
    kind: 'account',
    find: (db, params) => db.read('search/find-accounts', params),
    parts: ['kind', 'key'],
    params: (p) =>
      p.accountKeys.length || p.accountPart
        ? {
            exact: p.accountKeys,
            parts: p.accountPart ? [...new Set([p.accountPart.toUpperCase(), p.accountPart.toLowerCase()])] : [],
          }
        : null,
    part: (p) => p.accountPart,
    describe: (d, exact) => (exact ? `account ${d}` : `account ${d} (part)`),
  },
  {
    kind: 'document',
    find: (db, params) => db.read('search/find-documents', params),
    parts: ['kind', 'country', 'number'],
    params: (p) =>
      p.documentNumber || p.documentPart ? { exact: some([p.documentNumber]), parts: some([p.documentPart]) } : null,
    part: (p) => p.documentPart,
    describe: (d, exact) => (exact ? `document ${d}` : `document ${d} (part of the number)`),
  },
  {
    kind: 'vehicle',
    find: (db, params) => db.read('search/find-vehicles', params),
    parts: ['country', 'plate'],
    params: (p) => (p.plate || p.platePart ? { exact: some([p.plate]), parts: some([p.platePart]) } : null),
    part: (p) => p.platePart,
    describe: (d, exact) => (exact ? `plate ${d}` : `plate ${d} (part)`),
  },
  {
    kind: 'address',
    find: (db, params) => db.read('search/find-addresses', params),
    parts: ['key'],
    params: (p) => (p.addressKeys.length || p.addresses ? { exact: p.addressKeys, query: p.addresses } : null),
    part: () => null,
    describe: (d, exact) => (exact ? `address ${d} (the same address key)` : `address "${d}"`),
  },
];

/**
 * An identifier or case row (keys, display, hub, exact, score, records, agencies, dates) as a
 * hit. A part match ranks by the share of the key the typed part covers; a full-text match by
 * its squeezed score.
 */
function rowHit(
  kind: ChartNodeKind,
  parts: readonly string[],
  row: Row,
  matched: (display: string, exact: boolean) => string,
  part: string | null = null,
): Hit {
  const keys = row.strings('keys');
  const display = row.stringOrNull('display') ?? keys.join(' ');
  const exact = row.boolean('exact');
  const properties: ChartNodeDto['properties'] = { display };
  parts.forEach((name, i) => {
    properties[name] = keys[i] ?? null;
  });
  const dates = sorted(row.strings('dates'));
  const node: ChartNodeDto = {
    id: nodeRef(kind, keys),
    kind,
    label: kind === 'case' ? `${display} (${keys[0] ?? ''})` : display,
    agencies: sorted(row.strings('agencies')),
    records: row.number('records'),
    hub: row.boolean('hub'),
    properties,
    ...(dates.length ? { dates } : {}),
  };
  const key = keys[keys.length - 1] ?? '';
  const score = exact
    ? EXACT
    : part
      ? PART + Math.min(0.999, part.length / Math.max(key.length, 1))
      : WORDS + squeeze(row.number('score'));
  return { node, matched: matched(display, exact), score };
}

async function findIdentifiers(
  db: Database,
  plan: SearchPlan,
  kinds: Set<ChartNodeKind>,
  limit: number,
): Promise<Hit[]> {
  const found = await Promise.all(
    IDENTIFIER_FINDERS.filter((f) => kinds.has(f.kind)).map(async (finder) => {
      const params = finder.params(plan);
      if (!params) return [];
      const rows = await finder.find(db, { ...params, limit });
      return rows.map((row) => rowHit(finder.kind, finder.parts, row, finder.describe, finder.part(plan)));
    }),
  );
  return found.flat();
}

async function findCases(db: Database, plan: SearchPlan, limit: number): Promise<Hit[]> {
  const rows = await db.read('search/find-cases', { ref: plan.caseRef, query: plan.cases, limit });
  return rows.map((row) =>
    rowHit('case', ['agency', 'ref'], row, (display, exact) =>
      exact ? `case reference ${display}` : `case reference "${display}"`,
    ),
  );
}

interface PartyRow {
  id: string;
  person: boolean;
  name: string | null;
  agency: string | null;
  score: number;
}

function nameMatched(name: string | null, text: string): string {
  if (!name) return 'name';
  return NON_LATIN.test(name) !== NON_LATIN.test(text) ? `name "${name}" (transliterated)` : `name "${name}"`;
}

/**
 * Persons and organisations by name. A person's mentions joined by confirmed same-person pairs
 * are one hit, under the reference of its least mention id, scored by its best mention.
 */
async function findParties(db: Database, plan: SearchPlan, kinds: Set<ChartNodeKind>, limit: number) {
  if (!plan.names || !(kinds.has('person') || kinds.has('organization'))) return [];
  // One person's several mentions each take a place in the full-text answer: ask for more.
  const rows: PartyRow[] = (await db.read('search/find-parties', { query: plan.names, limit: limit * 4 })).map((r) => ({
    id: r.string('id'),
    person: r.boolean('person'),
    name: r.stringOrNull('name'),
    agency: r.stringOrNull('agency'),
    score: r.number('score'),
  }));
  const hits: Hit[] = [];
  if (kinds.has('organization')) {
    const organizations = rows.filter((r) => !r.person);
    const counts = new Map(
      organizations.length
        ? (await db.read('search/organization-records', { ids: organizations.map((o) => o.id) })).map((r) => [
            r.string('id'),
            { records: r.number('records'), agencies: r.strings('agencies'), dates: r.strings('dates') },
          ])
        : [],
    );
    for (const o of organizations) {
      const c = counts.get(o.id);
      const dates = sorted(c?.dates ?? []);
      hits.push({
        node: {
          id: nodeRef('organization', [o.id]),
          kind: 'organization',
          label: o.name ?? 'unnamed',
          agencies: sorted(c?.agencies ?? [o.agency]),
          records: c?.records ?? 0,
          hub: false,
          properties: { name: o.name },
          ...(dates.length ? { dates } : {}),
        },
        matched: nameMatched(o.name, plan.text),
        score: WORDS + squeeze(o.score),
      });
    }
  }
  const persons = rows.filter((r) => r.person);
  if (kinds.has('person') && persons.length) {
    const groups = await db.read('search/person-groups', { ids: persons.map((p) => p.id) });
    const byRef = new Map<string, { best: PartyRow; mentions: MentionDto[] }>();
    const scoreOf = new Map(persons.map((p) => [p.id, p]));
    for (const g of groups) {
      const ref = g.string('ref');
      const hit = scoreOf.get(g.string('id')) as PartyRow;
      const known = byRef.get(ref);
      if (!known) byRef.set(ref, { best: hit, mentions: g.get('mentions') as MentionDto[] });
      else if (hit.score > known.best.score || (hit.score === known.best.score && hit.id < known.best.id))
        known.best = hit;
    }
    for (const [ref, { best, mentions }] of byRef) {
      const dates = sorted(mentions.map((m) => m.date)).slice(0, 100);
      const names = sorted(mentions.map((m) => m.name));
      hits.push({
        node: {
          id: nodeRef('person', [ref]),
          kind: 'person',
          label: best.name ?? 'unnamed',
          agencies: sorted(mentions.map((m) => m.agency)),
          records: new Set(mentions.map((m) => m.record)).size,
          hub: false,
          mentions,
          roles: sorted(mentions.map((m) => m.role)),
          properties: { name: best.name, ...(names.length > 1 ? { names } : {}) },
          ...(dates.length ? { dates } : {}),
        },
        matched: nameMatched(best.name, plan.text),
        score: WORDS + squeeze(best.score),
      });
    }
  }
  return hits;
}

const KIND_RANK = new Map(CHART_NODE_KINDS.map((k, i) => [k, i]));

/** Best first; equal scores by kind, label, then reference, so that one search always lists alike. */
function compareHits(a: Hit, b: Hit): number {
  return (
    b.score - a.score ||
    (KIND_RANK.get(a.node.kind) ?? 0) - (KIND_RANK.get(b.node.kind) ?? 0) ||
    (a.node.label < b.node.label ? -1 : a.node.label > b.node.label ? 1 : 0) ||
    (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0)
  );
}

/**
 * Searches the graph for a text (see the module comment). At most `limit` hits in all, the best
 * ones; each group's `total` counts what its kind found (each kind looks at most `limit` deep).
 */
export async function search(db: Database, options: SearchOptions): Promise<SearchResultDto> {
  const kinds = new Set<ChartNodeKind>(options.kinds.length ? options.kinds : CHART_NODE_KINDS);
  const [countriesRow] = await db.read('search/agency-countries');
  const plan = readSearchText(options.text, countriesRow?.strings('countries') ?? []);
  const [parties, cases, identifiers] = await Promise.all([
    findParties(db, plan, kinds, options.limit),
    kinds.has('case') && plan.caseRef ? findCases(db, plan, options.limit) : [],
    findIdentifiers(db, plan, kinds, options.limit),
  ]);
  const all = [...parties, ...cases, ...identifiers].map((h) => ({ ...h, score: round(h.score) }));
  const totals = new Map<ChartNodeKind, number>();
  for (const h of all) totals.set(h.node.kind, (totals.get(h.node.kind) ?? 0) + 1);
  const kept = all.sort(compareHits).slice(0, options.limit);
  const groups: SearchResultDto['groups'] = [];
  for (const hit of kept) {
    let group = groups.find((g) => g.kind === hit.node.kind);
    if (!group) {
      group = { kind: hit.node.kind, hits: [], total: totals.get(hit.node.kind) ?? 0 };
      groups.push(group);
    }
    group.hits.push({ node: hit.node, matched: hit.matched, score: hit.score } satisfies SearchHitDto);
  }
  const readAs = plan.readAs.filter(
    (line) => !line.startsWith('as a name') || kinds.has('person') || kinds.has('organization'),
  );
  if (options.kinds.length) readAs.push(`only ${options.kinds.join(', ')}`);
  return { groups, readAs };
}

/**
 * {@link search}, recorded in the audit trail: who searched for what text, in which kinds, and
 * how many hits came back (never the hits: the trail must not become a copy of the graph).
 */
export function auditedSearch(db: Database, options: SearchOptions): Promise<SearchResultDto> {
  return audited(
    db,
    { kind: 'search', action: 'search', details: { text: options.text, kinds: options.kinds.join(',') || 'all' } },
    () => search(db, options),
    (result) => ({ hits: result.groups.reduce((n, g) => n + g.hits.length, 0) }),
  );
}
