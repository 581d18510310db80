/**
 * The same-person match model: Fellegi–Sunter, the model behind Splink and most record-linkage
 * practice. Each pair of mentions is compared field by field; each comparison lands on one level
 * ("same date of birth", "dates one digit apart", "different", or missing). Each level has two
 * probabilities: m, that a pair of mentions of one person lands there, and u, that two different
 * people do. m/u is the level's Bayes factor; the prior odds times the product of the factors are
 * the odds that the pair is one person. Nothing here is tuned by hand: u is counted on a seeded
 * sample of random pairs of the data being resolved, m and the prior are estimated from the
 * blocked pairs by expectation–maximisation, and an analyst may fix any value.
 */
import { doubleMetaphone } from 'double-metaphone';
import { countryCode } from './countries';
import {
  alignedTokens,
  familiarForms,
  jaroWinkler,
  nameKey,
  nameSimilarity,
  tokenSimilarity,
  type NameKey,
} from './names';

/** An identifier a person (or anyone in a record) used. */
export interface SharedIdentifier {
  /** Node label: Phone, Email, Account, Document, Handle, Vehicle, Address. */
  label: string;
  /** The identifier's identity: its label and the values its uniqueness constraint holds (never an element id, which a copied graph changes). */
  id: string;
  display: string;
  /** The normalised value (a document's number, an address's key), when matching needs it. */
  key?: string | null;
  /** A document's or account's kind (PASSPORT, ID_CARD, iban…). */
  kind?: string | null;
}

export interface PersonMention {
  id: string;
  /** The record (spreadsheet row) the mention stands in. */
  record: string;
  /** The agency's case and row reference of that record, when it has them. */
  caseRef: string | null;
  recordRef: string | null;
  /** The date of what the record reports (encounter, visit, tip, transaction), when given. */
  eventDate?: string | null;
  agency: string;
  /** Where the mention stands, for the reasons. */
  fileName: string;
  sheet: string;
  row: number;
  name: string | null;
  nameLatin: string | null;
  /** ISO date of birth (or as much of it as is known: "1984", "1984-01"). */
  birthDate: string | null;
  /** A birth year known without the date (an age with the record's date, a year-only cell). */
  birthYear?: number | null;
  nationality: string | null;
  gender?: string | null;
  /** Identifiers this person used (hubs left out), with where each was written. */
  identifiers: SharedIdentifier[];
  /** Identifiers anyone in this mention's record used (hubs left out): the record's links. */
  recordIdentifiers: SharedIdentifier[];
}

/** The order a full read of the graph gives mentions (by person, then record): ties break as they break there. */
export function byPersonAndRecord(x: PersonMention, y: PersonMention): number {
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return x.record < y.record ? -1 : x.record > y.record ? 1 : 0;
}

/** One level of a comparison: its key (for `model set`) and what it means, in words. */
export interface LevelSpec {
  key: string;
  label: string;
}

export interface ComparisonSpec {
  key: string;
  label: string;
  /** Best level first; "missing" is not a level: it says nothing either way. */
  levels: LevelSpec[];
}

/** The comparisons, their levels best first. Keys are stable: saved models and `model set` use them. */
export const COMPARISONS: ComparisonSpec[] = [
  {
    key: 'name',
    label: 'name',
    levels: [
      { key: 'exact', label: 'the same name (after transliteration)' },
      { key: 'jw92', label: 'names alike (Jaro-Winkler ≥ 0.92)' },
      { key: 'jw85', label: 'names somewhat alike (Jaro-Winkler ≥ 0.85)' },
      { key: 'phonetic', label: 'names that sound the same' },
      { key: 'familiar', label: 'a familiar form, initial or lost letter of the name' },
      { key: 'oneName', label: 'one name only, fitting the full name' },
      { key: 'oneWord', label: 'one word of the names alike, the others not (a given name or a family name)' },
      { key: 'different', label: 'different names' },
    ],
  },
  {
    key: 'dob',
    label: 'date of birth',
    levels: [
      { key: 'exact', label: 'the same date of birth' },
      { key: 'swapped', label: 'dates of birth with day and month swapped' },
      { key: 'near', label: 'dates of birth one digit, two swapped digits or one day apart' },
      { key: 'year', label: 'the same year of birth' },
      { key: 'different', label: 'different dates of birth' },
    ],
  },
  {
    key: 'document',
    label: 'identity document',
    levels: [
      { key: 'same', label: 'the same identity document' },
      { key: 'oneEdit', label: 'document numbers one character or two swapped characters apart' },
      { key: 'different', label: 'different document numbers of one kind' },
    ],
  },
  {
    key: 'nationality',
    label: 'nationality',
    levels: [
      { key: 'same', label: 'the same nationality' },
      { key: 'different', label: 'different nationalities' },
    ],
  },
  {
    key: 'gender',
    label: 'gender',
    levels: [
      { key: 'same', label: 'the same gender' },
      { key: 'different', label: 'different genders' },
    ],
  },
  {
    key: 'ties',
    label: 'what ties them together',
    levels: [
      { key: 'sameRecord', label: 'both named in one row' },
      { key: 'personalShared', label: 'a phone, account, e-mail or handle both used' },
      { key: 'viaRecord', label: "one's record gives a phone, account, e-mail or handle the other used" },
      { key: 'sameAddress', label: 'the same address' },
      { key: 'samePersonNumber', label: "the same person number in one agency's case" },
      { key: 'sameCase', label: "both named in one agency's case" },
      { key: 'namedTogether', label: 'each named with the same other person' },
      { key: 'linked', label: 'records linked by an identifier neither of them used' },
      { key: 'similarAddress', label: 'addresses alike (the same numbers, most letters in common)' },
      { key: 'postcodeHouse', label: 'the same postcode and house number' },
      { key: 'postcode', label: 'the same postcode' },
      { key: 'different', label: 'different phones, accounts, e-mails, handles or addresses' },
      { key: 'none', label: 'nothing ties them together' },
    ],
  },
];

/**
 * What ties two mentions together (a phone, an address, a case, a companion, a link) is one
 * comparison, its strongest tie its level: a household shares an address, a phone, its records'
 * links and its companions at once, and counted as independent comparisons these would add up
 * to "one person" (Fellegi–Sunter assumes comparisons independent given the class; Splink's
 * advice for correlated fields is the same, one comparison). These are its parts.
 */
const TIE_PARTS: ComparisonSpec[] = [
  {
    key: 'address',
    label: 'address',
    levels: [
      { key: 'same', label: 'the same address' },
      { key: 'similar', label: 'addresses alike (the same numbers, most letters in common)' },
      { key: 'postcodeHouse', label: 'the same postcode and house number' },
      { key: 'postcode', label: 'the same postcode' },
      { key: 'different', label: 'different addresses' },
    ],
  },
  {
    key: 'personal',
    label: 'phones, accounts, e-mails, handles',
    levels: [
      { key: 'shared', label: 'a phone, account, e-mail or handle both used' },
      { key: 'viaRecord', label: "one's record gives a phone, account, e-mail or handle the other used" },
      { key: 'different', label: 'different phones, accounts, e-mails or handles of one kind' },
    ],
  },
  {
    key: 'namedTogether',
    label: 'named together with another person',
    levels: [
      { key: 'yes', label: 'each named with the same other person' },
      { key: 'no', label: 'not named with the same other person' },
    ],
  },
  {
    key: 'context',
    label: 'records',
    levels: [
      { key: 'sameRecord', label: 'both named in one row' },
      { key: 'samePersonNumber', label: "the same person number in one agency's case" },
      { key: 'sameCase', label: "both named in one agency's case" },
      { key: 'linked', label: 'records linked by an identifier neither of them used' },
      { key: 'unrelated', label: 'records not linked' },
    ],
  },
];

/**
 * Generic m and u of each level: what the model falls back to when the data being resolved say
 * little (a graph of a few records), as Dirichlet pseudo-counts that a few hundred pairs outweigh.
 * They come from how people's details are written and how they are spread, not from any data set
 * of ours:
 * - m: a detail of one person is written the same most of the time; a typo, a swapped day and
 *   month, a variant of a name or a lost letter each in a few percent of writings (the error
 *   rates reported for administrative records are of this order: a few percent per field).
 * - u: two people drawn at random rarely share a full name (about one pair in a thousand in a
 *   population with many names), a date of birth (births spread over some sixty years: about one
 *   pair in 20,000), an identity document, a phone or an address (about one in 100,000); half of
 *   them share a gender; how many share a nationality depends on the data, so it is taken as even.
 * Each comparison's values sum to 1; the last level takes what the others leave.
 */
const GENERIC: Record<string, Record<string, { m: number; u: number }>> = {
  name: {
    exact: { m: 0.75, u: 1e-3 },
    jw92: { m: 0.1, u: 1e-3 },
    jw85: { m: 0.04, u: 3e-3 },
    phonetic: { m: 0.02, u: 1e-3 },
    familiar: { m: 0.03, u: 1e-3 },
    oneName: { m: 0.02, u: 5e-3 },
    oneWord: { m: 0.02, u: 0.01 },
    different: { m: 0.02, u: 0 },
  },
  dob: {
    exact: { m: 0.88, u: 5e-5 },
    swapped: { m: 0.01, u: 5e-5 },
    near: { m: 0.04, u: 1e-3 },
    year: { m: 0.02, u: 0.016 },
    different: { m: 0.05, u: 0 },
  },
  document: {
    same: { m: 0.9, u: 1e-5 },
    oneEdit: { m: 0.03, u: 1e-4 },
    different: { m: 0.07, u: 0 },
  },
  nationality: { same: { m: 0.95, u: 0.5 }, different: { m: 0.05, u: 0 } },
  gender: { same: { m: 0.97, u: 0.5 }, different: { m: 0.03, u: 0 } },
  ties: {
    sameRecord: { m: 1e-5, u: 1e-4 },
    personalShared: { m: 0.1, u: 1e-5 },
    viaRecord: { m: 0.02, u: 1e-5 },
    sameAddress: { m: 0.05, u: 1e-5 },
    samePersonNumber: { m: 0.01, u: 1e-5 },
    sameCase: { m: 0.02, u: 1e-3 },
    namedTogether: { m: 0.02, u: 1e-3 },
    linked: { m: 0.01, u: 1e-3 },
    similarAddress: { m: 0.02, u: 1e-4 },
    postcodeHouse: { m: 0.01, u: 1e-4 },
    postcode: { m: 0.01, u: 1e-3 },
    different: { m: 0.03, u: 0.1 },
    none: { m: 0, u: 0 },
  },
};

/** The generic m or u of each level, in COMPARISONS order (see {@link GENERIC}). */
export function genericValues(which: 'm' | 'u'): number[][] {
  return COMPARISONS.map((c) => {
    const values = c.levels.map((l) => GENERIC[c.key]?.[l.key]?.[which] ?? 0);
    const rest = 1 - values.slice(0, -1).reduce((s, x) => s + x, 0);
    values[values.length - 1] = rest;
    return values;
  });
}

/**
 * How many pairs the generic values weigh as, for m and for u. Ten pairs for m: a blocked set of
 * a few hundred pairs decides. A hundred for u: u is counted on up to 200,000 random pairs, and
 * on the handful of pairs of a tiny graph it would otherwise be whatever those few pairs were.
 */
export const M_PRIOR_PAIRS = 10;
export const U_PRIOR_PAIRS = 100;

/**
 * Levels whose m is the generic value whatever the data: one person named twice in one row is a
 * slip, not a pattern EM could learn from, and namesakes in a row (a father and his son) would
 * otherwise teach it that sharing a row is a sign of one person.
 */
const STRUCTURAL_M: [string, string][] = [['ties', 'sameRecord']];

const COMPARISON_INDEX = new Map(COMPARISONS.map((c, i) => [c.key, i]));
const ALL_SPECS = new Map([...COMPARISONS, ...TIE_PARTS].map((c) => [c.key, c]));
/** A level's index among its comparison's levels, by key (-1: none such); read at load, into LEVEL. */
const level = (comparison: string, key: string): number =>
  ALL_SPECS.get(comparison)?.levels.findIndex((l) => l.key === key) as number;

export const NAME = COMPARISON_INDEX.get('name') as number;
/** The index of each level of a comparison by key, looked up once: the comparisons run millions of times. */
function levelIndex<K extends string>(comparison: string, keys: readonly K[]): Readonly<Record<K, number>> {
  return Object.fromEntries(keys.map((key) => [key, level(comparison, key)])) as Record<K, number>;
}

const LEVEL = {
  name: levelIndex('name', ['oneName', 'different', 'jw92', 'jw85', 'phonetic', 'familiar', 'oneWord']),
  dob: levelIndex('dob', ['exact', 'swapped', 'near', 'year', 'different']),
  document: levelIndex('document', ['same', 'oneEdit', 'different']),
  address: levelIndex('address', ['different', 'same', 'similar', 'postcodeHouse', 'postcode']),
  context: levelIndex('context', ['sameRecord', 'samePersonNumber', 'sameCase', 'linked', 'unrelated']),
  personal: levelIndex('personal', ['shared', 'viaRecord', 'different']),
  namedTogether: levelIndex('namedTogether', ['yes']),
  ties: levelIndex('ties', [
    'sameRecord',
    'personalShared',
    'viaRecord',
    'sameAddress',
    'samePersonNumber',
    'sameCase',
    'namedTogether',
    'linked',
    'similarAddress',
    'postcodeHouse',
    'postcode',
    'different',
    'none',
  ]),
};

const NAME_EXACT = level('name', 'exact');
const NAME_ONE_WORD = level('name', 'oneWord');

/** m and u of one level, and whether an analyst fixed them. */
export interface LevelParameters {
  m: number;
  u: number;
  fixedM?: boolean;
  fixedU?: boolean;
}

/** Everything the model knows: saved in the graph after a resolution, shown by `model show`. */
export interface MatchModelParameters {
  version: 1;
  /** Probability that two mentions drawn at random are one person. */
  prior: number;
  /** comparison key → level key → parameters. */
  comparisons: Record<string, Record<string, LevelParameters>>;
  /** What the estimate rests on. */
  trainedOn: { mentions: number; randomPairs: number; blockedPairs: number; emSessions: string[] };
}

/** An analyst's fixed values: comparison → level → m and/or u. */
export type FixedValues = Record<string, Record<string, { m?: number; u?: number }>>;

// ---------------------------------------------------------------------------------------------
// Mentions prepared once for many comparisons.

interface PreparedName {
  raw: string;
  key: NameKey;
}

interface PreparedAddress {
  id: string;
  display: string;
  postcode: string;
  houses: string[];
  /** The words of the address (postcode, flat and street words), for "addresses alike". */
  words: string[];
}

export interface Prepared {
  mention: PersonMention;
  names: PreparedName[];
  dob: { full: string | null; year: number | null; month: string | null; day: string | null };
  documents: SharedIdentifier[];
  addresses: PreparedAddress[];
  nationality: string | null;
  gender: 'F' | 'M' | null;
  /** Personal identifiers by label (Phone, Account, Email, Handle). */
  personal: Map<string, SharedIdentifier[]>;
  personalIds: Set<string>;
  recordPersonal: Map<string, SharedIdentifier>;
  recordIds: Set<string>;
  /** Every identifier this person used. */
  ownIds: Set<string>;
  /** Comparable names of the people named with this one (row or case), other than its own. */
  companions: Set<string>;
  caseKey: string | null;
}

const PERSONAL = new Set(['Phone', 'Account', 'Email', 'Handle']);

/** A case naming more people than this is too loose to say who is named with whom. */
const MAX_CASE_MENTIONS = 30;

function mentionNames(p: PersonMention): PreparedName[] {
  const seen = new Set<string>();
  const out: PreparedName[] = [];
  for (const raw of [p.name, p.nameLatin]) {
    if (!raw || raw.trim() === '') continue;
    const key = nameKey(raw);
    if (key.tokens.length === 0 || seen.has(key.comparable)) continue;
    seen.add(key.comparable);
    out.push({ raw, key });
  }
  return out;
}

/** A mention's date of birth as the model compares it: whole (`full`), or a year (or year and month) only. */
export function dobOf(p: PersonMention): Prepared['dob'] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(p.birthDate ?? '');
  const year = m ? Number(m[1]) : typeof p.birthYear === 'number' ? p.birthYear : null;
  return {
    full: m?.[3] ? `${m[1]}-${m[2]}-${m[3]}` : null,
    year,
    month: m?.[2] ?? null,
    day: m?.[3] ?? null,
  };
}

const GENDER_WORDS: Record<string, 'F' | 'M'> = {
  f: 'F',
  female: 'F',
  woman: 'F',
  w: 'F',
  feminin: 'F',
  femenino: 'F',
  femeie: 'F',
  weiblich: 'F',
  m: 'M',
  male: 'M',
  man: 'M',
  masculin: 'M',
  masculino: 'M',
  barbat: 'M',
  mannlich: 'M',
};

function genderOf(text: string | null | undefined): 'F' | 'M' | null {
  if (!text) return null;
  const word = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return GENDER_WORDS[word] ?? null;
}

/** Words of an address compared; no address has more, and the comparison is quadratic in them. */
const MAX_ADDRESS_WORDS = 24;

function parseAddress(i: SharedIdentifier): PreparedAddress {
  // An address key is `country|postcode|flat|tokens` (main/core/identifiers.ts).
  const [country = '', postcode = '', flat = '', tokens = ''] = (i.key ?? '').split('|');
  return {
    id: i.id,
    display: i.display,
    postcode: postcode ? `${country}|${postcode}` : '',
    houses: tokens.split(' ').filter((t) => /^\d+[a-z]?$/.test(t)),
    words: [...new Set(`${postcode} ${flat} ${tokens}`.split(/\s+/).filter((t) => t !== ''))]
      .slice(0, MAX_ADDRESS_WORDS)
      .sort(),
  };
}

/** Prepares mentions for comparison; their order in the array is kept. */
export function prepareMentions(people: PersonMention[]): Prepared[] {
  const byRecord = new Map<string, PersonMention[]>();
  const byCase = new Map<string, PersonMention[]>();
  const push = (into: Map<string, PersonMention[]>, key: string, p: PersonMention) => {
    const list = into.get(key);
    if (list) list.push(p);
    else into.set(key, [p]);
  };
  const caseKeyOf = (p: PersonMention) => (p.caseRef ? `${p.agency}|${p.caseRef}` : null);
  for (const p of people) {
    push(byRecord, p.record, p);
    const c = caseKeyOf(p);
    if (c) push(byCase, c, p);
  }
  return people.map((p) => {
    const names = mentionNames(p);
    const own = new Set(names.map((n) => n.key.comparable));
    const caseKey = caseKeyOf(p);
    const inCase = caseKey ? (byCase.get(caseKey) ?? []) : [];
    const companions = new Set<string>();
    for (const x of [...(byRecord.get(p.record) ?? []), ...(inCase.length <= MAX_CASE_MENTIONS ? inCase : [])]) {
      if (x.id === p.id) continue;
      const theirs = mentionNames(x).map((n) => n.key.comparable);
      // A companion of the same name is a namesake in the row (father and son), not a companion.
      if (theirs.some((c) => own.has(c))) continue;
      for (const c of theirs) companions.add(c);
    }
    const personal = new Map<string, SharedIdentifier[]>();
    for (const i of p.identifiers) {
      if (!PERSONAL.has(i.label)) continue;
      const list = personal.get(i.label);
      if (list) list.push(i);
      else personal.set(i.label, [i]);
    }
    return {
      mention: p,
      names,
      dob: dobOf(p),
      documents: p.identifiers.filter((i) => i.label === 'Document'),
      addresses: p.identifiers.filter((i) => i.label === 'Address').map(parseAddress),
      // A value `countryCode` does not know is missing, never a different nationality.
      nationality: countryCode(p.nationality),
      gender: genderOf(p.gender),
      personal,
      personalIds: new Set([...personal.values()].flat().map((i) => i.id)),
      recordPersonal: new Map(p.recordIdentifiers.filter((i) => PERSONAL.has(i.label)).map((i) => [i.id, i])),
      recordIds: new Set(p.recordIdentifiers.map((i) => i.id)),
      ownIds: new Set(p.identifiers.map((i) => i.id)),
      companions,
      caseKey,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Comparisons: each answers a level index (-1 when missing) and, when asked, what it saw.

type Compare = (a: Prepared, b: Prepared, explain: boolean) => { level: number; seen?: string };

/** Longest token compared letter by letter (Jaro-Winkler is quadratic in it). */
const MAX_TOKEN = 64;

/** Jaro-Winkler of two words; a word longer than any name only equals itself. */
export function jw(a: string, b: string): number {
  if (a !== b && (a.length > MAX_TOKEN || b.length > MAX_TOKEN)) return 0;
  return jaroWinkler(a, b);
}

const NAME_LEVEL_CACHE = new Map<string, number>();
const MAX_CACHE = 200_000;

const SOUNDS = new Map<string, string>();

function sound(token: string): string {
  let found = SOUNDS.get(token);
  if (found === undefined) {
    if (SOUNDS.size >= MAX_CACHE) SOUNDS.clear();
    found = token.includes('?') || token.length > MAX_TOKEN ? '' : doubleMetaphone(token)[0];
    SOUNDS.set(token, found);
  }
  return found;
}

/**
 * A quick test before the slower `nameSimilarity`: every word of the shorter name has a word in
 * the longer it may be a form of (alike, a familiar form, an initial, the same sound, a lost letter).
 */
function mayBeFamiliar(short: string[], long: string[]): boolean {
  return short.every((s) =>
    long.some(
      (t) =>
        s.includes('?') ||
        t.includes('?') ||
        familiarForms(s, t) ||
        (s.length === 1 && t.startsWith(s)) ||
        (t.length === 1 && s.startsWith(t)) ||
        (sound(s) !== '' && sound(s) === sound(t)) ||
        jw(s, t) >= 0.85,
    ),
  );
}

/** Jaro-Winkler below which two words of a name are taken as different words, not one with a typo. */
const WORD_FLOOR = 0.8;

function nameLevelOf(x: NameKey, y: NameKey): number {
  if (x.comparable === y.comparable) return 0;
  const cacheKey = x.comparable < y.comparable ? `${x.comparable}|${y.comparable}` : `${y.comparable}|${x.comparable}`;
  const cached = NAME_LEVEL_CACHE.get(cacheKey);
  if (cached !== undefined) return cached;
  if (NAME_LEVEL_CACHE.size >= MAX_CACHE) NAME_LEVEL_CACHE.clear();
  let result: number;
  const [fewer, more] = x.tokens.length <= y.tokens.length ? [x, y] : [y, x];
  if (fewer.tokens.length === 1 && more.tokens.length > 1) {
    // One name only ("Ionut", "Gica", "J."): it fits the full name or it does not.
    const [single] = fewer.tokens as [string];
    const fits = more.tokens.some(
      (t) => single.length <= MAX_TOKEN && t.length <= MAX_TOKEN && tokenSimilarity(single, t) >= 0.9,
    );
    result = fits ? LEVEL.name.oneName : LEVEL.name.different;
  } else {
    // A word less alike than this is another word: 'Maria Dumitru' and 'Andrei Dumitru' share a
    // family name, not a name with a typo (one word alike is its own level below).
    const similarity = alignedTokens(x.tokens, y.tokens, jw, WORD_FLOOR);
    const samePhonetic = x.phonetic.length > 0 && x.phonetic.join(' ') === y.phonetic.join(' ');
    if (similarity >= 0.92) result = LEVEL.name.jw92;
    else if (similarity >= 0.85) result = LEVEL.name.jw85;
    else if (samePhonetic) result = LEVEL.name.phonetic;
    else if (mayBeFamiliar(fewer.tokens, more.tokens) && nameSimilarity(x.comparable, y.comparable) >= 0.9)
      result = LEVEL.name.familiar;
    else if (x.tokens.some((s) => y.tokens.some((t) => jw(s, t) >= 0.92))) result = LEVEL.name.oneWord;
    else result = LEVEL.name.different;
  }
  NAME_LEVEL_CACHE.set(cacheKey, result);
  return result;
}

function where(p: PersonMention): string {
  return `${p.agency} ${p.fileName} ${p.sheet} row ${p.row}`;
}

/** The pair in a fixed order, so that what is said of (a, b) is what is said of (b, a). */
function ordered(a: Prepared, b: Prepared): [Prepared, Prepared] {
  return a.mention.id <= b.mention.id ? [a, b] : [b, a];
}

const compareName: Compare = (a, b, explain) => {
  if (!a.names.length || !b.names.length) return { level: -1 };
  let best = Number.MAX_SAFE_INTEGER;
  let pair: [string, string] = ['', ''];
  const [first, second] = ordered(a, b);
  for (const x of first.names)
    for (const y of second.names) {
      const l = nameLevelOf(x.key, y.key);
      if (l < best) {
        best = l;
        pair = [x.raw, y.raw];
      }
    }
  if (!explain) return { level: best };
  const [x, y] = pair;
  const seen =
    best === NAME_EXACT && x === y
      ? `'${x}'`
      : best === NAME_EXACT
        ? `'${x}' and '${y}' (the same once case, accents, script and word order are set aside)`
        : `'${x}' and '${y}'`;
  return { level: best, seen };
};

function daysApart(x: string, y: string): number {
  return Math.abs(Date.parse(`${x}T00:00:00Z`) - Date.parse(`${y}T00:00:00Z`)) / 86_400_000;
}

/** Whether two strings of one length differ only by two neighbouring characters swapped. */
function swappedNeighbours(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

function oneCharacterApart(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length && diff < 2; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

const compareDob: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b).map((p) => p.dob) as [Prepared['dob'], Prepared['dob']];
  if (x.year === null || y.year === null) return { level: -1 };
  let result: number;
  if (x.full && y.full) {
    if (x.full === y.full) result = LEVEL.dob.exact;
    else if (x.year === y.year && x.month === y.day && x.day === y.month) result = LEVEL.dob.swapped;
    else if (
      oneCharacterApart(x.full, y.full) ||
      swappedNeighbours(x.full, y.full) ||
      (Math.abs(x.year - y.year) <= 1 && daysApart(x.full, y.full) === 1)
    )
      result = LEVEL.dob.near;
    else if (x.year === y.year) result = LEVEL.dob.year;
    else result = LEVEL.dob.different;
  } else result = x.year === y.year ? LEVEL.dob.year : LEVEL.dob.different;
  if (!explain) return { level: result };
  const show = (d: Prepared['dob']) => d.full ?? `${d.year} (year only)`;
  return { level: result, seen: show(x) === show(y) ? show(x) : `${show(x)} and ${show(y)}` };
};

/** Whether two strings are one insertion, deletion or substitution apart. */
export function oneEditApart(x: string, y: string): boolean {
  if (x === y || Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) return oneCharacterApart(x, y);
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

const compareDocument: Compare = (a, b, explain) => {
  const [first, second] = ordered(a, b);
  if (!first.documents.length || !second.documents.length) return { level: -1 };
  let best = -1;
  let seen = '';
  for (const x of first.documents)
    for (const y of second.documents) {
      const l =
        x.id === y.id || (x.key && x.key === y.key)
          ? LEVEL.document.same
          : x.key && y.key && (oneEditApart(x.key, y.key) || swappedNeighbours(x.key, y.key))
            ? LEVEL.document.oneEdit
            : x.kind === y.kind
              ? LEVEL.document.different
              : -1;
      if (l >= 0 && (best < 0 || l < best)) {
        best = l;
        if (explain) seen = x.id === y.id ? x.display : `${x.display} and ${y.display}`;
      }
    }
  return explain ? { level: best, seen } : { level: best };
};

/** Whether two words are the same but for one typo (one edit, or two neighbours swapped). */
function alikeWords(x: string, y: string): boolean {
  return x === y || (Math.min(x.length, y.length) >= 3 && (oneEditApart(x, y) || swappedNeighbours(x, y)));
}

/** The letter pairs of an address's words, each word padded by a space (a one-digit number counts too). */
function letterPairs(words: string[]): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 1 < padded.length; i++) {
      const pair = padded.slice(i, i + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

/**
 * Addresses alike: four in five of their letter pairs in common (Dice), so that a typo, a lost
 * or added word or two words run together ("poyntonstreet") still count, and every number of
 * the one with fewer numbers found in the other, the same or one typo apart: neighbours in one
 * street share all but the house number.
 */
function addressesAlike(x: PreparedAddress, y: PreparedAddress): boolean {
  if (x.words.length < 2 || y.words.length < 2) return false;
  const numbers = (a: PreparedAddress) => a.words.filter((w) => /\d/.test(w));
  const [fewer, more] = [numbers(x), numbers(y)].sort((p, q) => p.length - q.length) as [string[], string[]];
  if (!fewer.every((n) => more.some((m) => alikeWords(n, m)))) return false;
  const p = letterPairs(x.words);
  const q = letterPairs(y.words);
  let common = 0;
  let total = 0;
  for (const [pair, n] of p) {
    common += Math.min(n, q.get(pair) ?? 0);
    total += n;
  }
  for (const n of q.values()) total += n;
  return (2 * common) / total >= 0.8;
}

const compareAddress: Compare = (a, b, explain) => {
  const [first, second] = ordered(a, b);
  if (!first.addresses.length || !second.addresses.length) return { level: -1 };
  let best = LEVEL.address.different;
  // Words only when asked for: millions of pairs are compared without them.
  let seen = explain ? `${first.addresses[0]?.display} and ${second.addresses[0]?.display}` : '';
  for (const x of first.addresses)
    for (const y of second.addresses) {
      const l =
        x.id === y.id
          ? LEVEL.address.same
          : addressesAlike(x, y)
            ? LEVEL.address.similar
            : x.postcode && x.postcode === y.postcode
              ? x.houses.some((h) => y.houses.includes(h))
                ? LEVEL.address.postcodeHouse
                : LEVEL.address.postcode
              : LEVEL.address.different;
      if (l < best) {
        best = l;
        if (explain) seen = x.id === y.id ? x.display : `${x.display} and ${y.display}`;
      }
    }
  return explain ? { level: best, seen } : { level: best };
};

const compareNationality: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b);
  if (!x.nationality || !y.nationality) return { level: -1 };
  const same = x.nationality === y.nationality;
  const result = same ? 0 : 1;
  return explain
    ? { level: result, seen: same ? x.nationality : `${x.nationality} and ${y.nationality}` }
    : { level: result };
};

const compareGender: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b);
  if (!x.gender || !y.gender) return { level: -1 };
  const result = x.gender === y.gender ? 0 : 1;
  return explain ? { level: result, seen: result === 0 ? x.gender : `${x.gender} and ${y.gender}` } : { level: result };
};

const LABEL_WORDS: Record<string, string> = {
  Account: 'account',
  Email: 'e-mail',
  Phone: 'phone',
  Handle: 'online handle',
};

const comparePersonal: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b);
  for (const [label, list] of x.personal)
    for (const i of list)
      if (y.personalIds.has(i.id))
        return { level: 0, ...(explain ? { seen: `${LABEL_WORDS[label] ?? label} ${i.display}` } : {}) };
  // Within one row, every identifier the row gives is the other's too: nothing to learn there.
  for (const [row, user] of x.mention.record === y.mention.record
    ? []
    : ([
        [x, y],
        [y, x],
      ] as const)) {
    for (const [id, i] of row.recordPersonal)
      if (user.personalIds.has(id) && !row.personalIds.has(id))
        return {
          level: 1,
          ...(explain
            ? {
                seen: `the row naming '${row.names[0]?.raw ?? '?'}' (${where(row.mention)}) also gives ${LABEL_WORDS[i.label] ?? i.label} ${i.display}, which '${user.names[0]?.raw ?? '?'}' used`,
              }
            : {}),
        };
  }
  for (const [label, list] of x.personal) {
    const other = y.personal.get(label);
    if (other)
      return {
        level: 2,
        ...(explain ? { seen: `${LABEL_WORDS[label] ?? label} ${list[0]?.display} and ${other[0]?.display}` } : {}),
      };
  }
  return { level: -1 };
};

const compareNamedTogether: Compare = (a, b, explain) => {
  // Within one row or case the companions are the same people for both: nothing to learn.
  if (a.mention.record === b.mention.record || (a.caseKey && a.caseKey === b.caseKey)) return { level: -1 };
  const [x, y] = ordered(a, b);
  for (const c of x.companions) if (y.companions.has(c)) return { level: 0, ...(explain ? { seen: `'${c}'` } : {}) };
  return { level: 1 };
};

const compareContext: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b);
  let result: number;
  let seen = '';
  if (x.mention.record === y.mention.record) {
    result = LEVEL.context.sameRecord;
    if (explain) seen = where(x.mention);
  } else if (x.caseKey && x.caseKey === y.caseKey) {
    const sameNumber = !!x.mention.recordRef && x.mention.recordRef === y.mention.recordRef;
    result = sameNumber ? LEVEL.context.samePersonNumber : LEVEL.context.sameCase;
    if (explain)
      seen = `${x.mention.agency} case ${x.mention.caseRef}${sameNumber ? `, person number ${x.mention.recordRef}` : ''}`;
  } else {
    // An identifier either of them used is counted by its own comparison, not again here.
    let link: string | undefined;
    for (const id of x.recordIds)
      if (y.recordIds.has(id) && !x.ownIds.has(id) && !y.ownIds.has(id)) {
        link = id;
        break;
      }
    result = link ? LEVEL.context.linked : LEVEL.context.unrelated;
    if (link && explain) {
      const i = x.mention.recordIdentifiers.find((r) => r.id === link);
      seen = `${(i?.label ?? '').toLowerCase()} ${i?.display ?? ''}`.trim();
    }
  }
  return explain ? { level: result, seen } : { level: result };
};

const compareTies: Compare = (a, b, explain) => {
  const [x, y] = ordered(a, b);
  const both = explain ? ` (${where(x.mention)}; ${where(y.mention)})` : '';
  const context = compareContext(x, y, explain);
  // The words are built only when asked for (a function each): most pairs are compared without.
  const tie = (key: keyof typeof LEVEL.ties, seen?: () => string | undefined) => {
    if (!explain || !seen) return { level: LEVEL.ties[key] };
    const words = seen();
    return words !== undefined ? { level: LEVEL.ties[key], seen: words } : { level: LEVEL.ties[key] };
  };
  if (context.level === LEVEL.context.sameRecord) return tie('sameRecord', () => context.seen);
  const personal = comparePersonal(x, y, explain);
  if (personal.level === LEVEL.personal.shared) return tie('personalShared', () => `${personal.seen}${both}`);
  if (personal.level === LEVEL.personal.viaRecord) return tie('viaRecord', () => personal.seen);
  const address = compareAddress(x, y, explain);
  if (address.level === LEVEL.address.same) return tie('sameAddress', () => `${address.seen}${both}`);
  if (context.level === LEVEL.context.samePersonNumber) return tie('samePersonNumber', () => context.seen);
  if (context.level === LEVEL.context.sameCase) return tie('sameCase', () => context.seen);
  const together = compareNamedTogether(x, y, explain);
  if (together.level === LEVEL.namedTogether.yes) return tie('namedTogether', () => `${together.seen}${both}`);
  if (context.level === LEVEL.context.linked) return tie('linked', () => `${context.seen}${both}`);
  if (address.level === LEVEL.address.similar) return tie('similarAddress', () => `${address.seen}${both}`);
  if (address.level === LEVEL.address.postcodeHouse) return tie('postcodeHouse', () => `${address.seen}${both}`);
  if (address.level === LEVEL.address.postcode) return tie('postcode', () => `${address.seen}${both}`);
  if (personal.level === LEVEL.personal.different || address.level === LEVEL.address.different)
    return tie('different', () => `${[personal.seen, address.seen].filter((t) => t).join('; ')}${both}`);
  return tie('none');
};

const COMPARE: Record<string, Compare> = {
  name: compareName,
  dob: compareDob,
  document: compareDocument,
  nationality: compareNationality,
  gender: compareGender,
  ties: compareTies,
};
const COMPARE_LIST = COMPARISONS.map((c) => COMPARE[c.key] as Compare);

/** The level of each comparison for a pair (-1: missing), in COMPARISONS order. */
export function comparisonVector(a: Prepared, b: Prepared): Int8Array {
  const out = new Int8Array(COMPARE_LIST.length);
  comparisonVectorInto(a, b, out, 0);
  return out;
}

/** {@link comparisonVector}, written into `out` from `at` on (COMPARISONS.length entries). */
export function comparisonVectorInto(a: Prepared, b: Prepared, out: Int8Array, at: number): void {
  for (let i = 0; i < COMPARE_LIST.length; i++) out[at + i] = (COMPARE_LIST[i] as Compare)(a, b, false).level;
}

// ---------------------------------------------------------------------------------------------
// Estimation.

/** Adds to one entry of an array of sums. */
export function bump(values: number[], at: number, by: number): void {
  values[at] = (values[at] ?? 0) + by;
}

/** A small, seeded generator (mulberry32): the same data always gives the same sample. */
export function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How many random pairs u is counted on (all pairs when there are fewer). */
export const RANDOM_PAIRS = 200_000;
const SEED = 20_250_101;

/** The random pairs u is counted on: their comparison vectors, as patterns with counts. */
export interface RandomPairs {
  patterns: Pattern[];
  pairs: number;
}

/**
 * Compares {@link RANDOM_PAIRS} random pairs (seeded; all pairs when there are fewer) and keeps
 * their comparison vectors as patterns, for {@link uFromRandomPairs}.
 */
export function sampleRandomPairs(prepared: Prepared[], sampleSize = RANDOM_PAIRS): RandomPairs {
  const byKey = new Map<number, Pattern>();
  const n = prepared.length;
  const total = (n * (n - 1)) / 2;
  let pairs = 0;
  const count = (i: number, j: number) => {
    const levels = comparisonVector(prepared[i] as Prepared, prepared[j] as Prepared);
    let key = 0;
    for (let c = 0; c < levels.length; c++) key = key * 16 + ((levels[c] as number) + 1);
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { levels, count: 1 });
    pairs++;
  };
  if (total <= sampleSize) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) count(i, j);
  } else {
    const random = seeded(SEED);
    while (pairs < sampleSize) {
      const i = Math.floor(random() * n);
      const j = Math.floor(random() * n);
      if (i !== j) count(i, j);
    }
  }
  // Sorted, so that the sums run in one order whatever the input order.
  return { patterns: [...byKey.entries()].sort(([x], [y]) => x - y).map(([, p]) => p), pairs };
}

/**
 * u of each level: how often two different people drawn at random land there, with the generic
 * values as {@link U_PRIOR_PAIRS} pseudo-pairs: a level never seen in the sample stays possible,
 * and a graph of a few mentions is not taken at its word.
 *
 * Random pairs are nearly all two different people, but not all: where many people are mentioned
 * more than once, one random pair in a few thousand is one person written twice, and on the levels
 * that mostly one person reaches (the same date of birth, the same document, the same full name)
 * those pairs outnumber the different people who happen to agree, so that u counts them as chance
 * and the level is worth several times less than it is. Given a model (`nonMatch`: the chance that a pair of a
 * pattern is two people), each pair counts by that chance — the u step of Fellegi–Sunter's EM
 * (Winkler), over the random pairs: without one, every pair counts whole.
 */
export function uFromRandomPairs(sample: RandomPairs, nonMatch?: (levels: Int8Array) => number): number[][] {
  const counts = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0));
  for (const { levels, count } of sample.patterns) {
    const weight = count * (nonMatch ? nonMatch(levels) : 1);
    levels.forEach((l, c) => {
      if (l >= 0) bump(counts[c] as number[], l, weight);
    });
  }
  const generic = genericValues('u');
  return counts.map((levels, c) => {
    const seen = levels.reduce((s, x) => s + x, 0);
    return levels.map((x, l) =>
      clamp((x + U_PRIOR_PAIRS * ((generic[c] as number[])[l] as number)) / (seen + U_PRIOR_PAIRS)),
    );
  });
}

/** Distinct comparison vectors with how many pairs have each. */
export interface Pattern {
  levels: Int8Array;
  count: number;
}

const EM_ITERATIONS = 100;
const EM_TOLERANCE = 1e-6;
/** A probability is kept off 0 and 1, so that no single level can veto or prove a match. */
const FLOOR = 1e-6;

const clamp = (p: number) => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** What an EM session leaves out, holds or estimates apart (see {@link expectationMaximisation}). */
export interface SessionOptions {
  /** Comparisons the pairs were blocked on (or that follow from it): left out altogether. */
  inactive: Set<number>;
  /** Levels whose m is held (an analyst's value, a structural level). */
  fixedM: boolean[][];
  /**
   * Comparisons estimated from the pairs the others call one person, never used to call them:
   * those that depend on another comparison among different people (a name says much of a
   * nationality and a gender), which would otherwise pull the two into a class of their own.
   */
  passive?: Set<number>;
}

/**
 * Expectation–maximisation over blocked pairs (Fellegi–Sunter's latent classes, Winkler's EM), as
 * Splink trains: u is held at its value on random pairs, and m and λ are estimated. The
 * comparisons the pairs were blocked on are left out (`inactive`): blocked on them, the pairs
 * agree on them whether or not they are one person. Comparisons in `passive` are estimated from
 * the other comparisons' verdict and do not vote.
 */
export function expectationMaximisation(
  patterns: Pattern[],
  u: number[][],
  start: number[][],
  { inactive, fixedM, passive = new Set() }: SessionOptions,
): { m: number[][]; lambda: number } {
  let m = start.map((levels) => [...levels]);
  let lambda = 0.01;
  const genericM = genericValues('m');
  // The generic values as pseudo-pairs (maximum a posteriori under a Dirichlet prior): a level no
  // pair of the session happened to reach stays possible, and a small session leans on them.
  const normalise = (sums: number[][]) =>
    sums.map((levels, c) => {
      const isFixed = fixedM[c] as boolean[];
      const now = m[c] as number[];
      const prior = genericM[c] as number[];
      const fixedMass = now.reduce((s, x, l) => s + (isFixed[l] ? x : 0), 0);
      const priorFree = prior.reduce((s, x, l) => s + (isFixed[l] ? 0 : x), 0);
      if (inactive.has(c) || priorFree <= 0) return now;
      const pseudo = prior.map((x) => (M_PRIOR_PAIRS * x) / priorFree);
      const free = levels.reduce((s, x, l) => s + (isFixed[l] ? 0 : x + (pseudo[l] as number)), 0);
      return levels.map((x, l) =>
        isFixed[l] ? (now[l] as number) : clamp(((1 - fixedMass) * (x + (pseudo[l] as number))) / free),
      );
    });
  const active = COMPARISONS.map((_, c) => !inactive.has(c));
  const voting = COMPARISONS.map((_, c) => !inactive.has(c) && !passive.has(c));
  for (let iteration = 0; iteration < EM_ITERATIONS; iteration++) {
    const sums = m.map((levels) => levels.map(() => 0));
    let matched = 0;
    let total = 0;
    for (const { levels, count } of patterns) {
      let match = lambda;
      let non = 1 - lambda;
      for (let c = 0; c < levels.length; c++) {
        const l = levels[c] as number;
        if (l < 0 || !voting[c]) continue;
        match *= (m[c] as number[])[l] as number;
        non *= (u[c] as number[])[l] as number;
      }
      const p = match / (match + non);
      matched += p * count;
      total += count;
      for (let c = 0; c < levels.length; c++) {
        const l = levels[c] as number;
        if (l < 0 || !active[c]) continue;
        bump(sums[c] as number[], l, p * count);
      }
    }
    const nextM = normalise(sums);
    const nextLambda = clamp(total ? matched / total : lambda);
    const change = Math.max(
      Math.abs(nextLambda - lambda),
      ...nextM.flatMap((levels, c) => levels.map((x, l) => Math.abs(x - ((m[c] as number[])[l] as number)))),
    );
    m = nextM;
    lambda = nextLambda;
    if (change < EM_TOLERANCE) break;
  }
  return { m, lambda };
}

/** The model's parameters as arrays, in COMPARISONS order, for scoring. */
export interface FittedModel {
  m: number[][];
  u: number[][];
  prior: number;
  /** How often each comparable name is borne, per mention: for the term-frequency adjustment. */
  nameFrequency: Map<string, number>;
  /** How many mentions bear each word of a name (in any of their names): the same, for one word alike. */
  wordFrequency: Map<string, number>;
  mentions: number;
  parameters: MatchModelParameters;
}

export function toParameters(
  m: number[][],
  u: number[][],
  prior: number,
  fixed: FixedValues,
  trainedOn: MatchModelParameters['trainedOn'],
): MatchModelParameters {
  const comparisons: MatchModelParameters['comparisons'] = {};
  COMPARISONS.forEach((c, ci) => {
    comparisons[c.key] = {};
    c.levels.forEach((l, li) => {
      const f = fixed[c.key]?.[l.key];
      (comparisons[c.key] as Record<string, LevelParameters>)[l.key] = {
        m: (m[ci] as number[])[li] as number,
        u: (u[ci] as number[])[li] as number,
        ...(f?.m !== undefined ? { fixedM: true } : {}),
        ...(f?.u !== undefined ? { fixedU: true } : {}),
      };
    });
  });
  return { version: 1, prior, comparisons, trainedOn };
}

/** Applies an analyst's fixed values over estimated ones (m of a comparison renormalised around them). */
export function applyFixed(values: number[][], fixed: FixedValues, which: 'm' | 'u'): number[][] {
  return values.map((levels, ci) => {
    const c = COMPARISONS[ci] as ComparisonSpec;
    const set = levels.map((_, li) => fixed[c.key]?.[(c.levels[li] as LevelSpec).key]?.[which]);
    const fixedMass = set.reduce<number>((s, x) => s + (x ?? 0), 0);
    const freeMass = levels.reduce((s, x, li) => s + (set[li] === undefined ? x : 0), 0);
    return levels.map((x, li) => {
      const f = set[li];
      if (f !== undefined) return f;
      return freeMass > 0 ? (Math.max(0, 1 - fixedMass) * x) / freeMass : x;
    });
  });
}

/** The fixed values as flags per level, for EM; m of the structural levels too. */
export function fixedFlags(fixed: FixedValues, which: 'm' | 'u'): boolean[][] {
  return COMPARISONS.map((c) =>
    c.levels.map(
      (l) =>
        fixed[c.key]?.[l.key]?.[which] !== undefined ||
        (which === 'm' && STRUCTURAL_M.some(([ck, lk]) => ck === c.key && lk === l.key)),
    ),
  );
}

/** Checks an analyst's value: a comparison and level that exist, probabilities in (0, 1). */
export function checkFixedValue(
  comparison: string,
  levelKey: string,
  value: { m?: number; u?: number },
): string | null {
  const c = COMPARISONS.find((x) => x.key === comparison);
  if (!c) return `Unknown comparison "${comparison}"; one of ${COMPARISONS.map((x) => x.key).join(', ')}.`;
  if (!c.levels.some((l) => l.key === levelKey))
    return `Unknown level "${levelKey}" of ${comparison}; one of ${c.levels.map((l) => l.key).join(', ')}.`;
  for (const [name, x] of Object.entries(value))
    if (x !== undefined && !(x > 0 && x < 1))
      return `${name} must be a probability between 0 and 1 (exclusive), not ${x}.`;
  if (value.m === undefined && value.u === undefined) return 'Give --m, --u or both.';
  return null;
}

export function nameFrequencies(prepared: Prepared[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of prepared)
    for (const n of p.names) counts.set(n.key.comparable, (counts.get(n.key.comparable) ?? 0) + 1);
  return counts;
}

/** How many mentions bear each word of a name. */
export function wordFrequencies(prepared: Prepared[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of prepared)
    for (const word of new Set(p.names.flatMap((n) => n.key.tokens))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** log2 of each level's Bayes factor m/u, in COMPARISONS order. */
export function weights(model: Pick<FittedModel, 'm' | 'u'>): number[][] {
  return model.m.map((levels, c) => levels.map((m, l) => Math.log2(m / ((model.u[c] as number[])[l] as number))));
}

/**
 * The Bayes factor of an exact name, adjusted for how common the name is (Splink's term-frequency
 * adjustment): m over the share of mentions bearing the name, instead of over the average u.
 */
function exactNameFactor(model: FittedModel, a: Prepared, b: Prepared): number {
  const m = (model.m[NAME] as number[])[NAME_EXACT] as number;
  const u = (model.u[NAME] as number[])[NAME_EXACT] as number;
  let bearers = 0;
  for (const x of a.names)
    for (const y of b.names)
      if (x.key.comparable === y.key.comparable)
        bearers = Math.max(bearers, model.nameFrequency.get(x.key.comparable) ?? 1);
  // A fixed u of the exact name is the analyst's word: no adjustment then.
  if (model.parameters.comparisons.name?.exact?.fixedU || bearers <= 0) return m / u;
  // The name's share of the mentions, with the average u as TF_PRIOR_MENTIONS pseudo-mentions:
  // in a graph of three mentions, two bearing one name say little about how common it is.
  const share = (bearers + TF_PRIOR_MENTIONS * u) / (model.mentions + TF_PRIOR_MENTIONS);
  return m / share;
}

/** How many mentions the average u of an exact name weighs as in a name's share (see exactNameFactor). */
const TF_PRIOR_MENTIONS = 100;

/**
 * The word two names have alike (the same or Jaro-Winkler ≥ 0.92) that fewest mentions bear, with
 * how many bear it (the more common of the two spellings): a shared 'Maynard' says more than a
 * shared 'Emma'.
 */
function rarestSharedWord(model: FittedModel, a: Prepared, b: Prepared): { word: string; bearers: number } | null {
  let best: { word: string; bearers: number } | null = null;
  for (const x of a.names)
    for (const y of b.names)
      for (const s of x.key.tokens)
        for (const t of y.key.tokens) {
          if (s !== t && jw(s, t) < 0.92) continue;
          const bearers = Math.max(model.wordFrequency.get(s) ?? 1, model.wordFrequency.get(t) ?? 1);
          const word = s <= t ? s : t;
          if (!best || bearers < best.bearers || (bearers === best.bearers && word < best.word))
            best = { word, bearers };
        }
  return best;
}

/**
 * The Bayes factor of one word of the names alike and the others not, adjusted for how common
 * that word is (as for an exact name): two people drawn at random share a word about as often as
 * the share of mentions bearing it.
 */
function oneWordFactor(model: FittedModel, a: Prepared, b: Prepared): number {
  const m = (model.m[NAME] as number[])[NAME_ONE_WORD] as number;
  const u = (model.u[NAME] as number[])[NAME_ONE_WORD] as number;
  const shared = rarestSharedWord(model, a, b);
  if (model.parameters.comparisons.name?.oneWord?.fixedU || !shared) return m / u;
  const share = (shared.bearers + TF_PRIOR_MENTIONS * u) / (model.mentions + TF_PRIOR_MENTIONS);
  return m / share;
}

/** The Bayes factor of each comparison for a pair (1 when missing). */
export function bayesFactors(model: FittedModel, a: Prepared, b: Prepared, levels: Int8Array): number[] {
  return [...levels].map((l, c) => (l < 0 ? 1 : factorOf(model, a, b, c, l)));
}

/** The Bayes factor of comparison `c` at level `l` (not missing) for the pair: m/u, or by the names' frequencies. */
function factorOf(model: FittedModel, a: Prepared, b: Prepared, c: number, l: number): number {
  if (c === NAME && l === NAME_EXACT) return exactNameFactor(model, a, b);
  if (c === NAME && l === NAME_ONE_WORD) return oneWordFactor(model, a, b);
  return ((model.m[c] as number[])[l] as number) / ((model.u[c] as number[])[l] as number);
}

/**
 * `start` plus the natural log of each of the pair's Bayes factors ({@link bayesFactors}), added
 * in COMPARISONS order, as {@link probability} adds them: the same sum, bit for bit, without two
 * arrays a pair (the millions of blocked pairs are weighed three times). `levels` from `at` on.
 */
export function addLogFactors(
  model: FittedModel,
  a: Prepared,
  b: Prepared,
  levels: Int8Array,
  at: number,
  start: number,
): number {
  let log = start;
  for (let c = 0; c < COMPARE_LIST.length; c++) {
    const l = levels[at + c] as number;
    // A missing comparison's factor is 1: its log adds nothing.
    if (l >= 0) log += Math.log(factorOf(model, a, b, c, l));
  }
  return log;
}

/** Match probability from the prior and Bayes factors. */
export function probability(prior: number, factors: number[]): number {
  let log = Math.log(prior / (1 - prior));
  for (const f of factors) log += Math.log(f);
  return 1 / (1 + Math.exp(-log));
}

/** A Bayes factor in words: "about 200 times more likely if they are the same person". */
export function factorInWords(factor: number): string {
  const x = factor >= 1 ? factor : 1 / factor;
  if (x < 1.1) return 'about as likely either way';
  const rounded = x < 10 ? Math.round(x * 10) / 10 : Number(x.toPrecision(2));
  const number = rounded.toLocaleString('en-GB');
  return factor >= 1
    ? `about ${number} times more likely if they are the same person`
    : `about ${number} times less likely if they are the same person`;
}

/** The reasons for a pair's score: each comparison with its weight in words, strongest first. */
export function reasonsFor(model: FittedModel, a: Prepared, b: Prepared): string[] {
  const [x, y] = ordered(a, b);
  const levels = comparisonVector(x, y);
  const factors = bayesFactors(model, x, y, levels);
  const reasons: { text: string; strength: number; order: number }[] = [];
  COMPARE_LIST.forEach((compare, c) => {
    const l = levels[c] as number;
    if (l < 0) return;
    const { seen } = compare(x, y, true);
    const spec = COMPARISONS[c] as ComparisonSpec;
    const label = (spec.levels[l] as LevelSpec).label;
    let text = seen ? `${label} ${seen}` : label;
    if (c === NAME && l === NAME_EXACT) {
      const bearers = Math.max(...x.names.map((n) => model.nameFrequency.get(n.key.comparable) ?? 0));
      if (bearers > 2) text += `, a name ${bearers} mentions in the data bear`;
    }
    if (c === NAME && l === NAME_ONE_WORD) {
      const shared = rarestSharedWord(model, x, y);
      if (shared) text += `, '${shared.word}' a word ${shared.bearers} mentions in the data bear`;
    }
    // Each value with where it was written (ties say it in their own words).
    if (spec.key !== 'ties') text += ` (${where(x.mention)}; ${where(y.mention)})`;
    const factor = factors[c] as number;
    reasons.push({ text: `${text}: ${factorInWords(factor)}`, strength: Math.abs(Math.log(factor)), order: c });
  });
  return reasons.sort((p, q) => q.strength - p.strength || p.order - q.order).map((r) => r.text);
}
