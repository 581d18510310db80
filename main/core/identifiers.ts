/**
 * Identifier normalisation: raw spreadsheet text to the one key under which records of every
 * agency meet. Pure functions; an invalid value is never dropped silently but comes back with
 * the reason it could not be used.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { countryCode, trailingCountry } from './countries';
import { fold } from './text';

export type IdentifierKind = 'phone' | 'address' | 'account' | 'email' | 'handle' | 'document' | 'vehicle';

/**
 * A normalised identifier. `kind`, `subkind`, `country` and `key` together are the identity of
 * its node: Phone {e164: key}, Address {key}, Email {key}, Account {kind: subkind, key},
 * Handle {platform: subkind, key}, Document {kind: subkind, country, number: key},
 * Vehicle {country, plate: key}.
 */
export interface Identifier {
  kind: IdentifierKind;
  key: string;
  /** Accounts: iban, bank, card, card-masked, btc, eth, payment. Handles: the platform. Documents: the type. */
  subkind?: string;
  /** Documents and vehicles: the issuing country. Phones: the number's country. */
  country?: string;
  /** What to show a person. Never a full card number. */
  display: string;
  /**
   * Phones: the extension written after the number ("ext 14"). Not part of the node's identity:
   * it belongs on the link from the record that wrote it.
   */
  extension?: string;
}

/** One string that names an identifier, e.g. `phone:+447700900123`, `handle:instagram:ion.recruit`. */
export function canonicalOf(i: Identifier): string {
  return [i.kind, i.subkind, i.country, i.key].filter((p) => p !== undefined && p !== '').join(':');
}

export type Normalized = { ok: true; values: Identifier[]; notes: string[] } | { ok: false; reason: string };

const ok = (values: Identifier[], notes: string[] = []): Normalized => ({ ok: true, values, notes });
const rejected = (reason: string): Normalized => ({ ok: false, reason });

/**
 * The longest text each kind of value can be, generously: a longer cell is no such value, and is
 * refused before any work, so that a hostile cell costs nothing whatever the normaliser does next.
 */
export const MAX_VALUE_CHARS = {
  phones: 2_000,
  phone: 200,
  email: 320,
  handle: 500,
  iban: 100,
  account: 60,
  crypto: 150,
  payment: 300,
  document: 100,
  vehicle: 40,
  address: 1_000,
} as const;

/** Most values read from one cell ("07700 900123 / 020 7946 0018 / …"). */
export const MAX_VALUES_PER_CELL = 50;

/** A long value named in a message by its opening only. */
function shown(raw: string): string {
  const text = raw.trim();
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function tooLong(raw: string, kind: keyof typeof MAX_VALUE_CHARS, what: string): Normalized | null {
  const max = MAX_VALUE_CHARS[kind];
  return raw.length > max && raw.trim().length > max
    ? rejected(`"${shown(raw)}" is too long to be ${what} (${raw.trim().length} characters; at most ${max})`)
    : null;
}

/** Splits a cell that holds several values ("07700 900123 / 020 7946 0018"). */
export function splitMultiple(text: string, options: { slash?: boolean } = {}): string[] {
  // A slash separates phone numbers ("07911 123456 / 020 …") but belongs to a profile URL.
  // No spaces in the patterns: the parts are trimmed, and `\s*` on both sides of an alternation
  // made a long run of spaces quadratic.
  const separators =
    options.slash === false
      ? /[;|\n\r]|,(?!\d{3}\b)|\band\b|\bsau\b|\by\b|\bor\b/i
      : /[;|\n\r/]|,(?!\d{3}\b)|\band\b|\bsau\b|\by\b|\bor\b/i;
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------------------------------------------------------------- phones

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const isAsciiLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** What introduces an extension after a number, longest first: "extn 14", "ext. 14", "x14", "#14", "int. 14". */
export const EXTENSION_MARKERS = [
  'durchwahl',
  'extension',
  'interior',
  'poste',
  'extn',
  'ext',
  'int',
  'доб',
  'dw',
  'x',
  '#',
];

/**
 * A number and its extension: "0113 496 0104 (ext 14)" is "0113 496 0104" with extension "14".
 * Read from the end by hand, so that no pattern backtracks over a long cell.
 */
export function splitExtension(text: string): { main: string; extension: string | null } {
  const none = { main: text, extension: null };
  let end = text.length;
  const skipSpaces = () => {
    while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  };
  skipSpaces();
  const closed = text[end - 1] === ')';
  if (closed) {
    end--;
    skipSpaces();
  }
  const digitsEnd = end;
  while (end > 0 && isDigitCode(text.charCodeAt(end - 1)) && digitsEnd - end < 7) end--;
  const extension = text.slice(end, digitsEnd);
  if (extension.length === 0 || extension.length > 6) return none;
  skipSpaces();
  if (text[end - 1] === ':' || text[end - 1] === '.') end--;
  skipSpaces();
  if (text[end - 1] === '.') end--;
  const tail = text.slice(Math.max(0, end - 9), end).toLowerCase();
  const marker = EXTENSION_MARKERS.find((m) => tail.endsWith(m));
  if (marker === undefined) return none;
  end -= marker.length;
  // A word marker stands apart from the word before it ("0104 ext 14", "0104x14"), never inside one ("Box 14").
  const before = text.charCodeAt(end - 1);
  if (end === 0 || (marker !== '#' && (isAsciiLetterCode(before) || before > 127))) return none;
  skipSpaces();
  if (closed && text[end - 1] === '(') end--;
  const main = text.slice(0, end).trim();
  return main === '' ? none : { main, extension };
}

/**
 * Another region a national-form phone number may be of, and why: a UK mobile in a Romanian file
 * is a UK number when the row's person is British or lives in the UK.
 */
export interface PhoneRegion {
  country: string;
  /** Why this region: "the row's nationality", "the address's country"… */
  because: string;
}

/**
 * One phone number in E.164, with the default country for national forms; its extension kept
 * apart. A national form not valid for `country` is read in each of `alsoTry` in turn, and
 * the note says which one and why.
 */
export function normalizePhone(raw: string, country: string, alsoTry: readonly PhoneRegion[] = []): Normalized {
  const long = tooLong(raw, 'phone', 'a phone number');
  if (long) return long;
  const trimmed = raw.trim();
  if (trimmed === '') return rejected('empty');
  const { main, extension } = splitExtension(trimmed);
  const text = main.replace(/\(0\)/g, '').replace(/^tel:?/i, '');
  if (/[a-z]{3,}/i.test(text)) return rejected(`"${trimmed}" is not a phone number`);
  const digits = text.replace(/\D/g, '');
  if (digits.length === 0) return rejected(`"${trimmed}" holds no digits`);
  if (digits.length <= 6 && !text.trim().startsWith('+')) {
    return rejected(
      `"${trimmed}" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)`,
    );
  }
  // Readings in order of preference: "00…" is the international prefix everywhere here; "011…"
  // is North America's, but also the start of UK numbers such as 0113 (Leeds); a national number
  // may have lost its leading zero in a numeric cell.
  const readings: { text: string; note?: string }[] = [];
  if (text.trim().startsWith('+')) readings.push({ text: `+${digits}` });
  else if (digits.startsWith('00')) readings.push({ text: `+${digits.slice(2)}` });
  else {
    if (digits.startsWith('011') && country !== 'US' && country !== 'CA')
      readings.push({ text: `+${digits.slice(3)}` });
    readings.push({ text: digits });
    if (!digits.startsWith('0')) readings.push({ text: `0${digits}`, note: 'leading zero restored' });
  }
  const parsed = readings.map((r) => ({ ...r, number: parsePhoneNumberFromString(r.text, country as CountryCode) }));
  const valid = parsed.find((r) => r.number?.isValid());
  if (valid?.number) {
    return ok(
      [phoneIdentifier(valid.number.number, valid.number.formatInternational(), valid.number.country, extension)],
      valid.note ? [valid.note] : [],
    );
  }
  // An international form says its own country; only a national one can belong to another region.
  const national = !readings.some((r) => r.text.startsWith('+'));
  const others = national
    ? alsoTry.filter((r, i) => r.country !== country && alsoTry.findIndex((o) => o.country === r.country) === i)
    : [];
  for (const region of others) {
    if (!isSupportedCountry(region.country)) continue;
    const abroad = readings
      .map((r) => ({ ...r, number: parsePhoneNumberFromString(r.text, region.country as CountryCode) }))
      .find((r) => r.number?.isValid());
    if (abroad?.number)
      return ok(
        [phoneIdentifier(abroad.number.number, abroad.number.formatInternational(), abroad.number.country, extension)],
        [
          `not a valid ${country} number; read as ${region.country}, ${region.because}`,
          ...(abroad.note ? [abroad.note] : []),
        ],
      );
  }
  // "40722000418" in a British file: a number in full, country code first, without its "+", as
  // operators' call data write them; read so only where no national reading is a number.
  if (national && /^[1-9]\d{10,14}$/.test(digits)) {
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isValid())
      return ok(
        [phoneIdentifier(international.number, international.formatInternational(), international.country, extension)],
        [`not a valid ${country} number; read as an international number written without its "+"`],
      );
  }
  // A number of the right shape in a range not (yet) allocated — a new range, a reserved or
  // fictional one — still links records that wrote the same digits; the note says so.
  const possible = parsed.find((r) => !r.note && r.number?.isPossible());
  if (possible?.number) {
    return ok(
      [
        phoneIdentifier(
          possible.number.number,
          possible.number.formatInternational(),
          possible.number.country,
          extension,
        ),
      ],
      ['not in an allocated number range; linked as written'],
    );
  }
  const first = readings[0] as { text: string };
  const tried = others.map((r) => `nor as ${r.country}, ${r.because}`).join('; ');
  return rejected(
    `"${trimmed}" is not a valid phone number (read as ${first.text.startsWith('+') ? 'international' : country}${tried ? `; ${tried}` : ''})`,
  );
}

/**
 * The Phone node is the number alone, so that "0113 496 0104 ext 14" and "0113 496 0104" meet;
 * the extension travels with the use of the number (the link), not with the node.
 */
function phoneIdentifier(
  e164: string,
  display: string,
  country: string | undefined,
  extension: string | null = null,
): Identifier {
  return { kind: 'phone', key: e164, display, ...(country ? { country } : {}), ...(extension ? { extension } : {}) };
}

const STRICT_CACHE = new Map<string, Identifier | null>();
const STRICT_CACHE_SIZE = 10_000;

/**
 * A run of digits from free text, read as a phone only when it is written as one: in
 * international form ("+40…", "0040…", North America's "011…"), or in the national form the
 * country dials (with its trunk prefix: "0740 …" in Romania, not "740 …"), and valid for its
 * region by libphonenumber's full metadata, not merely of a possible length.
 * `plus` says whether a "+" stood before the digits.
 */
export function phoneWrittenInText(digits: string, plus: boolean, country: string): Identifier | null {
  const key = `${country}|${plus ? '+' : ''}${digits}`;
  const cached = STRICT_CACHE.get(key);
  if (cached !== undefined) return cached;
  const found = readWrittenPhone(digits, plus, country);
  if (STRICT_CACHE.size >= STRICT_CACHE_SIZE) STRICT_CACHE.clear();
  STRICT_CACHE.set(key, found);
  return found;
}

function readWrittenPhone(digits: string, plus: boolean, country: string): Identifier | null {
  const acceptable = (n: PhoneNumber | undefined) => n !== undefined && n.isValid();
  const found = (n: PhoneNumber) => phoneIdentifier(n.number, n.formatInternational(), n.country);
  const international = (rest: string) => {
    const n = parsePhoneNumberFromString(`+${rest}`);
    return acceptable(n) ? found(n as PhoneNumber) : null;
  };
  if (plus) return international(digits);
  if (digits.startsWith('00')) return international(digits.slice(2));
  if (digits.startsWith('011') && country !== 'US' && country !== 'CA') {
    const abroad = international(digits.slice(3));
    if (abroad) return abroad;
  }
  const n = parsePhoneNumberFromString(digits, country as CountryCode);
  if (!n || !acceptable(n)) return null;
  // Written as the country dials it: its trunk prefix where it has one (North America's "1" optional).
  const national = n.formatNational().replace(/\D/g, '');
  if (digits !== national && !(n.countryCallingCode === '1' && digits === `1${national}`)) return null;
  return found(n);
}

/** Every phone number in a cell that may hold several. */
export function normalizePhones(raw: string, country: string, alsoTry: readonly PhoneRegion[] = []): Normalized {
  const long = tooLong(raw, 'phones', 'phone numbers');
  if (long) return long;
  if (!/\d/.test(raw)) return rejected(`"${raw.trim()}" is not a phone number`);
  const all = raw.includes('+') || /[;/|\n,]|\bor\b|\band\b/.test(raw) ? splitMultiple(raw) : [raw];
  const parts = all.slice(0, MAX_VALUES_PER_CELL);
  const values: Identifier[] = [];
  const notes: string[] =
    all.length > parts.length ? [`only the first ${parts.length} of ${all.length} numbers in the cell were read`] : [];
  const problems: string[] = [];
  for (const part of parts) {
    const one = normalizePhone(part, country, alsoTry);
    if (one.ok) {
      values.push(...one.values);
      notes.push(...one.notes);
    } else problems.push(one.reason);
  }
  if (values.length === 0) return rejected(problems.join('; '));
  return ok(values, [...notes, ...problems]);
}

// ---------------------------------------------------------------- e-mail, handles

// Linear: the local part stops at '@' and each domain label at '.', so nothing can be tried twice.
const EMAIL = /^[^\s@<>()]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

export function normalizeEmail(raw: string): Normalized {
  const long = tooLong(raw, 'email', 'an e-mail address');
  if (long) return long;
  const text = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<|>$/g, '');
  if (!EMAIL.test(text)) return rejected(`"${raw.trim()}" is not an e-mail address`);
  const key = text.toLowerCase();
  return ok([{ kind: 'email', key, display: key }]);
}

const PLATFORMS: [RegExp, string][] = [
  [/^(ig|insta|instagram)$/i, 'instagram'],
  [/^(fb|facebook)$/i, 'facebook'],
  [/^(tg|telegram)$/i, 'telegram'],
  [/^(wa|whatsapp)$/i, 'whatsapp'],
  [/^(tiktok|tt)$/i, 'tiktok'],
  [/^(x|twitter)$/i, 'x'],
  [/^(sc|snap|snapchat)$/i, 'snapchat'],
  [/^(vk|vkontakte)$/i, 'vk'],
  [/^(ok|odnoklassniki)$/i, 'odnoklassniki'],
  [/^(signal)$/i, 'signal'],
];

export function platformOf(name: string): string | null {
  for (const [pattern, platform] of PLATFORMS) if (pattern.test(name.trim())) return platform;
  return null;
}

/** Profile sites by the host (and path) that opens a profile link. */
const PROFILE_HOSTS: [string, string][] = [
  ['instagram.com/', 'instagram'],
  ['facebook.com/', 'facebook'],
  ['fb.com/', 'facebook'],
  ['telegram.me/', 'telegram'],
  ['t.me/', 'telegram'],
  ['tiktok.com/', 'tiktok'],
  ['twitter.com/', 'x'],
  ['x.com/', 'x'],
  ['vk.com/', 'vk'],
  ['snapchat.com/add/', 'snapchat'],
];

/** First path parts of those sites that are not a profile: posts, reels, groups, share links… */
const NOT_PROFILES = new Set([
  'p',
  'reel',
  'reels',
  'stories',
  'explore',
  'groups',
  'pages',
  'watch',
  'events',
  'share',
  'sharer',
  'hashtag',
  'joinchat',
  'login',
  'search',
  'intent',
  'home',
  'i',
  's',
  'c',
  'video',
  'tag',
  'profile.php',
  'permalink.php',
]);

const isHandleCode = (c: number) => isAsciiLetterCode(c) || isDigitCode(c) || c === 95 || c === 46 || c === 45;

/**
 * Lower case for ASCII letters only: the same length as the text, so that positions found in it
 * hold in the text (`toLowerCase` makes "İ" two characters).
 */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** A profile link: where it starts and ends in the text, its platform and handle. */
export interface ProfileLink {
  start: number;
  end: number;
  platform: string;
  handle: string;
}

/**
 * Every profile link in a text ("https://www.instagram.com/ion.recruit/", "t.me/ionrec"), found
 * by plain substring search and a hand-written read of the path: linear in the text.
 */
export function profileLinks(text: string): ProfileLink[] {
  const lower = asciiLower(text);
  const links: ProfileLink[] = [];
  for (const [host, platform] of PROFILE_HOSTS) {
    for (let at = lower.indexOf(host); at >= 0; at = lower.indexOf(host, at + host.length)) {
      let start = at;
      if (lower.startsWith('www.', start - 4)) start -= 4;
      else if (lower.startsWith('m.', start - 2)) start -= 2;
      // "inbox.com/x" is not x.com: the host must stand at the start of a word or after "//".
      const before = lower.charCodeAt(start - 1);
      if (start > 0 && (isHandleCode(before) || before === 64)) continue;
      if (lower.startsWith('https://', start - 8)) start -= 8;
      else if (lower.startsWith('http://', start - 7)) start -= 7;
      let i = at + host.length;
      if (text[i] === '@') i++;
      const from = i;
      while (i < text.length && i - from <= 64 && isHandleCode(text.charCodeAt(i))) i++;
      let to = i;
      while (to > from && (text[to - 1] === '.' || text[to - 1] === '-')) to--;
      const handle = text.slice(from, to).toLowerCase();
      if (handle.length < 2 || i - from > 64 || NOT_PROFILES.has(handle)) continue;
      links.push({ start, end: i, platform, handle });
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

/**
 * "IG: @x", "Telegram - ionrec": a platform word, a colon, dash or spaces, then the handle.
 * Read by hand: the pattern it replaces backtracked over a long run of spaces.
 */
function prefixedHandle(text: string): { platform: string; handle: string } | null {
  let i = 0;
  while (i < text.length && isAsciiLetterCode(text.charCodeAt(i))) i++;
  const platform = i > 0 ? platformOf(text.slice(0, i)) : null;
  if (!platform) return null;
  const wordEnd = i;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (text[i] === ':' || text[i] === '-') i++;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === wordEnd) return null;
  if (text[i] === '@') i++;
  const handle = text.slice(i);
  return /^[\w.-]{2,64}$/.test(handle) ? { platform, handle } : null;
}

/** A handle with its platform: "@ion.recruit" (platform from the column), "IG: @x", a profile URL. */
export function normalizeHandle(raw: string, defaultPlatform = 'unknown'): Normalized {
  const long = tooLong(raw, 'handle', 'a handle');
  if (long) return long;
  const text = raw.trim();
  const link = profileLinks(text)[0];
  if (link) {
    return ok([
      { kind: 'handle', subkind: link.platform, key: link.handle, display: `${link.platform} @${link.handle}` },
    ]);
  }
  const prefixed = prefixedHandle(text);
  const platform = prefixed?.platform ?? defaultPlatform;
  let handle = prefixed?.handle ?? (text.startsWith('@') ? text.slice(1) : text);
  if (!/^[\w.-]{2,64}$/.test(handle)) return rejected(`"${text}" is not a handle`);
  handle = handle.toLowerCase();
  return ok([{ kind: 'handle', subkind: platform, key: handle, display: `${platform} @${handle}` }]);
}

// ---------------------------------------------------------------- accounts

export function normalizeIban(raw: string): Normalized {
  const long = tooLong(raw, 'iban', 'an IBAN');
  if (long) return long;
  const electronic = electronicFormatIBAN(raw.trim().replace(/^iban[\s:]*/i, '')) ?? '';
  const upper = electronic.toUpperCase();
  if (!isValidIBAN(upper)) return rejected(`"${raw.trim()}" is not a valid IBAN (checksum or length)`);
  return ok([{ kind: 'account', subkind: 'iban', key: upper, display: upper.replace(/(.{4})/g, '$1 ').trim() }]);
}

/** A domestic account with its sort code (GB) or routing number (US). */
export function normalizeBankAccount(account: string, bankCode: string, country: string): Normalized {
  const long = tooLong(account, 'account', 'an account number') ?? tooLong(bankCode, 'account', 'a bank code');
  if (long) return long;
  const number = account.replace(/[\s-]/g, '');
  const code = bankCode.replace(/[\s-]/g, '');
  if (!/^\d{6,17}$/.test(number)) return rejected(`"${account.trim()}" is not an account number`);
  if (country === 'GB' && !/^\d{6}$/.test(code)) return rejected(`"${bankCode.trim()}" is not a sort code`);
  if (country === 'US' && !/^\d{9}$/.test(code)) return rejected(`"${bankCode.trim()}" is not a routing number`);
  if (!code) return rejected('an account number needs its sort code or routing number');
  const padded = country === 'GB' ? number.padStart(8, '0') : number;
  return ok([
    { kind: 'account', subkind: 'bank', key: `${country}:${code}:${padded}`, display: `${country} ${code} ${padded}` },
  ]);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A payment card. The graph never holds a full number: a full card becomes its masked form plus
 * a keyed hash (so two records with the same card meet), a masked card its masked form only.
 */
export function normalizeCard(raw: string, keyedHash: (pan: string) => string): Normalized {
  const long = tooLong(raw, 'account', 'a card number');
  if (long) return long;
  const text = raw.trim().replace(/[\s-]/g, '');
  const masked = /^(\d{4,6})[*xX•#]{4,9}(\d{4})$/.exec(text);
  if (masked) {
    const form = `${masked[1]}${'*'.repeat(text.length - (masked[1] as string).length - 4)}${masked[2]}`;
    return ok([{ kind: 'account', subkind: 'card-masked', key: form, display: form }]);
  }
  if (!/^\d{12,19}$/.test(text)) return rejected(`"${raw.trim()}" is not a card number`);
  if (!luhnValid(text)) return rejected(`"${maskPan(text)}" fails the card checksum (Luhn)`);
  return ok([{ kind: 'account', subkind: 'card', key: keyedHash(text), display: maskPan(text) }]);
}

export function maskPan(pan: string): string {
  return `${pan.slice(0, 6)}${'*'.repeat(Math.max(0, pan.length - 10))}${pan.slice(-4)}`;
}

export function normalizeCrypto(raw: string): Normalized {
  const long = tooLong(raw, 'crypto', 'a wallet address');
  if (long) return long;
  const text = raw.trim();
  if (/^0x[0-9a-f]{40}$/i.test(text)) {
    const key = text.toLowerCase();
    return ok([{ kind: 'account', subkind: 'eth', key, display: key }]);
  }
  if (/^bc1[ac-hj-np-z02-9]{11,71}$/i.test(text) && (text === text.toLowerCase() || text === text.toUpperCase())) {
    const key = text.toLowerCase();
    return ok([{ kind: 'account', subkind: 'btc', key, display: key }]);
  }
  if (/^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$/.test(text)) {
    return ok([{ kind: 'account', subkind: 'btc', key: text, display: text }]);
  }
  return rejected(`"${text}" is not a Bitcoin or Ethereum address`);
}

const PAYMENT_ID_WORDS = new Set(['tag', 'id', 'user', 'username', 'handle', 'account', 'acct']);

/**
 * "Revolut tag dman96" → provider "Revolut tag", id "dman96"; "revolut:@anna99" → "revolut",
 * "@anna99": the last word is the id, what stands before it (letters and spaces) the provider.
 * Read by hand: the pattern it replaces had three quantifiers over the same spaces.
 */
function providerAndId(text: string): { provider: string; id: string } | null {
  let cut = text.length;
  while (cut > 0 && !isSpaceCode(text.charCodeAt(cut - 1))) cut--;
  let provider: string;
  let id: string;
  if (cut > 0) {
    provider = text.slice(0, cut).trim();
    id = text.slice(cut);
    if (provider.endsWith(':') || provider.endsWith('-')) provider = provider.slice(0, -1).trimEnd();
    if (id.startsWith(':') || id.startsWith('-')) id = id.slice(1);
  } else {
    let i = 0;
    while (i < text.length && isAsciiLetterCode(text.charCodeAt(i))) i++;
    if (text[i] !== ':' && text[i] !== '-') return null;
    provider = text.slice(0, i);
    id = text.slice(i + 1);
  }
  return /^[a-z][a-z ]*$/i.test(provider) && id !== '' ? { provider, id } : null;
}

/** A payment-app id: "revolut:@anna99", "PayPal anna@example.org". */
export function normalizePaymentApp(raw: string, provider?: string): Normalized {
  const long = tooLong(raw, 'payment', 'a payment-app id');
  if (long) return long;
  const text = raw.trim();
  const link = /^(?:https?:\/\/)?(?:www\.)?(revolut\.me|paypal\.me|monzo\.me|venmo\.com)\/@?([\w.-]{2,64})\/?$/i.exec(
    text,
  );
  if (link) {
    const app = ((link[1] as string).split('.')[0] as string).toLowerCase();
    const id = (link[2] as string).toLowerCase();
    return ok([{ kind: 'account', subkind: 'payment', key: `${app}:${id}`, display: `${app} ${id}` }]);
  }
  const m = providerAndId(text);
  // "Revolut tag dman96", "PayPal id: x": the provider, without the word for what follows.
  const words = (provider ?? m?.provider ?? 'unknown').trim().toLowerCase().split(/\s+/);
  if (words.length > 1 && PAYMENT_ID_WORDS.has(words[words.length - 1] as string)) words.pop();
  const app = words.join('-');
  const id = (provider ? text : (m?.id ?? text)).replace(/^@/, '').toLowerCase();
  if (!/^[\w.@+-]{2,64}$/.test(id)) return rejected(`"${text}" is not a payment-app id`);
  return ok([{ kind: 'account', subkind: 'payment', key: `${app}:${id}`, display: `${app} ${id}` }]);
}

// ---------------------------------------------------------------- documents, vehicles

const DOCUMENT_TYPES: [RegExp, string][] = [
  [/^(p|pp|ps|pas|passport|pasaport|pasaporte|passeport|reisepass|travel document)$/, 'PASSPORT'],
  [
    /^(i|id|ci|bi|dni|cni|id card|identity card|national id|national identity card|carte de identitate|buletin|documento nacional de identidad|personalausweis)$/,
    'ID_CARD',
  ],
  [
    /^(brp|rp|residence permit|biometric residence permit|permis de sedere|tarjeta de residencia|tie|nie)$/,
    'RESIDENCE_PERMIT',
  ],
  [
    /^(dl|driving licence|driving license|driver licence|permis de conducere|permiso de conducir|carnet de conducir)$/,
    'DRIVING_LICENCE',
  ],
];

/** A document type as agencies write it ("P", "C.I.", "Carte de identitate") to one name. */
export function documentType(type: string): string {
  const t = fold(type).replace(/[.]/g, '').replace(/\s+/g, ' ').trim();
  for (const [pattern, name] of DOCUMENT_TYPES) if (pattern.test(t)) return name;
  return t ? t.toUpperCase().replace(/\s+/g, '_') : 'ID_CARD';
}

/** An identity document: issuing country, type and number ("seria MZ nr. 592593" → MZ592593). */
export function normalizeDocument(number: string, type: string, country: string): Normalized {
  const long = tooLong(number, 'document', 'a document number') ?? tooLong(type, 'document', 'a document type');
  if (long) return long;
  const n = fold(number)
    .toUpperCase()
    .replace(/\b(SERIA|SERIE|SERIES|NR|NO|NUM|NUMBER|NUMAR)\b\.?/g, '')
    .replace(/[\s.\-/]/g, '');
  if (!/^[A-Z0-9]{5,20}$/.test(n)) return rejected(`"${number.trim()}" is not a document number`);
  const t = documentType(type);
  const c = countryCode(country) ?? country.trim().toUpperCase();
  return ok([
    { kind: 'document', subkind: t, country: c, key: n, display: `${c} ${t.replace(/_/g, ' ').toLowerCase()} ${n}` },
  ]);
}

export function normalizeVehicle(plate: string, country: string): Normalized {
  const long = tooLong(plate, 'vehicle', 'a number plate');
  if (long) return long;
  const p = plate.toUpperCase().replace(/[\s.-]/g, '');
  if (!/^[A-Z0-9]{3,10}$/.test(p)) return rejected(`"${plate.trim()}" is not a number plate`);
  const c = countryCode(country) ?? country.trim().toUpperCase();
  return ok([{ kind: 'vehicle', country: c, key: p, display: `${c} ${plate.trim().toUpperCase()}` }]);
}

// ---------------------------------------------------------------- addresses

const ADDRESS_WORDS: Record<string, string> = {
  cl: 'close',
  crt: 'court',
  terr: 'terrace',
  gr: 'grove',
  gro: 'grove',
  gdns: 'gardens',
  pk: 'park',
  hse: 'house',
  pde: 'parade',
  st: 'street',
  str: 'street',
  strada: 'street',
  street: 'street',
  calle: 'street',
  c: 'street',
  rd: 'road',
  road: 'road',
  ave: 'avenue',
  av: 'avenue',
  avda: 'avenue',
  avenida: 'avenue',
  avenue: 'avenue',
  bd: 'boulevard',
  blvd: 'boulevard',
  bdul: 'boulevard',
  bulevardul: 'boulevard',
  boulevard: 'boulevard',
  ln: 'lane',
  lane: 'lane',
  dr: 'drive',
  drive: 'drive',
  ct: 'court',
  court: 'court',
  pl: 'place',
  place: 'place',
  sq: 'square',
  square: 'square',
  cres: 'crescent',
  cresc: 'crescent',
  crescent: 'crescent',
  tce: 'terrace',
  ter: 'terrace',
  wy: 'way',
  wk: 'walk',
  terrace: 'terrace',
  apt: 'flat',
  apartment: 'flat',
  flat: 'flat',
  unit: 'flat',
  ap: 'flat',
  apartament: 'flat',
  piso: 'flat',
  puerta: 'flat',
  bl: 'block',
  bloc: 'block',
  blk: 'block',
  block: 'block',
  sc: 'entrance',
  scara: 'entrance',
  et: 'floor',
  etaj: 'floor',
  fl: 'floor',
  floor: 'floor',
  nr: '',
  no: '',
  num: '',
  numero: '',
  n: '',
  sector: 'sector',
  jud: 'county',
  judetul: 'county',
};

/** Country names written at the end of an address, in the agencies' languages. */
const COUNTRY_WORDS = new Map([
  ['uk', 'GB'],
  ['united', 'GB'],
  ['kingdom', 'GB'],
  ['england', 'GB'],
  ['anglia', 'GB'],
  ['romania', 'RO'],
  ['rumania', 'RO'],
  ['espana', 'ES'],
  ['spain', 'ES'],
  ['spania', 'ES'],
  ['espagne', 'ES'],
  ['moldova', 'MD'],
]);

/** Words whose meaning depends on the country: "la" is Lane in Leeds and an article in Castellón. */
const LOCAL_ADDRESS_WORDS: Record<string, Record<string, string>> = {
  GB: { la: 'lane' },
  ES: { de: '', del: '', la: '', el: '', los: '', las: '', no: '' },
  RO: { de: '' },
};

const STREET_TYPES = new Set([
  'close',
  'grove',
  'gardens',
  'way',
  'walk',
  'mews',
  'parade',
  'rise',
  'hill',
  'row',
  'street',
  'road',
  'avenue',
  'boulevard',
  'lane',
  'drive',
  'court',
  'place',
  'square',
  'crescent',
  'terrace',
]);

/**
 * Countries that write the postcode after the town ("Kingston ACT 2905"); the others write it
 * before ("1010 Wien"). Only a postcode that could be a house number needs its position.
 */
const POSTCODE_AFTER_TOWN = new Set(['AU', 'NZ', 'ZA', 'PH']);

/** A word of an address and the comma- or line-separated part it stands in. */
interface AddressWord {
  word: string;
  part: number;
}

/** The postcode's form in a key: capitals, no spaces or hyphens, no country prefix ("L-1234"). */
function postcodeIn(candidate: string, country: string): string | null {
  // No country's postcode is longer, or has other characters: most words go no further.
  if (candidate.length > 10 || !/^[a-z\d -]+$/.test(candidate)) return null;
  const upper = candidate.toUpperCase();
  const bare = upper.replace(/^[A-Z]{1,2}-(?=\d)/, '');
  if (!postcodeValidator(upper, country) && (bare === upper || !postcodeValidator(bare, country))) return null;
  return bare.replace(/[\s-]/g, '');
}

/**
 * The postcode of an address, by its country's pattern (postcode-validator), nearest the end
 * first. A number of four digits or fewer could as well be a house number, so it is a postcode
 * only where a postcode stands: a part of its own after the first ("…, Canberra, 2905"),
 * opening a later part before the town ("…, 1010 Wien"), or, in countries that write it after
 * the town, last ("Kingston ACT 2905").
 */
function readPostcode(words: AddressWord[], country: string): { at: number; length: number; code: string } | null {
  if (!postcodeValidatorExistsForCountry(country)) return null;
  const firstPart = words[0]?.part;
  const sizes = new Map<number, number>();
  for (const w of words) sizes.set(w.part, (sizes.get(w.part) ?? 0) + 1);
  const size = (part: number) => sizes.get(part) ?? 0;
  for (let i = words.length - 1; i >= 0; i--) {
    const here = words[i] as AddressWord;
    const before = words[i - 1];
    // Every country's postcode has a digit ("1012 LM" has it in its first word).
    if (!/\d/.test(here.word) && !/\d/.test(before?.word ?? '')) continue;
    if (before) {
      const pair = postcodeIn(`${before.word} ${here.word}`, country);
      if (pair) return { at: i - 1, length: 2, code: pair };
    }
    const code = postcodeIn(here.word, country);
    if (!code) continue;
    if (!/^\d{1,4}$/.test(here.word)) return { at: i, length: 1, code };
    const opensPart = before?.part !== here.part;
    const laterPart = here.part !== firstPart;
    const next = words[i + 1];
    const placed = POSTCODE_AFTER_TOWN.has(country)
      ? (laterPart && size(here.part) === 1) || (i === words.length - 1 && !opensPart)
      : laterPart && opensPart && (size(here.part) === 1 || (next?.part === here.part && /^[a-z]/.test(next.word)));
    if (placed) return { at: i, length: 1, code };
  }
  return null;
}

/**
 * The comparison key of an address: case, punctuation, diacritics and common abbreviations
 * folded, the postcode taken out wherever it stands and put first, the flat number kept.
 */
export function addressKey(raw: string, defaultCountry: string): string | null {
  if (raw.length > MAX_VALUE_CHARS.address) return null;
  // An address abroad says so ("…, Spain", "…, Marea Britanie", "…, Україна"): that country,
  // not the agency's, is its country, and its name is no part of the key.
  const abroad = trailingCountry(raw);
  const written = abroad
    ? undefined
    : fold(raw)
        .match(/[a-z]+/g)
        ?.find((w) => COUNTRY_WORDS.has(w) && w !== 'united' && w !== 'kingdom');
  const country = abroad?.code ?? (written ? (COUNTRY_WORDS.get(written) as string) : defaultCountry);
  const marked = fold(abroad ? raw.slice(0, abroad.at) : raw)
    // Spanish floor and door: "1º A", "1ºA" (º folds to o) is the first floor, door A.
    .replace(/\b(\d{1,2})\s*o\s*([a-z])?\b/g, (_m, floor: string, door?: string) => ` piso ${floor} ${door ?? ''} `)
    // Commas, semicolons and line breaks part the address; where a postcode stands tells it
    // from a house number.
    .replace(/[,;\n\r]+/g, ' , ')
    .replace(/[.:#()'"`]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ ,]+|[ ,]+$/g, '')
    // "4/27 Berners Close" opening an address is flat 4 at number 27 (not "C/ Mayor", calle Mayor).
    .replace(/^([a-z\d]{1,4}) ?\/ ?(\d+[a-z]?) /, 'flat $1 $2 ');
  const words: AddressWord[] = [];
  let part = 0;
  for (const word of marked.split(' ')) {
    if (word !== ',') words.push({ word, part });
    else if (words.at(-1)?.part === part) part++;
  }
  let text = words.map((w) => w.word).join(' ');
  if (text.length < 4) return null;
  const found = readPostcode(words, country);
  const postcode = found?.code ?? '';
  if (found) {
    words.splice(found.at, found.length);
    text = words.map((w) => w.word).join(' ');
  }
  const local = LOCAL_ADDRESS_WORDS[country] ?? {};
  const tokens = text
    .split(/[\s/-]+/)
    .map((t) => (t in local ? (local[t] as string) : t in ADDRESS_WORDS ? (ADDRESS_WORDS[t] as string) : t))
    .filter((t) => t !== '' && !COUNTRY_WORDS.has(t));
  // The flat (or apartment, unit…) number, wherever it stands.
  let flat = '';
  const at = tokens.indexOf('flat');
  if (at >= 0 && tokens[at + 1] !== undefined) {
    flat = `flat ${tokens[at + 1]}`;
    tokens.splice(at, 2);
  }
  // With a postcode, the town is redundant and often left out: keep the street part only. In
  // "12 High Street London" the street type closes the street; in "Strada Mihai Eminescu 5
  // bl A2 Iasi" the street type opens it and the last number (or block part) closes it.
  if (postcode) {
    // The last street word closes the street: "12 St Mary's Road" is Saint Mary's Road.
    const streetAt = tokens.findLastIndex((t) => STREET_TYPES.has(t));
    if (streetAt > 0) tokens.splice(streetAt + 1);
    else if (streetAt === 0) {
      let last = -1;
      tokens.forEach((t, i) => {
        if (/\d/.test(t) || ['block', 'entrance', 'floor', 'flat'].includes(tokens[i - 1] ?? '')) last = i;
      });
      if (last >= 0) tokens.splice(last + 1);
    }
  }
  if (tokens.length === 0) return null;
  // Order-free: "12 High St, London" and "London, High Street 12" are the same place.
  return `${country}|${postcode}|${flat}|${[...new Set(tokens)].sort().join(' ')}`;
}

export function normalizeAddress(raw: string, country: string): Normalized {
  const long = tooLong(raw, 'address', 'an address');
  if (long) return long;
  const key = addressKey(raw, country);
  if (!key) return rejected(`"${raw.trim()}" is too short to be an address`);
  return ok([{ kind: 'address', key, display: raw.trim().replace(/\s+/g, ' ') }]);
}
