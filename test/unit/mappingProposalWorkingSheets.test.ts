import { describe, expect, it } from 'vitest';
import { propose } from '../support/proposals';

// Investigators' working sheets (phone extraction contacts and messages, seizure lists, car rentals,
// licence registers, intelligence logs) whose columns the proposal misread before a blind set of
// them (bench/mapping/dev16a.json, dev16b.json) was scored.
describe("reading investigators' working sheets", () => {
  it('never makes a running number a number plate, nor a column of words a row reference', () => {
    const { unmapped } = propose('ES', [
      ['Nº Reg.', '1', '14', '137'],
      ['Matrícula', '4521 KLM', 'BV 12 XYZ', 'AB-123-CD'],
    ]);
    expect(unmapped).toEqual(['Nº Reg.']);
    expect(
      propose('NL', [
        ['Documentnummer', 'A12345678', 'V12345678'],
        ['Echt/Vals (ID-check)', 'vals (look-alike)', 'echt', 'vervalst (fotowissel)'],
      ]).unmapped,
    ).toEqual(['Echt/Vals (ID-check)']);
    expect(propose('PL', [['Zawiadomienie SG/Policji (T/N)', 'T', 'N', 'T']]).unmapped).toEqual([
      'Zawiadomienie SG/Policji (T/N)',
    ]);
  });

  it("reads a number column of a phone's owner or of the other party over phones as a phone", () => {
    expect(
      propose('BG', [
        ['Ползвател на у-вото (обв.)', 'Стефан Илиев Маринов', 'Георги Асенов Кирилов'],
        ['Номер на ползвателя', '+359 88 712 3456', '0897 654 321', '+359888112233'],
      ]).mapped,
    ).toContain('Номер на ползвателя → suspect(suspect).phone');
    expect(
      propose('RU', [
        ['Собеседник (имя в контактах)', 'Айка новая', 'Шеф Дубай'],
        ['Собеседник (номер/ID)', '+7 707 123 45 67', '+971 50 123 4567', '87771234567'],
      ]).mapped,
    ).toContain('Собеседник (номер/ID) → associate(associate).phone');
  });

  it('reads an account column over handles as a handle', () => {
    expect(
      propose('CA', [
        ['Username / Handle', '@lexi_tor0nto', 'kandy.kiss416'],
        ['Linked Acct (controller?)', '@big_dre_6ix', 'dre.money', '@big_dre_6ix'],
      ]).mapped,
    ).toContain('Linked Acct (controller?) → controller(controller).handle');
  });

  it('reads the words of extraction, seizure, rental and register sheets', () => {
    expect(
      propose('BG', [
        ['Вх. № сигнал', 'НКБТХ-142/18.03.2026', 'НКБТХ-151/25.03.2026'],
        ['Потребителско име/ID', 'mimi_vn', 'nikolay.petkov.92'],
        ['Бележка', 'от Хамбург', 'кола – сив Пасат'],
        ['Последна промяна', '12.03.2026 21:14:05', '02.01.2025 09:12:44'],
      ]),
    ).toEqual({
      mapped: [
        // (An incoming number, no longer a flat's: "Вх." alone is an address's entrance.)
        'Вх. № сигнал → record.recordRef',
        'Потребителско име/ID → subject(subject).handle',
        'Бележка → record.freeText',
      ],
      unmapped: ['Последна промяна'],
    });
    expect(
      propose('UA', [
        ["Найменування суб'єкта господарювання", 'ТОВ «ЄВРОПРАЦЯ-ПЛЮС»', 'ТОВ «Вест Кадри Груп»'],
        ['Місцезнаходження', '03150, м. Київ, вул. Велика Васильківська, 72', '79008, м. Львів, вул. Городоцька, 15'],
        ['Стан ліцензії', 'чинна', 'анульована', 'зупинена'],
      ]).unmapped,
    ).toEqual(['Стан ліцензії']);
    const accounts = propose('KZ', [
      ['ФИО владельца счёта', 'Сейтказиев Марат Ержанович', 'Ахметова Динара Болатовна'],
      ['БИК банка', 'CASPKZKA', 'HSBKKZKX'],
    ]).mapped;
    expect(accounts).toEqual([
      'ФИО владельца счёта → account-holder(account-holder).fullName',
      'БИК банка → account-holder(account-holder).routingNumber',
    ]);
    expect(
      propose('PL', [
        ['Najemca', 'Dumitru Ciobanu', 'Kowalski Marek'],
        ['Nr prawa jazdy', '01234/15/1465', 'AB 012345'],
      ]).mapped,
    ).toEqual([
      'Najemca → subject(subject).fullName',
      'Nr prawa jazdy → subject(subject).documentNumber[driving-licence]',
    ]);
    expect(
      propose('NL', [
        ['Onderzoeksnaam', 'KASTANJE', 'WILG'],
        ['Goednummer', 'G-1187421', 'G-1187422'],
        ['E-mail boeker', 'j.smit@gmail.com', 'info@rentfast.nl'],
      ]).mapped,
    ).toEqual(['Onderzoeksnaam → record.caseRef', 'E-mail boeker → associate(associate).email']);
    expect(
      propose('GB', [
        ['Op Name', 'Op HOLLOWAY', 'Op HOLLOWAY'],
        ['Exhibit No.', 'JS/1', 'JS/2'],
        ['Display Name', 'Lexi 💋', 'Kandy'],
        ['First Active', '02/01/2026', '14/02/2026'],
      ]),
    ).toEqual({
      mapped: ['Op Name → record.caseRef', 'Display Name → subject(subject).alias'],
      unmapped: ['Exhibit No.', 'First Active'],
    });
    expect(
      propose('FR', [
        ['N° scellé', 'SC-01', 'SC-02'],
        ['Date ouverture', '12/03/2019', '02/11/2021'],
      ]).unmapped,
    ).toEqual(['N° scellé', 'Date ouverture']);
  });

  it('reads short forms of ANPR, passenger and customs sheets, and what an advert and an intelligence log write', () => {
    expect(
      propose('GB', [
        ['VRM', 'WR19 KXT', 'FE67 OJD'],
        ['Ctry', 'GB', 'RO'],
        ['Intelligence', 'Subject seen at car wash', 'Vehicle used by OCG'],
        ['Item No.', '1', '2'],
      ]),
    ).toEqual({
      mapped: [
        'VRM → subject(subject).vehiclePlate',
        'Ctry → subject(subject).vehicleCountry',
        'Intelligence → record.freeText',
      ],
      unmapped: ['Item No.'],
    });
    expect(propose('AU', [['Doc Issuing Ctry', 'THA', 'VNM']]).mapped).toEqual([
      'Doc Issuing Ctry → subject(subject).documentCountry',
    ]);
    expect(
      propose('DE', [
        ['Arbeitgeber', 'Bau GmbH', 'Reinigung KG'],
        ['St.-Nr. Arbeitgeber', '217/5734/1234', '219/5801/0091'],
      ]).mapped,
    ).toContain('St.-Nr. Arbeitgeber → employer(employer).documentNumber[tax-id]');
    expect(
      propose('US', [
        ['Ad Title', 'New in town', 'Asian spa'],
        ['Name Used in Ad', 'Lexi', 'Kandy'],
      ]).mapped,
    ).toEqual(['Ad Title → record.freeText', 'Name Used in Ad → subject(subject).alias']);
  });

  it("leaves an advert's or a firm's web address, a card's last four digits and a last ANPR read out", () => {
    const { mapped, unmapped } = propose('GB', [
      ['Profile URL', 'https://www.instagram.com/lexi_tor0nto/', 'https://www.snapchat.com/add/kandy.kiss416'],
      ['Ad URL', 'https://ads.example/48812277', 'https://ads.example/48812931'],
      ['Website', 'europracia.com.ua', 'westkadry.ua'],
      ['Payment Card (last 4)', '8812', '0031'],
      ['Last ANPR', '02/03/2026 14:10', '05/03/2026 09:12'],
    ]);
    expect(mapped).toEqual(['Profile URL → subject(subject).handle']);
    expect(unmapped).toEqual(['Ad URL', 'Website', 'Payment Card (last 4)', 'Last ANPR']);
  });

  it('reads a German "StA" over countries as the nationality', () => {
    expect(
      propose('DE', [
        ['Name', 'Ion Pop', 'Ana Vlad'],
        ['StA', 'RO', 'SYR', 'Bulgarien'],
      ]).mapped,
    ).toEqual(['Name → subject(subject).fullName', 'StA → subject(subject).nationality']);
    // Over names, the prosecutor (Staatsanwalt): left out, not a second name of the person.
    expect(
      propose('DE', [
        ['Name', 'Ion Pop', 'Ana Vlad'],
        ['StA', 'StA Meier', 'StAin Kurz'],
      ]).unmapped,
    ).toEqual(['StA']);
  });
});

// Whole case-management exports, where several dates stand in a row (bench/mapping/dev17a.json,
// dev17b.json): the event's is when it happened, not when the record was made or closed.
describe("the event's date among a row's dates", () => {
  it('takes the date of the offence or the transaction over the date the record was lodged or registered', () => {
    const cases: [string, string, string][] = [
      ['AU', 'Date Lodged', 'Txn Date'],
      ['IT', 'Data denuncia', 'Data fatto'],
      ['PT', 'Data da comunicação', 'Data da operação'],
      ['RO', 'Data înregistrării', 'Data faptei'],
      ['BG', 'Дата на образуване', 'Дата на деянието'],
      ['UA', 'Дата внесення до ЄРДР', 'Дата вчинення'],
      ['RU', 'Дата регистрации', 'Дата и время происшествия'],
      ['HU', 'Iktatás dátuma', 'Elkövetés ideje'],
    ];
    for (const [country, recorded, happened] of cases) {
      const { mapped, unmapped } = propose(country, [
        [recorded, '14.03.2025', '02.04.2025'],
        [happened, '11.03.2025', '30.03.2025'],
      ]);
      expect(mapped, recorded).toEqual([`${happened} → record.eventDate`]);
      expect(unmapped).toEqual([recorded]);
    }
  });

  it('keeps the first date where every date says when the record was made or closed', () => {
    expect(
      propose('GB', [
        ['Date Opened', '14/03/2025', '02/04/2025'],
        ['Date Closed', '20/03/2025', '09/04/2025'],
      ]).mapped,
    ).toEqual(['Date Opened → record.eventDate']);
  });

  it("reads a reference's or a place's word over dates as a date of the row", () => {
    expect(
      propose('US', [
        ['Case ID', 'WHD-1234567', 'WHD-1234571'],
        ['Case Opened', '03/14/2025', '04/02/2025'],
        ['Initial On-Site Date', '03/20/2025', '04/09/2025'],
      ]),
    ).toEqual({
      mapped: ['Case ID → record.caseRef', 'Initial On-Site Date → record.eventDate'],
      unmapped: ['Case Opened'],
    });
  });
});

describe('whole case-management exports', () => {
  it('reads their words in Flemish, Russian, Polish, Czech, Greek, Hungarian and US English', () => {
    expect(
      propose('BE', [
        ['Nummerplaat verdachte', '1-ABC-123', '2-XYZ-987'],
        ['Land inschrijving voertuig', 'BE', 'RO'],
      ]).mapped,
    ).toEqual([
      'Nummerplaat verdachte → suspect(suspect).vehiclePlate',
      'Land inschrijving voertuig → suspect(suspect).vehicleCountry',
    ]);
    expect(
      propose('RU', [
        ['ФИО подозреваемого', 'Иванов Иван', 'Петров Петр'],
        ['Д.р. подозреваемого', '12.03.1985', '01.02.1990'],
        ['№ документа', 'AB123456', 'N1234567'],
        ['Соц. работник', 'Иванова А.', 'Петрова Б.'],
      ]),
    ).toEqual({
      mapped: [
        'ФИО подозреваемого → suspect(suspect).fullName',
        'Д.р. подозреваемого → suspect(suspect).birthDate',
        '№ документа → suspect(suspect).documentNumber',
      ],
      unmapped: ['Соц. работник'],
    });
    // "Соц." before networks is still a handle.
    expect(propose('RU', [['Соц. сети', '@ivan', 'vk.com/petrov']]).mapped).toEqual([
      'Соц. сети → subject(subject).handle',
    ]);
    expect(propose('PL', [['Państwo wydania', 'Ukraina', 'Gruzja']]).mapped).toEqual([
      'Państwo wydania → subject(subject).documentCountry',
    ]);
    expect(
      propose('CZ', [
        ['Č. úředního záznamu', 'KRPA-12345/ČJ-2025-000071', 'KRPA-12388/ČJ-2025-000071'],
        ['Místo spáchání', 'Praha 4, Na Pankráci 12', 'Brno, Křenová 8'],
        ['Ubytovatel', 'Jan Novák', 'Ubytovna Hala s.r.o.'],
      ]).mapped,
    ).toEqual([
      'Č. úředního záznamu → record.recordRef',
      'Místo spáchání → record.location',
      'Ubytovatel → landlord(landlord).fullName',
    ]);
    expect(
      propose('HU', [['Ellenoldali IBAN', 'HU42117730161111101800000000', 'HU93116000060000000012345676']]).mapped,
    ).toEqual(['Ellenoldali IBAN → counterparty(account-holder).iban']);
    const wages = propose('US', [
      ['Last Seen Date/Time', '03/14/2025 21:10', '04/02/2025 08:00'],
      ['Investigator', 'Det. J. Smith', 'Det. A. Ruiz'],
      ['Victim Initials', 'A.B.', 'C. D.'],
      ['Labor Contractor', 'Green Fields LLC', 'AgriStaff Inc'],
    ]);
    expect(wages.mapped).toEqual([
      'Last Seen Date/Time → record.eventDate',
      'Labor Contractor → recruitment-agency(recruitment-agency).fullName',
    ]);
    expect(wages.unmapped).toEqual(['Investigator', 'Victim Initials']);
    // Short family names written in capitals are names, not initials.
    expect(propose('GB', [['Suspect Name', 'LI', 'NG', 'WU']]).mapped).toEqual([
      'Suspect Name → suspect(suspect).fullName',
    ]);
  });
});

describe('a Bulgarian entrance', () => {
  it('stays part of the address, where "Вх. №" before a report is its incoming number', () => {
    expect(
      propose('BG', [
        ['Улица', 'ул. Раковска', 'бул. Витоша'],
        ['Вх.', 'А', 'Б'],
      ]).mapped,
    ).toEqual(['Улица → subject(subject).addressStreet', 'Вх. → subject(subject).addressFlat']);
  });
});

describe("a firm's tax number and registered office on a sheet of its workers", () => {
  it('gives them to the firm named before them, never to each worker, who would all share them', () => {
    const mapped = (country: string, columns: [string, ...string[]][]) => propose(country, columns).mapped;
    // Given to the worker, every worker of one employer would hold one tax number and one address.
    expect(
      mapped('PL', [
        ['Pracodawca', 'Agro-Fruct Sp. z o.o.', 'Agro-Fruct Sp. z o.o.'],
        ['NIP', '5213456789', '5213456789'],
        ['Adres siedziby', 'ul. Polna 4, 05-600 Grójec', 'ul. Polna 4, 05-600 Grójec'],
        ['Nazwisko pracownika', 'Bondarenko', 'Tkachuk'],
        ['Imię pracownika', 'Mykola', 'Oksana'],
        ['Nr paszportu', 'FA123456', 'FB654321'],
      ]),
    ).toEqual([
      'Pracodawca → employer(employer).fullName',
      'NIP → employer(employer).documentNumber[tax-id]',
      'Adres siedziby → employer(employer).address',
      'Nazwisko pracownika → subject(subject).familyName',
      'Imię pracownika → subject(subject).givenName',
      'Nr paszportu → subject(subject).documentNumber[passport]',
    ]);
    expect(
      mapped('RO', [
        ['Angajator', 'SC Construct Vest SRL', 'SC Construct Vest SRL'],
        ['Sediu social', 'Str. Morii 12, Arad', 'Str. Morii 12, Arad'],
        ['Nume salariat', 'Popa', 'Ilie'],
        ['Prenume salariat', 'Ion', 'Maria'],
        ['Telefon salariat', '0722 123 456', '0744 987 654'],
      ]),
    ).toEqual([
      'Angajator → employer(employer).fullName',
      'Sediu social → employer(employer).address',
      'Nume salariat → subject(subject).familyName',
      'Prenume salariat → subject(subject).givenName',
      'Telefon salariat → subject(subject).phone',
    ]);
    // A person's own tax number, with no firm named before it, stays the person's.
    expect(
      mapped('ES', [
        ['Nombre', 'Lucía Pérez', 'Ana Ruiz'],
        ['NIF', '12345678Z', '87654321X'],
      ]),
    ).toContain('NIF → subject(subject).documentNumber[tax-id]');
  });
});

describe("a relative's or next of kin's columns on a victim's sheet", () => {
  it("makes the relative a person of their own, so that their phone is never the victim's", () => {
    expect(
      propose('RU', [
        ['ФИО', 'Иванова Мария', 'Петрова Анна'],
        ['Дата рождения', '12.03.1999', '01.07.2001'],
        ['Телефон', '+79161234567', '+79031234567'],
        ['Тел. родственников', '+79267654321', '+79857654321'],
      ]).mapped,
    ).toEqual([
      'ФИО → subject(subject).fullName',
      'Дата рождения → subject(subject).birthDate',
      'Телефон → subject(subject).phone',
      'Тел. родственников → relative(other).phone',
    ]);
    expect(
      propose('GB', [
        ['Name of PV', 'Ana Pop', 'Elena Rusu'],
        ['Mobile', '07700 900123', '07700 900456'],
        ['NOK name', 'Ion Pop', 'Maria Rusu'],
        ['NOK tel', '+40 722 123 456', '+40 744 987 654'],
      ]).mapped,
    ).toEqual([
      'Name of PV → victim(victim).fullName',
      'Mobile → victim(victim).phone',
      'NOK name → relative(other).fullName',
      'NOK tel → relative(other).phone',
    ]);
    // A family name stays the person's own name.
    expect(propose('RO', [['Nume de familie', 'Popescu', 'Ionescu']]).mapped).toEqual([
      'Nume de familie → subject(subject).familyName',
    ]);
  });
});

describe('a column of countries under a header the vocabulary does not read', () => {
  const sheet = (header: string, values: string[]) =>
    propose('GB', [
      ['Complainant', 'Jocelyn Reyes', 'Mark Villanueva', 'Rowena Lim'],
      ['Passport No.', 'P1234567A', 'P7654321B', 'P5544332C'],
      [header, ...values],
    ]);

  it("proposes no nationality from countries' names, which may be where the person works", () => {
    const jobsite = sheet('Jobsite', ['Saudi Arabia', 'Malaysia', 'Saudi Arabia']);
    expect(jobsite.unmapped).toContain('Jobsite');
    expect(jobsite.mapped.join('\n')).not.toContain('Jobsite');
  });

  it('reads nationality words as the nationality', () => {
    expect(sheet('Grp', ['Filipino', 'Filipina', 'Indonesian']).mapped).toContain('Grp → victim(victim).nationality');
  });
});

describe("a vehicle on a crossing's sheet of a driver and passengers", () => {
  it('gives a plate whose header names no party to the driver, not to each passenger', () => {
    expect(
      propose('PL', [
        ['Nr rej. pojazdu', 'AC 1234 KM', 'LU 4587F'],
        ['Kierowca – nazwisko i imię', 'MELNYK Vasyl', 'KOWAL Piotr'],
        ['Pasażer – nazwisko', 'SHEVCHUK', 'BONDARENKO'],
        ['Pasażer – imię', 'Anastasiia', 'Yuliia'],
        ['Pasażer – dok. podróży', 'FX112233', 'ET 445566'],
      ]).mapped,
    ).toEqual([
      'Nr rej. pojazdu → driver(driver).vehiclePlate',
      'Kierowca – nazwisko i imię → driver(driver).fullName',
      'Pasażer – nazwisko → subject(subject).familyName',
      'Pasażer – imię → subject(subject).givenName',
      'Pasażer – dok. podróży → subject(subject).documentNumber[passport]',
    ]);
  });

  it("leaves a rental's plate with the renter when the only driver named is an additional one", () => {
    expect(
      propose('PL', [
        ['Nr rej.', 'WI 4521K', 'WX 1122C'],
        ['Najemca', 'Dumitru Ciobanu', 'Marek Kowalski'],
        ['Kierowca dodatkowy', 'Ion Balan', 'Anna Nowak'],
      ]).mapped,
    ).toContain('Nr rej. → subject(subject).vehiclePlate');
  });
});
