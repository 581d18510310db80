/**
 * Identifier normalisation: raw spreadsheet text to the one key under which records of every
 * agency meet. Pure functions; an invalid value is never dropped silently but comes back with
 * the reason it could not be used.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { countryCode } from './countries';
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
}

/** One string that names an identifier, e.g. `phone:+447700900123`, `handle:instagram:ion.recruit`. */
export function canonicalOf(i: Identifier): string {
  return [i.kind, i.subkind, i.country, i.key].filter((p) => p !== undefined && p !== '').join(':');
}

export type Normalized = { ok: true; values: Identifier[]; notes: string[] } | { ok: false; reason: string };

const ok = (values: Identifier[], notes: string[] = []): Normalized => ({ ok: true, values, notes });
const rejected = (reason: string): Normalized => ({ ok: false, reason });

/** Splits a cell that holds several values ("07700 900123 / 020 7946 0018"). */
export function splitMultiple(text: string, options: { slash?: boolean } = {}): string[] {
  // A slash separates phone numbers ("07911 123456 / 020 …") but belongs to a profile URL.
  const separators =
    options.slash === false
      ? /\s*(?:[;|\n\r]|,(?!\d{3}\b)|\band\b|\bsau\b|\by\b|\bor\b)\s*/i
      : /\s*(?:[;|\n\r/]|,(?!\d{3}\b)|\band\b|\bsau\b|\by\b|\bor\b)\s*/i;
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------------------------------------------------------------- phones

const EXTENSION = /\s*(?:ext\.?|extension|x|#|int\.?)\s*(\d{1,6})\s*$/i;

/** One phone number in E.164, with the default country for national forms. */
export function normalizePhone(raw: string, country: string): Normalized {
  let text = raw.trim();
  if (text === '') return rejected('empty');
  const notes: string[] = [];
  const ext = EXTENSION.exec(text);
  if (ext) {
    notes.push(`extension ${ext[1]} left out of the link`);
    text = text.slice(0, ext.index);
  }
  text = text.replace(/\(0\)/g, '').replace(/^tel:?/i, '');
  if (/[a-z]{3,}/i.test(text)) return rejected(`"${raw.trim()}" is not a phone number`);
  const digits = text.replace(/\D/g, '');
  if (digits.length === 0) return rejected(`"${raw.trim()}" holds no digits`);
  if (digits.length <= 6 && !text.trim().startsWith('+')) {
    return rejected(
      `"${raw.trim()}" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)`,
    );
  }
  // Readings in order of preference: "00…" is the international prefix everywhere here; "011…"
  // is North America's, but also the start of UK numbers such as 0113 (Leeds); a national number
  // may have lost its leading zero in a numeric cell.
  const readings: { text: string; note?: string }[] = [];
  if (text.trim().startsWith('+')) readings.push({ text: `+${digits}` });
  else if (/^00\d/.test(digits)) readings.push({ text: `+${digits.slice(2)}` });
  else {
    if (/^011\d/.test(digits) && country !== 'US' && country !== 'CA') readings.push({ text: `+${digits.slice(3)}` });
    readings.push({ text: digits });
    if (!digits.startsWith('0')) readings.push({ text: `0${digits}`, note: 'leading zero restored' });
  }
  const parsed = readings.map((r) => ({ ...r, number: parsePhoneNumberFromString(r.text, country as CountryCode) }));
  const valid = parsed.find((r) => r.number?.isValid());
  if (valid?.number) {
    return ok(
      [phoneIdentifier(valid.number.number, valid.number.formatInternational(), valid.number.country)],
      [...notes, ...(valid.note ? [valid.note] : [])],
    );
  }
  // A number of the right shape in a range not (yet) allocated — a new range, a reserved or
  // fictional one — still links records that wrote the same digits; the note says so.
  const possible = parsed.find((r) => !r.note && r.number?.isPossible());
  if (possible?.number) {
    return ok(
      [phoneIdentifier(possible.number.number, possible.number.formatInternational(), possible.number.country)],
      [...notes, 'not in an allocated number range; linked as written'],
    );
  }
  const first = readings[0] as { text: string };
  return rejected(
    `"${raw.trim()}" is not a valid phone number (read as ${first.text.startsWith('+') ? 'international' : country})`,
  );
}

function phoneIdentifier(e164: string, display: string, country: string | undefined): Identifier {
  return { kind: 'phone', key: e164, display, ...(country ? { country } : {}) };
}

/** Every phone number in a cell that may hold several. */
export function normalizePhones(raw: string, country: string): Normalized {
  if (!/\d/.test(raw)) return rejected(`"${raw.trim()}" is not a phone number`);
  const parts = raw.includes('+') || /[;/|\n,]|\bor\b|\band\b/.test(raw) ? splitMultiple(raw) : [raw];
  const values: Identifier[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const one = normalizePhone(part, country);
    if (one.ok) {
      values.push(...one.values);
      notes.push(...one.notes);
    } else problems.push(one.reason);
  }
  if (values.length === 0) return rejected(problems.join('; '));
  return ok(values, [...notes, ...problems]);
}

// ---------------------------------------------------------------- e-mail, handles

const EMAIL = /^[^\s@<>()]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

export function normalizeEmail(raw: string): Normalized {
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

const PROFILE_URL =
  /(?:https?:\/\/)?(?:www\.|m\.)?(instagram\.com|facebook\.com|t\.me|tiktok\.com|twitter\.com|x\.com|vk\.com|snapchat\.com\/add)\/@?([\w.-]*\w)/i;
const URL_PLATFORM: Record<string, string> = {
  'instagram.com': 'instagram',
  'facebook.com': 'facebook',
  't.me': 'telegram',
  'tiktok.com': 'tiktok',
  'twitter.com': 'x',
  'x.com': 'x',
  'vk.com': 'vk',
};

export function platformOf(name: string): string | null {
  for (const [pattern, platform] of PLATFORMS) if (pattern.test(name.trim())) return platform;
  return null;
}

/** A handle with its platform: "@ion.recruit" (platform from the column), "IG: @x", a profile URL. */
export function normalizeHandle(raw: string, defaultPlatform = 'unknown'): Normalized {
  const text = raw.trim();
  const url = PROFILE_URL.exec(text);
  if (url) {
    const host = (url[1] as string).toLowerCase();
    const platform = URL_PLATFORM[host] ?? (host.startsWith('snapchat') ? 'snapchat' : host);
    const handle = (url[2] as string).toLowerCase();
    return ok([{ kind: 'handle', subkind: platform, key: handle, display: `${platform} @${handle}` }]);
  }
  const prefixed = /^([a-z]+)\s*(?:[:-]\s*|\s+)@?([\w.-]{2,64})$/i.exec(text);
  let platform = defaultPlatform;
  let handle = text.replace(/^@/, '');
  if (prefixed && platformOf(prefixed[1] as string)) {
    platform = platformOf(prefixed[1] as string) as string;
    handle = prefixed[2] as string;
  }
  if (!/^[\w.-]{2,64}$/.test(handle)) return rejected(`"${text}" is not a handle`);
  handle = handle.toLowerCase();
  return ok([{ kind: 'handle', subkind: platform, key: handle, display: `${platform} @${handle}` }]);
}

// ---------------------------------------------------------------- accounts

export function normalizeIban(raw: string): Normalized {
  const electronic = electronicFormatIBAN(raw.trim().replace(/^iban[\s:]*/i, '')) ?? '';
  const upper = electronic.toUpperCase();
  if (!isValidIBAN(upper)) return rejected(`"${raw.trim()}" is not a valid IBAN (checksum or length)`);
  return ok([{ kind: 'account', subkind: 'iban', key: upper, display: upper.replace(/(.{4})/g, '$1 ').trim() }]);
}

/** A domestic account with its sort code (GB) or routing number (US). */
export function normalizeBankAccount(account: string, bankCode: string, country: string): Normalized {
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

/** A payment-app id: "revolut:@anna99", "PayPal anna@example.org". */
export function normalizePaymentApp(raw: string, provider?: string): Normalized {
  const text = raw.trim();
  const link = /^(?:https?:\/\/)?(?:www\.)?(revolut\.me|paypal\.me|monzo\.me|venmo\.com)\/@?([\w.-]{2,64})\/?$/i.exec(
    text,
  );
  if (link) {
    const app = ((link[1] as string).split('.')[0] as string).toLowerCase();
    const id = (link[2] as string).toLowerCase();
    return ok([{ kind: 'account', subkind: 'payment', key: `${app}:${id}`, display: `${app} ${id}` }]);
  }
  const m = /^([a-z][a-z ]*?)\s*(?:[:-]\s*|\s+)(\S+)$/i.exec(text);
  // "Revolut tag dman96", "PayPal id: x": the provider, without the word for what follows.
  const app = (provider ?? (m ? (m[1] as string) : 'unknown'))
    .trim()
    .toLowerCase()
    .replace(/\s+(tag|id|user|username|handle|account|acct)$/, '')
    .replace(/\s+/g, '-');
  const id = (provider ? text : m ? (m[2] as string) : text).replace(/^@/, '').toLowerCase();
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

const POSTCODES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b/, (m) => `${m[1]}${m[2]}`.toUpperCase()],
  [/\b(\d{6})\b/, (m) => m[1] as string],
  [/\b(\d{5})\b/, (m) => m[1] as string],
];

/**
 * The comparison key of an address: case, punctuation, diacritics and common abbreviations
 * folded, the postcode taken out wherever it stands and put first, the flat number kept.
 */
export function addressKey(raw: string, defaultCountry: string): string | null {
  // An address abroad says so ("…, Spain"): that country, not the agency's, is its country.
  const written = fold(raw)
    .match(/[a-z]+/g)
    ?.find((w) => COUNTRY_WORDS.has(w) && w !== 'united' && w !== 'kingdom');
  const country = written ? (COUNTRY_WORDS.get(written) as string) : defaultCountry;
  let text = fold(raw)
    // Spanish floor and door: "1º A", "1ºA" (º folds to o) is the first floor, door A.
    .replace(/\b(\d{1,2})\s*o\s*([a-z])?\b/g, (_m, floor: string, door?: string) => ` piso ${floor} ${door ?? ''} `)
    .replace(/[.,;:#()'"`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // "4/27 Berners Close" opening an address is flat 4 at number 27 (not "C/ Mayor", calle Mayor).
    .replace(/^([a-z\d]{1,4}) ?\/ ?(\d+[a-z]?) /, 'flat $1 $2 ');
  if (text.length < 4) return null;
  let postcode = '';
  for (const [pattern, format] of POSTCODES) {
    const m = pattern.exec(text);
    if (m) {
      postcode = format(m);
      text = text.replace(m[0], ' ');
      break;
    }
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
  const key = addressKey(raw, country);
  if (!key) return rejected(`"${raw.trim()}" is too short to be an address`);
  return ok([{ kind: 'address', key, display: raw.trim().replace(/\s+/g, ' ') }]);
}
