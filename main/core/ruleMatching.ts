/**
 * Same-person matching by rules (the default matcher): evidence counted for and against a pair
 * (names, date of birth, shared identifiers, being named together, one case), with reasons in
 * words a reviewer who is not a data scientist can check. Caselink proposes; an analyst decides.
 * Nothing here merges anything.
 *
 * The weights were set by hand on the generated fixtures; the Fellegi–Sunter model
 * (matchModel.ts, `resolve --matcher model`) estimates its own from the data, and does better on
 * public data (FEBRL) but not yet on our larger generated sets or on very small graphs (see the
 * README), so the rules stay the default until it does.
 */
import { countryCode } from './countries';
import { doubleMetaphone } from 'double-metaphone';
import { knownTokenSimilarity, LOST_LETTER, nameKey, nameKeySimilarity, nameSimilarity, type NameKey } from './names';
import type { PersonMention, SharedIdentifier } from './matchModel';
import { byScoreThenPair, type MatchCandidate } from './matching';

/** Candidates below this are not kept at all. */
const MIN_KEPT_SCORE = 0.5;

/** How much a shared identifier of each kind says that two mentions are one person. */
const IDENTIFIER_WEIGHT: Record<string, number> = {
  // More than a different date of birth says against: one document number in two records of
  // one name is the same person, whatever date one of them was written with.
  Document: 6.5,
  Account: 3.5,
  Email: 3.5,
  Phone: 3,
  Handle: 3,
  Vehicle: 1.5,
  Address: 1,
};

/**
 * What one address says for two mentions of one full name (alike, two words or more), when no
 * other person of that name is known with another date of birth: more than for people of other
 * names (households, workers' lodgings), less than a phone of their own.
 */
const ADDRESS_OF_ONE_NAME = 2.5;

/** Identifiers that belong to one person, unlike an address or a vehicle that several share. */
const PERSONAL = new Set(['Document', 'Account', 'Email', 'Phone', 'Handle']);

const LABEL_WORDS: Record<string, string> = {
  Document: 'identity document',
  Account: 'account',
  Email: 'e-mail',
  Phone: 'phone',
  Handle: 'online handle',
  Vehicle: 'vehicle',
  Address: 'address',
};

function names(p: PersonMention): string[] {
  return [p.name, p.nameLatin].filter((n): n is string => !!n && n.trim() !== '');
}

function where(p: PersonMention): string {
  return `${p.agency} ${p.fileName} ${p.sheet} row ${p.row}`;
}

/** Where p and a person named with it stand together: one row, or one case. */
function withWhom(p: PersonMention, other: PersonMention): string {
  return p.record === other.record ? `${where(p)}` : `${p.agency} case ${p.caseRef ?? '?'}`;
}

/**
 * What each nationality cell reads as, worked out once: a few hundred distinct values stand in
 * millions of compared pairs, and reading one in a dozen languages is not cheap. Bounded, as a
 * cell is untrusted input.
 */
const NATIONALITIES = new Map<string, string | null>();
const MAX_NATIONALITIES = 10_000;
const MAX_NATIONALITY_LENGTH = 80;

/** A nationality Caselink cannot read counts as missing, never as a different one. */
function nationalityOf(p: PersonMention): string | null {
  // A cell longer than any country's name reads as none, and is not kept.
  if (!p.nationality || p.nationality.length > MAX_NATIONALITY_LENGTH) return null;
  let code = NATIONALITIES.get(p.nationality);
  if (code === undefined) {
    if (NATIONALITIES.size >= MAX_NATIONALITIES) NATIONALITIES.clear();
    code = countryCode(p.nationality);
    NATIONALITIES.set(p.nationality, code);
  }
  return code;
}

/** What the whole data says: the dates of birth seen with each name, and the networks of records. */
export interface MatchContext {
  dates: Map<string, Set<string>>;
  /** The same, within each network: `${network}|${name}` (none for a name without a date there). */
  networkDates: Map<string, Set<string>>;
  /** The same, within each agency's case: `${agency}|${caseRef}|${name}` (none for a name without a date there). */
  caseDates: Map<string, Set<string>>;
  /** The person mentions of each record, for what else a record says besides one mention. */
  mentionsOf: Map<string, PersonMention[]>;
  /** The person mentions that used each identifier. */
  usersOf: Map<string, PersonMention[]>;
  /** The person mentions of each agency's case: `${agency}|${caseRef}|`. */
  caseMentions: Map<string, PersonMention[]>;
  /** The network (connected records) each record belongs to, and each network's size. */
  networkOf: Map<string, string>;
  networkSize: Map<string, number>;
}

/** Networks larger than this are too loose to say that two mentions in them are related. */
const MAX_NETWORK = 1000;

export function matchContext(people: PersonMention[]): MatchContext {
  const dates = new Map<string, Set<string>>();
  for (const p of people) {
    for (const n of names(p)) {
      const key = nameKey(n).comparable;
      const set = dates.get(key) ?? new Set<string>();
      if (p.birthDate) set.add(p.birthDate);
      dates.set(key, set);
    }
  }
  const { networkOf, networkSize } = networks(people);
  const networkDates = new Map<string, Set<string>>();
  const caseDates = new Map<string, Set<string>>();
  // A name with no date of birth in a network or case has no set there: read as none all the same.
  // Most that have one have one date: those share one set per date (no set is changed once made).
  const oneDate = new Map<string, Set<string>>();
  const note = (into: Map<string, Set<string>>, key: string, date: string) => {
    const set = into.get(key);
    if (set === undefined) {
      let one = oneDate.get(date);
      if (one === undefined) {
        one = new Set([date]);
        oneDate.set(date, one);
      }
      into.set(key, one);
    } else if (!set.has(date)) {
      const [first] = set;
      if (set.size === 1 && oneDate.get(first as string) === set) into.set(key, new Set([first as string, date]));
      else set.add(date);
    }
  };
  const mentionsOf = new Map<string, PersonMention[]>();
  const usersOf = new Map<string, PersonMention[]>();
  const caseMentions = new Map<string, PersonMention[]>();
  const list = (into: Map<string, PersonMention[]>, key: string, p: PersonMention) => {
    const found = into.get(key);
    if (found) found.push(p);
    else into.set(key, [p]);
  };
  for (const p of people) {
    for (const id of new Set(p.identifiers.map((i) => i.id))) list(usersOf, id, p);
    if (p.birthDate)
      for (const n of names(p)) {
        const comparable = nameKey(n).comparable;
        note(networkDates, `${networkOf.get(p.record)}|${comparable}`, p.birthDate);
        if (p.caseRef) note(caseDates, caseKey(p, comparable), p.birthDate);
      }
    list(mentionsOf, p.record, p);
    if (p.caseRef) list(caseMentions, caseKey(p, ''), p);
  }
  return { dates, networkDates, caseDates, mentionsOf, usersOf, caseMentions, networkOf, networkSize };
}

function caseKey(p: PersonMention, comparable: string): string {
  return `${p.agency}|${p.caseRef ?? ''}|${comparable}`;
}

const EMPTY_CONTEXT: MatchContext = {
  dates: new Map(),
  networkDates: new Map(),
  caseDates: new Map(),
  mentionsOf: new Map(),
  usersOf: new Map(),
  caseMentions: new Map(),
  networkOf: new Map(),
  networkSize: new Map(),
};

/**
 * What scoring reads of a mention, worked out once per mention (and context) rather than once
 * for each of the pairs it is in: at 100,000 records a mention is in about ninety compared pairs.
 * The fields after `nationality` are worked out when a pair first needs them.
 */
interface Prepared {
  p: PersonMention;
  names: string[];
  keys: NameKey[];
  network: string | undefined;
  networkSize: number;
  /** The date of birth's parts, split at '-', when there is one. */
  birth: string[] | undefined;
  /** Identity documents with a number long enough to compare, by id. */
  documents: SharedIdentifier[];
  /** Addresses with a postcode and a house number, read from their keys. */
  addresses: PlacedAddress[];
  nationality: string | null;
  common?: boolean;
  namesake?: PersonMention | null;
  others?: PersonMention[];
  /** The dates of birth known with each name: anywhere, in the mention's network, in its case. */
  knownAnywhere?: ReadonlySet<string>[];
  knownInNetwork?: ReadonlySet<string>[];
  knownInCase?: ReadonlySet<string>[];
}

const PREPARED = new WeakMap<MatchContext, WeakMap<PersonMention, Prepared>>();

function prepared(p: PersonMention, context: MatchContext): Prepared {
  let ofContext = PREPARED.get(context);
  if (ofContext === undefined) {
    ofContext = new WeakMap();
    PREPARED.set(context, ofContext);
  }
  let found = ofContext.get(p);
  if (found === undefined) {
    const written = writtenNames(p);
    const network = context.networkOf.get(p.record);
    found = {
      p,
      names: written.names,
      keys: written.keys,
      network,
      networkSize: network === undefined ? 0 : (context.networkSize.get(network) ?? 0),
      birth: p.birthDate ? birthParts(p.birthDate) : undefined,
      documents: documentsOf(p),
      addresses: addressesOf(p),
      nationality: nationalityOf(p),
      // Named here, though worked out later, so that every prepared mention has one shape.
      common: undefined,
      namesake: undefined,
      others: undefined,
      knownAnywhere: undefined,
      knownInNetwork: undefined,
      knownInCase: undefined,
    };
    ofContext.set(p, found);
  }
  return found;
}

/**
 * The names and name keys of a mention with no Latin writing of its own, and the parts of a date
 * of birth, one copy for all the mentions that bear them (read only): a million mentions bear far
 * fewer names and dates, and a copy each was a tenth of the prepared mentions' memory. Bounded,
 * as a cell is untrusted input.
 */
const WRITTEN = new Map<string, { names: string[]; keys: NameKey[] }>();
const BIRTHS = new Map<string, string[]>();
const MAX_SHARED = 100_000;

function writtenNames(p: PersonMention): { names: string[]; keys: NameKey[] } {
  const own = () => {
    const written = names(p);
    return { names: written, keys: written.map(nameKey) };
  };
  // A blank Latin writing is none: the names are then those of the name alone.
  if (p.nameLatin && p.nameLatin.trim() !== '') return own();
  const name = p.name ?? '';
  let found = WRITTEN.get(name);
  if (found === undefined) {
    if (WRITTEN.size >= MAX_SHARED) WRITTEN.clear();
    found = own();
    WRITTEN.set(name, found);
  }
  return found;
}

function birthParts(date: string): string[] {
  let found = BIRTHS.get(date);
  if (found === undefined) {
    if (BIRTHS.size >= MAX_SHARED) BIRTHS.clear();
    found = date.split('-');
    BIRTHS.set(date, found);
  }
  return found;
}

/** Name similarity at or above which two names are the same name written another way. */
const SAME_NAME = 0.97;

function bestNameSimilarity(a: PersonMention, b: PersonMention, context: MatchContext): number {
  const ofA = prepared(a, context).keys;
  const ofB = prepared(b, context).keys;
  let best = 0;
  for (const x of ofA) for (const y of ofB) best = Math.max(best, nameKeySimilarity(x, y));
  return best;
}

/** A case naming more people than this is too loose to say who is named with whom. */
const MAX_CASE_MENTIONS = 30;

/** Where a mention stands with others: its row, or its agency's case when it has one. */
function companionsOf(p: PersonMention, context: MatchContext): PersonMention[] {
  const inCase = p.caseRef ? context.caseMentions.get(caseKey(p, '')) : undefined;
  return inCase && inCase.length <= MAX_CASE_MENTIONS ? inCase : (context.mentionsOf.get(p.record) ?? []);
}

/**
 * The people named with p (in its row or case) under another name than p's, worked out once per
 * mention: a pair's check below would otherwise compare every companion's name with p's again
 * for each pair p is in, and for each companion of the other mention too.
 */
function othersNamedWith(ready: Prepared, context: MatchContext): PersonMention[] {
  const p = ready.p;
  ready.others ??= companionsOf(p, context).filter(
    (x) => x.id !== p.id && bestNameSimilarity(x, p, context) < SAME_NAME,
  );
  return ready.others;
}

/**
 * Another person named with a (in its row or case) and one named with b who look like one
 * person, with another name than a and b: the same two people named together twice. A common
 * companion name counts only when the two rows report one day (`sameDay`).
 */
function namedWithBoth(
  a: Prepared,
  b: Prepared,
  context: MatchContext,
  sameDay: boolean,
): [PersonMention, PersonMention] | undefined {
  const others = (p: Prepared, other: PersonMention) =>
    othersNamedWith(p, context).filter(
      (x) => x.id !== other.id && (sameDay || !commonName(prepared(x, context), context)),
    );
  const withA = others(a, b.p);
  if (withA.length === 0) return undefined;
  const withB = others(b, a.p);
  for (const x of withA) {
    for (const y of withB) {
      if (y.id === x.id) continue;
      if (x.birthDate && y.birthDate && x.birthDate !== y.birthDate) continue;
      if (bestNameSimilarity(x, y, context) >= SAME_NAME) return [x, y];
    }
  }
  return undefined;
}

/**
 * Another person named in p's row under p's name (a father and son travelling together), worked
 * out once per mention.
 */
function namesakeInRow(ready: Prepared, context: MatchContext): PersonMention | undefined {
  const p = ready.p;
  // `null` is a mention known to have none.
  if (ready.namesake === undefined)
    ready.namesake =
      (context.mentionsOf.get(p.record) ?? []).find(
        (x) => x.id !== p.id && bestNameSimilarity(x, p, context) >= SAME_NAME,
      ) ?? null;
  return ready.namesake ?? undefined;
}

/**
 * Two full names (two words or more each) with a word in common, written alike or sounding the
 * same: a shared family name, the given names otherwise. The first such pair in a fixed order.
 */
function oneWordAlike(a: Prepared, b: Prepared): { nameA: string; nameB: string; word: string } | undefined {
  if (b.p.id < a.p.id) {
    const found = oneWordAlike(b, a);
    return found && { nameA: found.nameB, nameB: found.nameA, word: found.word };
  }
  for (let i = 0; i < a.names.length; i++) {
    const tx = (a.keys[i] as NameKey).tokens;
    if (tx.length < 2) continue;
    for (let j = 0; j < b.names.length; j++) {
      const ty = (b.keys[j] as NameKey).tokens;
      if (ty.length < 2) continue;
      const word = tx.find((t) => t.length > 1 && ty.some((u) => u.length > 1 && knownTokenSimilarity(t, u) >= 0.92));
      if (word) return { nameA: a.names[i] as string, nameB: b.names[j] as string, word };
    }
  }
  return undefined;
}

/** Whether two dates of birth may be one person's: the same, or one slip apart. */
function sameOrNearDates(x: string, y: string): boolean {
  return x === y || nearDates(x, y);
}

/** Whether the records of two mentions are tied by an identifier (one used or gave, hubs left out). */
function tiedRows(a: PersonMention, b: PersonMention): boolean {
  const ofA = new Set(a.recordIdentifiers.map((i) => i.id));
  return b.recordIdentifiers.some((i) => ofA.has(i.id));
}

/** People with different dates of birth bearing one name, above which the name is common here. */
const COMMON_NAME_PEOPLE = 2;

/**
 * Whether the mention's name is common in the data (borne by more than two people with different
 * dates of birth): two common names side by side in two rows can be chance ('Connor Smith' with
 * 'Chloe Wright' in two of forty thousand cases).
 */
function commonName(ready: Prepared, context: MatchContext): boolean {
  ready.common ??= ready.keys.some((k) => (context.dates.get(k.comparable)?.size ?? 0) > COMMON_NAME_PEOPLE);
  return ready.common;
}

/** One side names a person by one name only ('Ionut', 'Gica'), the other by a full name holding it. */
interface OneName {
  single: string;
  full: string;
  /** The one name is written as in the full name, not as a familiar form or another spelling. */
  exact: boolean;
  /**
   * The name in the full name the one name only begins as ('Ionel' and 'Ionut' begin 'ion'), when
   * it fits no name better: a familiar form built on the name's stem that no list holds.
   */
  stem?: string;
}

/** Letters two names begin with alike from which one may be a familiar form built on the other. */
const STEM_LETTERS = 3;

/** A name in `full` that the one name `single` begins as, both longer than the stem, if any. */
function sharedStem(single: NameKey, full: NameKey): string | undefined {
  const [token] = single.tokens;
  if (token === undefined || token.length <= STEM_LETTERS || token.includes(LOST_LETTER) || full.tokens.length < 2)
    return undefined;
  const stem = token.slice(0, STEM_LETTERS);
  return full.tokens.find((t) => t !== token && t.length > STEM_LETTERS && t.startsWith(stem));
}

/**
 * Whether one name may mean the person of another full name too: it fits it, or, unless it is
 * written as in the pair's full name, begins as one of its names does.
 */
function fitsAsWell(oneName: OneName, name: string): boolean {
  return (
    fitsFullName(oneName.single, name) >= 0.9 ||
    (!oneName.exact && sharedStem(nameKey(oneName.single), nameKey(name)) !== undefined)
  );
}

/** How well one name ('gica') fits a name in a full name ('Gheorghe Stanescu'), 0..1. */
function fitsFullName(single: string, full: string): number {
  return fitsFullKey(nameKey(single), nameKey(full));
}

function fitsFullKey(single: NameKey, full: NameKey): number {
  const [token] = single.tokens;
  const tokens = full.tokens;
  if (token === undefined || tokens.length < 2) return 0;
  let best = -Infinity;
  for (const t of tokens) best = Math.max(best, knownTokenSimilarity(token, t));
  return best;
}

function oneNameOnly(a: Prepared, b: Prepared): OneName | undefined {
  return oneNameOf(a, b) ?? oneNameOf(b, a) ?? stemOf(a, b) ?? stemOf(b, a);
}

function stemOf(x: Prepared, y: Prepared): OneName | undefined {
  for (let i = 0; i < x.names.length; i++) {
    const single = x.keys[i] as NameKey;
    if (single.tokens.length !== 1) continue;
    for (let j = 0; j < y.names.length; j++) {
      const stem = sharedStem(single, y.keys[j] as NameKey);
      if (stem) return { single: x.names[i] as string, full: y.names[j] as string, exact: false, stem };
    }
  }
  return undefined;
}

function oneNameOf(x: Prepared, y: Prepared): OneName | undefined {
  for (let i = 0; i < x.names.length; i++) {
    const single = x.keys[i] as NameKey;
    if (single.tokens.length !== 1) continue;
    for (let j = 0; j < y.names.length; j++) {
      const fit = fitsFullKey(single, y.keys[j] as NameKey);
      if (fit >= 0.9) return { single: x.names[i] as string, full: y.names[j] as string, exact: fit === 1 };
    }
  }
  return undefined;
}

/**
 * Someone else, under another full name the one name also fits, who used the identifier: then
 * the identifier does not say which of them the one name means.
 */
function otherFit(oneName: OneName, identifier: SharedIdentifier, pair: PersonMention[], context: MatchContext) {
  return (context.usersOf.get(identifier.id) ?? []).find(
    (u) =>
      !pair.some((p) => p.id === u.id) &&
      names(u).some((n) => fitsAsWell(oneName, n) && nameSimilarity(n, oneName.full) < 0.9),
  );
}

/**
 * Whether the one name's agency case names nobody else, under another full name, that the one
 * name fits as well: then the case says whom the one name means. A case too large to name its
 * people (more than MAX_CASE_MENTIONS) says nothing.
 */
function onlyFitInCase(oneName: OneName, pair: PersonMention[], context: MatchContext): boolean {
  const [a] = pair as [PersonMention];
  const inCase = context.caseMentions.get(caseKey(a, '')) ?? [];
  if (inCase.length > MAX_CASE_MENTIONS) return false;
  return !inCase.some(
    (u) =>
      !pair.some((p) => p.id === u.id) &&
      names(u).some(
        (n) => nameKey(n).tokens.length > 1 && fitsAsWell(oneName, n) && nameSimilarity(n, oneName.full) < 0.9,
      ),
  );
}

/** Scores one pair of mentions; null when they cannot be the same person on the evidence. */
export function scorePair(
  a: PersonMention,
  b: PersonMention,
  context: MatchContext = EMPTY_CONTEXT,
): MatchCandidate | null {
  // Weaker pairs are not kept: they would only bury the real ones in the review queue. Most
  // compared pairs are such, so the evidence is weighed first without the reasons' words, which
  // only a kept pair needs.
  return scorePrepared(prepared(a, context), prepared(b, context), context);
}

function scorePrepared(a: Prepared, b: Prepared, context: MatchContext): MatchCandidate | null {
  if (probability(weigh(a, b, context)) < MIN_KEPT_SCORE) return null;
  const reasons: string[] = [];
  const score = probability(weigh(a, b, context, reasons));
  const [first, second] = a.p.id < b.p.id ? [a.p, b.p] : [b.p, a.p];
  return { a: first.id, b: second.id, score: Math.round(score * 1000) / 1000, reasons };
}

/** No identifiers in common (not to be changed). */
const NONE_SHARED: readonly SharedIdentifier[] = [];

/** Identifiers of `a` that `b` used too, in `a`'s order. */
function sharedIdentifiers(a: PersonMention, b: PersonMention): readonly SharedIdentifier[] {
  if (a.identifiers.length === 0 || b.identifiers.length === 0) return NONE_SHARED;
  let shared: SharedIdentifier[] | undefined;
  for (const x of a.identifiers) {
    for (const y of b.identifiers) {
      if (y.id !== x.id) continue;
      (shared ??= []).push(x);
      break;
    }
  }
  return shared ?? NONE_SHARED;
}

/** The dates of birth known with the mention's `index`th name, anywhere, in its network or in its case. */
function knownDates(p: Prepared, index: number, where: 'case' | 'network' | 'anywhere', context: MatchContext) {
  const comparable = (p.keys[index] as NameKey).comparable;
  if (where === 'case') {
    p.knownInCase ??= [];
    return (p.knownInCase[index] ??= context.caseDates.get(caseKey(p.p, comparable)) ?? NO_DATES);
  }
  if (where === 'network') {
    p.knownInNetwork ??= [];
    return (p.knownInNetwork[index] ??= context.networkDates.get(`${p.network}|${comparable}`) ?? NO_DATES);
  }
  p.knownAnywhere ??= [];
  return (p.knownAnywhere[index] ??= context.dates.get(comparable) ?? NO_DATES);
}

const NO_DATES: ReadonlySet<string> = new Set();

/** Log-odds to 0..1: a same name and date of birth (6) is 0.95; a name alone (3) is 0.5. */
function probability(evidence: number): number {
  return 1 / (1 + Math.exp(-(evidence - 3)));
}

/**
 * The dates of birth known with the name two mentions bear (their best-matching writings, `bestA`
 * and `bestB`), `within` their case, their network or anywhere, and the name so written. Both ways
 * of writing the name are looked up ('?UKASZ' and 'Łukasz'), and the one more people bear counts
 * (of two as many, the first in order): the same whichever mention comes first.
 */
function datesOfName(
  pa: Prepared,
  bestA: number,
  pb: Prepared,
  bestB: number,
  within: 'case' | 'network' | 'anywhere',
  context: MatchContext,
): [ReadonlySet<string>, string] {
  const nameA = pa.names[bestA] ?? '';
  const nameB = pb.names[bestB] ?? '';
  const knownA = knownDates(pa, bestA, within, context);
  const knownB = knownDates(pb, bestB, within, context);
  return knownB.size > knownA.size || (knownB.size === knownA.size && nameA > nameB)
    ? [knownB, nameB]
    : [knownA, nameA];
}

/**
 * The most alike of the names two mentions bear (each writing's key against each of the other's):
 * its similarity, and which writing of each (-1 when a mention has none, with a similarity of 0).
 */
function bestNames(pa: Prepared, pb: Prepared): { best: number; bestA: number; bestB: number } {
  let best = 0;
  let bestA = -1;
  let bestB = -1;
  for (let x = 0; x < pa.keys.length; x++) {
    for (let y = 0; y < pb.keys.length; y++) {
      const s = nameKeySimilarity(pa.keys[x] as NameKey, pb.keys[y] as NameKey);
      if (s > best) {
        best = s;
        bestA = x;
        bestB = y;
      }
    }
  }
  return { best, bestA, bestB };
}

/** The evidence for and against a pair, with its reasons in words when `reasons` is given. */
function weigh(pa: Prepared, pb: Prepared, context: MatchContext, reasons?: string[]): number {
  const a = pa.p;
  const b = pb.p;
  let evidence = 0;

  const { best, bestA, bestB } = bestNames(pa, pb);
  const nameA = pa.names[bestA] ?? '';
  const nameB = pb.names[bestB] ?? '';
  // A tip that knows the recruiter only as "Ionut" or "Gica" names him by one name: it fits
  // the full name, but says little on its own; identifiers have to say the rest.
  const oneName = best < SAME_NAME ? oneNameOnly(pa, pb) : undefined;
  const namesFit = best >= 0.9 || oneName !== undefined;
  if (oneName?.stem) {
    // Less than a name the list or the spelling says is the same: the stem is a guess.
    evidence += 1;
    reasons?.push(
      `only one name, '${oneName.single}', is given; it begins as '${oneName.stem}' in '${oneName.full}' does (a familiar form built on the name?)`,
    );
  } else if (oneName) {
    evidence += 1.5;
    reasons?.push(
      oneName.exact
        ? `only one name, '${oneName.single}', is given; it is one of the names in '${oneName.full}'`
        : `only one name, '${oneName.single}', is given; it is a familiar form or another spelling of one of the names in '${oneName.full}'`,
    );
  } else if (best >= 0.97) {
    evidence += 3;
    reasons?.push(
      (pa.keys[bestA] as NameKey).comparable !== (pb.keys[bestB] as NameKey).comparable
        ? `names '${nameA}' and '${nameB}' are the same name written another way (a familiar form, spelling or lost letter)`
        : nameA !== nameB
          ? `names '${nameA}' and '${nameB}' are the same once case, accents, script and word order are set aside`
          : `same name '${nameA}'`,
    );
  } else if (best >= 0.9) {
    evidence += 2;
    reasons?.push(`names '${nameA}' and '${nameB}' are alike (a spelling, transliteration or familiar form)`);
  } else if (best >= 0.82) {
    evidence += 0.5;
    reasons?.push(`names '${nameA}' and '${nameB}' are somewhat alike`);
  } else if (pa.names.length && pb.names.length) {
    // A full name whose family name is the other's, its given name not (a given name written
    // as a short form no list has, or replaced): less against than names wholly different.
    const part = oneWordAlike(pa, pb);
    if (part) {
      evidence -= 1.5;
      reasons?.push(`names '${part.nameA}' and '${part.nameB}' share '${part.word}', but their other names differ`);
    } else {
      evidence -= 3;
      reasons?.push(`names '${pa.names[0]}' and '${pb.names[0]}' differ`);
    }
  }

  // The same name with a date of birth on one side only is doubtful when several people with
  // different dates of birth bear it — within the two mentions' case or network, if they share
  // one: namesakes elsewhere say nothing about who a case file means by the name.
  const network = pa.network;
  const sameNetwork = network !== undefined && network === pb.network && pa.networkSize <= MAX_NETWORK;
  const sameCase = a.agency === b.agency && !!a.caseRef && a.caseRef === b.caseRef;
  // Whether several people with different dates of birth bear the name, when one is missing.
  let doubtful = false;
  if (best >= 0.9 && (!a.birthDate || !b.birthDate)) {
    // One case or one network is both mentions': each name's dates there are its own mention's.
    const [known, knownName] = datesOfName(
      pa,
      bestA,
      pb,
      bestB,
      sameCase ? 'case' : sameNetwork ? 'network' : 'anywhere',
      context,
    );
    doubtful = known.size > 1;
    if (doubtful && best >= 0.97) {
      evidence -= 1;
      reasons?.push(
        `${known.size} people with different dates of birth are named '${knownName}'${sameCase ? ` in ${a.agency} case ${a.caseRef}` : ''}; a date of birth is missing here`,
      );
    }
  }

  if (a.birthDate && b.birthDate) {
    if (a.birthDate === b.birthDate) {
      evidence += 3;
      reasons?.push(`same date of birth ${a.birthDate}`);
    } else {
      const [ya, ma, da] = pa.birth as string[];
      const [yb, mb, db] = pb.birth as string[];
      if (ya === yb && ma === db && da === mb) {
        evidence += 1;
        reasons?.push(`dates of birth ${a.birthDate} and ${b.birthDate} differ only by day and month order`);
      } else if (nearDates(a.birthDate, b.birthDate)) {
        // A slip of the pen (one digit, two digits swapped, the day before or after) in one of
        // them: it does not count against the pair, as a date wholly different does. Nor for it:
        // namesakes of a common name are born that close often enough.
        reasons?.push(
          `dates of birth ${a.birthDate} and ${b.birthDate} are one digit, two swapped digits or one day apart (a slip in writing one of them?): neither for nor against`,
        );
      } else {
        evidence -= DIFFERENT_BIRTH_DATES;
        reasons?.push(`different dates of birth ${a.birthDate} and ${b.birthDate}`);
      }
    }
  }

  const shared = sharedIdentifiers(a, b);
  // One full name at one address: two people so named seldom live at one address, unless
  // several people of the name are known with different dates of birth (a father and a son),
  // or the names are one word only.
  const oneHome =
    best >= 0.9 &&
    !oneName &&
    !doubtful &&
    a.record !== b.record &&
    (pa.keys[bestA] as NameKey).tokens.length > 1 &&
    (pb.keys[bestB] as NameKey).tokens.length > 1;
  if (shared.length > 0) {
    const seen = new Set<string>();
    let identifierEvidence = 0;
    for (const s of shared) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const home = oneHome && s.label === 'Address';
      identifierEvidence += home ? ADDRESS_OF_ONE_NAME : (IDENTIFIER_WEIGHT[s.label] ?? 1);
      reasons?.push(
        `both used ${LABEL_WORDS[s.label] ?? s.label.toLowerCase()} ${s.display} (${where(a)}; ${where(b)})${home ? ': two people of one full name seldom share an address' : ''}`,
      );
    }
    evidence += Math.min(identifierEvidence, 7);
  }
  // A document number one slip off the other's, of one kind (a typo in one record).
  if (pa.documents.length > 0 && pb.documents.length > 0 && !shared.some((s) => s.label === 'Document')) {
    const near = nearDocuments(pa, pb);
    if (near) {
      const sequence = inSequence(near[0].key as string, near[1].key as string);
      evidence += sequence ? NEAR_DOCUMENT : SLIPPED_DOCUMENT;
      reasons?.push(
        `identity documents ${near[0].display} and ${near[1].display} are one character or two swapped characters apart (${where(a)}; ${where(b)})${sequence ? ': numbers issued one after the other can be so' : ', further apart than numbers issued one after the other: a slip in writing one of them'}`,
      );
    }
  }
  // One postcode and one house number, the rest written otherwise (a flat left out, a street
  // misspelt): a weaker agreement than one address. Households and workers share an address,
  // so this counts for little, as a shared address does.
  if (pa.addresses.length > 0 && pb.addresses.length > 0 && !shared.some((s) => s.label === 'Address')) {
    const near = nearAddresses(pa, pb);
    if (near) {
      evidence += oneHome ? ADDRESS_OF_ONE_NAME - NEAR_ADDRESS : NEAR_ADDRESS;
      reasons?.push(
        `addresses ${near[0].display} and ${near[1].display} have one postcode and house number (${where(a)}; ${where(b)})${oneHome ? ': two people of one full name seldom share an address' : ''}`,
      );
    }
  }
  // Most compared pairs cannot be kept whatever the rest says: told here, before the rest, when
  // only whether the pair is kept is asked (no reasons). Every weight is a multiple of 0.5, so the
  // sums are exact and a bound below the kept evidence is a pair not kept.
  if (reasons === undefined) {
    const most = evidence + mostFromHereOn(pa, pb, context, shared, best, oneName !== undefined, sameCase, sameNetwork);
    if (most < KEPT_EVIDENCE) return most;
  }
  // Identifiers that tie a one-name mention to a full name, to check nobody else fits as well.
  const tying: SharedIdentifier[] = oneName ? [...shared] : [];

  // Records that are linked (someone in each used the same phone, address, account…) put the
  // two mentions in one network; a shared name there means more than a shared name anywhere.
  // A one-name mention needs more than that: an identifier of the person's own (not an address
  // or vehicle, which households and workers share) tying the two together.
  if (shared.length === 0 && namesFit && a.record !== b.record) {
    const link = oneName ? undefined : firstIn(a.recordIdentifiers, b.recordIdentifiers, false);
    // The row naming one of them gives an identifier the other used himself ("Ionut rings from
    // +40 740 629 640" in a tip; Ionut Marin's phone in a police record).
    const crossA = firstIn(a.recordIdentifiers, b.identifiers, oneName !== undefined);
    const crossB = firstIn(b.recordIdentifiers, a.identifiers, oneName !== undefined);
    const cross = crossA ?? crossB;
    if (cross) {
      const [row, user] = crossA ? [a, b] : [b, a];
      evidence += 3;
      reasons?.push(
        `the row naming '${names(row)[0] ?? '?'}' (${where(row)}) also gives ${LABEL_WORDS[cross.label] ?? cross.label.toLowerCase()} ${cross.display}, which '${names(user)[0] ?? '?'}' used (${where(user)})`,
      );
      // Both ways round, so that the check on others the one name fits does not depend on the order.
      if (oneName) tying.push(...[crossA, crossB].filter((x): x is SharedIdentifier => x !== undefined));
    } else if (link) {
      evidence += 2;
      reasons?.push(
        `their records are linked: both name ${LABEL_WORDS[link.label] ?? link.label.toLowerCase()} ${link.display} (${where(a)}; ${where(b)})`,
      );
    } else if (sameNetwork && !oneName) {
      evidence += 2;
      reasons?.push(
        `their records belong to one network of ${network ? pa.networkSize : 0} records linked by shared phones, addresses or accounts`,
      );
    }
  }

  const otherFitting = oneName
    ? tying
        .map((identifier) => ({ identifier, other: otherFit(oneName, identifier, [a, b], context) }))
        .find((x) => x.other)
    : undefined;
  if (oneName && otherFitting?.other) {
    const { identifier, other } = otherFitting;
    evidence -= 2;
    reasons?.push(
      `'${oneName.single}' fits '${names(other)[0] ?? '?'}' too, who also used ${LABEL_WORDS[identifier.label] ?? identifier.label.toLowerCase()} ${identifier.display} (${where(other)})`,
    );
  }

  // A row that names two people by this same name (a father and son travelling together) cannot
  // say by the name which of them another row means.
  if (best >= SAME_NAME && a.record !== b.record && !(a.birthDate && a.birthDate === b.birthDate)) {
    const twinA = namesakeInRow(pa, context);
    const twinB = namesakeInRow(pb, context);
    // Both rows name two people so, and the rows are tied (an identifier both sides gave), or no
    // more than two people of the name are known by their dates of birth anywhere: they are the
    // same two people. When one of them is born on another day than the other row's other
    // namesake, it is not that one, so it is this one.
    // Looked at in the order of the ids, so that the reason does not depend on which comes first.
    let ruledOut: [PersonMention, PersonMention] | undefined;
    const tied = twinA !== undefined && twinB !== undefined && tiedRows(a, b);
    const onlyTwo =
      twinA !== undefined &&
      twinB !== undefined &&
      !tied &&
      knownDates(pa, bestA, 'anywhere', context).size <= COMMON_NAME_PEOPLE &&
      knownDates(pb, bestB, 'anywhere', context).size <= COMMON_NAME_PEOPLE;
    if (twinA && twinB && (tied || onlyTwo)) {
      const ways: [PersonMention, PersonMention][] = [
        [a, twinB],
        [b, twinA],
      ];
      if (b.id < a.id) ways.reverse();
      ruledOut = ways.find(([x, y]) => x.birthDate && y.birthDate && !sameOrNearDates(x.birthDate, y.birthDate));
    }
    const twin = twinA ?? twinB;
    if (ruledOut) {
      const [x, y] = ruledOut;
      // Untied rows have no link to count besides; the doubt the two dates of birth cast on
      // the name above is answered here.
      evidence += tied ? 2 : 3;
      reasons?.push(
        `${where(a)} and ${where(b)} each name two people '${names(y)[0] ?? '?'}', and ${tied ? 'the rows are linked' : 'no more than two people of that name are known by their dates of birth'}; '${names(x)[0] ?? '?'}' born ${x.birthDate} is not the other one, born ${y.birthDate} (${where(y)}), so is this one`,
      );
    } else if (twin) {
      evidence -= 2;
      reasons?.push(
        `${where(twin)} names two people '${names(twin)[0] ?? '?'}'; the name cannot say which one is meant`,
      );
    }
  }

  // Two rows that each name the same two people ("travelling with" on both sides of a couple's
  // border crossing, a payer and payee in two reports) corroborate each other: the other person
  // in each row has another name, alike in both, and no date of birth says otherwise.
  if (a.record !== b.record && !sameCase && best >= SAME_NAME) {
    // Common names side by side in two rows can be chance, unless both rows report one day.
    const sameDay = !!a.eventDate && a.eventDate === b.eventDate;
    const companion = sameDay || !commonName(pa, context) ? namedWithBoth(pa, pb, context, sameDay) : undefined;
    if (companion) {
      const [x, y] = companion;
      evidence += 3;
      reasons?.push(
        `'${names(x)[0] ?? '?'}' is named with each of them (${withWhom(a, x)}; ${withWhom(b, y)}): the same two people are named together twice${sameDay ? `, both on ${a.eventDate}` : ''}`,
      );
    }
  }

  // One agency's case names its people in several sheets (persons, contacts) under the same
  // case reference and often the same person number. A one-name mention counts so only when an
  // identifier of the person's own ties it to the full name and the case names nobody else the
  // one name fits.
  const caseSays =
    !oneName ||
    (tying.some((i) => PERSONAL.has(i.label)) && !otherFitting?.other && onlyFitInCase(oneName, [a, b], context));
  if (a.record !== b.record && sameCase && namesFit && caseSays) {
    if (a.recordRef && a.recordRef === b.recordRef) {
      evidence += 4;
      reasons?.push(`the same person number ${a.recordRef} in ${a.agency} case ${a.caseRef}`);
    } else {
      evidence += 2;
      reasons?.push(`both named in ${a.agency} case ${a.caseRef}`);
    }
  }

  // Two people named in one row are usually two people (a suspect and a victim, a traveller and
  // a companion), unless they share something personal, as an account holder paying themself.
  // (Weighed in mostFromHereOn too.)
  if (a.record === b.record && !shared.some((s) => s.label === 'Account' || s.label === 'Document')) {
    evidence -= 3;
    reasons?.push('both are named in the same row, in different roles');
  }

  const na = pa.nationality;
  const nb = pb.nationality;
  // (Weighed in mostFromHereOn too.)
  if (na && nb) {
    if (na === nb) {
      evidence += 0.5;
      reasons?.push(`same nationality ${na}`);
    } else {
      evidence -= 1;
      reasons?.push(`different nationalities ${na} and ${nb}`);
    }
  }

  return evidence;
}

/**
 * The rules' "one full name at one address" (see `weigh`), with nothing known against it: the two
 * mentions, in two rows, bear the same name or alike ones (0.9 or more, as names are weighed
 * here), of two words or more each, neither only one name of the other's; they used one address,
 * or addresses of one postcode and house number; their dates of birth, where both give one, are
 * not wholly different (the same, day and month swapped, or a slip apart); and no namesake is known
 * who could be meant instead: no row of either names two people so, and, where one of them gives
 * no date of birth, the name is not borne by several people with different dates in their case,
 * their network or anywhere. Two people so named seldom share an address; a father and a son do,
 * and their dates of birth or a row naming both tell them apart.
 */
export function oneFullNameAtOneAddress(a: PersonMention, b: PersonMention, context: MatchContext): boolean {
  if (a.record === b.record) return false;
  const pa = prepared(a, context);
  const pb = prepared(b, context);
  if (!sharedIdentifiers(a, b).some((s) => s.label === 'Address') && !nearAddresses(pa, pb)) return false;
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate && !nearDates(a.birthDate, b.birthDate)) {
    const [ya, ma, da] = pa.birth as string[];
    const [yb, mb, db] = pb.birth as string[];
    if (!(ya === yb && ma === db && da === mb)) return false;
  }
  const { best, bestA, bestB } = bestNames(pa, pb);
  if (best < 0.9) return false;
  if ((pa.keys[bestA] as NameKey).tokens.length < 2 || (pb.keys[bestB] as NameKey).tokens.length < 2) return false;
  if (best < SAME_NAME && oneNameOnly(pa, pb)) return false;
  if (!a.birthDate || !b.birthDate) {
    const sameNetwork = pa.network !== undefined && pa.network === pb.network && pa.networkSize <= MAX_NETWORK;
    const sameCase = a.agency === b.agency && !!a.caseRef && a.caseRef === b.caseRef;
    const within = sameCase ? 'case' : sameNetwork ? 'network' : 'anywhere';
    if (datesOfName(pa, bestA, pb, bestB, within, context)[0].size > 1) return false;
  }
  if (best >= SAME_NAME && !(a.birthDate && a.birthDate === b.birthDate))
    if (namesakeInRow(pa, context) || namesakeInRow(pb, context)) return false;
  return true;
}

/** The evidence from which a pair is kept (a score of MIN_KEPT_SCORE). */
const KEPT_EVIDENCE = 3;

/**
 * The most that what `weigh` counts after a pair's names, dates of birth and identifiers can add:
 * the row, the network, namesakes, companions and the case at their best where they can apply
 * at all, and the row and nationalities as they are. Each term mirrors one step of `weigh`.
 */
function mostFromHereOn(
  pa: Prepared,
  pb: Prepared,
  context: MatchContext,
  shared: readonly SharedIdentifier[],
  best: number,
  oneName: boolean,
  sameCase: boolean,
  sameNetwork: boolean,
): number {
  const a = pa.p;
  const b = pb.p;
  let most = 0;
  const apart = a.record !== b.record;
  const namesFit = best >= 0.9 || oneName;
  if (shared.length === 0 && namesFit && apart) {
    // An identifier one row gave that the other used; else the rows' identifiers, or one network.
    if (
      (a.recordIdentifiers.length > 0 && b.identifiers.length > 0) ||
      (b.recordIdentifiers.length > 0 && a.identifiers.length > 0)
    )
      most += 3;
    else if (
      (!oneName && a.recordIdentifiers.length > 0 && b.recordIdentifiers.length > 0) ||
      (sameNetwork && !oneName)
    )
      most += 2;
  }
  if (best >= SAME_NAME && apart && !(a.birthDate && a.birthDate === b.birthDate)) {
    // Two namesakes in each of two rows can tell which one is meant.
    if (namesakeInRow(pa, context) && namesakeInRow(pb, context)) most += 3;
  }
  if (apart && !sameCase && best >= SAME_NAME) {
    const sameDay = !!a.eventDate && a.eventDate === b.eventDate;
    if (
      (sameDay || !commonName(pa, context)) &&
      othersNamedWith(pa, context).length > 0 &&
      othersNamedWith(pb, context).length > 0
    )
      most += 3;
  }
  if (apart && sameCase && namesFit) most += a.recordRef && a.recordRef === b.recordRef ? 4 : 2;
  if (!apart && !shared.some((s) => s.label === 'Account' || s.label === 'Document')) most -= 3;
  const na = pa.nationality;
  const nb = pb.nationality;
  if (na && nb) most += na === nb ? 0.5 : -1;
  return most;
}

/**
 * The first identifier of `from` that `among` holds too (by id); with `personal`, only one of a
 * person's own kinds.
 */
function firstIn(
  from: readonly SharedIdentifier[],
  among: readonly SharedIdentifier[],
  personal: boolean,
): SharedIdentifier | undefined {
  for (const x of from) {
    if (personal && !PERSONAL.has(x.label)) continue;
    for (const y of among) if (y.id === x.id) return x;
  }
  return undefined;
}

/**
 * What a date of birth written otherwise says against a pair. Less than a shared identity
 * document says for it: a date mistyped or made up in one record is likelier than two people
 * of one name holding one document.
 */
const DIFFERENT_BIRTH_DATES = 4;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Whether two full dates of birth are one slip apart: one digit different, two neighbouring
 * digits swapped, or one day apart (a birth written the day before or after, across a month's end).
 */
export function nearDates(x: string, y: string): boolean {
  // Compared character by character, without a pattern or a parse: namesakes with two dates of
  // birth are compared millions of times at a hundred thousand records.
  if (x === y || x.length !== 10 || y.length !== 10 || !ISO_DATE.test(x) || !ISO_DATE.test(y)) return false;
  let first = -1;
  let second = -1;
  let differing = 0;
  for (let i = 0; i < 10; i++) {
    if (x.charCodeAt(i) === y.charCodeAt(i)) continue;
    differing++;
    if (first < 0) first = i;
    else second = i;
  }
  if (differing === 1) return true;
  if (
    differing === 2 &&
    (second === first + 1 || (x[first + 1] === '-' && second === first + 2)) &&
    x[first] === y[second] &&
    x[second] === y[first]
  )
    return true;
  // One day apart: within one month, or across a month's end, where one of them is the first.
  if (x.slice(0, 8) === y.slice(0, 8)) return Math.abs(Number(x.slice(8)) - Number(y.slice(8))) === 1;
  if (!x.endsWith('-01') && !y.endsWith('-01')) return false;
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.abs(day(x) - day(y)) === DAY_MS;
}

/**
 * What a document number one slip off the other's says for a pair when numbers issued one after
 * the other could be the two (a family's passports): much less than one number, a little less
 * than a shared phone; more than a shared address, which households share.
 */
const NEAR_DOCUMENT = 2.5;

/**
 * What a document number one slip off the other's says when no sequence could give the two (they
 * differ by ten or more, or not in their last digits): a slip in writing one number, as much as a
 * shared phone. Two numbers of seven random digits are one slip apart about once in 140,000 pairs.
 */
const SLIPPED_DOCUMENT = 3;

/** Where a number's last run of digits begins (its length when it ends in a letter). */
function lastDigits(number: string): number {
  let i = number.length;
  while (i > 0 && number.charCodeAt(i - 1) >= 48 && number.charCodeAt(i - 1) <= 57) i--;
  return i;
}

/**
 * Whether two document numbers could have been issued one after the other (a family's passports):
 * the same characters before their last digits, and those digits fewer than ten apart.
 */
export function inSequence(x: string, y: string): boolean {
  const ix = lastDigits(x);
  const iy = lastDigits(y);
  if (ix === x.length || iy === y.length || x.slice(0, ix) !== y.slice(0, iy)) return false;
  const dx = x.slice(ix);
  const dy = y.slice(iy);
  // Fifteen digits are what a double holds exactly; any before them must be the same.
  const keep = 15;
  if (dx.slice(0, -keep) !== dy.slice(0, -keep)) return false;
  return Math.abs(Number(dx.slice(-keep)) - Number(dy.slice(-keep))) < 10;
}

/** What one postcode and house number say for a pair, the rest of the addresses written otherwise. */
const NEAR_ADDRESS = 0.5;

/** An address read from its key (`country|postcode|flat|words`): only one with a postcode and a number. */
interface PlacedAddress {
  identifier: SharedIdentifier;
  place: string;
  numbers: string[];
}

const NO_ADDRESSES: PlacedAddress[] = [];

/** A mention's addresses that have a postcode and a house number (kept in {@link Prepared}), by id. */
function addressesOf(p: PersonMention): PlacedAddress[] {
  if (!p.identifiers.some((i) => i.label === 'Address')) return NO_ADDRESSES;
  const found: PlacedAddress[] = [];
  for (const identifier of p.identifiers) {
    if (identifier.label !== 'Address' || !identifier.key || identifier.key.length > 400) continue;
    const [country, postcode, , words] = identifier.key.split('|');
    if (!country || !postcode || !words) continue;
    const numbers = words.split(' ').filter((w) => /^\d+[a-z]?$/.test(w));
    if (numbers.length > 0) found.push({ identifier, place: `${country}|${postcode}`, numbers });
  }
  return found.sort((x, y) => (x.identifier.id < y.identifier.id ? -1 : x.identifier.id > y.identifier.id ? 1 : 0));
}

/** An address of each mention with one country, postcode and house number (the first in a fixed order). */
function nearAddresses(a: Prepared, b: Prepared): [SharedIdentifier, SharedIdentifier] | undefined {
  if (a.addresses.length === 0 || b.addresses.length === 0) return undefined;
  const inOrder = a.p.id < b.p.id;
  const [first, second] = inOrder ? [a.addresses, b.addresses] : [b.addresses, a.addresses];
  for (const x of first)
    for (const y of second)
      if (x.place === y.place && x.numbers.some((n) => y.numbers.includes(n)))
        return inOrder ? [x.identifier, y.identifier] : [y.identifier, x.identifier];
  return undefined;
}

/** Numbers shorter than this are too short for one character's difference to say anything. */
const MIN_DOCUMENT_NUMBER = 6;

/** The numbers of the identity documents a mention used, as normalised. */
function documentNumbers(p: PersonMention): string[] {
  const numbers = new Set<string>();
  for (const i of p.identifiers)
    if (i.label === 'Document' && i.key && i.key.length >= MIN_DOCUMENT_NUMBER && i.key.length <= 40)
      numbers.add(i.key);
  return [...numbers];
}

/** A mention's identity documents with a number long enough to compare, by id (kept in {@link Prepared}). */
function documentsOf(p: PersonMention): SharedIdentifier[] {
  // Most mentions have no document: said without a copy.
  if (!p.identifiers.some((i) => i.label === 'Document')) return NO_DOCUMENTS;
  return p.identifiers
    .filter((i) => i.label === 'Document' && i.key && i.key.length >= MIN_DOCUMENT_NUMBER)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

const NO_DOCUMENTS: SharedIdentifier[] = [];

/** A document of each mention, of one kind, whose numbers are one slip apart (the first in a fixed order). */
function nearDocuments(a: Prepared, b: Prepared): [SharedIdentifier, SharedIdentifier] | undefined {
  const ofA = a.documents;
  const ofB = b.documents;
  if (ofA.length === 0 || ofB.length === 0) return undefined;
  const inOrder = a.p.id < b.p.id;
  const [first, second] = inOrder ? [ofA, ofB] : [ofB, ofA];
  for (const x of first)
    for (const y of second)
      if ((!x.kind || !y.kind || x.kind === y.kind) && oneEditApart(x.key as string, y.key as string))
        return inOrder ? [x, y] : [y, x];
  return undefined;
}

/** The number itself and the number with each one character left out. */
function deletionVariants(number: string): string[] {
  const variants = new Set([number]);
  for (let i = 0; i < number.length; i++) variants.add(number.slice(0, i) + number.slice(i + 1));
  return [...variants];
}

/**
 * Whether two document numbers are one slip apart: one character changed, added or left out,
 * or two neighbouring characters swapped (Damerau–Levenshtein distance 1).
 */
export function oneEditApart(x: string, y: string): boolean {
  if (x === y || Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) {
    const differ: number[] = [];
    for (let i = 0; i < x.length && differ.length <= 2; i++) if (x[i] !== y[i]) differ.push(i);
    if (differ.length === 1) return true;
    const [i, j] = differ as [number, number];
    return differ.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i];
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The sounds a token with one lost letter could have had ('?ukasz': 'lukasz', 'mukasz'…). */
function lostLetterSounds(token: string): string[] {
  if (token.split('?').length !== 2) return [];
  return [...new Set([...LETTERS].map((c) => doubleMetaphone(token.replace('?', c))[0]).filter((k) => k !== ''))];
}

/**
 * What an import changed since the last resolution: the person mentions it added (and those whose
 * identifiers it changed), its records, and the records whose links changed because an identifier
 * they assert became a hub (or stopped being one), by id; and the pairs proposed before it
 * (`proposed`: every same-person pair in the graph, by person id), some of whose reasons it may
 * change without changing any score.
 */
export interface ChangedMentions {
  persons: ReadonlySet<string>;
  records: ReadonlySet<string>;
  relinked?: ReadonlySet<string>;
  proposed?: ReadonlyArray<readonly [string, string]>;
}

/** What {@link findRuleCandidates} found. */
export interface RuleRun {
  candidates: MatchCandidate[];
  compared: number;
  droppedBlocks: number;
  /**
   * With `changed`: the mentions whose pairs were scored again (all of them, or, for those whose
   * scores it leaves as they were, all their proposed pairs); the others' stand as they were.
   */
  affected?: string[];
}

/** What an import affects: mentions whose every pair is scored again, and mentions whose proposed pairs are. */
export interface Affected {
  /** Every pair of these may score otherwise. */
  all: Set<string>;
  /**
   * The pairs of these score as before, but a proposed pair's reasons may count namesakes
   * otherwise ('4 people with different dates of birth are named …'): their proposed pairs are
   * scored again.
   */
  reasoned: Set<string>;
}

/** Whether a name's dates of birth, `before` then `after` in number, cross a count the rules act on. */
function crossesCount(before: number, after: number): boolean {
  // More than one: the name alone is doubtful; more than COMMON_NAME_PEOPLE: the name is common.
  return (before <= 1 && after > 1) || (before <= COMMON_NAME_PEOPLE && after > COMMON_NAME_PEOPLE);
}

/**
 * The mentions whose pairs may score otherwise once `changed` joined the graph: the new ones, and
 * every one whose context they alter in a way a score reads — bearers of a name whose dates of
 * birth a new mention brings over a count the rules act on (and those named with them, for a
 * companion's common name), those of a case a new mention joins when it is small enough to name
 * companions or the new mention gives a case-mate's name a date, the users of an identifier a new
 * mention used when a one-name mention could be tied by it, and those of a network a new record
 * joined (unless it was too large to count before and after). Bearers of a name that only gains
 * another date beyond those counts (`reasoned`) keep their scores: only their proposed pairs'
 * reasons, which give the number, are scored again. A pair of mentions in neither set is
 * compared, and scored, as it was before the import.
 */
export function affectedMentions(people: PersonMention[], context: MatchContext, changed: ChangedMentions): Affected {
  const affected = new Set<string>(changed.persons);
  const reasoned = new Set<string>();
  const fresh = people.filter((p) => changed.persons.has(p.id));
  const add = (list: PersonMention[] | undefined) => {
    for (const p of list ?? []) affected.add(p.id);
  };
  const datesBefore = new Map<string, Set<string>>();
  for (const p of people) {
    if (changed.persons.has(p.id) || !p.birthDate) continue;
    for (const n of names(p)) {
      const key = nameKey(n).comparable;
      const set = datesBefore.get(key) ?? new Set<string>();
      set.add(p.birthDate);
      datesBefore.set(key, set);
    }
  }
  // The identifiers that an earlier one-name mention used, or that its row gave.
  const tiesOneName = new Set<string>();
  for (const p of people) {
    if (changed.persons.has(p.id) || !names(p).some((n) => nameKey(n).tokens.length === 1)) continue;
    for (const i of p.identifiers) tiesOneName.add(i.id);
    for (const i of p.recordIdentifiers) tiesOneName.add(i.id);
  }
  // Names given a date of birth they had not: crossing a count the scores read, or only counted.
  const crossing = new Set<string>();
  const counted = new Set<string>();
  const touchedRecords = new Set<string>(changed.records);
  const freshInCase = new Map<string, Set<string>>();
  for (const p of fresh) {
    if (p.birthDate)
      for (const n of names(p)) {
        const key = nameKey(n).comparable;
        if (datesBefore.get(key)?.has(p.birthDate)) continue;
        const before = datesBefore.get(key)?.size ?? 0;
        if (crossesCount(before, context.dates.get(key)?.size ?? before)) crossing.add(key);
        else counted.add(key);
      }
    touchedRecords.add(p.record);
    if (p.caseRef) {
      const inCase = context.caseMentions.get(caseKey(p, '')) ?? [];
      // A case names companions only up to MAX_CASE_MENTIONS; past that, only its dates count.
      if (inCase.filter((x) => !changed.persons.has(x.id)).length <= MAX_CASE_MENTIONS) add(inCase);
      else if (p.birthDate) {
        const keys = freshInCase.get(caseKey(p, '')) ?? new Set<string>();
        for (const n of names(p)) keys.add(nameKey(n).comparable);
        freshInCase.set(caseKey(p, ''), keys);
      }
    }
    // Another user of an identifier weighs only against a one-name mention it ties to a full name.
    for (const i of p.identifiers) if (tiesOneName.has(i.id)) add(context.usersOf.get(i.id));
  }
  for (const p of people) {
    const keys = names(p).map((n) => nameKey(n).comparable);
    if (keys.some((k) => crossing.has(k))) {
      affected.add(p.id);
      add(context.mentionsOf.get(p.record));
      if (p.caseRef) add(context.caseMentions.get(caseKey(p, '')));
    } else if (keys.some((k) => counted.has(k))) reasoned.add(p.id);
    if (p.caseRef && keys.some((k) => freshInCase.get(caseKey(p, ''))?.has(k))) affected.add(p.id);
  }
  // Networks: one a new record joined is another network now. Past the size at which a network
  // says nothing, it matters only to those whose network was small enough before. A network a
  // new hub split was another before, of a size not known here: all of it, unless still too large.
  const touchedNetworks = new Set([...touchedRecords].map((r) => context.networkOf.get(r)));
  const splitNetworks = new Set([...(changed.relinked ?? [])].map((r) => context.networkOf.get(r)));
  const before = networks(people.filter((p) => !changed.records.has(p.record)));
  for (const p of people) {
    const network = context.networkOf.get(p.record);
    if (network === undefined) continue;
    // A network still too large to count after the split was too large before it too.
    if (splitNetworks.has(network) && (context.networkSize.get(network) ?? 0) <= MAX_NETWORK) affected.add(p.id);
    else if (!touchedNetworks.has(network)) continue;
    else if (
      (context.networkSize.get(network) ?? 0) <= MAX_NETWORK ||
      (before.networkSize.get(before.networkOf.get(p.record) ?? '') ?? 0) <= MAX_NETWORK
    )
      affected.add(p.id);
  }
  for (const id of affected) reasoned.delete(id);
  return { all: affected, reasoned };
}

/**
 * Records joined by any shared identifier (hubs are already left out) form a network: each
 * record's network (named by one of its records) and each network's size in records.
 */
function networks(people: PersonMention[]): { networkOf: Map<string, string>; networkSize: Map<string, number> } {
  // Union-find over the records' numbers (in the order first met) rather than their ids: a
  // hundred thousand records are joined here before every resolution.
  const numberOf = new Map<string, number>();
  const records: string[] = [];
  const parent: number[] = [];
  const number = (record: string): number => {
    let n = numberOf.get(record);
    if (n === undefined) {
      n = records.length;
      numberOf.set(record, n);
      records.push(record);
      parent.push(n);
    }
    return n;
  };
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    parent[x] = root;
    return root;
  };
  const firstRecordOf = new Map<string, number>();
  for (const p of people) {
    const record = number(p.record);
    for (const i of p.recordIdentifiers) {
      const other = firstRecordOf.get(i.id);
      if (other === undefined) firstRecordOf.set(i.id, record);
      else parent[find(record)] = find(other);
    }
  }
  const networkOf = new Map<string, string>();
  const networkSize = new Map<string, number>();
  for (let n = 0; n < records.length; n++) {
    const root = records[find(n)] as string;
    networkOf.set(records[n] as string, root);
    networkSize.set(root, (networkSize.get(root) ?? 0) + 1);
  }
  return { networkOf, networkSize };
}

/**
 * The name blocks of a name: each two of its sounds, its one sound, and with a lost letter
 * ('?ukasz') the sounds it could have had. Worked out once per name (most names are borne by
 * several mentions); the same strings then hash once in the blocks' map.
 */
function nameBlocks(key: NameKey): string[] {
  let found = NAME_BLOCKS.get(key);
  if (found === undefined) {
    const { phonetic, tokens } = key;
    const keys = new Set<string>();
    for (let x = 0; x < phonetic.length; x++) {
      for (let y = x + 1; y < phonetic.length; y++) keys.add(`name:${phonetic[x]}|${phonetic[y]}`);
    }
    if (phonetic.length === 1) keys.add(`name:${phonetic[0]}`);
    for (const token of tokens) {
      for (const sound of lostLetterSounds(token)) {
        for (const other of phonetic) if (other !== sound) keys.add(`name:${[sound, other].sort().join('|')}`);
      }
    }
    found = [...keys];
    NAME_BLOCKS.set(key, found);
  }
  return found;
}

const NAME_BLOCKS = new WeakMap<NameKey, string[]>();

/** A block of more mentions than this is a common name or a hub missed; its pairs are left to other blocks. */
const MAX_RULE_BLOCK = 200;

/**
 * Each block key of a mention, once: the identifiers it used and those its row gave, its names'
 * sounds, its date of birth, and its document numbers with a character left out.
 */
function visitBlockKeys(p: PersonMention, visit: (key: string) => void): void {
  // An identifier someone in the row gave counts too: the row naming one person may give a
  // phone or handle another mention's person used (a tip about "Ionut" with his number).
  for (const id of new Set([...p.identifiers, ...p.recordIdentifiers].map((x) => x.id))) visit(`id:${id}`);
  const keys = new Set<string>();
  for (const n of names(p)) for (const k of nameBlocks(nameKey(n))) keys.add(k);
  // A name mistyped on both sides still meets by its date of birth, or by a document number
  // one character off (a shared deletion variant): a typo in the name and one in the document
  // number would otherwise never be compared.
  if (p.birthDate && ISO_DATE.test(p.birthDate)) keys.add(`dob:${p.birthDate}`);
  for (const number of documentNumbers(p)) for (const variant of deletionVariants(number)) keys.add(`doc:${variant}`);
  for (const k of keys) visit(k);
}

/** A block key's 32-bit FNV-1a hash. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The blocks that pair something, in key order, each with its mentions' indexes (ascending). */
export interface Blocks {
  count: number;
  /** Block k's mentions are `members[start[k]]` up to `members[start[k + 1]]` (not included). */
  start: Uint32Array;
  members: Uint32Array;
}

function grown(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * The blocks of more than one mention, in key order (so that pairs are scored in one order
 * whatever the order of the mentions), kept in typed arrays: at a million mentions a list per
 * key, most of them of one mention, cost more than a gigabyte. Most keys are one mention's
 * (document-number variants, identifiers used once, dates of birth), so a first pass counts the
 * keys' hashes, up to two to a slot, and the second keeps only keys whose slot counted two: a key
 * alone in its slot is alone in the data; one that shares its slot with another's is kept, and
 * left out below if it is alone after all. What the blocks are does not depend on the hash, nor
 * on the table's size (`bits`: tests give a small one, so that keys share slots).
 */
export function ruleBlocks(
  people: PersonMention[],
  bits = Math.min(25, Math.max(12, Math.ceil(Math.log2(people.length * 32 + 1)))),
): Blocks {
  const mask = 2 ** bits - 1;
  const seen = new Uint8Array(2 ** bits);
  for (const p of people)
    visitBlockKeys(p, (key) => {
      const h = keyHash(key) & mask;
      if ((seen[h] as number) < 2) seen[h] = (seen[h] as number) + 1;
    });
  const numberOf = new Map<string, number>();
  const keys: string[] = [];
  let sizes = new Uint32Array(1024);
  // Each (key, mention) met, in the mentions' order.
  let keyOf = new Uint32Array(1024);
  let mentionOf = new Uint32Array(1024);
  let met = 0;
  people.forEach((p, i) =>
    visitBlockKeys(p, (key) => {
      if ((seen[keyHash(key) & mask] as number) < 2) return;
      let b = numberOf.get(key);
      if (b === undefined) {
        b = keys.length;
        numberOf.set(key, b);
        keys.push(key);
        if (b >= sizes.length) sizes = grown(sizes);
      }
      sizes[b] = (sizes[b] as number) + 1;
      if (met >= keyOf.length) {
        keyOf = grown(keyOf);
        mentionOf = grown(mentionOf);
      }
      keyOf[met] = b;
      mentionOf[met] = i;
      met++;
    }),
  );
  numberOf.clear();
  // A block of one mention pairs nothing, and sorting and walking it would cost more than the blocks that pair.
  const order: number[] = [];
  for (let b = 0; b < keys.length; b++) if ((sizes[b] as number) > 1) order.push(b);
  order.sort((x, y) => {
    const kx = keys[x] as string;
    const ky = keys[y] as string;
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
  const rank = new Int32Array(keys.length).fill(-1);
  const start = new Uint32Array(order.length + 1);
  order.forEach((b, k) => {
    rank[b] = k;
    start[k + 1] = (start[k] as number) + (sizes[b] as number);
  });
  const members = new Uint32Array(start[order.length] as number);
  const filled = start.slice(0, order.length);
  for (let e = 0; e < met; e++) {
    const k = rank[keyOf[e] as number] as number;
    if (k < 0) continue;
    members[filled[k] as number] = mentionOf[e] as number;
    filled[k] = (filled[k] as number) + 1;
  }
  return { count: order.length, start, members };
}

/**
 * Candidate pairs by blocking: mentions that share an identifier, or whose names sound alike
 * (two phonetic keys in common). Two mentions in one record may be one person too (an account
 * holder paying themself); the score decides.
 *
 * With `changed` (what an import added since the last resolution), only pairs with a mention
 * that the addition affects ({@link affectedMentions}, and the members of a block it took over
 * the size limit) are compared: the others would score as before. `context` may be given when
 * it was worked out already for these mentions.
 */
export function findRuleCandidates(
  people: PersonMention[],
  options: { changed?: ChangedMentions; context?: MatchContext } = {},
): RuleRun {
  const context = options.context ?? matchContext(people);
  const blocks = ruleBlocks(people);
  const membersOf = (k: number) => blocks.members.subarray(blocks.start[k], blocks.start[k + 1]);
  const candidates: MatchCandidate[] = [];
  // The mentions of each id are numbered: a person mentioned in several records is one number.
  const numberOf = new Map<string, number>();
  const numbers = people.map((p) => {
    let n = numberOf.get(p.id);
    if (n === undefined) {
      n = numberOf.size;
      numberOf.set(p.id, n);
    }
    return n;
  });
  const mentionsOfNumber = new Uint32Array(numberOf.size);
  for (const n of numbers) mentionsOfNumber[n] = (mentionsOfNumber[n] as number) + 1;
  const scoredWith = new Map<number, Set<number>>();
  let compared = 0;
  let droppedBlocks = 0;
  // A pair sits in several blocks (a shared phone and alike names) and is scored once, in the
  // first block it shares: each mention keeps the numbers of its blocks (those kept), ascending,
  // and a pair is scored in block k only when k is the first number both lists hold. Nothing is
  // kept per pair: tens of millions of pairs are compared at a million records. Pairs of a person
  // mentioned in several records are kept to one score per pair of ids with a set per number.
  const start = new Uint32Array(people.length + 1);
  for (let k = 0; k < blocks.count; k++) {
    const members = membersOf(k);
    if (members.length <= MAX_RULE_BLOCK) for (const i of members) start[i + 1] = (start[i + 1] as number) + 1;
  }
  for (let i = 0; i < people.length; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const blockList = new Uint32Array(start[people.length] as number);
  const filled = start.slice(0, people.length);
  for (let k = 0; k < blocks.count; k++) {
    const members = membersOf(k);
    if (members.length > MAX_RULE_BLOCK) continue;
    for (const i of members) {
      blockList[filled[i] as number] = k;
      filled[i] = (filled[i] as number) + 1;
    }
  }
  const firstShared = (i: number, j: number): number => {
    let x = start[i] as number;
    let y = start[j] as number;
    const xEnd = start[i + 1] as number;
    const yEnd = start[j + 1] as number;
    while (x < xEnd && y < yEnd) {
      const a = blockList[x] as number;
      const b = blockList[y] as number;
      if (a === b) return a;
      if (a < b) x++;
      else y++;
    }
    return -1;
  };
  let affected: Uint8Array | undefined;
  let reasoned: Set<string> | undefined;
  if (options.changed) {
    const found = affectedMentions(people, context, options.changed);
    const ids = found.all;
    // A block the new mentions took over the limit no longer pairs its old members.
    for (let k = 0; k < blocks.count; k++) {
      const members = membersOf(k);
      if (members.length > MAX_RULE_BLOCK && members.some((i) => options.changed?.persons.has(people[i]?.id ?? '')))
        for (const i of members) ids.add((people[i] as PersonMention).id);
    }
    // A person mentioned in several records is scored with the first of its mentions a pair
    // meets in the blocks: its pairs are all compared again, as a full run compares them.
    people.forEach((p, i) => {
      if (found.reasoned.has(p.id) && (mentionsOfNumber[numbers[i] as number] as number) > 1) ids.add(p.id);
    });
    for (const id of ids) found.reasoned.delete(id);
    reasoned = found.reasoned;
    affected = Uint8Array.from(people, (p) => (ids.has(p.id) ? 1 : 0));
  }
  const ready = people.map((p) => prepared(p, context));
  for (let k = 0; k < blocks.count; k++) {
    const members = membersOf(k);
    // A block this large is a common name or a hub missed; its pairs are left to other blocks.
    if (members.length > MAX_RULE_BLOCK) {
      droppedBlocks++;
      continue;
    }
    if (affected && !members.some((i) => affected[i] === 1)) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        if (affected && affected[i] !== 1 && affected[j] !== 1) continue;
        const m = numbers[i] as number;
        const n = numbers[j] as number;
        if ((mentionsOfNumber[m] as number) > 1 || (mentionsOfNumber[n] as number) > 1) {
          const low = m < n ? m : n;
          const high = m < n ? n : m;
          let partners = scoredWith.get(low);
          if (partners === undefined) {
            partners = new Set();
            scoredWith.set(low, partners);
          }
          if (partners.has(high)) continue;
          partners.add(high);
        } else if (firstShared(i, j) !== k) continue;
        compared++;
        const candidate = scorePrepared(ready[i] as Prepared, ready[j] as Prepared, context);
        if (candidate) candidates.push(candidate);
      }
    }
  }
  // The proposed pairs whose reasons alone may have changed, one at a time, if a full run would
  // compare them (they still share a block).
  const rescored = new Set<string>();
  if (affected && reasoned && reasoned.size > 0) {
    const indexOf = new Map<string, number>();
    people.forEach((p, i) => indexOf.set(p.id, i));
    for (const [a, b] of options.changed?.proposed ?? []) {
      if (!reasoned.has(a) && !reasoned.has(b)) continue;
      const i = indexOf.get(a);
      const j = indexOf.get(b);
      if (i === undefined || j === undefined || affected[i] === 1 || affected[j] === 1) continue;
      if (reasoned.has(a)) rescored.add(a);
      if (reasoned.has(b)) rescored.add(b);
      if (firstShared(i, j) < 0) continue;
      compared++;
      const candidate = scorePair(people[i] as PersonMention, people[j] as PersonMention, context);
      if (candidate) candidates.push(candidate);
    }
  }
  candidates.sort(byScoreThenPair);
  if (!affected) return { candidates, compared, droppedBlocks };
  people.forEach((p, i) => {
    if (affected[i] === 1) rescored.add(p.id);
  });
  return { candidates, compared, droppedBlocks, affected: [...rescored] };
}
