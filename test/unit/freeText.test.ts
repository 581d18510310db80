import { describe, expect, it } from 'vitest';
import heldout2 from '../../bench/freetext/heldout2.json';
import independent from '../../bench/freetext/independent.json';
import { KINDS, rates, score, SNIPPETS, splitOf } from '../../bench/freetext/score';
import { identifiersInText } from '../../main/core/freeText';
import { canonicalOf, normalizePhone } from '../../main/core/identifiers';

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

  it('refuses a number in a range Ofcom keeps for drama, which a phone column also calls not valid', () => {
    const drama = ['07700 900461', '+44 1632 960123'];
    expect({
      freeText: drama.map((n) => linked(`mob ${n}`)),
      column: drama.map((n) => normalizePhone(n, 'GB')).map((r) => (r.ok ? r.notes : [r.reason])),
    }).toEqual({
      freeText: [[], []],
      column: [
        ['not in an allocated number range; linked as written'],
        ['not in an allocated number range; linked as written'],
      ],
    });
  });
});

describe('free text leaves a number labelled as another kind, or denied to be a phone, alone', () => {
  it('takes a label of another kind right before a number over a phone word standing further away', () => {
    expect({
      german: linked('Handy beschlagnahmt, Kundennummer 0151 2345678', 'DE'),
      germanWordAfter: linked('Bestellnummer 0176 5554433, Rückfragen per Telefon', 'DE'),
      english: linked('Phone company contract 07812 345678'),
      italian: linked('Cellulare sequestrato, ricevuta n. 347 123 4567', 'IT'),
      romanian: linked('Chitanța nr. 0744 987 321 – sunați pentru detalii', 'RO'),
      hungarian: linked('Telefon lefoglalva, ügyszám 06 30 123 4567', 'HU'),
      portuguese: linked('Tel. apreendido; fatura 912 345 678', 'PT'),
      stillAPhone: linked('Telefonnummer 0176 5554433, Bestellung folgt', 'DE'),
      messagingAccount: linked('WhatsApp account 07812 345678'),
    }).toEqual({
      german: [],
      germanWordAfter: [],
      english: [],
      italian: [],
      romanian: [],
      hungarian: [],
      portuguese: [],
      stillAPhone: ['phone:DE:+491765554433'],
      messagingAccount: ['phone:GB:+447812345678'],
    });
  });

  it('does not count a denied phone word ("keine Telefonnummer", "not a phone", "no es teléfono")', () => {
    expect({
      german: linked('0176 5554433 (keine Telefonnummer)', 'DE'),
      romanian: linked('Numărul 0744 987 321 nu este telefon, ci cod client', 'RO'),
      english: linked('It is 07812 345678 — not a phone, a locker code'),
      spanish: linked('el 612 345 987 no es teléfono sino un pedido', 'ES'),
      before: linked('not a phone number: 0113 496 0777'),
      otherThing: linked('Tel 07624 123 456 (3) Alcatel, no SIM'),
      abbreviation: linked('No. tel. 0744 987 321', 'RO'),
    }).toEqual({
      german: [],
      romanian: [],
      english: [],
      spanish: [],
      before: [],
      otherThing: ['phone:IM:+447624123456'],
      abbreviation: ['phone:RO:+40744987321'],
    });
  });
});

describe('free text reads no national number without a phone word, however much it looks like a mobile', () => {
  it('leaves valid national mobiles with no phone word unread, and still reads them beside one or in international form', () => {
    expect({
      english: linked('Met the driver, 07812 345678, outside the station'),
      invoice: linked('Rechnungsnummer 0170 1234567 (kein Telefon!)', 'DE'),
      italian: linked('La ragazza ha dato il 347 123 4567 alla polizia', 'IT'),
      spanish: linked('Apuntado en la pared: 612 345 987', 'ES'),
      twoBySlash: linked('Written on her arm: 07812 345678/07923 456789'),
      withWord: linked('Met the driver, mobile 07812 345678, outside the station'),
      international: linked('Met the driver, +44 7812 345678, outside the station'),
    }).toEqual({
      english: [],
      invoice: [],
      italian: [],
      spanish: [],
      twoBySlash: [],
      withWord: ['phone:GB:+447812345678'],
      international: ['phone:GB:+447812345678'],
    });
  });
});

describe('free text phone words in more languages', () => {
  it('reads phone words in Portuguese, Dutch and Hungarian, and callback and switchboard', () => {
    expect({
      portuguese: linked('ligou do 21 123 4567 ontem', 'PT'),
      dutch: linked('werd gebeld via 020 123 4567', 'NL'),
      hungarian: linked('a 06 1 234 5678 telefonszámról', 'HU'),
      callback: linked('CALLBACK NO 0113 496 0777'),
      switchboard: linked('switchboard 0113 496 0778'),
    }).toEqual({
      portuguese: ['phone:PT:+351211234567'],
      dutch: ['phone:NL:+31201234567'],
      hungarian: ['phone:HU:+3612345678'],
      callback: ['phone:GB:+441134960777'],
      switchboard: ['phone:GB:+441134960778'],
    });
  });
});

describe('free text reads the phone words of the agencies languages, and lists after one of them', () => {
  it('reads phone words in Polish, Albanian, French, Vietnamese, and fax, helpline, out-of-hours, "num"', () => {
    expect({
      polish: linked('Świadek podał numer 601 234 567 do kierowcy.', 'PL'),
      albanian: linked('Ajo foli me numrin 068 765 4321 dje.', 'AL'),
      french: linked('Il est joignable au 07 98 76 54 32 le soir.', 'FR'),
      frenchContacted: linked('Elle a été contactée au 06 87 65 43 21.', 'FR'),
      italian: linked('La proprietaria è reperibile al 06 1234 5678.', 'IT'),
      vietnamese: linked('Số điện thoại của chủ: 0987 654 321', 'VN'),
      vietnameseShort: linked('sđt 0912 876 543, gặp anh Tuấn', 'VN'),
      fax: linked('Fax 0113 496 0555 at the depot'),
      outOfHours: linked('Out of hours 07400 100777'),
      num: linked('her num is 07400 100778'),
    }).toEqual({
      polish: ['phone:PL:+48601234567'],
      albanian: ['phone:AL:+355687654321'],
      french: ['phone:FR:+33798765432'],
      frenchContacted: ['phone:FR:+33687654321'],
      italian: ['phone:IT:+390612345678'],
      vietnamese: ['phone:VN:+84987654321'],
      vietnameseShort: ['phone:VN:+84912876543'],
      fax: ['phone:GB:+441134960555'],
      outOfHours: ['phone:GB:+447400100777'],
      num: ['phone:GB:+447400100778'],
    });
  });

  it('reads every number of a list after one phone word: one per line, "then at", a contact list', () => {
    expect({
      lines: linked('Numerele găsite în agendă:\n- 0740 111 333\n- 0741 222 444', 'RO'),
      bullets: linked('Phones used:\n• 07400 100101\n• 07400 100102'),
      then: linked('Appelée au 06 11 22 33 44 puis au 07 55 66 77 88.', 'FR'),
      contacts: linked('Saved contacts: Sister (+40 740 123 456), Driver (07400 100222), Landlord (0113 496 0333)'),
      notAContact: linked('Phone: Ana (07400 100222), Ticket (07400 100333)'),
    }).toEqual({
      lines: ['phone:RO:+40740111333', 'phone:RO:+40741222444'],
      bullets: ['phone:GB:+447400100101', 'phone:GB:+447400100102'],
      then: ['phone:FR:+33611223344', 'phone:FR:+33755667788'],
      contacts: ['phone:RO:+40740123456', 'phone:GB:+447400100222', 'phone:GB:+441134960333'],
      notAContact: ['phone:GB:+447400100222'],
    });
  });

  it('does not take a number word for a phone word when the word after it says whose number it is', () => {
    expect({
      spanish: linked('Número de expediente 915556677 abierto en marzo.', 'ES'),
      french: linked('Numéro de dossier 0145678912 transmis.', 'FR'),
      italian: linked('numero di pratica 0612345678', 'IT'),
      polish: linked('numer sprawy 601234567', 'PL'),
      german: linked('Pass-Nr. 015112345678', 'DE'),
      stillAPhone: linked('número de la víctima 612 345 678', 'ES'),
    }).toEqual({
      spanish: [],
      french: [],
      italian: [],
      polish: [],
      german: [],
      stillAPhone: ['phone:ES:+34612345678'],
    });
  });
});

describe('free text reads e-mails, handles and IBANs precisely', () => {
  it('reads e-mails whole, not a doubled @ or a domain without a top-level name', () => {
    expect({
      plain: linked('Offer e-mailed from Recruit.EU@mailbox.example.com.'),
      doubled: linked('contact@@exemple.fr'),
      noTld: linked('ana@localhost'),
      nonAsciiLocal: linked('scrie la mulțumiri.ro@gmail.com', 'RO'),
    }).toEqual({ plain: ['email:recruit.eu@mailbox.example.com'], doubled: [], noTld: [], nonAsciiLocal: [] });
  });

  it('reads an address with "at" spelled out only where prose cannot be meant', () => {
    expect({
      bracketed: linked('Write to hr.office [at] fast-jobs [dot] eu for the form'),
      parens: linked('her contact: ana_m (at) inbox.lv'),
      webmail: linked('ad says apply to dan.k1990 at yahoo.com now'),
      afterEmailWord: linked('E-mail on the flyer: recruit at workabroad dot co dot uk'),
      prose: linked('She was seen at tesco.com and logged in at gmail.com'),
      spelledProse: linked('He works at acme dot com, as he says'),
      pronoun: linked('emailed him at workabroad dot co dot uk'),
      midSentence: linked('Emailed the boss at acme dot com twice'),
      capitals: linked('email: dana_v AT yahoo DOT com'),
      bracketedSign: linked('scrie-i la dana.v[@]mail.ro', 'RO'),
      spacedSign: linked('apply to dana.v92 @ gmail.com'),
      spacedNotWebmail: linked('see you @ the.club tonight'),
    }).toEqual({
      bracketed: ['email:hr.office@fast-jobs.eu'],
      parens: ['email:ana_m@inbox.lv'],
      webmail: ['email:dan.k1990@yahoo.com'],
      afterEmailWord: ['email:recruit@workabroad.co.uk'],
      midSentence: [],
      capitals: ['email:dana_v@yahoo.com'],
      bracketedSign: ['email:dana.v@mail.ro'],
      spacedSign: ['email:dana.v92@gmail.com'],
      spacedNotWebmail: [],
      prose: [],
      spelledProse: [],
      pronoun: [],
    });
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

  it('reads a handle after a platform abbreviation only when it cannot be an everyday word', () => {
    expect({
      ok: linked('Одноклассники: OK: olga.minsk.77', 'UA'),
      xAccount: linked('Their X account @jobs_abroad_24 posts the ads'),
      okWord: linked('Said OK to the move, friend ana.b99 came too'),
      lowerX: linked('x account @jobs_abroad_24'),
    }).toEqual({
      ok: ['handle:odnoklassniki:olga.minsk.77'],
      xAccount: ['handle:x:jobs_abroad_24'],
      okWord: [],
      lowerX: [],
    });
  });

  it('reads an @handle whose platform is named right after it, and no other', () => {
    expect({
      after: linked('@sunny.rooms.ldn posted on Instagram that rooms were free'),
      romanian: linked('@ion_munca92 scrie pe Telegram zilnic', 'RO'),
      noPlatform: linked('Nobody knows where @ghost_77 posted.'),
      tooFar: linked('@ghost_77 was seen, later, on Instagram'),
    }).toEqual({
      after: ['handle:instagram:sunny.rooms.ldn'],
      romanian: ['handle:telegram:ion_munca92'],
      noPlatform: [],
      tooFar: [],
    });
  });

  it('reads a handle whose platform follows it in brackets or in another language, or inflected before it', () => {
    expect({
      bracketed: linked('@lena_k.models (Instagram) sent the first message'),
      bracketedNoAt: linked('the recruiter was dana.k91 [Snapchat]'),
      polishAfter: linked('ogłoszenie od @praca_de_2025 na Instagramie', 'PL'),
      italianAfter: linked('scrivere a @lavoro.milano su Telegram', 'IT'),
      polishBefore: linked('pisz do nas na Facebooku: @praca.uk', 'PL'),
      xInBrackets: linked('boss posts on X (@bossman_ldn) daily'),
      by: linked('found on insta by @model.scout.ldn'),
      bracketedJoin: linked('then wrote to kasia.praca24 (on Telegram)'),
      bracketedFiller: linked('@lena.travel (Instagram account) is run by him'),
      hungarian: linked('@munka_ausztria Instagramon hirdet', 'HU'),
      albanian: linked('shkruan @pune.italia në Instagram', 'AL'),
      group: linked('Telegram group @munca_uk_2024 posts the shifts'),
      twoPlatforms: linked('Instagram/TikTok: @nails.by.ira'),
      quoted: linked('Instagram handle "nails.by.ira"'),
      words: linked('meeting (Signal) tomorrow, room 12 (Telegram)'),
      aPhone: linked('07812 345678 (WhatsApp)'),
    }).toEqual({
      bracketed: ['handle:instagram:lena_k.models'],
      bracketedNoAt: ['handle:snapchat:dana.k91'],
      polishAfter: ['handle:instagram:praca_de_2025'],
      italianAfter: ['handle:telegram:lavoro.milano'],
      polishBefore: ['handle:facebook:praca.uk'],
      xInBrackets: ['handle:x:bossman_ldn'],
      by: ['handle:instagram:model.scout.ldn'],
      bracketedJoin: ['handle:telegram:kasia.praca24'],
      bracketedFiller: ['handle:instagram:lena.travel'],
      hungarian: ['handle:instagram:munka_ausztria'],
      albanian: ['handle:instagram:pune.italia'],
      group: ['handle:telegram:munca_uk_2024'],
      twoPlatforms: ['handle:instagram:nails.by.ira', 'handle:tiktok:nails.by.ira'],
      quoted: ['handle:instagram:nails.by.ira'],
      words: [],
      aPhone: ['phone:GB:+447812345678'],
    });
  });

  it('reads the phone in a WhatsApp link', () => {
    expect({
      bare: linked('Advert said: message wa.me/447400100321 today'),
      full: linked('https://api.whatsapp.com/send?phone=40740123456&text=hi', 'RO'),
      other: linked('see kiwa.me/447400100321'),
    }).toEqual({ bare: ['phone:GB:+447400100321'], full: ['phone:RO:+40740123456'], other: [] });
  });

  it('reads IBANs of the right length and checksum, and never reads their digits as a phone', () => {
    expect({
      grouped: linked('tel: transfer to GB29 NWBK 6016 1331 9268 19 on 02.05.2024'),
      lowerAfterWord: linked('IBAN gb50barc20040471523641'),
      badChecksum: linked('cont RO17 BTRL 0130 1205 M123 45XY', 'RO'),
      lowerWithoutWord: linked('ref gb50barc20040471523641'),
      lowerAfterWordFarther: linked('IBAN (as typed in his text): gb50 barc 2004 0471 5236 41'),
      lowerWordOnAnotherLine: linked('IBAN unknown\ngb50 barc 2004 0471 5236 41'),
    }).toEqual({
      lowerAfterWordFarther: ['account:iban:GB50BARC20040471523641'],
      lowerWordOnAnotherLine: [],
      grouped: ['account:iban:GB29NWBK60161331926819'],
      lowerAfterWord: ['account:iban:GB50BARC20040471523641'],
      badChecksum: [],
      lowerWithoutWord: [],
    });
  });
});

describe('the labelled free-text sets (bench/freetext/)', () => {
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

  it('invents nothing on the sets written without the rules that it was tuned on, and finds 95% there', () => {
    const result = score([...independent.snippets, ...heldout2.snippets]);
    expect({
      inventions: Object.fromEntries(KINDS.map((k) => [k, result[k].inventions])),
      recallAtLeast95: rates(result.all).recall >= 0.95,
    }).toEqual({
      inventions: { phone: [], email: [], handle: [], iban: [] },
      recallAtLeast95: true,
    });
  });
});
