import { describe, expect, it } from 'vitest';
import { propose } from '../support/proposals';

// Returns to production orders (a telecom's subscriber and call data, a crypto exchange's KYC, a car
// rental, a short let), whose headers the proposal misread before a blind set of such returns
// (bench/mapping/dev15.json) was scored.
describe('reading the returns companies send to production orders', () => {
  it("reads a subscriber return's MSISDN and a call record's target and other party as phones", () => {
    const { mapped } = propose('GB', [
      ['MSISDN', '447700900123', '447700900457'],
      ['Subscriber Surname', 'Popescu', 'Nowak'],
    ]);
    expect(mapped).toContain('MSISDN → subject(subject).phone');
    const calls = propose('GB', [
      ['Event ID', 'CDR000918273', 'CDR000918274'],
      ['Subscriber name', 'Andrei Popescu', 'Andrei Popescu'],
      ['Target Number', '447700900123', '447700900123'],
      ['Other Party', '+44 7700 900654', '+44 20 7946 0881'],
    ]).mapped;
    expect(calls).toContain('Target Number → subject(subject).phone');
    expect(calls).toContain('Other Party → associate(associate).phone');
    expect(
      propose('FR', [
        ['N° ligne objet', '+33 7 00 00 12 34', '+33 7 00 00 12 34'],
        ['N° correspondant', '+33 7 00 00 98 76', '+40 722 000 418'],
      ]).mapped,
    ).toEqual(['N° ligne objet → subject(subject).phone', 'N° correspondant → associate(associate).phone']);
  });

  it('leaves internet addresses, account dates and statuses out rather than take them for plates or accounts', () => {
    const { mapped, unmapped } = propose('GB', [
      ['Full Legal Name', 'Florin Adrian Dobre', 'Yuliia Kovalenko'],
      ['Registration IP', '81.2.69.192', '5.248.0.14'],
      ['payer_ip', '2001:db8:85a3::8a2e:370:7334', '81.2.69.193'],
      ['Account Created (UTC)', '2024-11-02 19:22:31', '2025-01-15 08:03:10'],
      ['Account Status', 'ACTIVE', 'FROZEN'],
      ['Account No.', '90554123', '41235566'],
    ]);
    expect(unmapped).toEqual(
      expect.arrayContaining(['Registration IP', 'payer_ip', 'Account Created (UTC)', 'Account Status']),
    );
    expect(mapped.some((m) => m.startsWith('Account No. →') && m.endsWith('.bankAccount'))).toBe(true);
    // A name whose other words are unknown ("Legal") is a name when its values are names.
    expect(mapped.some((m) => m.startsWith('Full Legal Name →') && m.endsWith('.fullName'))).toBe(true);
  });

  it("reads a renter's, a subscriber's and a guest's names, and a Polish postcode cut short", () => {
    expect(
      propose('GB', [
        ['Renter Name', 'Costel Balan', 'Maria Ionescu'],
        ['Renter DOB', '14/03/1986', '02/11/1999'],
      ]).mapped,
    ).toEqual(['Renter Name → subject(subject).fullName', 'Renter DOB → subject(subject).birthDate']);
    expect(
      propose('PL', [
        ['Abonent', 'Jan Kowalski', 'Anna Nowak'],
        ['Kod poczt.', '00-950', '31-042'],
      ]).mapped,
    ).toEqual(['Abonent → subject(subject).fullName', 'Kod poczt. → subject(subject).addressPostcode']);
    expect(
      propose('NL', [
        ['Naam gast', 'Mihai Constantin', 'Ana Dobre'],
        ['Geboekt door', 'Ion Popa', 'Ion Popa'],
      ]).mapped,
    ).toEqual(['Naam gast → subject(subject).fullName', 'Geboekt door → associate(associate).fullName']);
  });

  it("leaves out when a line or an account began, a mast's cell and the case's lawyers", () => {
    const { mapped, unmapped } = propose('GB', [
      ['Subscriber name', 'Andrei Popescu', 'Elena Dimitrova'],
      ['Connection Date', '03/02/2025', '19/08/2024'],
      ['Start Cell ID', '23415-4412-22031', '23415-4412-11874'],
      ['Reviewing Lawyer', 'J. Whitfield', 'A. Okafor'],
    ]);
    expect(mapped).toEqual(['Subscriber name → subject(subject).fullName']);
    expect(unmapped).toEqual(['Connection Date', 'Start Cell ID', 'Reviewing Lawyer']);
    expect(propose('IT', [['Data attivazione', '03/02/2025', '19/08/2024']]).unmapped).toEqual(['Data attivazione']);
  });

  it("reads a booking's, a contract's or an operation's number as the row's reference, not the case's", () => {
    expect(
      propose('DE', [
        ['Vertrags-Nr.', 'MV-2026-004411', 'MV-2026-004412'],
        ['Mieter Name', 'Costel Balan', 'Maria Ionescu'],
        ['FS ausgestellt in', 'Rumänien', 'Bulgarien'],
      ]).mapped,
    ).toEqual(
      expect.arrayContaining([
        'Vertrags-Nr. → record.recordRef',
        'FS ausgestellt in → subject(subject).documentCountry',
      ]),
    );
    expect(propose('IT', [['Cod. operazione', 'MT-55120', 'MT-55121']]).mapped).toEqual([
      'Cod. operazione → record.recordRef',
    ]);
    expect(
      propose('GB', [
        ['Renter Name', 'Costel Balan', 'Maria Ionescu'],
        ['DL No.', 'BALAN861143CB9AB', 'IONES905029MI9XY'],
      ]).mapped,
    ).toContain('DL No. → subject(subject).documentNumber[driving-licence]');
  });

  it("reads a card's holder, a booker's account written as an e-mail and a Spanish transfer's number", () => {
    expect(
      propose('GB', [
        ['Ad ID', 'AD-771203', 'AD-771377'],
        ['Cardholder Name', 'MR C BALAN', 'MS A DOBRE'],
        ['Card Number', '4532 0151 1283 0366', '4716 1089 9971 6531'],
      ]).mapped,
    ).toEqual(
      expect.arrayContaining([
        'Cardholder Name → account-holder(account-holder).fullName',
        'Card Number → account-holder(account-holder).card',
      ]),
    );
    const booking = propose('NL', [
      ['Boekingscode', 'HMX4K2P9', 'HMZ8Q1R3'],
      ['Geboekt door', 'Mihai Constantin', 'Ana Dobre'],
      ['Account boeker', 'mihai.c83@example.de', 'ana.d@example.ro'],
    ]).mapped;
    expect(booking).toEqual(
      expect.arrayContaining(['Boekingscode → record.recordRef', 'Account boeker → associate(associate).email']),
    );
    expect(propose('ES', [['Nº envío', 'ENV-2026-118822', 'ENV-2026-118930']]).mapped).toEqual([
      'Nº envío → record.recordRef',
    ]);
  });

  it("gives a court list's date of birth to the defendant named before it, and its civil parties to the victims", () => {
    expect(
      propose('FR', [
        ['Nom prévenu', 'DUMITRU', 'OKON'],
        ['Prénom(s) prévenu', 'Adrian', 'Blessing'],
        ['Né(e) le', '03/05/1987', '15/09/1982'],
        ['Partie(s) civile(s)', 'Mme P. A.', 'Mlle E. J.'],
      ]).mapped,
    ).toEqual(
      expect.arrayContaining([
        'Né(e) le → suspect(suspect).birthDate',
        'Partie(s) civile(s) → victim(victim).fullName',
      ]),
    );
    expect(
      propose('RO', [
        ['Nume lucrător', 'Ion Popa', 'Ana Dobre'],
        ['Recrutat de', 'Marian Stoica', 'Marian Stoica'],
      ]).mapped,
    ).toContain('Recrutat de → recruiter(recruiter).fullName');
  });

  it("reads a payment's memo, an ad's text and a tip's narrative as notes, and the name a person prefers as an alias", () => {
    const payments = propose('US', [
      ['payment_id', 'PAY-88213', 'PAY-88214'],
      ['memo', 'rent', 'room 4 deposit'],
    ]).mapped;
    expect(payments).toContain('memo → record.freeText');
    expect(
      propose('GB', [
        ['Guest name', 'Ana Popa', 'Irina Dobre'],
        ['Date of birth', '12/03/2004', '01/11/2003'],
        ['Nationality', 'Romanian', 'Moldovan'],
        ['Concern', 'Men arrive late at night with young women', 'Guest did not speak, booker paid cash'],
      ]).mapped,
    ).toContain('Concern → record.freeText');
    expect(
      propose('ES', [
        ['Usuario', 'lola_vip', 'nuevas24'],
        ['Texto del anuncio', 'Chicas nuevas recién llegadas, piso discreto', 'Salidas hotel y domicilio'],
      ]).mapped,
    ).toContain('Texto del anuncio → record.freeText');
    // "Tip" is also the Romanian for "type": beside a note's word, over sentences, the column is the note;
    // over a classification's short values it stays out.
    const tips = propose('US', [
      ['Tip #', 'T-2024-0117', 'T-2024-0118'],
      ['Tip Narrative', 'Caller saw ad, girl appeared very young', 'Workers sleep on site, never leave'],
    ]);
    expect(tips.mapped).toEqual(['Tip # → record.caseRef', 'Tip Narrative → record.freeText']);
    expect(
      propose('RO', [
        ['Nr. dosar', '123/P/2024', '124/P/2024'],
        ['Tip observații', 'Muncă', 'Sexuală'],
      ]).unmapped,
    ).toContain('Tip observații');
    expect(
      propose('GB', [
        ['Full name', 'Ana Popa', 'Irina Dobre'],
        ['Prefers to be called', 'Ani', 'Rina'],
      ]).mapped,
    ).toContain('Prefers to be called → subject(subject).alias');
  });

  it("reads a court list's courts as the place, and its pleas and custody status as no one's name", () => {
    // Most of its headers are unknown words, so the values decide; a plea's letters are a code, and a
    // court's, an airport's or a station's name is a place, not a person.
    const { mapped, unmapped } = propose('GB', [
      ['URN', '41ZZ0188326', '41ZZ0188326', '20XX1107726'],
      ['Court', 'Luton Crown Court', 'Luton Crown Court', 'Birmingham Crown Court'],
      ['Defendant', 'Costel BALAN', 'Ionut PETRE', 'Van Duc TRAN'],
      ['Plea', 'NG', 'G', 'NG'],
      ['Custody Status', 'Remanded', 'Bail', 'Bail'],
    ]);
    expect(mapped).toEqual([
      'URN → record.caseRef',
      'Court → record.location',
      'Defendant → suspect(suspect).fullName',
    ]);
    expect(unmapped).toEqual(['Plea', 'Custody Status']);
  });

  it("reads 'Add.' before a party's name or licence as 'additional', not as an address", () => {
    const { mapped } = propose('GB', [
      ['Renter Name', 'BALAN, Costel', 'ANGELOV, Petar'],
      ['Renter Home Address', 'Str. Lalelelor 12, Craiova, RO', 'ul. Vitosha 41, Sofia, BG'],
      ['Add. Driver Name', 'PETRE, Ionut', 'DOBRE, Ana'],
      ['Add. Driver Licence', 'P0022371', 'D1188200'],
    ]);
    expect(mapped).toEqual(
      expect.arrayContaining([
        'Add. Driver Name → driver(driver).fullName',
        'Add. Driver Licence → driver(driver).documentNumber[driving-licence]',
      ]),
    );
    // A cut that stands for a party keeps its party: "Benef." is the beneficiary.
    expect(
      propose('DE', [
        ['Auftraggeber', 'Ion Popa', 'Ana Dobre'],
        ['Benef. IBAN', 'DE89370400440532013000', 'RO49AAAA1B31007593840000'],
      ]).mapped,
    ).toContain('Benef. IBAN → beneficiary(account-holder).iban');
  });

  it("keeps a call record's target number for the file's person when the only one named is the other party", () => {
    // Operators write the other party's number in full without its "+"; a "party" column holding
    // only such numbers names no one: it is the other party's phone.
    const { mapped } = propose('GB', [
      ['Event ID', 'CDR000918273', 'CDR000918274', 'CDR000918291'],
      ['Target Number', '447700900123', '447700900123', '447700900123'],
      ['Other Party', '447700900654', '40722000418', '442079460881'],
      ['Event Type', 'Voice', 'SMS', 'Voice'],
    ]);
    expect(mapped).toEqual(
      expect.arrayContaining(['Target Number → subject(subject).phone', 'Other Party → associate(associate).phone']),
    );
    // The mast's address is where the phone was, not the subscriber's home.
    expect(
      propose('FR', [
        ['N° ligne objet', '+33 7 00 00 12 34', '+33 7 00 00 12 34'],
        ['Adresse relais', '12 rue de la Gare, 93200 Saint-Denis', '4 avenue Foch, 75116 Paris'],
      ]).mapped,
    ).toContain('Adresse relais → record.location');
    // "MO/MT" is a call's direction (mobile originated or terminated), not a modus operandi.
    const direction = propose('GB', [
      ['Target Number', '447700900123', '447700900123'],
      ['Direction (MO/MT)', 'MO', 'MT'],
    ]);
    expect(direction.unmapped).toContain('Direction (MO/MT)');
    expect(
      propose('GB', [
        ['Suspect name', 'Costel Balan', 'Ionut Petre'],
        ['MO', 'Recruits via Facebook ads, pays travel', 'Holds passports, debt bondage'],
      ]).mapped,
    ).toContain('MO → record.freeText');
    // A contact list's columns written after the contact's name are still the contact's.
    expect(
      propose('RU', [
        ['Имя контакта', 'Саша Работа', 'Иван'],
        ['Номер телефона', '+7 912 345-67-89', '+7 903 123-45-67'],
      ]).mapped,
    ).toEqual(['Имя контакта → associate(associate).fullName', 'Номер телефона → associate(associate).phone']);
  });
});

describe('what a return says of the account, the device or the line rather than of the case', () => {
  it("leaves a device's id, a money-transfer agent's number and a line's last top-up out", () => {
    const { mapped, unmapped } = propose('GB', [
      ['Account no.', '41235566', '90554123'],
      ['Device ID', 'A7F3-22C1-90BE', 'C01D-8812-77AA'],
      ['Agent ID', 'AG-00412', 'AG-00977'],
      ['Last Top-Up Date', '28/05/2026', '02/06/2026'],
    ]);
    expect(unmapped).toEqual(['Device ID', 'Agent ID', 'Last Top-Up Date']);
    expect(mapped).toHaveLength(1);
  });

  it('leaves a status that holds no role out, and keeps one that does', () => {
    expect(
      propose('RU', [
        ['Логин', 'europe_job2026', 'sklad_pl'],
        ['Статус', 'Заблокировано', 'Активно', 'Заблокировано'],
      ]).unmapped,
    ).toContain('Статус');
    expect(
      propose('RU', [
        ['ФИО', 'Иванов Иван', 'Петрова Анна'],
        ['Статус', 'подозреваемый', 'потерпевшая'],
      ]).mapped,
    ).toContain('Статус → subject(subject).role');
  });

  it("reads a hire car's pick-up station and a Greek place of detection as the event's place", () => {
    expect(
      propose('GB', [
        ['RA Number', 'RA-118204', 'RA-118377'],
        ['Pick-up Station', 'Luton Airport', 'Stansted Airport'],
      ]).mapped,
    ).toContain('Pick-up Station → record.location');
    expect(
      propose('GR', [['Τόπος εντοπισμού', 'Ε.Ο. Ορεστιάδας-Διδυμοτείχου, χ.θ. 12', 'Εγνατία Οδός, κόμβος Φερών']])
        .mapped,
    ).toEqual(['Τόπος εντοπισμού → record.location']);
  });
});

describe('a money transfer', () => {
  it('reads the shop it was sent from as the place, not as a recruiter', () => {
    expect(
      propose('GB', [
        ['Sending Agent', 'Euro Express Mini Market, 88 High St, Slough', 'Bucharest Food Ltd, 4 Dudley Rd'],
        ['Sender Name', 'Ion Pop', 'Ana Vlad'],
        ['Beneficiary Name', 'Maria Pop', 'Elena Dinu'],
      ]).mapped,
    ).toEqual([
      'Sending Agent → record.location',
      'Sender Name → originator(account-holder).fullName',
      'Beneficiary Name → beneficiary(account-holder).fullName',
    ]);
    expect(
      propose('ES', [['Locutorio / agente', 'Locutorio Sol, C/ Mayor 3', 'Envíos Lima, Av. Oporto 22']]).mapped,
    ).toEqual(['Locutorio / agente → record.location']);
  });
});
