import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  canonicalOf,
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
  type Normalized,
} from '../../main/core/identifiers';

/** What a result links on: the canonical names of its identifiers, or ✗ and the reason. */
function linked(result: Normalized): string[] | string {
  return result.ok ? result.values.map(canonicalOf) : `✗ ${result.reason}`;
}

/** Each raw value's result as one entry, for one comparison over a whole table. */
function table(raws: string[], normalize: (raw: string) => Normalized): Record<string, string[] | string> {
  return Object.fromEntries(raws.map((raw) => [raw, linked(normalize(raw))]));
}

const cardHash = (pan: string) => createHmac('sha256', 'unit-test key').update(pan).digest('hex');

describe('phone numbers', () => {
  it('give the international form with the number country and a readable display', () => {
    expect(normalizePhone('07912 345678', 'GB')).toEqual({
      ok: true,
      values: [{ kind: 'phone', key: '+447912345678', display: '+44 7912 345678', country: 'GB' }],
      notes: [],
    });
  });

  it('link a GB number however it is written: spaces, dots, dashes, brackets, +44 (0), 00 and 011', () => {
    expect(
      table(
        [
          '07912 345678',
          '07912.345.678',
          '07912-345-678',
          '(07912) 345678',
          '+44 (0)7912 345678',
          '+44 7912 345678',
          '0044 7912 345678',
          '011 44 7912 345678',
          'tel:+447912345678',
          '7912345678',
        ],
        (raw) => normalizePhone(raw, 'GB'),
      ),
    ).toEqual({
      '07912 345678': ['phone:GB:+447912345678'],
      '07912.345.678': ['phone:GB:+447912345678'],
      '07912-345-678': ['phone:GB:+447912345678'],
      '(07912) 345678': ['phone:GB:+447912345678'],
      '+44 (0)7912 345678': ['phone:GB:+447912345678'],
      '+44 7912 345678': ['phone:GB:+447912345678'],
      '0044 7912 345678': ['phone:GB:+447912345678'],
      '011 44 7912 345678': ['phone:GB:+447912345678'],
      'tel:+447912345678': ['phone:GB:+447912345678'],
      '7912345678': ['phone:GB:+447912345678'],
    });
  });

  it('read national forms by the default country and international forms whatever it is', () => {
    expect({
      london: linked(normalizePhone('+44 (0)20 7946 0018', 'GB')),
      romanian: linked(normalizePhone('0740 123 456', 'RO')),
      romanianWithoutTrunkZero: linked(normalizePhone('740123456', 'RO')),
      spanish: linked(normalizePhone('612 34 56 78', 'ES')),
      spanishFrom00: linked(normalizePhone('0034 612 345 678', 'ES')),
      ukNumberInRomanianFile: linked(normalizePhone('+44 7912 345678', 'RO')),
      romanianNumberFromUs: linked(normalizePhone('011 40 740 123 456', 'US')),
    }).toEqual({
      london: ['phone:GB:+442079460018'],
      romanian: ['phone:RO:+40740123456'],
      romanianWithoutTrunkZero: ['phone:RO:+40740123456'],
      spanish: ['phone:ES:+34612345678'],
      spanishFrom00: ['phone:ES:+34612345678'],
      ukNumberInRomanianFile: ['phone:GB:+447912345678'],
      romanianNumberFromUs: ['phone:RO:+40740123456'],
    });
  });

  it('keep the number and its extension however the extension is written, linking on the number alone', () => {
    const leeds = { kind: 'phone', key: '+441134960104', display: '+44 113 496 0104', country: 'GB' };
    const written = [
      '0113 496 0104 (ext 14)',
      '(0113) 496 0104 (ext 14)',
      '0113 496 0104 x14',
      '0113 496 0104 ext. 14',
      '0113 496 0104 #14',
      '0113 496 0104 ext14',
      '0113 496 0104 extn 14',
      '0113 496 0104 int. 14',
      '0113 496 0104 Ext: 14',
      '+44 113 496 0104 (x14)',
    ];
    expect(table(written, (raw) => normalizePhone(raw, 'GB'))).toEqual(
      Object.fromEntries(written.map((raw) => [raw, ['phone:GB:+441134960104']])),
    );
    expect({
      x: normalizePhone('020 7946 0018 x123', 'GB'),
      ext: normalizePhone('0113 496 0104 (ext 14)', 'GB'),
      none: normalizePhone('0113 496 0104', 'GB'),
    }).toEqual({
      x: {
        ok: true,
        values: [{ kind: 'phone', key: '+442079460018', display: '+44 20 7946 0018', country: 'GB', extension: '123' }],
        notes: [],
      },
      ext: { ok: true, values: [{ ...leeds, extension: '14' }], notes: [] },
      none: { ok: true, values: [leeds], notes: [] },
    });
  });

  it('split an extension off only where a marker stands apart from a word', () => {
    expect({
      box: splitExtension('PO Box 14'),
      plain: splitExtension('0113 496 0104'),
      longExtension: splitExtension('0113 496 0104 x1234567'),
      hash: splitExtension('0113 496 0104#14'),
    }).toEqual({
      box: { main: 'PO Box 14', extension: null },
      plain: { main: '0113 496 0104', extension: null },
      longExtension: { main: '0113 496 0104 x1234567', extension: null },
      hash: { main: '0113 496 0104', extension: '14' },
    });
  });

  it("read a number written in full without its '+', as call data write them, only where no national reading fits", () => {
    // A Romanian mobile in a British operator's call data: country code first, no "+" or "00".
    expect(normalizePhone('40722000418', 'GB')).toEqual({
      ok: true,
      values: [{ kind: 'phone', key: '+40722000418', country: 'RO', display: '+40 722 000 418' }],
      notes: ['not a valid GB number; read as an international number written without its "+"'],
    });
    // The file's own country's number written so was read before, and still is, without a note.
    expect(normalizePhone('442079460881', 'GB')).toMatchObject({
      ok: true,
      values: [{ key: '+442079460881' }],
      notes: [],
    });
    // A national number is never read abroad: a British mobile without its 0 stays British.
    expect(linked(normalizePhone('7912345678', 'GB'))).toEqual(['phone:GB:+447912345678']);
    // Digits that are no number anywhere stay rejected.
    expect(normalizePhone('99912345678901', 'GB').ok).toBe(false);
  });

  it('link numbers of a possible length outside the allocated ranges, saying so', () => {
    expect(normalizePhone('07700 900123', 'GB')).toEqual({
      ok: true,
      values: [{ kind: 'phone', key: '+447700900123', country: 'GB', display: '+44 7700 900123' }],
      notes: ['not in an allocated number range; linked as written'],
    });
  });

  it('reject short codes, placeholders and impossible numbers with the reason', () => {
    expect(table(['999', '116 000', 'n/a', 'unknown', '+44 12', ''], (raw) => normalizePhone(raw, 'GB'))).toEqual({
      '999': '✗ "999" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)',
      '116 000':
        '✗ "116 000" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)',
      'n/a': '✗ "n/a" holds no digits',
      unknown: '✗ "unknown" is not a phone number',
      '+44 12': '✗ "+44 12" is not a valid phone number (read as international)',
      '': '✗ empty',
    });
  });

  it('in one cell are all linked, whatever separates them', () => {
    const both = ['phone:GB:+447912345678', 'phone:GB:+442079460018'];
    expect(
      table(
        [
          '07912 345678 / 020 7946 0018',
          '07912 345678; 020 7946 0018',
          '07912 345678 or 020 7946 0018',
          '07912 345678\n020 7946 0018',
          '+447912345678, +442079460018',
        ],
        (raw) => normalizePhones(raw, 'GB'),
      ),
    ).toEqual({
      '07912 345678 / 020 7946 0018': both,
      '07912 345678; 020 7946 0018': both,
      '07912 345678 or 020 7946 0018': both,
      '07912 345678\n020 7946 0018': both,
      '+447912345678, +442079460018': both,
    });
  });

  it('in one cell separated by a comma are both linked', () => {
    expect(linked(normalizePhones('07912 345678, 020 7946 0018', 'GB'))).toEqual([
      'phone:GB:+447912345678',
      'phone:GB:+442079460018',
    ]);
  });

  it('in one cell: the usable ones link and the others become notes; none usable is a rejection', () => {
    expect({
      some: normalizePhones('07912 345678 / 999', 'GB'),
      none: normalizePhones('999 / 112', 'GB'),
      placeholder: normalizePhones('n/a', 'GB'),
    }).toEqual({
      some: {
        ok: true,
        values: [{ kind: 'phone', key: '+447912345678', display: '+44 7912 345678', country: 'GB' }],
        notes: ['"999" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)'],
      },
      none: {
        ok: false,
        reason:
          '"999" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked); ' +
          '"112" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)',
      },
      placeholder: { ok: false, reason: '"n/a" is not a phone number' },
    });
  });
});

describe('e-mail addresses and handles', () => {
  it('fold e-mail case and drop mailto: and angle brackets', () => {
    expect(
      table(
        [
          'Ana.Pop@Example.ORG',
          'mailto:Ana.Pop@example.org',
          '<ana.pop@example.org>',
          ' ana.pop@example.org ',
          'ana@example',
          'ana at example.org',
        ],
        normalizeEmail,
      ),
    ).toEqual({
      'Ana.Pop@Example.ORG': ['email:ana.pop@example.org'],
      'mailto:Ana.Pop@example.org': ['email:ana.pop@example.org'],
      '<ana.pop@example.org>': ['email:ana.pop@example.org'],
      ' ana.pop@example.org ': ['email:ana.pop@example.org'],
      'ana@example': '✗ "ana@example" is not an e-mail address',
      'ana at example.org': '✗ "ana at example.org" is not an e-mail address',
    });
  });

  it('take the platform from a prefix in the cell, a profile URL, or the column', () => {
    expect({
      ...table(
        [
          'IG: @Ion.Recruit',
          'TikTok @dana_x',
          'SC dana.x',
          'Telegram - ionrec',
          'wa: @ion.r',
          'https://www.instagram.com/ion.recruit/',
          'instagram.com/ion.recruit',
          't.me/ionrec',
          'facebook.com/ion.pop?ref=share',
          'snapchat.com/add/dana.x',
          'x.com/ion',
          '@ion.recruit',
          '@a',
          'hello world',
        ],
        (raw) => normalizeHandle(raw),
      ),
      'column says Instagram': linked(normalizeHandle('@ion.recruit', 'instagram')),
    }).toEqual({
      'IG: @Ion.Recruit': ['handle:instagram:ion.recruit'],
      'TikTok @dana_x': ['handle:tiktok:dana_x'],
      'SC dana.x': ['handle:snapchat:dana.x'],
      'Telegram - ionrec': ['handle:telegram:ionrec'],
      'wa: @ion.r': ['handle:whatsapp:ion.r'],
      'https://www.instagram.com/ion.recruit/': ['handle:instagram:ion.recruit'],
      'instagram.com/ion.recruit': ['handle:instagram:ion.recruit'],
      't.me/ionrec': ['handle:telegram:ionrec'],
      'facebook.com/ion.pop?ref=share': ['handle:facebook:ion.pop'],
      'snapchat.com/add/dana.x': ['handle:snapchat:dana.x'],
      'x.com/ion': ['handle:x:ion'],
      '@ion.recruit': ['handle:unknown:ion.recruit'],
      '@a': '✗ "@a" is not a handle',
      'hello world': '✗ "hello world" is not a handle',
      'column says Instagram': ['handle:instagram:ion.recruit'],
    });
  });

  it('read a TikTok profile URL', () => {
    expect(table(['https://www.tiktok.com/@dana_x', 'tiktok.com/@dana_x'], (raw) => normalizeHandle(raw))).toEqual({
      'https://www.tiktok.com/@dana_x': ['handle:tiktok:dana_x'],
      'tiktok.com/@dana_x': ['handle:tiktok:dana_x'],
    });
  });
});

describe('accounts', () => {
  it('link an IBAN written with spaces, dashes or in lower case, and reject a bad checksum', () => {
    expect({
      ...table(
        [
          'GB82 WEST 1234 5698 7654 32',
          'gb82west12345698765432',
          'GB82-WEST-1234-5698-7654-32',
          'RO49 AAAA 1B31 0075 9384 0000',
          'GB82WEST12345698765431',
          'x',
        ],
        normalizeIban,
      ),
      display: normalizeIban('es9121000418450200051332'),
    }).toEqual({
      'GB82 WEST 1234 5698 7654 32': ['account:iban:GB82WEST12345698765432'],
      gb82west12345698765432: ['account:iban:GB82WEST12345698765432'],
      'GB82-WEST-1234-5698-7654-32': ['account:iban:GB82WEST12345698765432'],
      'RO49 AAAA 1B31 0075 9384 0000': ['account:iban:RO49AAAA1B31007593840000'],
      GB82WEST12345698765431: '✗ "GB82WEST12345698765431" is not a valid IBAN (checksum or length)',
      x: '✗ "x" is not a valid IBAN (checksum or length)',
      display: {
        ok: true,
        values: [
          {
            kind: 'account',
            subkind: 'iban',
            key: 'ES9121000418450200051332',
            display: 'ES91 2100 0418 4502 0005 1332',
          },
        ],
        notes: [],
      },
    });
  });

  it('link a bank account with its sort code, restoring the leading zeros of a GB account', () => {
    expect({
      dashes: linked(normalizeBankAccount('31926819', '20-00-00', 'GB')),
      sevenDigits: linked(normalizeBankAccount('1926819', '200000', 'GB')),
      us: linked(normalizeBankAccount('12345678', '021000021', 'US')),
      shortAccount: linked(normalizeBankAccount('12345', '200000', 'GB')),
      badSortCode: linked(normalizeBankAccount('31926819', '2000', 'GB')),
      noCode: linked(normalizeBankAccount('31926819', '', 'RO')),
    }).toEqual({
      dashes: ['account:bank:GB:200000:31926819'],
      sevenDigits: ['account:bank:GB:200000:01926819'],
      us: ['account:bank:US:021000021:12345678'],
      shortAccount: '✗ "12345" is not an account number',
      badSortCode: '✗ "2000" is not a sort code',
      noCode: '✗ an account number needs its sort code or routing number',
    });
  });

  it('keep a full card number only as its masked form and a keyed hash', () => {
    const pan = '4111111111111111';
    const spaced = normalizeCard('4111 1111 1111 1111', cardHash);
    expect({ spaced, dashed: normalizeCard('4111-1111-1111-1111', cardHash) }).toEqual({
      spaced: {
        ok: true,
        values: [{ kind: 'account', subkind: 'card', key: cardHash(pan), display: '411111******1111' }],
        notes: [],
      },
      dashed: spaced,
    });
    expect(JSON.stringify(spaced)).not.toContain(pan);
  });

  it('link masked cards by their masked form, whatever masks the middle', () => {
    expect(
      table(['411111******1111', '4111 11XX XXXX 1111', '4111 **** **** 1111', '1234'], (raw) =>
        normalizeCard(raw, cardHash),
      ),
    ).toEqual({
      '411111******1111': ['account:card-masked:411111******1111'],
      '4111 11XX XXXX 1111': ['account:card-masked:411111******1111'],
      '4111 **** **** 1111': ['account:card-masked:4111********1111'],
      '1234': '✗ "1234" is not a card number',
    });
  });

  it('reject a card number that fails the Luhn check without repeating the number', () => {
    const result = normalizeCard('4111 1111 1111 1112', cardHash);
    expect(result).toEqual({ ok: false, reason: '"411111******1112" fails the card checksum (Luhn)' });
    expect(JSON.stringify(result)).not.toContain('4111111111111112');
  });

  it('link Bitcoin and Ethereum addresses, folding case only where the format allows', () => {
    expect(
      table(
        [
          '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
          '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
          'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
          'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ',
          'bc1QAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
          '0x52908400098527886E0F7030069857D2E4169EE7',
          '0xabc',
        ],
        normalizeCrypto,
      ),
    ).toEqual({
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa': ['account:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy': ['account:btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'],
      bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq: ['account:btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
      BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ: ['account:btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
      bc1QAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq:
        '✗ "bc1QAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq" is not a Bitcoin or Ethereum address',
      '0x52908400098527886E0F7030069857D2E4169EE7': ['account:eth:0x52908400098527886e0f7030069857d2e4169ee7'],
      '0xabc': '✗ "0xabc" is not a Bitcoin or Ethereum address',
    });
  });

  it('link payment-app ids from links, "App: id" and "app - id" forms', () => {
    expect({
      ...table(
        [
          'revolut.me/Anna99',
          'https://revolut.me/@anna99/',
          'Revolut @anna99',
          'PayPal: a@b.org',
          'paypal - a@b.org',
          'paypal.me/AnnaP',
          'Wise: anna 99',
        ],
        (raw) => normalizePaymentApp(raw),
      ),
      'provider from the column': linked(normalizePaymentApp('@Anna99', 'Revolut')),
    }).toEqual({
      'revolut.me/Anna99': ['account:payment:revolut:anna99'],
      'https://revolut.me/@anna99/': ['account:payment:revolut:anna99'],
      'Revolut @anna99': ['account:payment:revolut:anna99'],
      'PayPal: a@b.org': ['account:payment:paypal:a@b.org'],
      'paypal - a@b.org': ['account:payment:paypal:a@b.org'],
      'paypal.me/AnnaP': ['account:payment:paypal:annap'],
      'Wise: anna 99': '✗ "Wise: anna 99" is not a payment-app id',
      'provider from the column': ['account:payment:revolut:anna99'],
    });
  });
});

describe('documents and vehicles', () => {
  it('link document numbers by type and issuing country, whatever the punctuation', () => {
    expect({
      passport: normalizeDocument('ab 123.456-7', 'passport', 'gb'),
      noType: linked(normalizeDocument('RX123456', '', 'RO')),
      national: linked(normalizeDocument('A1234567', 'national id', 'ES')),
      romanianCard: linked(normalizeDocument('seria MZ nr. 592593', 'C.I.', 'ROU')),
      sameCard: linked(normalizeDocument('MZ592593', 'ID', 'RO')),
      tooShort: linked(normalizeDocument('123', 'ID', 'RO')),
    }).toEqual({
      passport: {
        ok: true,
        values: [
          { kind: 'document', subkind: 'PASSPORT', country: 'GB', key: 'AB1234567', display: 'GB passport AB1234567' },
        ],
        notes: [],
      },
      noType: ['document:ID_CARD:RO:RX123456'],
      national: ['document:ID_CARD:ES:A1234567'],
      romanianCard: ['document:ID_CARD:RO:MZ592593'],
      sameCard: ['document:ID_CARD:RO:MZ592593'],
      tooShort: '✗ "123" is not a document number',
    });
  });

  it('link number plates without spaces or dashes, shown as written', () => {
    expect({
      gb: normalizeVehicle('ab12 cde', 'GB'),
      ro: linked(normalizeVehicle('B-123-ABC', 'ro')),
      es: linked(normalizeVehicle('1234 BCD', 'ES')),
      bad: linked(normalizeVehicle('x', 'GB')),
    }).toEqual({
      gb: { ok: true, values: [{ kind: 'vehicle', country: 'GB', key: 'AB12CDE', display: 'GB AB12 CDE' }], notes: [] },
      ro: ['vehicle:RO:B123ABC'],
      es: ['vehicle:ES:1234BCD'],
      bad: '✗ "x" is not a number plate',
    });
  });
});

describe('addresses', () => {
  it('meet however a GB address is written: case, punctuation, St/Rd, Apt/Unit/Flat, postcode anywhere, town left out', () => {
    const variants = [
      'Flat 3, 12 High Street, London SW1A 1AA',
      '12 HIGH ST., FLAT 3, SW1A1AA',
      'sw1a 1aa, 12 high street flat 3 london',
      'Apt 3, 12 High Street, London, SW1A 1AA, United Kingdom',
      'Unit 3 12 High St SW1A 1AA',
      '3/12 High Street, London SW1A 1AA',
      '12 High Street (Flat 3), SW1A 1AA',
    ];
    expect(Object.fromEntries(variants.map((v) => [v, addressKey(v, 'GB')]))).toEqual(
      Object.fromEntries(variants.map((v) => [v, 'GB|SW1A1AA|flat 3|12 high street'])),
    );
    expect(
      ['57 Meadow Cres', '57 MEADOW CRESC.', '57 Meadow Crescent'].map((v) =>
        addressKey(`${v}, LONDON SE14 7TL`, 'GB'),
      ),
    ).toEqual(Array(3).fill('GB|SE147TL||57 crescent meadow'));
    expect([addressKey('12 Mill Rd, Cambridge CB1 2AD', 'GB'), addressKey('12 Mill Road CB1 2AD', 'GB')]).toEqual([
      'GB|CB12AD||12 mill road',
      'GB|CB12AD||12 mill road',
    ]);
  });

  it('meet however a Romanian address is written: Str./Strada, Bl./bloc, Ap./apartament, diacritics', () => {
    const variants = [
      'Str. Mihai Eminescu nr. 5, bl. A2, ap. 14, Iași 700123',
      'Strada Mihai Eminescu 5, Bl. A2, Ap. 14, 700123',
      'strada mihai eminescu 5 bloc a2 apartament 14 iasi 700123 romania',
      'STR. MIHAI EMINESCU NR 5, BLOC A2, AP 14, 700123 IAȘI',
    ];
    expect(Object.fromEntries(variants.map((v) => [v, addressKey(v, 'RO')]))).toEqual(
      Object.fromEntries(variants.map((v) => [v, 'RO|700123|flat 14|5 a2 block eminescu mihai street'])),
    );
    expect(addressKey('Şoseaua Ştefan cel Mare 10', 'RO')).toBe(addressKey('Șoseaua Ștefan cel Mare 10', 'RO'));
  });

  it('meet however a Spanish address is written: C/ and Calle, Avda. and Avenida, piso', () => {
    expect({
      calle: [addressKey('C/ Mayor 7, piso 2, 28013 Madrid', 'ES'), addressKey('Calle Mayor 7 piso 2 28013', 'ES')],
      avenida: [
        addressKey('Avda. de la Constitución 3, 41001 Sevilla', 'ES'),
        addressKey('Avenida de la Constitucion 3, 41001', 'ES'),
      ],
    }).toEqual({
      calle: ['ES|28013|flat 2|7 mayor street', 'ES|28013|flat 2|7 mayor street'],
      avenida: ['ES|41001||3 avenue constitucion', 'ES|41001||3 avenue constitucion'],
    });
  });

  it('keep apart different flats, streets and countries, and reject what is too short', () => {
    expect({
      flat3: addressKey('Flat 3, 12 High Street SW1A 1AA', 'GB'),
      flat4: addressKey('Flat 4, 12 High Street SW1A 1AA', 'GB'),
      withoutPostcode: addressKey('12 High Street, London', 'GB'),
      townFirst: addressKey('London, High Street 12', 'GB'),
      elsewhere: addressKey('12 High Street, London', 'IE'),
      tooShort: addressKey('abc', 'GB'),
      punctuationOnly: addressKey('....', 'GB'),
    }).toEqual({
      flat3: 'GB|SW1A1AA|flat 3|12 high street',
      flat4: 'GB|SW1A1AA|flat 4|12 high street',
      withoutPostcode: 'GB|||12 high london street',
      townFirst: 'GB|||12 high london street',
      elsewhere: 'IE|||12 high london street',
      tooShort: null,
      punctuationOnly: null,
    });
    expect([normalizeAddress('  12   High  Street ,London ', 'GB'), normalizeAddress('ab', 'GB')]).toEqual([
      {
        ok: true,
        values: [{ kind: 'address', key: 'GB|||12 high london street', display: '12 High Street ,London' }],
        notes: [],
      },
      { ok: false, reason: '"ab" is too short to be an address' },
    ]);
  });

  it('key an Australian postcode, from its own column or after the town, so a misspelt suburb still meets', () => {
    expect({
      // As an import writes an address from its columns: flat, street, suburb, postcode.
      columns: addressKey('Flat 4, 12 Smith Street, Kingston, 2905', 'AU'),
      suburbMisspelt: addressKey('Flat 4, 12 Smith Street, Kingstn, 2905', 'AU'),
      afterTown: addressKey('Unit 4, 12 Smith St, Kingston ACT 2905', 'AU'),
      abroad: addressKey('12 Smith Street, Kingston ACT 2905, Australia', 'GB'),
    }).toEqual({
      columns: 'AU|2905|flat 4|12 smith street',
      suburbMisspelt: 'AU|2905|flat 4|12 smith street',
      afterTown: 'AU|2905|flat 4|12 smith street',
      abroad: 'AU|2905||12 smith street',
    });
  });

  it("read each country's postcode as that country writes it, and only where it is expected", () => {
    const addresses: [string, string][] = [
      ['Hauptstraße 12, A-1010 Wien', 'AT'],
      ['Rue de la Loi 16, 1000 Bruxelles', 'BE'],
      ['ul. Vitosha 15, 1000 Sofia', 'BG'],
      ['Bahnhofstrasse 1, CH-8001 Zürich', 'CH'],
      ['Nørregade 10, 1165 København K', 'DK'],
      ['Andrássy út 10, 1061 Budapest', 'HU'],
      ['Karl Johans gate 22, 0159 Oslo', 'NO'],
      ['12 rue de Hollerich, L-1740 Luxembourg', 'LU'],
      ['str. Ștefan cel Mare 1, MD-2001, Chișinău', 'MD'],
      ['Damrak 1, 1012 LM Amsterdam', 'NL'],
      ['ul. Marszałkowska 1, 00-950 Warszawa', 'PL'],
      ['Rua Augusta 10, 1100-053 Lisboa', 'PT'],
      ['Hauptstraße 12, 10115 Berlin', 'DE'],
      ['Via Roma 1, 00184 Roma', 'IT'],
      ['вул. Хрещатик 1, 01001 Київ', 'UA'],
      // Four digits are no Romanian postcode (six are).
      ['Strada Mihai Eminescu 5, 1234', 'RO'],
    ];
    expect(Object.fromEntries(addresses.map(([a, c]) => [a, addressKey(a, c)?.split('|')[1]]))).toEqual({
      'Hauptstraße 12, A-1010 Wien': '1010',
      'Rue de la Loi 16, 1000 Bruxelles': '1000',
      'ul. Vitosha 15, 1000 Sofia': '1000',
      'Bahnhofstrasse 1, CH-8001 Zürich': '8001',
      'Nørregade 10, 1165 København K': '1165',
      'Andrássy út 10, 1061 Budapest': '1061',
      'Karl Johans gate 22, 0159 Oslo': '0159',
      '12 rue de Hollerich, L-1740 Luxembourg': '1740',
      'str. Ștefan cel Mare 1, MD-2001, Chișinău': '2001',
      'Damrak 1, 1012 LM Amsterdam': '1012LM',
      'ul. Marszałkowska 1, 00-950 Warszawa': '00950',
      'Rua Augusta 10, 1100-053 Lisboa': '1100053',
      'Hauptstraße 12, 10115 Berlin': '10115',
      'Via Roma 1, 00184 Roma': '00184',
      'вул. Хрещатик 1, 01001 Київ': '01001',
      'Strada Mihai Eminescu 5, 1234': '',
    });
  });

  it('keep a house number as a house number, even with as many digits as a postcode', () => {
    expect({
      australian: addressKey('Unit 4, 1234 Long Road, Kingston ACT 2905', 'AU'),
      noPostcode: addressKey('1234 Long Road, Kingston', 'AU'),
      austrian: addressKey('Hauptstraße 1234, Wien', 'AT'),
      american: addressKey('12345 Main St, Springfield IL 62704', 'US'),
    }).toEqual({
      australian: 'AU|2905|flat 4|1234 long road',
      noPostcode: 'AU|||1234 kingston long road',
      austrian: 'AT|||1234 hauptstraße wien',
      american: 'US|62704||12345 main street',
    });
  });

  it('keep apart "St Mary\'s Road" and "St Peter\'s Road" at the same number and postcode', () => {
    expect(addressKey("12 St Mary's Road, SW1A 1AA", 'GB')).not.toBe(addressKey("12 St Peter's Road, SW1A 1AA", 'GB'));
  });
});

// ---------------------------------------------------------------- properties

const digits = (min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Valid national numbers: GB mobiles (07[1-3]…) and London, RO mobiles, ES mobiles. */
const nationalNumber = fc.oneof(
  fc.tuple(fc.constant('GB'), fc.constantFrom('071', '072', '073'), digits(8)).map(([c, p, d]) => [c, p + d] as const),
  fc
    .tuple(fc.constant('GB'), fc.constantFrom('0203', '0207', '0208'), digits(7))
    .map(([c, p, d]) => [c, p + d] as const),
  fc.tuple(fc.constant('RO'), fc.constantFrom('072', '074', '076'), digits(7)).map(([c, p, d]) => [c, p + d] as const),
  fc.tuple(fc.constant('ES'), fc.constant('6'), digits(8)).map(([c, p, d]) => [c, p + d] as const),
);

const separator = fc.constantFrom('', '', '', ' ', '.', '-', ' - ');

/** A GB mobile as a person might type it, with the E.164 it stands for. */
const writtenGbMobile = fc
  .tuple(
    fc.constantFrom('1', '2', '3'),
    digits(8),
    fc.array(separator, { minLength: 10, maxLength: 10 }),
    fc.constantFrom('national', 'brackets', '+44', '+44 (0)', '0044'),
  )
  .map(([third, rest, seps, prefix]) => {
    const national = `7${third}${rest}`;
    const spaced = [...national].map((d, i) => d + (seps[i] ?? '')).join('');
    const written = {
      national: `0${spaced}`,
      brackets: `(0${national.slice(0, 4)}) ${national.slice(4)}`,
      '+44': `+44 ${spaced}`,
      '+44 (0)': `+44 (0)${spaced}`,
      '0044': `0044${seps[9] ?? ''}${spaced}`,
    }[prefix];
    return { written, e164: `+44${national}` };
  });

const graded = (result: Normalized) => (result.ok || result.reason.length > 0 ? 'ok or reason' : 'silent rejection');

describe('normalisation properties', () => {
  it('a normalised phone number normalises to itself, from its key or its display', () => {
    fc.assert(
      fc.property(nationalNumber, ([country, national]) => {
        const first = normalizePhone(national, country);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const [value] = first.values;
        const again = [normalizePhone(value?.key ?? '', country), normalizePhone(value?.display ?? '', 'RO')];
        expect(again.map(linked)).toEqual([[canonicalOf(value!)], [canonicalOf(value!)]]);
      }),
      { numRuns: 300 },
    );
  });

  it('a GB mobile written with any spaces, dots, dashes, brackets or prefix gives one E.164', () => {
    fc.assert(
      fc.property(writtenGbMobile, ({ written, e164 }) => {
        const result = normalizePhone(written, 'GB');
        expect(result.ok ? result.values.map((v) => v.key) : result.reason).toEqual([e164]);
      }),
      { numRuns: 300 },
    );
  });

  it('an address key does not change with case, extra spaces and punctuation, or diacritics', () => {
    const accents: Record<string, string[]> = {
      a: ['a', 'ă', 'â', 'á'],
      e: ['e', 'é', 'ê'],
      i: ['i', 'î', 'í'],
      n: ['n', 'ñ'],
      o: ['o', 'ó'],
      s: ['s', 'ș', 'ş'],
      t: ['t', 'ț', 'ţ'],
      u: ['u', 'ú', 'ü'],
    };
    const bases: [string, string][] = [
      ['Flat 3, 12 High Street, London SW1A 1AA', 'GB'],
      ['12 Mill Road Cambridge CB1 2AD', 'GB'],
      ['Strada Mihai Eminescu 5, bl. A2, ap. 14, Iasi 700123', 'RO'],
      ['Calle Mayor 7, piso 2, 28013 Madrid', 'ES'],
      ['Avenida de la Constitucion 3, 41001 Sevilla', 'ES'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.infiniteStream(fc.boolean()),
        fc.infiniteStream(fc.nat(3)),
        fc.infiniteStream(fc.constantFrom(' ', '  ', ', ', ' . ', '; ', '\t', ' ,, ')),
        ([address, country], upper, accent, gap) => {
          const varied = [...address]
            .map((ch) => {
              if (ch === ' ') return gap.next().value;
              const options = accents[ch.toLowerCase()];
              const marked = options ? (options[accent.next().value % options.length] as string) : ch;
              return upper.next().value ? marked.toUpperCase() : marked.toLowerCase();
            })
            .join('');
          expect(addressKey(`  ${varied} `, country)).toBe(addressKey(address, country));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a normalised e-mail address normalises to itself, and case, mailto: and brackets do not matter', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.constantFrom('', 'mailto:', 'MAILTO:'),
        fc.boolean(),
        fc.boolean(),
        (email, scheme, brackets, upper) => {
          const written = `${scheme}${brackets ? `<${email}>` : email}`;
          const first = normalizeEmail(upper ? written.toUpperCase() : written);
          const again = first.ok ? normalizeEmail(first.values[0]?.key ?? '') : first;
          expect([linked(first), linked(again)]).toEqual([
            [`email:${email.toLowerCase()}`],
            [`email:${email.toLowerCase()}`],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an IBAN gives the same key with spaces every four characters, in lower or mixed case', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          digits(18).map((bban) => composeIBAN({ countryCode: 'DE', bban })),
          digits(14).map((bban) => composeIBAN({ countryCode: 'GB', bban: `WEST${bban}` })),
          digits(16).map((bban) => composeIBAN({ countryCode: 'RO', bban: `BTRL${bban}` })),
        ),
        fc.infiniteStream(fc.boolean()),
        (iban, upper) => {
          const compact = iban ?? '';
          const grouped = compact.replace(/(.{4})/g, '$1 ').trim();
          const mixed = [...grouped].map((ch) => (upper.next().value ? ch.toUpperCase() : ch.toLowerCase())).join('');
          expect([compact, grouped, grouped.toLowerCase(), mixed].map((v) => linked(normalizeIban(v)))).toEqual(
            Array(4).fill([`account:iban:${compact}`]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a card display never shows more than 10 digits, and the key is never the number', () => {
    const luhnComplete = (body: string) => {
      for (let check = 0; check <= 9; check++) {
        const pan = `${body}${check}`;
        let sum = 0;
        [...pan].reverse().forEach((ch, i) => {
          const d = Number(ch) * (i % 2 ? 2 : 1);
          sum += d > 9 ? d - 9 : d;
        });
        if (sum % 10 === 0) return pan;
      }
      return body;
    };
    fc.assert(
      fc.property(
        fc.oneof(digits(11, 18).map(luhnComplete), digits(12, 19), fc.stringMatching(/^\d{4,6}[*xX]{4,9}\d{4}$/)),
        fc.constantFrom('', ' ', '-'),
        (card, sep) => {
          const result = normalizeCard(card.replace(/(.{4})(?=.)/g, `$1${sep}`), cardHash);
          if (!result.ok) return;
          const [value] = result.values;
          expect(value?.display.replace(/\D/g, '').length).toBeLessThanOrEqual(10);
          if (value?.subkind === 'card') expect(value.key).not.toContain(card);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no normaliser throws on arbitrary text: each answers with values or a reason', () => {
    const normalizers: ((raw: string) => Normalized)[] = [
      (raw) => normalizePhone(raw, 'GB'),
      (raw) => normalizePhones(raw, 'RO'),
      normalizeEmail,
      (raw) => normalizeHandle(raw),
      normalizeIban,
      (raw) => normalizeCard(raw, cardHash),
      normalizeCrypto,
      (raw) => normalizePaymentApp(raw),
      (raw) => normalizeDocument(raw, raw, raw),
      (raw) => normalizeVehicle(raw, 'ES'),
      (raw) => normalizeAddress(raw, 'GB'),
      (raw) => normalizeBankAccount(raw, raw, 'GB'),
    ];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789 +-()./@:xX*#abcIGsT\n;,ășñ'), maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (raw) => {
        expect(normalizers.map((normalize) => graded(normalize(raw)))).toEqual(
          Array(normalizers.length).fill('ok or reason'),
        );
      }),
      { numRuns: 400 },
    );
  });
});
