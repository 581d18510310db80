/**
 * `npm run bench:mapping [-- --show] [-- --dev-only] [-- --unknown-headers]`: how much of a file's mapping the proposal gets right, per
 * column, on labelled agency layouts in eleven languages. Development sets bench/mapping/dev*.json (the
 * rules were tuned on them) and held-out sets bench/mapping/heldout*.json (written by someone who had
 * not read the rules, never tuned on: only their total figures are printed, never their languages
 * or columns, so that they stay unseen). A held-out set that has been looked at closely enough to tune on becomes a
 * development set under a dev name, and its last held-out figure is the one reported.
 *
 * A column counts as right for its field when the proposal maps it to the labelled field (or
 * leaves it unmapped where the label says no field); right for its party when, in addition, the
 * proposal gives it to the record or to a party of the labelled role; a document column's type
 * is right when the proposal fixes the labelled type on it.
 *
 * A column also counts as right for "not merged" when its field is right and the proposal does not
 * put it on a party that most of whose columns the labels give to a party of another role (the
 * registered keeper's address on the driver, the recruiter's account on the victim): what gives a
 * person an identifier, and so a link, that is someone else's. A role named otherwise (the labeller's "suspect" where the
 * proposal says "account-holder") does not count against it. Labels name a party by its role alone,
 * so two parties of one role (an originator and a beneficiary, both account holders) cannot be told
 * apart by them: a merge of two such is not seen, nor a person split over two parties.
 *
 * A set labelled a second time, blind, by another labeller (NAME.second.json beside NAME.json, from
 * the same headers and samples and a guide to the fields, bench/mapping/GUIDE.md) adds how far the
 * two labellings agree, and the proposal against the second one: what two careful people make of
 * the same columns bounds what any proposal can score against one of them.
 *
 * --unknown-headers scores the same sets with every header replaced by a made-up word: what the
 * values alone tell, as on a file in a language the header vocabulary does not read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Cell } from '../main/core/cells';
import { proposeProfile } from '../main/core/mappingProposal';
import type { ColumnMapping } from '../main/core/profile';

const say = (line = '') => process.stdout.write(`${line}\n`);
const show = process.argv.includes('--show');
// --unknown-headers: every header (and sheet name) replaced by a made-up word, so the figures say
// what the proposal reads from the values alone, as it must on a file in a language it has no words for.
// --unknown-headers=0.5 replaces that share of the headers, spread evenly: a file in a language the
// vocabulary reads a few words of.
const unknownArg = process.argv.find((a) => a.startsWith('--unknown-headers'));
const unknownShare = unknownArg === undefined ? 0 : unknownArg.includes('=') ? Number(unknownArg.split('=')[1]) : 1;
if (!(unknownShare >= 0 && unknownShare <= 1)) throw new Error(`--unknown-headers=${unknownArg}: a share from 0 to 1`);
const unknownHeaders = unknownShare > 0;

interface LabelledColumn {
  header: string;
  samples: (string | number | null)[];
  field: string | null;
  entity: string | null;
  documentType?: string;
}

interface Layout {
  id: string;
  language: string;
  agency: string;
  sheet: string;
  workbook?: string;
  columns: LabelledColumn[];
}

interface LabelledSet {
  description: string;
  layouts: Layout[];
}

interface Tally {
  columns: number;
  field: number;
  party: number;
  /** Right field, and on no proposed party with a column that the labels give another party. */
  people: number;
  documents: number;
  documentsRight: number;
  /** Of the columns whose field is wrong: a field wanted and none proposed. */
  unmapped: number;
  /** A column wanted unmapped (nothing to import) and a field proposed. */
  overmapped: number;
}

const empty = (): Tally => ({
  columns: 0,
  field: 0,
  party: 0,
  people: 0,
  documents: 0,
  documentsRight: 0,
  unmapped: 0,
  overmapped: 0,
});

// The country a file in this language most likely comes from: it only sets the date order.
const COUNTRY_OF_LANGUAGE: Record<string, string> = {
  en: 'GB',
  de: 'DE',
  fr: 'FR',
  it: 'IT',
  es: 'ES',
  pt: 'PT',
  ro: 'RO',
  bg: 'BG',
  uk: 'UA',
  ru: 'RU',
  pl: 'PL',
  nl: 'NL',
  sq: 'AL',
};

function countryOf(language: string): string {
  // "en-US": a tag that names its region says the country itself (an analyst importing a US file
  // says US, and so reads 03/04/2024 as the 4th of March).
  const region = /^[a-z]{2,3}-([a-z]{2})$/i.exec(language.trim())?.[1];
  if (region) return region.toUpperCase();
  return COUNTRY_OF_LANGUAGE[language.trim().toLowerCase().slice(0, 2)] ?? 'GB';
}

/** A made-up word for the column at `index`, in no language the vocabulary reads ("Qxab"). */
function madeUp(index: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (n % 26));
  return `Qx${letter(Math.floor(index / 26))}${letter(index)}`;
}

/** The layout with its headers and sheet name made meaningless: only the values are left to read. */
function withoutHeaders(layout: Layout): Layout {
  const replaced = (i: number) => Math.floor((i + 1) * unknownShare) > Math.floor(i * unknownShare);
  return {
    ...layout,
    sheet: unknownShare === 1 ? 'Qxsheet' : layout.sheet,
    columns: layout.columns.map((c, i) => (replaced(i) ? { ...c, header: madeUp(i) } : c)),
  };
}

/** What the proposal maps a column to: its field, the record or party's role, the document type. */
interface Proposed {
  field: string | null;
  role: string | null;
  /** The proposed party the column is on (the profile's entity key), or 'record', or null. */
  entity: string | null;
  documentType: string | undefined;
}

/** The proposal's mapping of each of the layout's columns, in the layout's order. */
function proposed(layout: Layout): Proposed[] {
  const header = layout.columns.map((c) => c.header);
  const depth = Math.max(0, ...layout.columns.map((c) => c.samples.length));
  const samples: Cell[][] = Array.from({ length: depth }, (_, row) =>
    layout.columns.map((c) => (c.samples[row] ?? null) as Cell),
  );
  const { profile } = proposeProfile({
    agency: 'BENCH',
    country: countryOf(layout.language),
    header,
    samples,
    sheets: [layout.sheet],
  });
  const onSheet = (m: ColumnMapping) => {
    const sheet = (m as { sheet?: string }).sheet;
    return sheet === undefined || sheet === layout.sheet;
  };
  return layout.columns.map((column) => {
    const mapping = profile.columns.find((m) => m.column === column.header && onSheet(m));
    return {
      field: mapping?.field ?? null,
      role: mapping
        ? mapping.entity === 'record'
          ? 'record'
          : (profile.entities[mapping.entity]?.role ?? mapping.entity)
        : null,
      entity: mapping?.entity ?? null,
      documentType: (mapping as { documentType?: string } | undefined)?.documentType,
    };
  });
}

/** Whether a mapping gives a column the labelled field, and the labelled party as well. */
function judge(label: LabelledColumn, got: Proposed): { field: boolean; party: boolean } {
  const field = got.field === label.field;
  return { field, party: field && (label.field === null || got.role === label.entity) };
}

/**
 * For each column, whether the proposal leaves it off a party that the labels say is another's
 * (see the head of this file): each proposed party is the labelled party most of its columns belong
 * to (the first of them on a tie), and a column of another labelled party on it is merged in. Null
 * for a column on no labelled or no proposed party.
 */
function notMerged(layout: Layout, mapped: Proposed[]): (boolean | null)[] {
  const onParty = layout.columns.map((label, i) => {
    const got = mapped[i] as Proposed;
    return label.field !== null && label.entity !== 'record' && got.entity !== null && got.entity !== 'record';
  });
  const counts = new Map<string, Map<string, number>>();
  layout.columns.forEach((label, i) => {
    if (!onParty[i]) return;
    const party = (mapped[i] as Proposed).entity as string;
    const roles = counts.get(party) ?? new Map<string, number>();
    roles.set(label.entity as string, (roles.get(label.entity as string) ?? 0) + 1);
    counts.set(party, roles);
  });
  const owner = (party: string) =>
    [...(counts.get(party) ?? new Map<string, number>())].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return layout.columns.map((label, i) =>
    onParty[i] ? owner((mapped[i] as Proposed).entity as string) === label.entity : null,
  );
}

/** Scores one layout; `misses` receives a line per column not right for its party. */
function scoreLayout(original: Layout, misses: string[]): Tally {
  const layout = unknownHeaders ? withoutHeaders(original) : original;
  const tally = empty();
  const mapped = proposed(layout);
  const kept = notMerged(layout, mapped);
  layout.columns.forEach((column, i) => {
    const got = mapped[i] as Proposed;
    const { field, role, documentType } = got;
    tally.columns += 1;
    const right = judge(column, got);
    if (right.field) tally.field += 1;
    else if (field === null) tally.unmapped += 1;
    else if (column.field === null) tally.overmapped += 1;
    if (right.party) tally.party += 1;
    if (right.field && kept[i] !== false) tally.people += 1;
    if (column.documentType) {
      tally.documents += 1;
      if (documentType === column.documentType) tally.documentsRight += 1;
    }
    const documentWrong = column.documentType !== undefined && documentType !== column.documentType;
    if (!right.party || documentWrong || (right.field && kept[i] === false)) {
      const want = `${column.entity ?? '-'}.${column.field ?? '-'}${column.documentType ? `(${column.documentType})` : ''}`;
      const proposedAs = `${role ?? '-'}.${field ?? '-'}${documentType ? `(${documentType})` : ''}`;
      const named = unknownHeaders ? `${column.header} (${original.columns[i]?.header})` : column.header;
      const merged = right.field && kept[i] === false ? ', on the party of another' : '';
      misses.push(`${layout.id}: "${named}" wanted ${want}, proposed ${proposedAs}${merged}`);
    }
  });
  return tally;
}

function add(into: Tally, more: Tally): void {
  into.columns += more.columns;
  into.field += more.field;
  into.party += more.party;
  into.people += more.people;
  into.documents += more.documents;
  into.documentsRight += more.documentsRight;
  into.unmapped += more.unmapped;
  into.overmapped += more.overmapped;
}

const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1)} %`);

function row(label: string, t: Tally): string {
  return `  ${label.padEnd(26)} ${String(t.columns).padStart(7)}  ${percent(t.field, t.columns).padStart(7)}  ${percent(
    t.party,
    t.columns,
  ).padStart(
    12,
  )}  ${percent(t.people, t.columns).padStart(10)}  ${t.documents ? `${t.documentsRight}/${t.documents}` : '-'}`;
}

/**
 * Prints one set's figures. `detail` (development sets) adds per language, per layout and, with
 * --show, the misses; a held-out set prints its total line only, since a per-language figure
 * already points at where its headers differ from the rules.
 */
function report(title: string, set: LabelledSet, detail: boolean): void {
  const total = empty();
  const byLanguage = new Map<string, Tally>();
  const byLayout: [string, Tally][] = [];
  const misses: string[] = [];
  for (const layout of set.layouts) {
    const t = scoreLayout(layout, misses);
    add(total, t);
    const lang = byLanguage.get(layout.language) ?? empty();
    add(lang, t);
    byLanguage.set(layout.language, lang);
    byLayout.push([layout.id, t]);
  }
  say(
    `${title}${unknownHeaders ? `, ${unknownShare === 1 ? 'headers' : `${unknownShare} of the headers`} unknown` : ''}: ${set.layouts.length} layouts, ${total.columns} columns`,
  );
  say(`  ${''.padEnd(26)} columns    field  field+party  not merged  document type`);
  say(row('all', total));
  const wrong = total.columns - total.field;
  if (wrong > 0)
    say(
      `  ${''.padEnd(26)} of the ${wrong} column(s) whose field is wrong: ${total.unmapped} left unmapped, ${total.overmapped} mapped that should not be, ${wrong - total.unmapped - total.overmapped} given another field`,
    );
  if (detail) {
    for (const [language, t] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) say(row(language, t));
    for (const [id, t] of byLayout) say(row(id.slice(0, 26), t));
    if (show) for (const line of misses) say(`  miss  ${line}`);
  }
  say();
}

/** A label read as a mapping, to compare two labellers as a proposal is compared with one. */
const asMapping = (label: LabelledColumn): Proposed => ({
  field: label.field,
  role: label.field === null ? null : label.entity,
  entity: label.field === null ? null : label.entity,
  documentType: label.documentType,
});

/**
 * How far a second labelling of the set agrees with it (bench/mapping/NAME.second.json, written
 * blind by another labeller from the same headers and samples and a guide to the fields): what two
 * careful people make of the same columns bounds what a proposal can score against either. Then
 * the proposal against the second labeller, and on the columns the two agree on.
 */
function agreement(title: string, set: LabelledSet, second: LabelledSet): void {
  const t = { columns: 0, field: 0, party: 0, documents: 0, documentsAlike: 0 };
  const vsSecond = { field: 0, party: 0 };
  const agreed = { columns: 0, field: 0, party: 0 };
  set.layouts.forEach((layout, l) => {
    const other = second.layouts[l];
    const headers = (x: Layout | undefined) => x?.columns.map((c) => c.header).join('\u0000');
    if (other?.id !== layout.id || headers(other) !== headers(layout))
      throw new Error(`the second labelling's layout ${l + 1} is not ${layout.id} with the same columns`);
    const mapped = proposed(layout);
    layout.columns.forEach((first, i) => {
      const label = other.columns[i] as LabelledColumn;
      const got = mapped[i] as Proposed;
      const alike = judge(first, asMapping(label));
      t.columns += 1;
      if (alike.field) t.field += 1;
      if (alike.party) t.party += 1;
      if (first.documentType) {
        t.documents += 1;
        if (label.documentType === first.documentType) t.documentsAlike += 1;
      }
      const proposal = judge(label, got);
      if (proposal.field) vsSecond.field += 1;
      if (proposal.party) vsSecond.party += 1;
      if (alike.party) {
        agreed.columns += 1;
        const right = judge(first, got);
        if (right.field) agreed.field += 1;
        if (right.party) agreed.party += 1;
      }
    });
  });
  say(title);
  say(
    `  a second labeller, blind: agrees with these labels on ${percent(t.field, t.columns)} of fields, ${percent(t.party, t.columns)} of fields and parties, document type ${t.documentsAlike}/${t.documents}`,
  );
  say(
    `  the proposal against the second labeller: ${percent(vsSecond.field, t.columns)} / ${percent(vsSecond.party, t.columns)}; on the ${agreed.columns} columns the two agree on: ${percent(agreed.field, agreed.columns)} / ${percent(agreed.party, agreed.columns)}`,
  );
}

function load(path: string): LabelledSet | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LabelledSet) : null;
}

/** The agreement with the set's second labelling, where there is one (totals only). */
function secondLabelling(file: string, set: LabelledSet): void {
  const name = file.replace(/\.json$/, '.second.json');
  const second = load(resolve(folder, name));
  if (!second || unknownHeaders) return;
  agreement(`${file}, labelled again by another labeller (${name})`, set, second);
  say();
}

const folder = resolve(process.cwd(), 'bench/mapping');
// Every development set (dev.json, dev3.json, ...), each scored on its own: a new set is written
// before the rules are changed for it, so its first figure says how the rules do on unseen files.
const devFiles = readdirSync(folder)
  .filter((f) => /^dev\w*\.json$/.test(f))
  .sort();
if (!devFiles.includes('dev.json')) throw new Error(`bench/mapping/dev.json is missing (run from the project folder)`);
for (const file of devFiles) {
  const set = load(resolve(folder, file));
  if (!set) continue;
  report(`${file} (tuned on)`, set, true);
  secondLabelling(file, set);
}
// --dev-only: tuning runs leave the held-out sets unread, so each look at them is a deliberate one.
const heldoutFiles = readdirSync(folder)
  .filter((f) => /^heldout\w*\.json$/.test(f))
  .sort();
if (process.argv.includes('--dev-only')) say(`held-out: ${heldoutFiles.length} set(s) not read (--dev-only)`);
else if (heldoutFiles.length === 0) say('held-out: no bench/mapping/heldout*.json there yet');
else {
  for (const file of heldoutFiles) {
    const set = load(resolve(folder, file));
    // Figures only: listing its columns or misses would let the rules be tuned on it.
    if (!set) continue;
    report(`${file} (held out: written without the rules, never tuned on)`, set, false);
    secondLabelling(file, set);
  }
}
