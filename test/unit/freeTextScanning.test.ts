/**
 * Linear-time scanning: every function that runs over cell text finishes on a megabyte of
 * adversarial text. A pattern that backtracks catastrophically takes minutes to hours on these
 * inputs (the e-mail pattern Caselink used took 55 s on 100 KB of "A"), so each test would hit
 * its timeout long before it ended; linear scanners take well under a second each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../main/core/cells';
import { identifiersInText } from '../../main/core/freeText';
import { findHeaderRow, headerTexts } from '../../main/core/headers';
import {
  addressKey,
  normalizeAddress,
  normalizeBankAccount,
  normalizeCard,
  normalizeCrypto,
  normalizeDocument,
  normalizeEmail,
  normalizeHandle,
  normalizeIban,
  normalizePaymentApp,
  normalizePhone,
  normalizePhones,
  normalizeVehicle,
  splitExtension,
  splitMultiple,
} from '../../main/core/identifiers';
import { countryCode, trailingCountry } from '../../main/core/countries';
import { nameKey, nameSimilarity, nameTokens } from '../../main/core/names';
import { parseProfile } from '../../main/core/profile';
import { mapRow, resolveColumns, roleOf } from '../../main/core/rowMapper';

const MB = 1024 * 1024;
/** Far above the seconds a linear scan takes, far below the hours a backtracking one would. */
const TIMEOUT = 60_000;

/** Pieces that make backtracking patterns explode when repeated: runs that almost match. */
const UNITS = [
  'A',
  'a@',
  'a.',
  '+1 ',
  '1 2-3.4(',
  '@@@',
  ' ',
  'tel 0',
  'IG @x_',
  'RO49 ',
  '(0)',
  'ext ',
  'a,',
  '?',
  'https://t.me/',
  '0740 123 456 / ',
];

/** A megabyte of one to three adversarial units, repeated. */
const adversarial = fc
  .array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''))
  .map((unit) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB));

const profile = parseProfile({
  version: 1,
  agency: 'NGO',
  name: 'every field',
  country: 'GB',
  grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
  entities: { subject: { kind: 'person', role: 'subject' } },
  columns: [
    { column: 'Notes', entity: 'record', field: 'freeText' },
    { column: 'Name', entity: 'subject', field: 'fullName' },
    { column: 'Phone', entity: 'subject', field: 'phone' },
    { column: 'Email', entity: 'subject', field: 'email' },
    { column: 'Handle', entity: 'subject', field: 'handle' },
    { column: 'Address', entity: 'subject', field: 'address' },
    { column: 'Born', entity: 'subject', field: 'birthDate' },
    { column: 'Role', entity: 'subject', field: 'role' },
    { column: 'Document', entity: 'subject', field: 'documentNumber' },
    { column: 'Plate', entity: 'subject', field: 'vehiclePlate' },
    { column: 'IBAN', entity: 'subject', field: 'iban' },
    { column: 'Payment', entity: 'subject', field: 'paymentApp' },
  ],
});
const header = profile.columns.map((c) => c.column);

describe('scanning a megabyte of adversarial text', () => {
  it(
    'reads free text in time proportional to its length, 10 MB of "A" included',
    () => {
      expect(identifiersInText('A'.repeat(10 * MB), 'GB').identifiers).toEqual([]);
      fc.assert(
        fc.property(adversarial, (text) => {
          expect(Array.isArray(identifiersInText(text, 'GB').identifiers)).toBe(true);
        }),
        { numRuns: 4, seed: 8 },
      );
    },
    TIMEOUT,
  );

  it(
    'normalises every kind of identifier, or refuses it, without backtracking',
    () => {
      fc.assert(
        fc.property(adversarial, (text) => {
          const results = [
            normalizePhone(text, 'GB'),
            normalizePhones(text, 'GB'),
            normalizeEmail(text),
            normalizeHandle(text),
            normalizeIban(text),
            normalizeBankAccount(text, text, 'GB'),
            normalizeCard(text, (pan) => pan),
            normalizeCrypto(text),
            normalizePaymentApp(text),
            normalizeDocument(text, text, 'GB'),
            normalizeVehicle(text, 'GB'),
            normalizeAddress(text, 'GB'),
          ];
          // Refused before any work, and named by its opening only: no megabyte in a problem report.
          for (const r of results) if (!r.ok) expect(r.reason.length).toBeLessThan(500);
          addressKey(text, 'GB');
          // A country looked for at the end of a long address, after a long word.
          trailingCountry(`${text} Marea Britanie`);
          countryCode(text);
          splitMultiple(text);
          splitExtension(text);
        }),
        { numRuns: 8, seed: 8 },
      );
    },
    TIMEOUT,
  );

  it(
    'reads dates, names, headers and whole rows without backtracking',
    () => {
      // A name cell of a hundred thousand different words is compared by its first words only.
      const words = Array.from({ length: 100_000 }, (_, i) =>
        i.toString(16).replace(/[0-9]/g, (d) => String.fromCharCode(103 + Number(d))),
      ).join(' ');
      expect(nameSimilarity(words, `${words} x`)).toBeGreaterThan(0.9);
      fc.assert(
        fc.property(adversarial, (text) => {
          parseDate(text, 'DMY');
          nameTokens(text);
          nameKey(text);
          nameSimilarity(text, `${text.slice(1)}b`);
          roleOf(text);
          findHeaderRow([[text, text], header]);
          headerTexts([text]);
          const { mappings } = resolveColumns(profile, header);
          const row = mapRow(
            { profile, sheet: 'Sheet1', header, cardHash: (pan) => pan },
            mappings,
            header.map(() => text),
            2,
          );
          expect(row.row).toBe(2);
        }),
        { numRuns: 2, seed: 8 },
      );
    },
    TIMEOUT,
  );
});
