import { describe, expect, it } from 'vitest';
import { describeIdentifier, normalizeText, normalizeValue } from '../../main/core/normalize';
import { parseProfile } from '../../main/core/profile';
import { mapRow, resolveColumns } from '../../main/core/rowMapper';

const cardHash = (pan: string) => `hash-of-${pan.slice(-4)}`;

/** What an import with a one-column profile of `field` stores for `value`. */
function imported(field: string, value: string, country: string) {
  const profile = parseProfile({
    version: 1,
    agency: 'TEST',
    name: 'test',
    country,
    grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
    entities: { worker: { kind: 'person', role: 'victim' } },
    columns: [{ column: 'Cell', entity: 'worker', field }],
  });
  const { mappings } = resolveColumns(profile, ['Cell']);
  return mapRow({ profile, sheet: 'S', header: ['Cell'], cardHash }, mappings, [value], 2).identifiers.map((i) => ({
    kind: i.kind,
    key: i.key,
    subkind: i.subkind,
    country: i.country,
  }));
}

describe('caselink normalize', () => {
  it('prints the country an import reads in a nationality, document or address country, or that it reads none', () => {
    expect(
      ['Marea Britanie', 'bulgară', 'Republic of Moldova', 'українка', 'necunoscută'].map((v) =>
        normalizeText('country', v, 'RO', cardHash),
      ),
    ).toEqual([
      'country GB',
      'country BG',
      'country MD',
      'country UA',
      'rejected: "necunoscută" is no country or nationality this import can read; it counts as missing',
    ]);
  });

  it('prints a phone by its E.164 key, not by the region libphonenumber gives a shared-plan number', () => {
    expect(normalizeText('phone', '07911 123456', 'GB', cardHash)).toBe('phone +447911123456  [+44 7911 123456]');
  });

  it('prints the extension an import keeps on the link beside the number records meet on', () => {
    expect(normalizeText('phone', '0113 496 0104 (ext 14)', 'GB', cardHash)).toBe(
      'phone +441134960104  [+44 113 496 0104]  ext 14 (kept on the link)',
    );
  });

  it.each([
    ['phone', 'phone', '0740 123 456 / +44 20 7946 0018', 'RO'],
    ['document', 'documentNumber', 'seria MZ nr. 592593', 'RO'],
    ['document', 'documentNumber', 'AB 123 456', 'GB'],
    ['vehicle', 'vehiclePlate', 'ab-12 cde', 'GB'],
    ['address', 'address', 'Flat 4, 27 Albion Road, Leeds LS2 8JU', 'GB'],
    ['email', 'email', 'Ion.Recruit@Example.org', 'GB'],
    ['account', 'iban', 'GB82 WEST 1234 5698 7654 32', 'GB'],
    ['account', 'card', '4111 1111 1111 1111', 'GB'],
  ] as const)('gives for a %s what an import of a %s column stores (%s)', (kind, field, value, country) => {
    const result = normalizeValue(kind, value, country, cardHash);
    expect(
      result.ok && 'identifiers' in result ? result.identifiers.map((i) => ({ ...i, display: undefined })) : result,
    ).toEqual(imported(field, value, country).map((i) => ({ ...i, display: undefined })));
  });

  it('names documents and vehicles by the key the graph stores, with what tells them apart', () => {
    expect(normalizeText('document', 'AB 123 456', 'GB', cardHash)).toBe(
      'document AB123456 (GB id card)  [GB id card AB123456]',
    );
    expect(normalizeText('vehicle', 'ab-12 cde', 'GB', cardHash)).toBe('vehicle AB12CDE (GB)  [GB AB-12 CDE]');
  });

  it('quotes a key a shell would split, so it can be pasted into caselink hub', () => {
    expect(describeIdentifier({ kind: 'address', key: 'GB|LS28JU||27 albion road', display: '27 Albion Road' })).toBe(
      "address 'GB|LS28JU||27 albion road'  [27 Albion Road]",
    );
  });

  it('prints the key an import stores for a value with invisible characters, which its reader takes out', () => {
    expect(normalizeText('email', 'ion.marin\u200b@example.com', 'GB', cardHash)).toBe(
      normalizeText('email', 'ion.marin@example.com', 'GB', cardHash),
    );
    expect(normalizeText('account', 'RO49 AAAA 1B31 0075 9384 0000\u200e', 'RO', cardHash)).toBe(
      normalizeText('account', 'RO49 AAAA 1B31 0075 9384 0000', 'RO', cardHash),
    );
    expect(normalizeText('name', '\u202eniraM lenoI', 'GB', cardHash)).toBe(
      normalizeText('name', 'niraM lenoI', 'GB', cardHash),
    );
  });

  it('says why a value is rejected', () => {
    expect(normalizeText('account', '12', 'GB', cardHash)).toBe(
      'rejected: "12" is not an IBAN, a card number, a Bitcoin or Ethereum address, or a payment-app id',
    );
    expect(normalizeText('vehicle', '!!', 'GB', cardHash)).toMatch(/^rejected: /);
  });
});
