import { describe, expect, it } from 'vitest';
import { parseDate } from '../../main/core/cells';
import { roleOf } from '../../main/core/rowMapper';
import { proposeProfile } from '../../main/core/mappingProposal';
import { propose, summary } from '../support/proposals';

/** The proposal for one sheet: `columns` as header and its sample values, one value per row. */
// Sheets as German, Austrian and Swiss police, customs and border units, Estonian police and FIU
// and a Greek NGO hotline title them: abbreviations, regional words and parties in their languages.
describe('reading the sheets of German-speaking, Estonian and Greek agencies', () => {
  it('gives a German suspect\'s abbreviated columns ("TV") and the vehicle after them to the suspect', () => {
    expect(
      propose('DE', [
        ['Az.', '0815 Js 1234/25', '0815 Js 1234/25'],
        ['TV Name', 'Gashi', 'Krasniqi'],
        ['TV Vorname', 'Arben', 'Lirim'],
        ['StAng.', 'kosovarisch', 'albanisch'],
        ['Geschl.', 'm', 'm'],
        ['Handy TV', '0152 1987654', '0157 7223344'],
        ['Kfz-Kennz.', 'DO-AB 1234', 'E-XY 99'],
        ['Zul.-Land', 'DE', 'DE'],
        ['Fzg.', 'BMW 530d schwarz', 'VW Passat grau'],
        ['Tatzeitraum', '01.03.2025', '14.03.2025'],
        ['Bem.', 'Zuhälterei', 'Transport'],
      ]),
    ).toEqual({
      mapped: [
        'Az. → record.caseRef',
        'TV Name → suspect(suspect).familyName',
        'TV Vorname → suspect(suspect).givenName',
        'StAng. → suspect(suspect).nationality',
        'Geschl. → suspect(suspect).gender',
        'Handy TV → suspect(suspect).phone',
        'Kfz-Kennz. → suspect(suspect).vehiclePlate',
        'Zul.-Land → suspect(suspect).vehicleCountry',
        'Tatzeitraum → record.eventDate',
        'Bem. → record.freeText',
      ],
      unmapped: ['Fzg.'],
    });
  });

  it('reads Austrian employees (Dienstnehmer, DN) and Swiss drivers and passengers (Lenker, Mitfahrer)', () => {
    expect({
      austrian: propose('AT', [
        ['Dienstgeber', 'Bau & Montage KG'],
        ['Dienstnehmer', 'Ivan Petrov'],
        ['Staatsbürgerschaft DN', 'Bulgarien'],
        ['SV-Nr. DN', '1234 120385'],
        ['Vulgo', '"Vanko"'],
        ['Hauptwohnsitz', 'Favoritenstraße 88/3/12, 1100 Wien'],
        ['Aufenth.-Titel', 'EU-Bürger'],
        ['ZMR-Zahl', '000012345678'],
      ]).mapped,
      swiss: propose('CH', [
        ['Lenker Name', 'MARKOVIĆ Nikola'],
        ['Lenker Jahrgang', '1980'],
        ['Kontrollschild', 'BG 123-AB'],
        ['Zulassungsland', 'RS'],
        ['Mitfahrerin Name', 'JOVANOVIĆ Ana'],
        ['Mitfahrerin Geb.-Datum', '14.09.2003'],
        ['Ausländerausweis', 'B 1234567'],
      ]).mapped,
    }).toEqual({
      austrian: [
        'Dienstgeber → employer(employer).fullName',
        'Dienstnehmer → subject(subject).fullName',
        'Staatsbürgerschaft DN → subject(subject).nationality',
        'SV-Nr. DN → subject(subject).documentNumber[social-security]',
        'Vulgo → subject(subject).alias',
        'Hauptwohnsitz → subject(subject).address',
        'Aufenth.-Titel → subject(subject).documentNumber[residence-permit]',
        'ZMR-Zahl → subject(subject).documentNumber[personal-number]',
      ],
      swiss: [
        'Lenker Name → driver(driver).fullName',
        'Lenker Jahrgang → driver(driver).birthDate',
        'Kontrollschild → driver(driver).vehiclePlate',
        'Zulassungsland → driver(driver).vehicleCountry',
        'Mitfahrerin Name → subject(subject).fullName',
        'Mitfahrerin Geb.-Datum → subject(subject).birthDate',
        'Ausländerausweis → subject(subject).documentNumber[residence-permit]',
      ],
    });
  });

  it('reads the abbreviations of German police and customs sheets', () => {
    expect({
      persons: propose('DE', [
        ['Name', 'Arben Gashi'],
        ['Geb.-Dat./Ort', '03.05.1988, Prizren'],
        ['Anschrift (Str., PLZ, Ort)', 'Hafenstr. 12, 47119 Duisburg'],
        ['Wohnh.', 'Kaiserstr. 3, 45127 Essen'],
        ['Pers.-Ausw.-Nr.', 'L01X00T47'],
        ['FS-Nr.', 'B072RRE2I55'],
        ['Anz.-Erst.', 'Sabine Brandt'],
      ]).mapped,
      vehicle: propose('DE', [
        ['Fz.-Führer', 'Dimitar Petrov'],
        ['amtl. Kz.', 'CB 1234 AB'],
        ['Insassen', 'Omar Hassan'],
      ]).mapped,
      labour: propose('DE', [
        ['Name', 'Vasile Popescu'],
        ['AG-Name', 'Schnellbau GmbH'],
        ['Unterk.', 'Industriestr. 8, Oberhausen'],
        ['Kto.', '0532013000'],
        ['Kto-Inh.', 'Vasile Popescu'],
      ]).mapped,
    }).toEqual({
      persons: [
        'Name → subject(subject).fullName',
        'Geb.-Dat./Ort → subject(subject).birthDate',
        'Anschrift (Str., PLZ, Ort) → subject(subject).address',
        'Wohnh. → subject(subject).address',
        'Pers.-Ausw.-Nr. → subject(subject).documentNumber[national-id]',
        'FS-Nr. → subject(subject).documentNumber[driving-licence]',
        'Anz.-Erst. → reporter(reporter).fullName',
      ],
      vehicle: [
        'Fz.-Führer → driver(driver).fullName',
        'amtl. Kz. → driver(driver).vehiclePlate',
        'Insassen → subject(subject).fullName',
      ],
      labour: [
        'Name → subject(subject).fullName',
        'AG-Name → employer(employer).fullName',
        'Unterk. → subject(subject).address',
        'Kto. → subject(subject).bankAccount',
        'Kto-Inh. → account-holder(account-holder).fullName',
      ],
    });
  });

  it('reads Estonian police and FIU sheets, payer and payee each an account holder of their own', () => {
    expect({
      police: propose('EE', [
        ['Isikukood', '38503120123'],
        ['Eesnimi', 'Andrus'],
        ['Perekonnanimi', 'Tamm'],
        ['Sünniaeg', '12.03.1985'],
        ['Kodakondsus', 'Eesti'],
        ['Elukoht', 'Narva mnt 5-12, Tallinn'],
        ['Roll', 'kahtlustatav'],
        ['Elamisloa nr', 'P1234567'],
      ]).mapped,
      fiu: propose('EE', [
        ['Maksja nimi', 'Oleg Smirnov'],
        ['Maksja konto', 'EE382200221020145685'],
        ['Saaja nimi', 'Nordic Models OÜ'],
        ['Saaja KMKR nr', 'EE101234567'],
        ['Selgitus', 'arve 12'],
      ]).mapped,
    }).toEqual({
      police: [
        'Isikukood → subject(subject).documentNumber[personal-number]',
        'Eesnimi → subject(subject).givenName',
        'Perekonnanimi → subject(subject).familyName',
        'Sünniaeg → subject(subject).birthDate',
        'Kodakondsus → subject(subject).nationality',
        'Elukoht → subject(subject).address',
        'Roll → subject(subject).role',
        'Elamisloa nr → subject(subject).documentNumber[residence-permit]',
      ],
      fiu: [
        'Maksja nimi → originator(account-holder).fullName',
        'Maksja konto → originator(account-holder).iban',
        'Saaja nimi → beneficiary(account-holder).fullName',
        'Saaja KMKR nr → beneficiary(account-holder).documentNumber[tax-id]',
        'Selgitus → record.freeText',
      ],
    });
  });

  it("reads a Greek hotline's caller apart from the victim, and leaves the caller's capacity unmapped", () => {
    expect(
      propose('GR', [
        ['Κωδικός κλήσης', '1109-25-0412', '1109-25-0413'],
        ['Καλών', 'Μαρία Κ.', 'Ανώνυμος'],
        ['Ιδιότητα καλούντος', 'γείτονας', 'κοινωνική λειτουργός'],
        ['Τηλέφωνο καλούντος', '697 000 1111', '694 222 3333'],
        ['Όνομα θύματος', 'Ελένα', 'Fatima'],
        ['Εθνικότητα', 'Ρουμάνα', 'Μαροκινή'],
        ['Περιοχή', 'Πειραιάς', 'Μανωλάδα'],
      ]),
    ).toEqual({
      mapped: [
        'Κωδικός κλήσης → record.caseRef',
        'Καλών → reporter(reporter).fullName',
        'Τηλέφωνο καλούντος → reporter(reporter).phone',
        'Όνομα θύματος → victim(victim).givenName',
        'Εθνικότητα → victim(victim).nationality',
        'Περιοχή → record.location',
      ],
      unmapped: ['Ιδιότητα καλούντος'],
    });
  });
});

describe('columns read by their values and their neighbours', () => {
  it('reads a column of roles as the role whatever its header, but not a column of one role or of notes', () => {
    expect({
      latvian: propose('LV', [
        ['Vārds, uzvārds', 'Jānis Bērziņš', 'Līga Kalniņa', 'Pēteris Ozols'],
        ['Pos.', 'aizdomās turētais', 'cietusī', 'liecinieks'],
      ]).mapped,
      custody: propose('ES', [
        ['Nombre', 'Juan Pérez', 'Luis Gómez', 'Ana Ruiz'],
        ['Situación', 'Detenido', 'Investigado no detenido', 'Detenida'],
      ]).unmapped,
      notes: propose('GB', [
        ['Name', 'John Smith', 'Ann Jones', 'Mary Black'],
        ['Qx', 'Victim seen at the flat with the suspect', 'Suspect drove the victim', 'Witness saw the victim'],
      ]).mapped,
    }).toEqual({
      latvian: ['Vārds, uzvārds → subject(subject).fullName', 'Pos. → subject(subject).role'],
      custody: ['Situación'],
      notes: ['Name → subject(subject).fullName', 'Qx → record.freeText'],
    });
  });

  it("leaves out a document column of no number, takes a town beside a postcode as the address's, and a firm's registration number as its tax number", () => {
    expect(
      propose('AT', [
        ['Familienname', 'HORVÁTH', 'NAGY'],
        ['Aufenthaltstitel', 'EU-Bürger', 'Niederlassungsbewilligung'],
        ['PLZ', '1100', '1070'],
        ['Ort', 'Wien', 'Graz'],
        ['Darba devēja reģ. Nr.', '40003012345', '40103098765'],
      ]),
    ).toEqual({
      mapped: [
        'Familienname → subject(subject).familyName',
        'PLZ → subject(subject).addressPostcode',
        'Ort → subject(subject).addressCity',
        'Darba devēja reģ. Nr. → employer(employer).documentNumber[tax-id]',
      ],
      unmapped: ['Aufenthaltstitel'],
    });
  });
});

describe('role words in cells, in the languages read later', () => {
  it('reads suspects, victims, witnesses, drivers, employers and callers in sixteen languages', () => {
    const written = [
      'podezřelý',
      'poškozená',
      'gyanúsított',
      'sértett',
      'įtariamasis',
      'nukentėjusi',
      'aizdomās turētais',
      'cietusī',
      'liecinieks',
      'mistænkt',
      'forurettede',
      'misstänkt',
      'målsägande',
      'vittne',
      'epäilty',
      'asianomistaja',
      'todistaja',
      'kahtlustatav',
      'kannatanu',
      'osumnjičeni',
      'oštećena',
      'осумњичени',
      'δράστης',
      'θύμα',
      'nghi phạm',
      'nạn nhân',
      'ผู้ต้องสงสัย',
      'ผู้เสียหาย',
      'Lenker',
      'vadītājs',
      'työnantaja',
      'zvanītājs',
    ];
    expect(Object.fromEntries(written.map((w) => [w, roleOf(w)]))).toEqual({
      podezřelý: 'suspect',
      poškozená: 'victim',
      gyanúsított: 'suspect',
      sértett: 'victim',
      įtariamasis: 'suspect',
      nukentėjusi: 'victim',
      'aizdomās turētais': 'suspect',
      cietusī: 'victim',
      liecinieks: 'witness',
      mistænkt: 'suspect',
      forurettede: 'victim',
      misstänkt: 'suspect',
      målsägande: 'victim',
      vittne: 'witness',
      epäilty: 'suspect',
      asianomistaja: 'victim',
      todistaja: 'witness',
      kahtlustatav: 'suspect',
      kannatanu: 'victim',
      osumnjičeni: 'suspect',
      oštećena: 'victim',
      осумњичени: 'suspect',
      δράστης: 'suspect',
      θύμα: 'victim',
      'nghi phạm': 'suspect',
      'nạn nhân': 'victim',
      ผู้ต้องสงสัย: 'suspect',
      ผู้เสียหาย: 'victim',
      Lenker: 'driver',
      vadītājs: 'driver',
      työnantaja: 'employer',
      zvanītājs: 'reporter',
    });
    // A short word of one language inside a word of another is no role: "offer" is the Danish victim.
    expect([roleOf('officer'), roleOf('Offerte')]).toEqual([null, null]);
  });
});

describe('dates written with month names, in the languages of the agencies', () => {
  it('reads day-month-year, year-month-day and Latvian, Vietnamese and Thai (Buddhist era) forms, numbers with spaced and closing dots, and refuses a name of two months', () => {
    const written = [
      '12. März 2024',
      '3. Jänner 2025',
      '12 stycznia 2024 r.',
      '12. listopadu 2024',
      '3. září 2024',
      '5. júna 1990',
      '2024. március 12.',
      '2024 m. lapkričio 12 d.',
      '2024. gada 12. novembrī',
      '12. marraskuuta 2024',
      '5. jaanuar 2024',
      '12. siječnja 2024',
      '12 новембар 2024',
      '14 maj 1988',
      '3 augusti 1999',
      '12 Νοεμβρίου 2024',
      '3 Μαΐου 1990',
      '12 листопада 2024',
      '12 ноября 2024 г.',
      '12 ноември 2024',
      '12 tháng 11 năm 2024',
      '12 พฤศจิกายน 2567',
      '3 de março de 1991',
      '3 août 1991',
      '3 settembre 1991',
      '3 maart 1991',
      // November in Polish but October in Croatian: refused rather than guessed.
      '12 listopada 2024',
      // Numbers with a space after each dot, or a closing dot.
      '12. 3. 1985',
      '2024. 03. 12.',
      '2024.03.12.',
      '12.03.1985.',
    ];
    expect(Object.fromEntries(written.map((w) => [w, parseDate(w, 'DMY')]))).toEqual({
      '12. März 2024': { ok: true, date: '2024-03-12' },
      '3. Jänner 2025': { ok: true, date: '2025-01-03' },
      '12 stycznia 2024 r.': { ok: true, date: '2024-01-12' },
      '12. listopadu 2024': { ok: true, date: '2024-11-12' },
      '3. září 2024': { ok: true, date: '2024-09-03' },
      '5. júna 1990': { ok: true, date: '1990-06-05' },
      '2024. március 12.': { ok: true, date: '2024-03-12' },
      '2024 m. lapkričio 12 d.': { ok: true, date: '2024-11-12' },
      '2024. gada 12. novembrī': { ok: true, date: '2024-11-12' },
      '12. marraskuuta 2024': { ok: true, date: '2024-11-12' },
      '5. jaanuar 2024': { ok: true, date: '2024-01-05' },
      '12. siječnja 2024': { ok: true, date: '2024-01-12' },
      '12 новембар 2024': { ok: true, date: '2024-11-12' },
      '14 maj 1988': { ok: true, date: '1988-05-14' },
      '3 augusti 1999': { ok: true, date: '1999-08-03' },
      '12 Νοεμβρίου 2024': { ok: true, date: '2024-11-12' },
      '3 Μαΐου 1990': { ok: true, date: '1990-05-03' },
      '12 листопада 2024': { ok: true, date: '2024-11-12' },
      '12 ноября 2024 г.': { ok: true, date: '2024-11-12' },
      '12 ноември 2024': { ok: true, date: '2024-11-12' },
      '12 tháng 11 năm 2024': { ok: true, date: '2024-11-12' },
      '12 พฤศจิกายน 2567': { ok: true, date: '2024-11-12' },
      '3 de março de 1991': { ok: true, date: '1991-03-03' },
      '3 août 1991': { ok: true, date: '1991-08-03' },
      '3 settembre 1991': { ok: true, date: '1991-09-03' },
      '3 maart 1991': { ok: true, date: '1991-03-03' },
      '12 listopada 2024': { ok: false, reason: '"12 listopada 2024" is not a date this profile can read (DMY)' },
      '12. 3. 1985': { ok: true, date: '1985-03-12' },
      '2024. 03. 12.': { ok: true, date: '2024-03-12' },
      '2024.03.12.': { ok: true, date: '2024-03-12' },
      '12.03.1985.': { ok: true, date: '1985-03-12' },
    });
  });
});

// Sheets as Spanish, Portuguese, Croatian, Hungarian and Serbian police, border and NGO units write
// them (dev12): a sheet's name against its own role column, a driver's licence and a smuggler's car.
describe('reading the sheets of Spanish, Portuguese, Croatian, Hungarian and Serbian agencies', () => {
  const sheet = (name: string, roles: string[]) =>
    summary(
      proposeProfile({
        agency: 'X',
        country: 'ES',
        sheets: [name],
        header: ['Condición', 'Primer apellido', 'Nombre', 'Teléfono'],
        samples: roles.map((role, i) => [role, ['GARCÍA', 'BENÍTEZ', 'STAN'][i] ?? null, 'Ana', '612 345 678']),
      }).profile,
    );

  it("gives a sheet's persons to the file, not to the sheet's party, when its role column says another role on some rows", () => {
    expect(sheet('Detenidos e investigados', ['detenido', 'víctima', 'investigada'])).toEqual([
      'Condición → subject(subject).role',
      'Primer apellido → subject(subject).familyName',
      'Nombre → subject(subject).givenName',
      'Teléfono → subject(subject).phone',
    ]);
    // Roles of the sheet's own party only: the sheet's word stands.
    expect(sheet('Detenidos e investigados', ['detenido', 'investigado', 'detenida'])).toEqual([
      'Condición → suspect(suspect).role',
      'Primer apellido → suspect(suspect).familyName',
      'Nombre → suspect(suspect).givenName',
      'Teléfono → suspect(suspect).phone',
    ]);
  });

  it("gives a driving licence and the plate after a driver's name to the driver, a smuggler's plate and its country to the smuggler, and reads a place and time of birth as the date", () => {
    expect(
      propose('PT', [
        ['Nome do condutor', 'Harjit Singh', 'Pedro Alves Gomes'],
        ['N.º carta de condução', 'L-1234567 8', 'BE-987654 1'],
        ['Matrícula', '12-AB-34', 'AA-00-BB'],
        ['Empresa de trabalho temporário', 'Alentejo Recursos Lda.', 'Sul Recursos Lda.'],
      ]).mapped,
    ).toEqual([
      'Nome do condutor → driver(driver).fullName',
      'N.º carta de condução → driver(driver).documentNumber[driving-licence]',
      'Matrícula → driver(driver).vehiclePlate',
      'Empresa de trabalho temporário → recruitment-agency(recruitment-agency).fullName',
    ]);
    expect(
      propose('HR', [
        ['Krijumčar - ime i prezime', 'Nikola Stanković', 'Ahmed Yilmaz'],
        ['Reg. oznaka vozila', 'BG 1234-AB', 'ZG 5678-CD'],
        ['Država registracije', 'Srbija', 'Hrvatska'],
        ['Migrant - ime i prezime', 'Zabihullah Noori', 'Imran Khan'],
      ]).mapped,
    ).toEqual([
      'Krijumčar - ime i prezime → suspect(suspect).fullName',
      'Reg. oznaka vozila → suspect(suspect).vehiclePlate',
      'Država registracije → suspect(suspect).vehicleCountry',
      'Migrant - ime i prezime → subject(subject).fullName',
    ]);
    expect(
      propose('HU', [
        ['Családi név', 'Kovács', 'Lakatos'],
        ['Születési hely, idő', 'Miskolc, 1985.03.12.', 'Ózd, 2004.07.01.'],
      ]).mapped,
    ).toEqual(['Családi név → subject(subject).familyName', 'Születési hely, idő → subject(subject).birthDate']);
  });
});

// Columns about the people around a case rather than its parties, which the proposal had read as
// names (a prosecutor, a caller's relationship to the victim) or not at all (who calls).
describe('staff, relationships and callers', () => {
  it("leaves a case's prosecutor, judge and case handler out, so that no person is made of them", () => {
    const { mapped, unmapped } = propose('DE', [
      ['Az.', '12 Js 118/25', '12 Js 119/25'],
      ['Staatsanwalt', 'StA Meier', 'StAin Kurz'],
      ['Sachbearbeiter', 'KHK Roth', 'KOK Lenz'],
    ]);
    expect(mapped).toEqual(['Az. → record.caseRef']);
    expect(unmapped).toEqual(['Staatsanwalt', 'Sachbearbeiter']);
    expect(
      propose('FR', [
        ['N° procédure', '2025/118', '2025/119'],
        ['Procureur', 'M. Roy', 'Mme Dan'],
        ['Magistrat instructeur', 'M. Roy', 'Mme Dan'],
      ]).unmapped,
    ).toEqual(['Procureur', 'Magistrat instructeur']);
    // "caz" (case) in the prosecutor's header made it the case's reference, and the file number the row's.
    expect(
      propose('RO', [
        ['Nr. dosar', '412/D/P/2025', '455/D/P/2025'],
        ['Procuror caz', 'proc. A. Dinu', 'proc. M. Stan'],
      ]),
    ).toEqual({ mapped: ['Nr. dosar → record.caseRef'], unmapped: ['Procuror caz'] });
    expect(propose('ES', [['Fiscal del caso', 'D. Ruiz', 'M. Gil']]).unmapped).toEqual(['Fiscal del caso']);
  });

  it("never takes what a caller is to the victim for the victim's name", () => {
    const cases: [string, string, string[]][] = [
      ['ES', 'Relación con la víctima', ['vecina', 'cliente', 'familiar']],
      ['IT', 'Rapporto con la vittima', ['vicina', 'cliente', 'sorella']],
      ['PT', 'Relação com a vítima', ['vizinha', 'cliente', 'irmã']],
      ['RO', 'Relația cu victima', ['vecină', 'client', 'soră']],
      ['BG', 'Връзка с жертвата', ['съседка', 'клиент', 'сестра']],
      ['PL', 'Relacja z ofiarą', ['sąsiadka', 'klient', 'siostra']],
      ['RU', 'Отношение к пострадавшей', ['соседка', 'клиент', 'сестра']],
    ];
    for (const [country, header, values] of cases)
      expect(propose(country, [[header, ...values]]).unmapped, header).toEqual([header]);
  });

  it("reads the name of who calls as the reporter, and a call's B-number and start as the other party and the event", () => {
    expect(
      propose('ES', [
        ['Nombre de quien llama', 'Anónimo', 'Pilar (vecina)', 'Eduardo Ruiz'],
        ['Nombre presunta víctima', 'Sandra', 'Yesica Paola Ramírez', 'Ana Pop'],
      ]).mapped,
    ).toEqual([
      'Nombre de quien llama → reporter(reporter).fullName',
      'Nombre presunta víctima → victim(victim).fullName',
    ]);
    expect(propose('IT', [['Nome di chi chiama', 'anonimo', 'Piera Rossi']]).mapped).toEqual([
      'Nome di chi chiama → reporter(reporter).fullName',
    ]);
    expect(propose('PT', [['Nome de quem liga', 'anónimo', 'Rita Sá']]).mapped).toEqual([
      'Nome de quem liga → reporter(reporter).fullName',
    ]);
    // The caller's kind alone ("who calls": the victim, a neighbour) stays out.
    expect(propose('ES', [['Quien llama', 'víctima', 'vecina']]).unmapped).toEqual(['Quien llama']);
    const calls = propose('DE', [
      ['Beginn (UTC)', '03.04.2026 22:14:09', '04.04.2026 07:45:12'],
      ['B-Nummer', '+4915112345678', '+4917012345678'],
    ]).mapped;
    expect(calls).toContain('B-Nummer → associate(associate).phone');
    expect(
      propose('GB', [
        ['Start Date/Time (UTC)', '2026-04-03 22:14:09', '2026-04-04 07:45:12'],
        ['Duration (secs)', '184', '37'],
      ]).mapped,
    ).toEqual(['Start Date/Time (UTC) → record.eventDate']);
  });
});
