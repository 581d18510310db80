import { describe, expect, it } from 'vitest';
import { KINDS, rates, score, SNIPPETS, splitOf } from '../../bench/freetext/score';
import { identifiersInText } from '../../main/core/freeText';
import { canonicalOf } from '../../main/core/identifiers';

/** What a text links on, as canonical names ("phone:GB:+44…", "email:…"), with any extension. */
function linked(text: string, country = 'GB'): string[] {
  return identifiersInText(text, country).identifiers.map(
    (i) => `${canonicalOf(i)}${i.extension ? ` ext ${i.extension}` : ''}`,
  );
}

describe('free text never turns a number that is not written as a phone into one', () => {
  it('leaves a passport number, an amount and a case number alone (the three cases of issue 8)', () => {
    expect({
      passport: linked('passport 533401234'),
      amount: linked('Owed 1 250 000 lei to the controller'),
      caseNumber: linked('Case 4401-2233-1190'),
      besideAPhoneWord: linked('Phone seized; passport 533401234, 1 250 000 lei in cash, Case 4401-2233-1190'),
    }).toEqual({ passport: [], amount: [], caseNumber: [], besideAPhoneWord: [] });
  });

  it('does not link two records through the same amount or document number in their notes', () => {
    const a = linked('Paid 1 250 000 lei; passport 533401234 kept by the employer.');
    const b = linked('Debt of 1 250 000 lei; passport 533401234.');
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });

  it('reads a number as a phone when a phone word stands beside it, or it is international, and it is valid', () => {
    expect({
      word: linked('Worker mobile: 07911 123456, paid £3,400'),
      after: linked('Die Vermieterin ist unter 089 1234567 erreichbar.', 'DE'),
      international: linked('Texted from +40 740 123 456 at 23:10'),
      doubleZero: linked('sister phoned from 0044 7911 123456'),
      romanian: linked('a sunat de pe numărul 0740 123 456', 'RO'),
      russian: linked('Тел. 8 (916) 123-45-67, спросить Олега', 'RU'),
      list: linked('Two phones seized: 07911 123456 and 020 7946 0321'),
      notValid: linked('Tel 0533 401234'),
      noTrunkPrefix: linked('telefon 740 123 456', 'RO'),
      noWord: linked('Transaction 07911123456 on the receipt'),
    }).toEqual({
      word: ['phone:GG:+447911123456'],
      after: ['phone:DE:+49891234567'],
      international: ['phone:RO:+40740123456'],
      doubleZero: ['phone:GG:+447911123456'],
      romanian: ['phone:RO:+40740123456'],
      russian: ['phone:RU:+79161234567'],
      list: ['phone:GG:+447911123456', 'phone:GB:+442079460321'],
      notValid: [],
      noTrunkPrefix: [],
      noWord: [],
    });
  });

  it('keeps the extension written after a phone, linking on the number alone', () => {
    expect([
      linked('Employer tel 0113 496 0104 (ext 14)'),
      linked('Tel 0113 496 0104 x14'),
      linked('Tel 0113 496 0104 #14 is reception'),
    ]).toEqual([
      ['phone:GB:+441134960104 ext 14'],
      ['phone:GB:+441134960104 ext 14'],
      ['phone:GB:+441134960104 ext 14'],
    ]);
  });

  it('counts the numbers Ofcom keeps for drama as phones, and no other unallocated range', () => {
    expect({
      mobile: linked('mob 07700 900461'),
      landline: linked('tel 01632 960123'),
      unallocated: linked('tel 01632 123456'),
    }).toEqual({ mobile: ['phone:GB:+447700900461'], landline: ['phone:GB:+441632960123'], unallocated: [] });
  });
});

describe('free text reads e-mails, handles and IBANs precisely', () => {
  it('reads e-mails whole, not a doubled @ or a domain without a top-level name', () => {
    expect({
      plain: linked('Offer e-mailed from Recruit.EU@mailbox.example.com.'),
      doubled: linked('contact@@exemple.fr'),
      noTld: linked('ana@localhost'),
    }).toEqual({ plain: ['email:recruit.eu@mailbox.example.com'], doubled: [], noTld: [] });
  });

  it('reads a handle after a platform word or in a profile link, not a word or an address part', () => {
    expect({
      at: linked('Telegram: @rent_rooms_ldn handled bookings'),
      filler: linked("Recruiter's Instagram is mira.travels.ro"),
      link: linked('see https://www.instagram.com/ion.recruit/ and t.me/ionrec'),
      word: linked('IG account unknown'),
      address: linked('Str. Lungă nr. 3, bl. A2, sc. B, ap. 14', 'RO'),
      notAProfile: linked('facebook.com/groups/123456'),
    }).toEqual({
      at: ['handle:telegram:rent_rooms_ldn'],
      filler: ['handle:instagram:mira.travels.ro'],
      link: ['handle:instagram:ion.recruit', 'handle:telegram:ionrec'],
      word: [],
      address: [],
      notAProfile: [],
    });
  });

  it('reads IBANs of the right length and checksum, and never reads their digits as a phone', () => {
    expect({
      grouped: linked('tel: transfer to GB29 NWBK 6016 1331 9268 19 on 02.05.2024'),
      lowerAfterWord: linked('IBAN gb50barc20040471523641'),
      badChecksum: linked('cont RO17 BTRL 0130 1205 M123 45XY', 'RO'),
      lowerWithoutWord: linked('ref gb50barc20040471523641'),
    }).toEqual({
      grouped: ['account:iban:GB29NWBK60161331926819'],
      lowerAfterWord: ['account:iban:GB50BARC20040471523641'],
      badChecksum: [],
      lowerWithoutWord: [],
    });
  });
});

describe('the labelled free-text set (bench/freetext/snippets.json)', () => {
  it('holds at least 200 snippets, half of them held out', () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(200);
    expect(SNIPPETS.filter((s) => splitOf(s) === 'held-out').length).toBeGreaterThanOrEqual(100);
  });

  it('invents no identifier of any kind, phones above all, and finds at least 95% of those written', () => {
    const result = score(SNIPPETS);
    expect({
      inventions: Object.fromEntries(KINDS.map((k) => [k, result[k].inventions])),
      recallAtLeast95: rates(result.all).recall >= 0.95,
    }).toEqual({
      inventions: { phone: [], email: [], handle: [], iban: [] },
      recallAtLeast95: true,
    });
  });
});
