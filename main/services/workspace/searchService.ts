/**
 * The one search box: a text read every way it can be (name, phone, address, account, e-mail,
 * handle, document, plate, case reference; see core/searchText), each reading looked up through
 * the graph's full-text, text and range indexes, and the hits grouped by kind, best first, as
 * chart nodes with their agencies and record counts. Each search is recorded in the audit trail
 * (the text, kinds and how many hits; never the hits themselves).
 */
import type { z } from 'zod';
import { nodeRef, type ChartNodeDto, type ChartNodeKind } from '../../contract/workspaceTypes';
import type { SearchHitDto, SearchResultDto, searchInput } from '../../contract/workspaceTypes';
import { CHART_NODE_KINDS } from '../../contract/workspaceTypes';
import { readSearchText, type SearchPlan } from '../../core/searchText';
import { inOneRead, type Database, type Row } from '../../db/database';
import { audited } from '../auditService';
import { addPartyRows, loadChartNodes, MAX_COMPONENT, noNodes, type LoadedNodes } from './chartNodes';

export type SearchOptions = z.output<typeof searchInput>;

/** Scores by how a node was found: an exact identifier, part of one, or full text (below both). */
const EXACT = 3;
const PART = 2;
const WORDS = 1;

/** Something found, before its chart node is read: its reference, why, and how well. */
interface Found {
  ref: string;
  matched: string;
  score: number;
}

/** Full-text scores are unbounded; squeezed into (0, 1) so that they stay below every identifier match. */
const squeeze = (score: number) => (score > 0 ? score / (score + 1) : 0);

/** Rounded, so that equal matches compare equal whatever the float arithmetic did. */
const round = (score: number) => Math.round(score * 1e6) / 1e6;

/** Letters of a script other than Latin (Cyrillic, Greek, Arabic …). */
const NON_LATIN = /(?=\p{L})[^\p{Script=Latin}]/u;

interface IdentifierFinder {
  kind: ChartNodeKind;
  /** Runs the kind's statement (named here, so that the registry sees every name the code runs). */
  find(db: Database, params: Record<string, unknown>): Promise<Row[]>;
  /** What the statement looks for ($look), from the plan; null when the text cannot be this kind. */
  params(plan: SearchPlan): Record<string, unknown> | null;
  /** The typed part looked for inside keys (the key's last part), if any. */
  part(plan: SearchPlan): string | null;
  describe(display: string, exact: boolean): string;
}

const some = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);

const IDENTIFIER_FINDERS: readonly IdentifierFinder[] = [
  {
    kind: 'phone',
    find: (db, params) => db.read('search/find-phones', params),
    params: (p) =>
      p.phones.length || p.phoneDigits ? { exact: p.phones.map((x) => x.e164), parts: some([p.phoneDigits]) } : null,
    part: (p) => p.phoneDigits,
    describe: (d, exact) => (exact ? `phone ${d}` : `phone ${d} (part of the number)`),
  },
  {
    kind: 'email',
    find: (db, params) => db.read('search/find-emails', params),
    params: (p) => (p.emails.length || p.emailPart ? { exact: p.emails, parts: some([p.emailPart]) } : null),
    part: (p) => p.emailPart,
    describe: (d, exact) => (exact ? `e-mail ${d}` : `e-mail ${d} (part)`),
  },
  {
    kind: 'handle',
    find: (db, params) => db.read('search/find-handles', params),
    params: (p) => (p.handles.length || p.handlePart ? { exact: p.handles, parts: some([p.handlePart]) } : null),
    part: (p) => p.handlePart,
    describe: (d, exact) => (exact ? `handle ${d}` : `handle ${d} (part)`),
  },
  {
    kind: 'account',
    find: (db, params) => db.read('search/find-accounts', params),
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
    params: (p) =>
      p.documentNumber || p.documentPart ? { exact: some([p.documentNumber]), parts: some([p.documentPart]) } : null,
    part: (p) => p.documentPart,
    describe: (d, exact) => (exact ? `document ${d}` : `document ${d} (part of the number)`),
  },
  {
    kind: 'vehicle',
    find: (db, params) => db.read('search/find-vehicles', params),
    params: (p) => (p.plate || p.platePart ? { exact: some([p.plate]), parts: some([p.platePart]) } : null),
    part: (p) => p.platePart,
    describe: (d, exact) => (exact ? `plate ${d}` : `plate ${d} (part)`),
  },
  {
    kind: 'address',
    find: (db, params) => db.read('search/find-addresses', params),
    params: (p) => (p.addressKeys.length || p.addresses ? { exact: p.addressKeys, query: p.addresses } : null),
    part: () => null,
    describe: (d, exact) => (exact ? `address ${d} (the same address key)` : `address "${d}"`),
  },
];

/**
 * An identifier or case row (keys, display, exact, score) as something found. A part match ranks
 * by the share of the key the typed part covers; a full-text match by its squeezed score.
 */
function rowFound(
  kind: ChartNodeKind,
  row: Row,
  matched: (display: string, exact: boolean) => string,
  part: string | null = null,
): Found {
  const keys = row.strings('keys');
  const display = row.stringOrNull('display') ?? keys.join(' ');
  const exact = row.boolean('exact');
  const key = keys[keys.length - 1] ?? '';
  const score = exact
    ? EXACT
    : part
      ? PART + Math.min(0.999, part.length / Math.max(key.length, 1))
      : WORDS + squeeze(row.number('score'));
  return { ref: nodeRef(kind, keys), matched: matched(display, exact), score };
}

async function findIdentifiers(
  db: Database,
  plan: SearchPlan,
  kinds: Set<ChartNodeKind>,
  limit: number,
): Promise<Found[]> {
  const found = await Promise.all(
    IDENTIFIER_FINDERS.filter((f) => kinds.has(f.kind)).map(async (finder) => {
      const params = finder.params(plan);
      if (!params) return [];
      // In one map: a mix of empty and filled lists would have Neo4j plan the statement again.
      const rows = await finder.find(db, { look: params, limit });
      return rows.map((row) => rowFound(finder.kind, row, finder.describe, finder.part(plan)));
    }),
  );
  return found.flat();
}

async function findCases(db: Database, plan: SearchPlan, limit: number): Promise<Found[]> {
  const rows = await db.read('search/find-cases', { look: { ref: plan.caseRef, query: plan.cases }, limit });
  return rows.map((row) =>
    rowFound('case', row, (display, exact) => (exact ? `case reference ${display}` : `case reference "${display}"`)),
  );
}

function nameMatched(name: string | null, text: string): string {
  if (!name) return 'name';
  if (/[?\uFFFD]/.test(name) && !/[?\uFFFD]/.test(text)) return `name "${name}" (letters lost in the file's encoding)`;
  return NON_LATIN.test(name) !== NON_LATIN.test(text) ? `name "${name}" (transliterated)` : `name "${name}"`;
}

/** How far a name's spelling was widened: as typed, one letter apart, two letters apart. */
type Widened = 'exact' | 'near' | 'far';

/** What the reading says when a name was looked for beyond how it was typed. */
const WIDENED_READ: Record<Widened, string | null> = {
  exact: null,
  near: "as a name one letter apart, or with letters lost in a file's encoding (too few as typed)",
  far: 'as a name up to two letters apart (too few one letter apart)',
};

/**
 * Person and organisation mentions by name, each under its own reference, and the chart nodes of
 * the best `cut` of them, read with them: a chart node joins a person's mentions (confirmed
 * same-person pairs) into one. The name's queries are tried narrowest first, in the statement,
 * until one fills the page asked of the index (see nameQueries).
 */
async function findParties(
  db: Database,
  plan: SearchPlan,
  kinds: Set<ChartNodeKind>,
  limit: number,
  cut: number,
): Promise<{ found: Found[]; loaded: LoadedNodes | null; widened: Widened | null }> {
  const look = plan.nameQueries;
  if (!look || !(kinds.has('person') || kinds.has('organization'))) return { found: [], loaded: null, widened: null };
  // One person's several mentions each take a place in the full-text answer: ask for more.
  const rows = await db.read('search/find-parties', { look, limit: limit * 4, cut, max: MAX_COMPONENT });
  const loaded = noNodes();
  addPartyRows(rows, loaded);
  const found = rows
    .filter((r) => kinds.has(r.boolean('person') ? 'person' : 'organization'))
    .map((r) => ({
      ref: nodeRef(r.boolean('person') ? 'person' : 'organization', [r.string('id')]),
      matched: nameMatched(r.stringOrNull('name'), plan.text),
      score: WORDS + squeeze(r.number('score')),
    }));
  // With nothing found every query ran, up to the widest there was.
  const widened =
    (rows[0]?.string('widened') as Widened | undefined) ?? (look.far ? 'far' : look.near ? 'near' : 'exact');
  return { found, loaded, widened };
}

/**
 * The agencies' countries as last read from each database (by address and name): phones and
 * addresses typed in national form are looked up in them at once, beside the statement that reads
 * the countries again, and looked up a second time only when the countries read differ.
 */
const lastCountries = new Map<string, readonly string[]>();

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A hit with its chart node. */
interface Hit {
  node: ChartNodeDto;
  matched: string;
  score: number;
}

/**
 * The chart nodes of what was found, from what was read already (`ready`) and, for the rest, read
 * now. Several mentions of one person become one hit, under the person's reference, with the best
 * of their scores (and, on a tie, the least mention's reason).
 */
async function withNodes(db: Database, found: readonly Found[], ready: LoadedNodes | null): Promise<Hit[]> {
  const missing = found.map((f) => f.ref).filter((ref) => !ready?.resolved.has(ref));
  const loaded = missing.length ? await loadChartNodes(db, missing) : null;
  const hits = new Map<string, Hit>();
  for (const f of found) {
    const from = ready?.resolved.has(f.ref) ? ready : loaded;
    const id = from?.resolved.get(f.ref);
    const node = id === undefined ? undefined : from?.nodes.get(id);
    if (!node) continue;
    const score = round(f.score);
    const known = hits.get(node.id);
    if (!known || score > known.score || (score === known.score && f.matched < known.matched))
      hits.set(node.id, { node, matched: f.matched, score });
  }
  return [...hits.values()];
}

/** Best first, then by reference: the same text always reads the same nodes. */
function compareFound(a: Found, b: Found): number {
  return b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
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
 * One read transaction: the lookups run side by side in it, pipelined on one connection.
 */
export async function search(db: Database, options: SearchOptions): Promise<SearchResultDto> {
  return inOneRead(db, 'workspace/search', (tx) => searchIn(tx, options));
}

async function searchIn(db: Database, options: SearchOptions): Promise<SearchResultDto> {
  const kinds = new Set<ChartNodeKind>(options.kinds.length ? options.kinds : CHART_NODE_KINDS);
  // Only phones and addresses are read in the agencies' countries: the rest start at once.
  const early = readSearchText(options.text, []);
  const inCountries = new Set<ChartNodeKind>(['phone', 'address']);
  const kindsInCountries = new Set([...kinds].filter((k) => inCountries.has(k)));
  const lookUp = (countries: readonly string[]) => {
    const plan = readSearchText(options.text, [...countries]);
    const found = findIdentifiers(db, plan, kindsInCountries, options.limit);
    // Awaited below, or dropped when the countries differ: never left to reject unheard.
    found.catch(() => undefined);
    return { plan, found };
  };
  const source = `${db.settings.uri} ${db.settings.database}`;
  const guess = lastCountries.get(source);
  const guessed = guess ? lookUp(guess) : null;
  const later = db.read('search/agency-countries').then(async ([row]) => {
    const countries = row?.strings('countries') ?? [];
    lastCountries.set(source, countries);
    const { plan, found } = guessed && guess && sameList(guess, countries) ? guessed : lookUp(countries);
    return { plan, found: await found };
  });
  // Chart nodes are read for the best only (twice the limit: a person's mentions join into one);
  // the rest are counted in their kind's total as found. The best names' nodes are read with the
  // names; what the final ranking keeps beyond them is read after.
  const cut = options.limit * 2;
  const parties = findParties(db, early, kinds, options.limit, cut);
  const found = await Promise.all([
    parties.then((p) => p.found),
    kinds.has('case') && early.caseRef ? findCases(db, early, options.limit) : [],
    findIdentifiers(db, early, new Set([...kinds].filter((k) => !inCountries.has(k))), options.limit),
    later.then((l) => l.found),
  ]);
  const { plan } = await later;
  const ranked = [...new Map(found.flat().map((f) => [f.ref, f])).values()].sort(compareFound);
  const all = await withNodes(db, ranked.slice(0, cut), (await parties).loaded);
  const totals = new Map<ChartNodeKind, number>();
  for (const h of all) totals.set(h.node.kind, (totals.get(h.node.kind) ?? 0) + 1);
  for (const f of ranked.slice(cut)) {
    const kind = f.ref.slice(0, f.ref.indexOf(':')) as ChartNodeKind;
    totals.set(kind, (totals.get(kind) ?? 0) + 1);
  }
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
  const widened = (await parties).widened;
  const wider = widened && WIDENED_READ[widened];
  if (wider) readAs.splice(readAs.findIndex((line) => line.startsWith('as a name')) + 1, 0, wider);
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
