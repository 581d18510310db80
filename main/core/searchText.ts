/**
 * How the one search box reads what was typed: as a name (folded to Latin letters), a phone in
 * any written form, an address, an account, an e-mail, a handle, a document, a plate and a case
 * reference, all at once. Pure: the service looks each reading up in the graph. Nothing typed is
 * ever placed in query text; Lucene query strings are built from escaped words and passed as a
 * parameter.
 */
import { toLatin } from './names';
import { fold, withoutInvisible } from './text';
import {
  addressKey,
  normalizeCrypto,
  normalizeEmail,
  normalizeHandle,
  normalizeIban,
  normalizePhone,
  type Identifier,
} from './identifiers';

/** The longest text read: the contract's limit; longer text (the CLI) is cut, and the reading says so. */
export const MAX_SEARCH_CHARS = 200;

/** Words of a query used: no name, address or reference has more, and each word is one Lucene clause. */
const MAX_WORDS = 12;

/** Fewest digits read as part of a phone number: fewer would match half the numbers in a graph. */
export const MIN_PHONE_DIGITS = 6;

/** Fewest characters of a partial identifier (part of an e-mail, handle, account, document or plate). */
const MIN_PART_CHARS = 3;

// Lucene's query-syntax characters (classic QueryParser), backslash first.
const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/]/g;
const LUCENE_OPERATOR = /\b(AND|OR|NOT|TO)\b/g;

/**
 * Escapes text for Lucene's query syntax, so that it is read as words and never as operators:
 * every special character gets a backslash, and the operator words AND, OR, NOT (and TO, for
 * ranges) are written in lower case, which the index's analyzer folds anyway. One linear pass.
 */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`).replace(LUCENE_OPERATOR, (w) => w.toLowerCase());
}

/** Letter and digit runs of a text, case and diacritics folded, at most {@link MAX_WORDS}. */
export function searchWords(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** Letter runs of a text folded to Latin (any script), for names: "Олександр" is "oleksandr". */
export function latinWords(text: string): string[] {
  return (toLatin(text).match(/[a-z0-9]+/g) ?? []).filter((w) => /[a-z]/.test(w)).slice(0, MAX_WORDS);
}

/** Fewest letters of a word looked for one letter apart, and two letters apart. */
const ONE_EDIT_LETTERS = 4;
const TWO_EDITS_LETTERS = 8;

/** Words of a name looked for two letters apart: the longest; each costs Lucene an automaton. */
const MAX_TWO_EDIT_WORDS = 2;

/**
 * A Lucene clause for one word of a name, which must be there: exactly (boosted), as the start of
 * a word (as one types), and, when `edits` > 0, that many letters apart (a fuzzy term).
 */
function nameClause(word: string, edits: 0 | 1 | 2): string {
  const t = escapeLucene(word);
  const forms = [`${t}^4`];
  if (edits > 0) forms.push(`${t}~${edits}`);
  if (edits > 0 && /^[a-z0-9]{1,40}$/.test(word)) forms.push(lostLetterPattern(word));
  if (word.length >= 2) forms.push(`${t}*^2`);
  return `+(${forms.join(' OR ')})`;
}

/** A letter an export could not write (names.ts' LOST_LETTER), or the replacement character a wrong decoding leaves. */
const LOST = /[?\uFFFD]/;

/** Marks a lost letter in a stored word: the full-text analyzer keeps '_' inside a word. */
const LOST_MARK = '_';

/**
 * The words of a name written with lost letters, in Latin letters with {@link LOST_MARK} for each
 * lost one ("B?IE?U" is "b_ie_u"), stored beside the name's other words so that a search finds
 * them ({@link lostLetterPattern}).
 */
function lostLetterWords(value: string): string[] {
  const words: string[] = [];
  for (const [word] of value.matchAll(/[\p{L}\p{M}?\uFFFD]+/gu)) {
    if (!LOST.test(word)) continue;
    const latin = word
      .split(LOST)
      .map((part) => toLatin(part).replace(/[^a-z0-9]/g, ''))
      .join(LOST_MARK);
    if (/[a-z]/.test(latin)) words.push(latin);
  }
  return words;
}

/**
 * A Lucene regular expression for a word as typed or with any of its letters lost: "baiesu" is
 * `/[b_][a_][i_][e_][s_][u_]/`, which finds "b_ie_u". One state per letter, so Lucene walks its
 * term dictionary along the word as for an exact term, two branches a letter.
 */
function lostLetterPattern(word: string): string {
  return `/${[...word].map((c) => `[${c}${LOST_MARK}]`).join('')}/`;
}

/** How many letters apart a word may be looked for, at most `most`: by its length. */
const editsFor = (word: string, most: 0 | 1 | 2): 0 | 1 | 2 =>
  word.length >= TWO_EDITS_LETTERS ? most : word.length >= ONE_EDIT_LETTERS ? (Math.min(most, 1) as 0 | 1) : 0;

/**
 * The Lucene query for a name: every word must be there, each exactly (boosted), with one typo
 * (a fuzzy term, for words of four letters or more; two for eight or more) or as the start of a
 * word (as one types).
 */
export function nameQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => nameClause(w, editsFor(w, 2))).join(' ');
}

/** The queries for a name, narrowest first (see {@link nameQueries}). */
export interface NameQueries {
  exact: string;
  near: string | null;
  far: string | null;
}

/**
 * The queries for a name, each wider than the one before, tried in turn until one fills the page
 * asked of the index: as typed (each word whole or as the start of a word), then each word of
 * four letters or more one letter apart, then the longest words of eight or more (at most
 * {@link MAX_TWO_EDIT_WORDS}) two letters apart ("Olexandr" for "Oleksandr"). A fuzzy term is
 * the costly part of a search (Lucene builds an automaton for it, and one for two letters apart
 * costs tens of milliseconds on a long word), and a wider query's extra matches rank below those
 * of the narrower one it contains: when the narrower fills the page they would not be on it.
 * `near` and `far` are null when they would add nothing.
 */
export function nameQueries(words: readonly string[]): NameQueries | null {
  if (words.length === 0) return null;
  const longest = new Set(
    words
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => w.length >= TWO_EDITS_LETTERS)
      .sort((a, b) => b.w.length - a.w.length || a.i - b.i)
      .slice(0, MAX_TWO_EDIT_WORDS)
      .map(({ i }) => i),
  );
  const query = (edits: (w: string, i: number) => 0 | 1 | 2) =>
    words.map((w, i) => nameClause(w, edits(w, i))).join(' ');
  return {
    exact: query(() => 0),
    near: words.some((w) => editsFor(w, 1) > 0) ? query((w) => editsFor(w, 1)) : null,
    far: longest.size ? query((w, i) => editsFor(w, longest.has(i) ? 2 : 1)) : null,
  };
}

/** The Lucene query for words in any order, each whole or as the start of a word (addresses). */
export function wordsQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `+(${escapeLucene(w)}^2 OR ${escapeLucene(w)}*)`).join(' ');
}

/** The Lucene query for words in this order (a case reference as written, its punctuation aside). */
export function phraseQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return `"${words.map(escapeLucene).join(' ')}"`;
}

/** What the search looks up in the graph for a text. */
export interface SearchPlan {
  /** The text as read (trimmed, cut to {@link MAX_SEARCH_CHARS}). */
  text: string;
  /** Lucene query over the names of persons and organisations (their Latin form). */
  names: string | null;
  /** The same name as queries tried in turn, narrowest first, until one fills the page. */
  nameQueries: NameQueries | null;
  /** The name words, in Latin letters. */
  nameWords: string[];
  /** Phones in E.164 read from the text, each with the country it was read in. */
  phones: { e164: string; display: string; country: string | null }[];
  /** The digits of a phone number, without leading zeros, to find as part of one. */
  phoneDigits: string | null;
  /** Address keys (as the import makes them), one per country read in. */
  addressKeys: string[];
  /** Lucene query over addresses as written. */
  addresses: string | null;
  /** The text as an exact case reference, and a phrase query over references. */
  caseRef: string;
  cases: string | null;
  /** Account keys read exactly (an IBAN, a wallet), and a part of a key in its two cases. */
  accountKeys: string[];
  accountPart: string | null;
  emails: string[];
  emailPart: string | null;
  handles: string[];
  handlePart: string | null;
  /** A document number or plate without spaces, dots, dashes or slashes, in capitals. */
  documentNumber: string | null;
  documentPart: string | null;
  plate: string | null;
  platePart: string | null;
  /** How the text was read, in plain words. */
  readAs: string[];
}

const PHONE_SHAPED = /^(?:tel:?\s*)?\+?[\d\s().\-/]+$/i;

const keyOf = (n: ReturnType<typeof normalizeIban>): Identifier | null => (n.ok ? (n.values[0] ?? null) : null);

/**
 * Reads a search text every way it can be read. `countries` are those of the agencies in the
 * graph: a phone or address written in national form is read in each of them.
 */
export function readSearchText(input: string, countries: readonly string[]): SearchPlan {
  // As an import reads a cell: a number pasted from a messaging app brings direction marks along.
  const trimmed = withoutInvisible(input).text.trim();
  const text = trimmed.slice(0, MAX_SEARCH_CHARS).trim();
  const readAs: string[] = [];
  if (trimmed.length > MAX_SEARCH_CHARS) readAs.push(`only the first ${MAX_SEARCH_CHARS} characters were read`);
  const regions = [...new Set(countries.filter((c) => /^[A-Z]{2}$/.test(c)))].sort();

  // Names: Latin letters of any script.
  const nameWords = latinWords(text);
  const names = nameQuery(nameWords);
  if (names) {
    const latin = nameWords.join(' ');
    readAs.push(
      latin === fold(text).replace(/\s+/g, ' ').trim()
        ? `as a name: ${latin}`
        : `as a name, in Latin letters: ${latin}`,
    );
  }

  // Phones: in every country of the graph's agencies; the digits also as part of a number.
  const phones: SearchPlan['phones'] = [];
  let phoneDigits: string | null = null;
  if (PHONE_SHAPED.test(text)) {
    const digits = text.replace(/\D/g, '');
    for (const country of regions.length ? regions : ['ZZ']) {
      const read = normalizePhone(text, country);
      const found = read.ok ? read.values[0] : undefined;
      if (found && !phones.some((p) => p.e164 === found.key)) {
        phones.push({ e164: found.key, display: found.display, country: found.country ?? null });
      }
    }
    for (const p of phones) readAs.push(`as a phone: ${p.e164}${p.country ? ` (${p.country})` : ''}`);
    const significant = digits.replace(/^0+/, '');
    if (significant.length >= MIN_PHONE_DIGITS) {
      phoneDigits = significant;
      readAs.push(`as part of a phone number: …${significant}…`);
    }
  }

  const words = searchWords(text);
  const compact = text.replace(/[\s.\-/]/g, '');
  const oneToken = !/\s/.test(text);
  const hasDigit = /\d/.test(text);

  // Addresses: the import's key in each country when it reads like one (words and a number).
  const addressKeys: string[] = [];
  if (hasDigit && /\p{L}/u.test(text) && words.length >= 2) {
    for (const country of regions) {
      const key = addressKey(text, country);
      if (key && !addressKeys.includes(key)) addressKeys.push(key);
    }
    if (addressKeys.length) readAs.push('as an address');
  }
  const addresses = wordsQuery(words);

  // Accounts: an IBAN with or without spaces, a wallet; otherwise part of an account key.
  const accountKeys: string[] = [];
  const iban = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/i.test(compact) ? keyOf(normalizeIban(compact)) : null;
  if (iban) {
    accountKeys.push(iban.key);
    readAs.push(`as an IBAN: ${iban.display}`);
  }
  const wallet = oneToken ? keyOf(normalizeCrypto(text)) : null;
  if (wallet) {
    accountKeys.push(wallet.key);
    readAs.push(`as a wallet: ${wallet.key}`);
  }
  const alnum = text.replace(/[\s.\-/]/g, '');
  const accountPart = hasDigit && alnum.length >= MIN_PART_CHARS && /^[\w:@*+]+$/.test(alnum) ? alnum : null;

  // E-mail: a whole address, or part of one.
  const email = text.includes('@') && !text.startsWith('@') ? keyOf(normalizeEmail(text)) : null;
  if (email) readAs.push(`as an e-mail: ${email.key}`);
  const emailPart = oneToken && text.length >= MIN_PART_CHARS ? text.toLowerCase() : null;

  // Handles: "@name", "name", "IG: @name", a profile link; any platform.
  const handles: string[] = [];
  const handle = !email ? keyOf(normalizeHandle(text)) : null;
  if (handle) {
    handles.push(handle.key);
    readAs.push(
      `as a handle: @${handle.key}${handle.subkind && handle.subkind !== 'unknown' ? ` (${handle.subkind})` : ''}`,
    );
  }
  const handlePart =
    oneToken && text.replace(/^@/, '').length >= MIN_PART_CHARS ? text.replace(/^@/, '').toLowerCase() : null;

  // Documents and plates: capitals and digits, spaces, dots, dashes and slashes ignored.
  const upper = compact.toUpperCase();
  const documentNumber = /^[A-Z0-9]{5,20}$/.test(upper) && hasDigit ? upper : null;
  const plate = /^[A-Z0-9]{3,10}$/.test(upper) && hasDigit ? upper : null;
  if (documentNumber) readAs.push(`as a document number: ${documentNumber}`);
  if (plate) readAs.push(`as a plate: ${plate}`);
  const part = /^[A-Z0-9]+$/.test(upper) && hasDigit && upper.length >= MIN_PART_CHARS ? upper : null;

  const cases = phraseQuery(words);
  if (cases) readAs.push(`as a case reference: ${text}`);

  return {
    text,
    names,
    nameQueries: nameQueries(nameWords),
    nameWords,
    phones,
    phoneDigits,
    addressKeys,
    addresses,
    caseRef: text,
    cases,
    accountKeys,
    accountPart,
    emails: email ? [email.key] : [],
    emailPart,
    handles,
    handlePart,
    documentNumber,
    documentPart: part,
    plate,
    platePart: part,
    readAs,
  };
}

/**
 * The searchable name of a person or organisation: every name it is written under (as written,
 * given and family names, alias, the Latin form an agency gave), folded to Latin letters and
 * lower case, each word once, and a word with letters lost to an export's encoding also whole,
 * with a mark for each ("b_ie_u"). Stored at import as `searchName` and indexed in full text.
 */
export function partySearchName(party: {
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  alias?: string | null;
  nameLatin?: string | null;
}): string | null {
  const words = new Set<string>();
  for (const value of [party.name, party.givenName, party.familyName, party.nameLatin, party.alias]) {
    if (!value) continue;
    const text = value.slice(0, 1000);
    for (const w of toLatin(text).match(/[a-z0-9]+/g) ?? []) words.add(w);
    for (const w of lostLetterWords(text)) words.add(w);
  }
  return words.size ? [...words].join(' ') : null;
}
