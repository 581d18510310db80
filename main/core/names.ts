/**
 * Names for matching only (the original is what Caselink shows): a comparable form that
 * survives case, diacritics, other scripts and token order, phonetic keys, and a similarity.
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';

export interface NameKey {
  /** Latin letters and spaces, lower case, tokens sorted: "ion popescu". */
  comparable: string;
  tokens: string[];
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
const LOST_LETTER = '?';

export function nameTokens(name: string): string[] {
  return toLatin(name.replace(/\uFFFD/g, LOST_LETTER))
    .replace(/[^a-z\s'?-]/g, ' ')
    .replace(/['-]/g, '')
    .split(/\s+/)
    .filter((t) => /[a-z]/.test(t) && !NOISE.has(t));
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
 * Words of a name kept for matching. No name has more; a cell of thousands of words would make
 * the pairwise comparison of `nameSimilarity` quadratic.
 */
const MAX_NAME_TOKENS = 16;

function computeNameKey(name: string): NameKey {
  const tokens = [...new Set(nameTokens(name))].slice(0, MAX_NAME_TOKENS).sort();
  return {
    comparable: tokens.join(' '),
    tokens,
    // A token with a lost letter has no reliable sound; the name's other tokens still block it.
    phonetic: [
      ...new Set(
        tokens
          .filter((t) => !t.includes(LOST_LETTER))
          .map((t) => doubleMetaphone(t)[0])
          .filter((k) => k !== ''),
      ),
    ].sort(),
  };
}

/** Jaro-Winkler similarity of two strings, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Given names and their familiar forms in the agencies' languages (folded to Latin): a reviewer
 * reads "Gică" as Gheorghe and "Pepe" as José.
 */
const FAMILIAR_FORMS: string[][] = [
  ['ion', 'ionut', 'ionel', 'ionica', 'nelu', 'ioan', 'john', 'juan', 'yon'],
  ['gheorghe', 'gica', 'ghita', 'gigel', 'george', 'jorge'],
  ['vasile', 'vasea', 'vasilica', 'vasya', 'vasili', 'vasily'],
  ['constantin', 'costel', 'costica', 'costi', 'costea'],
  ['alexandru', 'alex', 'sandu', 'alexander', 'alejandro', 'sasha', 'aleksandr', 'oleksandr', 'alexandr'],
  ['nicolae', 'nicu', 'niculae', 'nicholas', 'nick', 'nicolas', 'nikolai', 'nikolay', 'mykola'],
  ['dumitru', 'mitica', 'dimitri'],
  ['mihai', 'mihaita', 'michael', 'mike', 'miguel', 'mykhailo'],
  ['stefan', 'fane', 'stephen', 'steve', 'esteban'],
  ['florin', 'florinel', 'florica'],
  ['maria', 'mariana', 'mari', 'marica'],
  ['elena', 'lenuta', 'helen', 'olena'],
  ['ana', 'anca', 'anuta', 'anna', 'ann', 'anya'],
  ['jose', 'pepe', 'pepito'],
  ['francisco', 'paco', 'pancho', 'frank'],
  ['manuel', 'manolo'],
  ['arben', 'beni'],
  ['william', 'will', 'bill', 'billy', 'liam'],
  ['robert', 'rob', 'bob', 'bobby'],
  ['elizabeth', 'liz', 'beth', 'lizzie'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['daniel', 'dan', 'danny', 'dani'],
];
const FAMILY_OF = new Map<string, number>(
  FAMILIAR_FORMS.flatMap((forms, i) => forms.map((f) => [f, i] as [string, number])),
);

/** Whether two given names are forms of one name ("gica" and "gheorghe"). */
export function familiarForms(a: string, b: string): boolean {
  const x = FAMILY_OF.get(a);
  return x !== undefined && x === FAMILY_OF.get(b);
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
  const sameSound = doubleMetaphone(a)[0] === doubleMetaphone(b)[0] && doubleMetaphone(a)[0] !== '';
  return sameSound ? Math.max(jw, 0.92) : jw;
}

/** Token similarity from which two words can be one name written two ways. */
const TOKEN_ALIKE = 0.85;

/**
 * How alike two names are, 0..1, whatever their order, script or diacritics: each token of the
 * shorter name is paired with its best match in the longer; a missing middle name costs little.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a).tokens;
  const y = nameKey(b).tokens;
  if (!x.length || !y.length) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const used = new Set<number>();
  let total = 0;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    long.forEach((other, i) => {
      if (used.has(i)) return;
      const s = tokenSimilarity(token, other);
      if (s > best) {
        best = s;
        bestAt = i;
      }
    });
    if (bestAt >= 0) used.add(bestAt);
    // A word not alike to any ('Adrian' and 'Maria' beside one family name) is another name,
    // not a near one: it adds nothing, so that a shared family name alone cannot make names alike.
    total += best >= TOKEN_ALIKE ? best : 0;
  }
  const coverage = short.length / long.length;
  return (total / short.length) * (0.85 + 0.15 * coverage);
}
