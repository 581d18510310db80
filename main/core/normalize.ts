/**
 * One entry point over every normaliser, for `caselink normalize`: the normalised form of a
 * value, or why it was rejected.
 */
import {
  canonicalOf,
  normalizeAddress,
  normalizeCard,
  normalizeCrypto,
  normalizeDocument,
  normalizeEmail,
  normalizeHandle,
  normalizeIban,
  normalizePaymentApp,
  normalizePhones,
  normalizeVehicle,
  type Normalized,
} from './identifiers';
import { nameKey, toLatin } from './names';

export const NORMALIZE_KINDS = [
  'phone',
  'address',
  'account',
  'email',
  'handle',
  'document',
  'vehicle',
  'name',
] as const;
export type NormalizeKind = (typeof NORMALIZE_KINDS)[number];

/** Accounts: the first reading that fits (IBAN, card, wallet, payment-app id). */
function normalizeAccount(value: string): Normalized {
  const attempts = [
    normalizeIban(value),
    // The command line shows a card's masked form; the keyed hash is made only on import.
    normalizeCard(value, () => '(keyed hash)'),
    normalizeCrypto(value),
  ];
  const found = attempts.find((a) => a.ok);
  if (found) return found;
  if (/^[a-z ]+[:\s-]|\.me\//i.test(value)) return normalizePaymentApp(value);
  return {
    ok: false,
    reason: `"${value}" is not an IBAN, a card number, a Bitcoin or Ethereum address, or a payment-app id`,
  };
}

export function normalizeText(kind: NormalizeKind, value: string, country: string): string {
  if (kind === 'name') {
    const key = nameKey(value);
    return `${key.comparable}  (latin: ${toLatin(value)}; phonetic: ${key.phonetic.join(' ')})`;
  }
  const result: Normalized = {
    phone: () => normalizePhones(value, country),
    address: () => normalizeAddress(value, country),
    account: () => normalizeAccount(value),
    email: () => normalizeEmail(value),
    handle: () => normalizeHandle(value),
    document: () => normalizeDocument(value, 'ID', country),
    vehicle: () => normalizeVehicle(value, country),
  }[kind]();
  if (!result.ok) return `rejected: ${result.reason}`;
  const notes = result.notes.length ? `  (${result.notes.join('; ')})` : '';
  return `${result.values.map((v) => `${canonicalOf(v)} [${v.display}]`).join(', ')}${notes}`;
}
