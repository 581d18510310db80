/**
 * Names for matching only (the original is what Caselink shows): a comparable form that
 * survives case, diacritics, other scripts and token order, phonetic keys, and a similarity.
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';
// Written by `node scripts/ensure.mjs deps` from a published list (see FAMILIAR_FORMS there).
import familiarList from '../../.cache/familiar-forms/forms.json';

export interface NameKey {
  /** Latin letters and spaces, lower case, tokens sorted: "ion popescu". */
  comparable: string;
  /** The words of the name, each part of a hyphenated one on its own: "Vasile-Cătălin" is "vasile", "catalin". */
  tokens: string[];
  /**
   * The tokens with each hyphenated name kept whole ("vasilecatalin"), for a name another file
   * writes in one word; the same as `tokens` when nothing was hyphenated.
   */
  wholeTokens: string[];
  /** Double Metaphone primary key of each token, sorted. */
  phonetic: string[];
}

/** Words that say nothing about who someone is. */
const NOISE = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sr',
  'jr',
  'dl',
  'dna',
  'sra',
  'don',
  'dona',
  'unknown',
  'nk',
  'anonymous',
  'anon',
  'withheld',
  'not',
  'given',
  'refused',
  'necunoscut',
  'anonim',
  'desconocido',
  'anonimo',
]);

/** Folds any script to Latin ASCII: "Йон Попеску" → "yon popesku", "Ștefănescu" → "stefanescu". */
export function toLatin(name: string): string {
  return anyAscii(name.normalize('NFC')).toLowerCase();
}

/**
 * A letter an export could not write, as '?' (or the Unicode replacement character): a
 * Windows-1252 system writes 'Łukasz' as '?ukasz' and 'Ionuț' as 'Ionu?'.
 */
export const LOST_LETTER = '?';

/**
 * The words of a name for matching. A hyphenated name gives each of its parts ("Vasile-Cătălin"
 * is "vasile" and "catalin"), as agencies write it with a hyphen, a space or one part only; an
 * apostrophe joins ("O'Brien" is "obrien").
 */
export function nameTokens(name: string): string[] {
  return latinWords(name).flatMap((w) => w.split('-').filter(isNameWord));
}

/** The words of a name with hyphenated ones kept whole, their hyphen dropped ("vasilecatalin"). */
function wholeNameTokens(name: string): string[] {
  return latinWords(name)
    .map((w) => w.split('-').filter(isNameWord).join(''))
    .filter((w) => w !== '');
}

function latinWords(name: string): string[] {
  return toLatin(name.replace(/\uFFFD/g, LOST_LETTER))
    .replace(/[^a-z\s'?-]/g, ' ')
    .replace(/'/g, '')
    .split(/\s+/);
}

function isNameWord(t: string): boolean {
  return /[a-z]/.test(t) && !NOISE.has(t);
}

/** Matching compares each name many times; its key is worked out once (and the cache bounded). */
const KEYS = new Map<string, NameKey>();
const MAX_KEYS = 100_000;

export function nameKey(name: string): NameKey {
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = computeNameKey(name);
    KEYS.set(name, key);
  }
  return key;
}

/**
 * Double Metaphone primary key of each token, worked out once: matching compares the same few
 * thousand given and family names millions of times, and Double Metaphone was the largest single
 * cost of scoring at 100,000 records (a fifth of it, and much of its garbage). Bounded as `KEYS` is.
 */
const SOUNDS = new Map<string, string>();

function tokenSound(token: string): string {
  // A word longer than any name is not kept: the cache is bounded in entries, not in length.
  if (token.length > MAX_TOKEN_COMPARED) return doubleMetaphone(token)[0];
  let sound = SOUNDS.get(token);
  if (sound === undefined) {
    if (SOUNDS.size >= MAX_KEYS) SOUNDS.clear();
    sound = doubleMetaphone(token)[0];
    SOUNDS.set(token, sound);
  }
  return sound;
}

/**
 * Words of a name kept for matching. No name has more; a cell of thousands of words would make
 * the pairwise comparison of `nameSimilarity` quadratic.
 */
const MAX_NAME_TOKENS = 16;

function computeNameKey(name: string): NameKey {
  const tokens = [...new Set(nameTokens(name))].slice(0, MAX_NAME_TOKENS).sort();
  const whole = [...new Set(wholeNameTokens(name))].slice(0, MAX_NAME_TOKENS).sort();
  return {
    comparable: tokens.join(' '),
    tokens,
    wholeTokens: whole.join(' ') === tokens.join(' ') ? tokens : whole,
    // A token with a lost letter has no reliable sound; the name's other tokens still block it.
    phonetic: [
      ...new Set(
        tokens
          .filter((t) => !t.includes(LOST_LETTER))
          .map(tokenSound)
          .filter((k) => k !== ''),
      ),
    ].sort(),
  };
}

/** Letters of each string already matched, reused from one comparison to the next (grown as needed). */
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/**
 * Jaro-Winkler similarity of two strings, 0..1. Over reused buffers: matching compares hundreds
 * of thousands of random pairs to count the model's u, and allocating two arrays a comparison
 * made that slow.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  if (a.length > matchedA.length) matchedA = new Uint8Array(a.length);
  if (b.length > matchedB.length) matchedB = new Uint8Array(b.length);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  matchedA.fill(0, 0, a.length);
  matchedB.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (!matchedB[j] && code === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Each familiar form or equivalent of a given name with the name it is a form of ("sasha" →
 * "alexander", "gheorghe" → "george"), from a published list (README: "Libraries, and why"),
 * folded to Latin. A name may be a form of a name that is itself a form ("mariana" → "maria" →
 * "mary"): its family is the chain of names it leads to.
 */
const FORM_OF: ReadonlyMap<string, string> = new Map(Object.entries(familiarList.forms as Record<string, string>));

/** Longest chain of forms followed; the published list has none longer, and a loop must end. */
const MAX_FORM_CHAIN = 4;

function formChain(name: string): string[] {
  const chain = [name];
  let at = FORM_OF.get(name);
  while (at !== undefined && chain.length < MAX_FORM_CHAIN && !chain.includes(at)) {
    chain.push(at);
    at = FORM_OF.get(at);
  }
  return chain;
}

/** Each name the list knows (as a form or as the name forms are of) with its chain, worked out once. */
const CHAINS: ReadonlyMap<string, readonly string[]> = new Map(
  [...new Set([...FORM_OF.keys(), ...FORM_OF.values()])].map((name) => [name, formChain(name)]),
);

/** Whether two given names are forms of one name ("sasha" and "aleksandr", "bill" and "william"). */
export function familiarForms(a: string, b: string): boolean {
  const ofA = CHAINS.get(a);
  const ofB = CHAINS.get(b);
  if (ofA === undefined || ofB === undefined) return false;
  return a === b || ofB.some((n) => ofA.includes(n));
}

/** Whether a token with lost letters ('?ukasz') can be the other token ('lukasz'). */
function fitsLostLetters(withLost: string, other: string): boolean {
  if (!withLost.includes(LOST_LETTER) || other.includes(LOST_LETTER)) return false;
  // One lost character may have been one or two Latin letters ('ß' is 'ss'). The positions of
  // `other` each known letter run can end at, kept as a set, rather than a pattern with one
  // `[a-z]{1,2}` per lost letter, whose backtracking doubles with each.
  const parts = withLost.split(LOST_LETTER).map((part) => part.replace(/[^a-z]/g, ''));
  let reachable = new Set<number>([0]);
  parts.forEach((part, i) => {
    const next = new Set<number>();
    for (const at of reachable) {
      if (!other.startsWith(part, at)) continue;
      const end = at + part.length;
      if (i === parts.length - 1) next.add(end);
      else
        for (const gap of [1, 2])
          if (end + gap <= other.length && /^[a-z]+$/.test(other.slice(end, end + gap))) next.add(end + gap);
    }
    reachable = next;
  });
  return reachable.has(other.length);
}

/** Longest token compared letter by letter; a longer one (no name is) only equals itself. */
const MAX_TOKEN_COMPARED = 64;

/** Token similarity: equal, a familiar form, equal by sound, or Jaro-Winkler; an initial matches its name. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // Jaro-Winkler is quadratic in the token's length: a cell of one endless word must not stall matching.
  if (a.length > MAX_TOKEN_COMPARED || b.length > MAX_TOKEN_COMPARED) return 0;
  if (familiarForms(a, b)) return 0.95;
  if (fitsLostLetters(a, b) || fitsLostLetters(b, a)) return 0.95;
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.9;
  const jw = jaroWinkler(a, b);
  const sound = tokenSound(a);
  return sound !== '' && sound === tokenSound(b) ? Math.max(jw, 0.92) : jw;
}

/** Token similarity from which two words can be one name written two ways. */
const TOKEN_ALIKE = 0.85;

/**
 * How alike two names are, 0..1, whatever their order, script or diacritics: each token of the
 * shorter name is paired with its best match in the longer; a missing middle name costs little.
 */
export function nameSimilarity(a: string, b: string): number {
  return nameKeySimilarity(nameKey(a), nameKey(b));
}

/** {@link nameSimilarity} of two names' keys, for callers that keep the keys of names they compare often. */
export function nameKeySimilarity(x: NameKey, y: NameKey): number {
  // One comparable form is one set of words: each word pairs with itself (1, and no other word
  // scores 1), so the similarity is exactly 1, whatever a hyphen kept whole adds (never above 1).
  if (x.comparable === y.comparable && x.tokens.length > 0) return 1;
  let ofX = NAME_SIMILARITIES.get(x);
  let similarity = ofX?.get(y);
  if (similarity === undefined) {
    similarity = keySimilarity(x, y);
    if (nameSimilaritiesKept >= MAX_SIMILARITIES) {
      NAME_SIMILARITIES.clear();
      nameSimilaritiesKept = 0;
      ofX = undefined;
    }
    if (ofX === undefined) {
      ofX = new Map();
      NAME_SIMILARITIES.set(x, ofX);
    }
    ofX.set(y, similarity);
    nameSimilaritiesKept++;
  }
  return similarity;
}

/**
 * Similarities of names already compared, by their keys (a key stands for one name while `KEYS`
 * keeps it): in a block of namesakes and near namesakes, the same few names meet again and again.
 */
const NAME_SIMILARITIES = new Map<NameKey, Map<NameKey, number>>();
let nameSimilaritiesKept = 0;

function keySimilarity(x: NameKey, y: NameKey): number {
  const parts = tokensSimilarity(x.tokens, y.tokens);
  // A hyphenated name may stand in one word in the other file ("Vasilecatalin").
  if (x.wholeTokens === x.tokens && y.wholeTokens === y.tokens) return parts;
  return Math.max(
    parts,
    tokensSimilarity(x.wholeTokens, y.tokens),
    tokensSimilarity(x.tokens, y.wholeTokens),
    tokensSimilarity(x.wholeTokens, y.wholeTokens),
  );
}

function tokensSimilarity(x: string[], y: string[]): number {
  // A word not alike to any ('Adrian' and 'Maria' beside one family name) is another name,
  // not a near one: it adds nothing, so that a shared family name alone cannot make names alike.
  return alignedTokens(x, y, knownTokenSimilarity, TOKEN_ALIKE);
}

/**
 * Token similarities already worked out, by first and second token: matching at 100,000 records
 * compares a few thousand given and family names with each other millions of times. Bounded in
 * entries as `KEYS` is, and only for tokens short enough to be compared letter by letter.
 */
const SIMILARITIES = new Map<string, Map<string, number>>();
let similaritiesKept = 0;
const MAX_SIMILARITIES = 500_000;

/** {@link tokenSimilarity}, looked up when the two tokens were compared before. */
export function knownTokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length > MAX_TOKEN_COMPARED || b.length > MAX_TOKEN_COMPARED) return tokenSimilarity(a, b);
  let ofA = SIMILARITIES.get(a);
  let similarity = ofA?.get(b);
  if (similarity === undefined) {
    similarity = tokenSimilarity(a, b);
    if (similaritiesKept >= MAX_SIMILARITIES) {
      SIMILARITIES.clear();
      similaritiesKept = 0;
      ofA = undefined;
    }
    if (ofA === undefined) {
      ofA = new Map();
      SIMILARITIES.set(a, ofA);
    }
    ofA.set(b, similarity);
    similaritiesKept++;
  }
  return similarity;
}

/** The words of the longer name already paired, reused (grown as needed); see alignedTokens. */
let usedTokens = new Uint8Array(MAX_NAME_TOKENS);

/**
 * Each word of the shorter name paired with its most similar unused word in the longer, 0..1,
 * a little less when the longer has words the shorter lacks. A pairing below `floor` adds nothing.
 */
export function alignedTokens(
  x: string[],
  y: string[],
  similarity: (s: string, t: string) => number,
  floor = 0,
): number {
  if (!x.length || !y.length) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // The words of the longer already paired, in a buffer reused from one comparison to the next:
  // matching aligns millions of names.
  if (long.length > usedTokens.length) usedTokens = new Uint8Array(long.length);
  const used = usedTokens;
  used.fill(0, 0, long.length);
  let total = 0;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    for (let i = 0; i < long.length; i++) {
      if (used[i] === 1) continue;
      const s = similarity(token, long[i] as string);
      if (s > best) {
        best = s;
        bestAt = i;
      }
    }
    if (bestAt >= 0) used[bestAt] = 1;
    total += best >= floor ? best : 0;
  }
  const coverage = short.length / long.length;
  return (total / short.length) * (0.85 + 0.15 * coverage);
}
