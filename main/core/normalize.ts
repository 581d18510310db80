/**
 * One entry point over every normaliser, for `caselink normalize`: the key an import stores for a
 * value, or why it was rejected. The value goes through the import's own row mapper, as the one
 * cell of a one-column profile, so that what this prints and what an import stores cannot differ
 * (same functions, same defaults: document type, issuing country, handle platform…).
 */
import { countryCode } from './countries';
import type { Identifier } from './identifiers';
import { nameKey, toLatin } from './names';
import type { Field, Profile } from './profile';
import { mapRow, resolveColumns, type MappedIdentifier } from './rowMapper';
import { NORMALIZE_KINDS } from './normalizeKinds';
import { withoutInvisible } from './text';

export { NORMALIZE_KINDS };
export type NormalizeKind = (typeof NORMALIZE_KINDS)[number];

/**
 * The profile fields a kind is read as, in order: an account is the first reading that fits
 * (IBAN, card, wallet, payment-app id), as a column mapped to that field would read it.
 */
const FIELDS: Record<Exclude<NormalizeKind, 'name' | 'country'>, Field[]> = {
  phone: ['phone'],
  address: ['address'],
  account: ['iban', 'card', 'crypto', 'paymentApp'],
  email: ['email'],
  handle: ['handle'],
  document: ['documentNumber'],
  vehicle: ['vehiclePlate'],
};

const COLUMN = 'Value';

function profileFor(field: Field, country: string): Profile {
  return {
    version: 1,
    agency: 'CLI',
    name: 'caselink normalize',
    encoding: 'auto',
    delimiter: 'auto',
    country,
    dateOrder: 'DMY',
    grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
    entities: { subject: { kind: 'person', role: 'subject' } },
    columns: [{ column: COLUMN, entity: 'subject', field }],
  };
}

export type NormalizeResult =
  | { ok: true; identifiers: Identifier[]; notes: string[] }
  | { ok: false; reason: string }
  | { ok: true; name: { comparable: string; latin: string; phonetic: string[] } }
  | { ok: true; country: string };

/**
 * What an import stores for `value` in a column of this kind, with the agency's (or column's)
 * `country`; `cardHash` is the import's keyed hash for full card numbers.
 */
export function normalizeValue(
  kind: NormalizeKind,
  written: string,
  country: string,
  cardHash: (pan: string) => string,
): NormalizeResult {
  // The import's reader takes invisible characters out of every cell before the row mapper sees it.
  const value = withoutInvisible(written).text;
  if (kind === 'name') {
    const key = nameKey(value);
    return { ok: true, name: { comparable: key.comparable, latin: toLatin(value), phonetic: key.phonetic } };
  }
  if (kind === 'country') {
    // A nationality, an issuing country or an address's country, as the import reads each.
    const code = countryCode(value);
    return code
      ? { ok: true, country: code }
      : {
          ok: false,
          reason: `"${value.trim()}" is no country or nationality this import can read; it counts as missing`,
        };
  }
  const reasons: string[] = [];
  for (const field of FIELDS[kind]) {
    // A payment-app column takes almost any text; as a guess, only text that names an app reads so.
    if (field === 'paymentApp' && !/^[a-z ]+[:\s-]|\.me\//i.test(value)) continue;
    const profile = profileFor(field, country);
    const { mappings } = resolveColumns(profile, [COLUMN]);
    const row = mapRow({ profile, sheet: 'cli', header: [COLUMN], cardHash }, mappings, [value], 2);
    const identifiers = row.identifiers.map(
      ({ kind: k, key, subkind, country: c, display, extension }: MappedIdentifier) => ({
        kind: k,
        key,
        display,
        ...(subkind ? { subkind } : {}),
        ...(c ? { country: c } : {}),
        ...(extension ? { extension } : {}),
      }),
    );
    const notes = row.warnings.map((w) => w.reason);
    if (identifiers.length > 0) return { ok: true, identifiers, notes };
    reasons.push(...notes);
  }
  if (kind === 'account')
    return {
      ok: false,
      reason: `"${value.trim()}" is not an IBAN, a card number, a Bitcoin or Ethereum address, or a payment-app id`,
    };
  return { ok: false, reason: reasons.join('; ') || `"${value.trim()}" holds no ${kind}` };
}

/**
 * An identifier as the command line names it: its kind and the key its graph node is found by
 * (what `caselink identifiers` lists and `caselink hub` takes), then what else tells it apart.
 * A phone is its E.164 number alone: the region libphonenumber gives a number in a shared plan
 * (+44 for GB, GG, IM, JE) is not part of its identity, so it is not printed as if it were.
 */
export function describeIdentifier(i: {
  kind: string;
  key: string;
  subkind?: string;
  country?: string;
  display: string;
  extension?: string;
}): string {
  const qualifiers =
    i.kind === 'document'
      ? [i.country, i.subkind?.replace(/_/g, ' ').toLowerCase()]
      : i.kind === 'vehicle'
        ? [i.country]
        : i.kind === 'account' || i.kind === 'handle'
          ? [i.subkind]
          : [];
  const extra = qualifiers.filter((q) => q).join(' ');
  // Quoted when a shell would split or read it ("|" and spaces in address keys), so it can be pasted.
  const key = /^[\w+@.:-]+$/.test(i.key) ? i.key : `'${i.key.replace(/'/g, `'\\''`)}'`;
  const extension = i.extension ? `  ext ${i.extension} (kept on the link)` : '';
  return `${i.kind} ${key}${extra ? ` (${extra})` : ''}${i.display !== i.key ? `  [${i.display}]` : ''}${extension}`;
}

/** One line for `caselink normalize`: the identifiers an import stores, with its notes, or the reason it refuses. */
export function normalizeText(
  kind: NormalizeKind,
  value: string,
  country: string,
  cardHash: (pan: string) => string,
): string {
  const result = normalizeValue(kind, value, country, cardHash);
  if (!result.ok) return `rejected: ${result.reason}`;
  if ('name' in result)
    return `${result.name.comparable}  (latin: ${result.name.latin}; phonetic: ${result.name.phonetic.join(' ')})`;
  if ('country' in result) return `country ${result.country}`;
  const notes = result.notes.length ? `  (${result.notes.join('; ')})` : '';
  return `${result.identifiers.map(describeIdentifier).join(', ')}${notes}`;
}
