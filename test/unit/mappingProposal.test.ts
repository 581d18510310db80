import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHeaderRow } from '../../main/core/headers';
import { DEFAULT_GRADING, fieldOfValues, mergeSheetProposals, proposeProfile } from '../../main/core/mappingProposal';
import { parseProfile } from '../../main/core/profile';
import { resolveColumns } from '../../main/core/rowMapper';
import { summary } from '../support/proposals';

const PROFILE_DEFAULTS = {
  version: 1,
  encoding: 'auto',
  delimiter: 'auto',
  dateOrder: 'DMY',
  grading: DEFAULT_GRADING,
};

describe('proposing a mapping profile', () => {
  it('maps Romanian headers to a case and one person', () => {
    const proposal = proposeProfile({
      agency: 'RO-POL',
      country: 'RO',
      header: ['Dosar', 'Nume', 'Prenume', 'Data nașterii', 'Telefon', 'Adresă', 'column 7'],
      samples: [['RO-1/2024', 'POPESCU', 'Ion', '03.04.1991', '0740 123 456', 'Str. Lungă 3, Iași', null]],
    });
    expect(proposal).toEqual({
      profile: {
        ...PROFILE_DEFAULTS,
        agency: 'RO-POL',
        name: 'RO-POL (proposed)',
        country: 'RO',
        entities: { subject: { kind: 'person', role: 'subject' } },
        columns: [
          { column: 'Dosar', entity: 'record', field: 'caseRef' },
          { column: 'Nume', entity: 'subject', field: 'familyName' },
          { column: 'Prenume', entity: 'subject', field: 'givenName' },
          { column: 'Data nașterii', entity: 'subject', field: 'birthDate' },
          { column: 'Telefon', entity: 'subject', field: 'phone', multiple: true },
          { column: 'Adresă', entity: 'subject', field: 'address' },
        ],
      },
      unmapped: [],
      reasons: expect.any(Object),
    });
  });

  it('explains each column by the field it was mapped to', () => {
    const { reasons } = proposeProfile({
      agency: 'RO-POL',
      country: 'RO',
      header: ['Dosar', 'Data nașterii', 'DOB'],
      samples: [],
    });
    expect(reasons).toEqual({
      Dosar: 'header "Dosar" reads as caseRef',
      'Data nașterii': 'header "Data nașterii" reads as birthDate',
      DOB: 'header "DOB" reads as birthDate',
    });
  });

  it('maps Spanish headers, with accents, and the role a header names', () => {
    const { profile, unmapped } = proposeProfile({
      agency: 'POLICIA-ES',
      country: 'ES',
      header: [
        'Expediente',
        'Nombre',
        'Apellidos',
        'Fecha de nacimiento',
        'Teléfono',
        'Correo',
        'Dirección',
        'Nacionalidad',
        'Víctima teléfono',
      ],
      samples: [],
    });
    expect({ entities: profile.entities, columns: profile.columns, unmapped }).toEqual({
      entities: { subject: { kind: 'person', role: 'subject' }, victim: { kind: 'person', role: 'victim' } },
      columns: [
        { column: 'Expediente', entity: 'record', field: 'caseRef' },
        { column: 'Nombre', entity: 'subject', field: 'givenName' },
        { column: 'Apellidos', entity: 'subject', field: 'familyName' },
        { column: 'Fecha de nacimiento', entity: 'subject', field: 'birthDate' },
        { column: 'Teléfono', entity: 'subject', field: 'phone', multiple: true },
        { column: 'Correo', entity: 'subject', field: 'email', multiple: true },
        { column: 'Dirección', entity: 'subject', field: 'address' },
        { column: 'Nacionalidad', entity: 'subject', field: 'nationality' },
        { column: 'Víctima teléfono', entity: 'victim', field: 'phone', multiple: true },
      ],
      unmapped: [],
    });
  });

  it('gives "Victim phone", "Suspect Email" and "Employer name" to their own entities', () => {
    const { profile, reasons } = proposeProfile({
      agency: 'CITY-POL',
      country: 'GB',
      header: ['Case Number', 'Surname', 'DOB', 'Victim phone', 'Suspect Email', 'Employer name', 'Notes'],
      samples: [],
    });
    expect({ entities: profile.entities, columns: profile.columns, employer: reasons['Employer name'] }).toEqual({
      entities: {
        subject: { kind: 'person', role: 'subject' },
        victim: { kind: 'person', role: 'victim' },
        suspect: { kind: 'person', role: 'suspect' },
        employer: { kind: 'organization', role: 'employer' },
      },
      columns: [
        { column: 'Case Number', entity: 'record', field: 'caseRef' },
        { column: 'Surname', entity: 'subject', field: 'familyName' },
        { column: 'DOB', entity: 'subject', field: 'birthDate' },
        { column: 'Victim phone', entity: 'victim', field: 'phone', multiple: true },
        { column: 'Suspect Email', entity: 'suspect', field: 'email', multiple: true },
        { column: 'Employer name', entity: 'employer', field: 'fullName' },
        { column: 'Notes', entity: 'record', field: 'freeText' },
      ],
      employer: 'header "Employer name" reads as fullName, of a separate employer (role employer); an organisation',
    });
  });

  it('reads unlabelled columns by their values: IBANs, e-mails, phones; leaves the rest to the analyst', () => {
    const proposal = proposeProfile({
      agency: 'FIU',
      country: 'GB',
      header: ['Col A', 'Col B', 'Col C', 'Col D', 'Col E'],
      samples: [
        ['GB82 WEST 1234 5698 7654 32', 'a@example.org', '07912 345678', 'x', '03/04/2024'],
        ['RO49 AAAA 1B31 0075 9384 0000', 'B@Example.org', '+44 20 7946 0018', 'y', '04/04/2024'],
        [null, 'c@example.org', '0740 123 456', 'z', '05/04/2024'],
      ],
    });
    expect({ columns: proposal.profile.columns, unmapped: proposal.unmapped, reasons: proposal.reasons }).toEqual({
      columns: [
        { column: 'Col A', entity: 'subject', field: 'iban' },
        { column: 'Col B', entity: 'subject', field: 'email', multiple: true },
        { column: 'Col C', entity: 'subject', field: 'phone', multiple: true },
        { column: 'Col E', entity: 'record', field: 'eventDate' },
      ],
      unmapped: ['Col D'],
      reasons: {
        'Col A': 'values look like iban',
        'Col B': 'values look like email',
        'Col C': 'values look like phone',
        'Col E': 'values look like eventDate',
      },
    });
  });

  it('reads dates month-first for US agencies', () => {
    expect(proposeProfile({ agency: 'NYPD', country: 'US', header: ['Case'], samples: [] }).profile.dateOrder).toBe(
      'MDY',
    );
  });

  it('is a profile that parseProfile accepts as it stands, whatever the headers and values', () => {
    const headers = [
      'Victim phone',
      'Suspect e-mail',
      'Employer',
      'Company name',
      'Nume',
      'Prenume',
      'Data nașterii',
      'Dosar',
      'Notes',
      'Adresă',
      'IBAN',
      'Card',
      'Wallet',
      'Recruiter Instagram',
      'Account holder',
      'Sort code',
      'Passport',
      'Vehicle',
      'Role',
      'Witness',
      'Driver',
      'Landlord',
      'column 3',
    ];
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('a@example.org', '07912 345678', 'GB82 WEST 1234 5698 7654 32', '03/04/1991'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...headers), fc.string({ minLength: 1, maxLength: 20 })), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 4 }),
        (header, samples) => {
          const { profile } = proposeProfile({ agency: 'CITY-POL', country: 'GB', header, samples });
          // With nothing mapped there is no profile yet: the analyst maps a column first.
          if (profile.columns.length > 0) expect(parseProfile(profile)).toEqual(profile);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a labour inspection sheet: role words make their own parties, the rest of the header the field', () => {
    const { profile, unmapped } = proposeProfile({
      agency: 'GLAA',
      country: 'GB',
      header: [
        'Inspection No',
        'Worker surname',
        'Worker given names',
        'Worker DOB',
        'Worker Tel',
        'Social security no',
        'Employer name',
        'Agent phone',
        'Recruiter / agent',
        'Account holder',
        'Holder DOB',
        'Holder phone',
        'Holder address',
        'Counterparty IBAN',
      ],
      samples: [],
    });
    expect({ columns: summary(profile), unmapped }).toEqual({
      columns: [
        'Inspection No → record.caseRef',
        'Worker surname → subject(subject).familyName',
        'Worker given names → subject(subject).givenName',
        'Worker DOB → subject(subject).birthDate',
        'Worker Tel → subject(subject).phone',
        'Social security no → subject(subject).documentNumber[social-security]',
        'Employer name → employer(employer).fullName',
        'Agent phone → recruiter(recruiter).phone',
        'Recruiter / agent → recruiter(recruiter).fullName',
        'Account holder → account-holder(account-holder).fullName',
        'Holder DOB → account-holder(account-holder).birthDate',
        'Holder phone → account-holder(account-holder).phone',
        'Holder address → account-holder(account-holder).address',
        'Counterparty IBAN → counterparty(account-holder).iban',
      ],
      unmapped: [],
    });
  });

  it('reads names, dates of birth, identity numbers and address parts in eleven languages', () => {
    const read = (header: string[]) =>
      summary(proposeProfile({ agency: 'X', country: 'GB', header, samples: [] }).profile);
    expect({
      de: read([
        'Vorgangs-Nr.',
        'Nachname',
        'Vorname(n)',
        'Geburtsdatum',
        'Personalausweis-Nr.',
        'Straße',
        'Hausnummer',
        'PLZ',
      ]),
      fr: read(['N° procédure', 'Nom', 'Prénom(s)', 'Date de naissance', 'N° titre de séjour', 'Code postal']),
      it: read(['Numero verbale', 'Cognome lavoratore', 'Nome lavoratore', 'Codice fiscale', 'Indirizzo e-mail']),
      es: read(['Nº diligencias', 'Primer apellido', 'Nombre', 'DNI/NIE', 'Víctima - nombre y apellidos']),
      pt: read(['Processo n.º', 'Nome completo', 'NIF', 'Morada']),
      ro: read(['Nr. dosar', 'Nume', 'Prenume', 'CNP', 'Nume recrutor', 'Telefon recrutor']),
      bg: read(['№ на преписка', 'Фамилия', 'Собствено име', 'ЕГН', 'Дата на раждане', 'Лична карта №']),
      uk: read(['№ справи', 'Прізвище', "Ім'я", 'Дата народження', 'Номер паспорта', 'РНОКПП']),
      pl: read(['Nr sprawy', 'Nazwisko', 'Imię', 'PESEL', 'Nr domu', 'Ulica']),
      nl: read(['Zaaknummer', 'Achternaam werknemer', 'Voornaam werknemer', 'BSN', 'Huisnummer', 'Werkgever']),
      en: read(['Crime Ref', 'Nominal Surname', 'Forename(s)', 'D.O.B.', 'NI Number', 'Passport No.', 'House No']),
    }).toEqual({
      de: [
        'Vorgangs-Nr. → record.caseRef',
        'Nachname → subject(subject).familyName',
        'Vorname(n) → subject(subject).givenName',
        'Geburtsdatum → subject(subject).birthDate',
        'Personalausweis-Nr. → subject(subject).documentNumber[national-id]',
        'Straße → subject(subject).addressStreet',
        'Hausnummer → subject(subject).addressHouseNumber',
        'PLZ → subject(subject).addressPostcode',
      ],
      fr: [
        'N° procédure → record.caseRef',
        'Nom → subject(subject).familyName',
        'Prénom(s) → subject(subject).givenName',
        'Date de naissance → subject(subject).birthDate',
        'N° titre de séjour → subject(subject).documentNumber[residence-permit]',
        'Code postal → subject(subject).addressPostcode',
      ],
      it: [
        'Numero verbale → record.caseRef',
        'Cognome lavoratore → subject(subject).familyName',
        'Nome lavoratore → subject(subject).givenName',
        'Codice fiscale → subject(subject).documentNumber[tax-id]',
        'Indirizzo e-mail → subject(subject).email',
      ],
      es: [
        'Nº diligencias → record.caseRef',
        'Primer apellido → subject(subject).familyName',
        'Nombre → subject(subject).givenName',
        'DNI/NIE → subject(subject).documentNumber[national-id]',
        'Víctima - nombre y apellidos → victim(victim).fullName',
      ],
      pt: [
        'Processo n.º → record.caseRef',
        'Nome completo → subject(subject).fullName',
        'NIF → subject(subject).documentNumber[tax-id]',
        'Morada → subject(subject).address',
      ],
      ro: [
        'Nr. dosar → record.caseRef',
        'Nume → subject(subject).familyName',
        'Prenume → subject(subject).givenName',
        'CNP → subject(subject).documentNumber[personal-number]',
        'Nume recrutor → recruiter(recruiter).fullName',
        'Telefon recrutor → recruiter(recruiter).phone',
      ],
      bg: [
        '№ на преписка → record.caseRef',
        'Фамилия → subject(subject).familyName',
        'Собствено име → subject(subject).givenName',
        'ЕГН → subject(subject).documentNumber[personal-number]',
        'Дата на раждане → subject(subject).birthDate',
        'Лична карта № → subject(subject).documentNumber[national-id]',
      ],
      uk: [
        '№ справи → record.caseRef',
        'Прізвище → subject(subject).familyName',
        "Ім'я → subject(subject).givenName",
        'Дата народження → subject(subject).birthDate',
        'Номер паспорта → subject(subject).documentNumber[passport]',
        'РНОКПП → subject(subject).documentNumber[tax-id]',
      ],
      pl: [
        'Nr sprawy → record.caseRef',
        'Nazwisko → subject(subject).familyName',
        'Imię → subject(subject).givenName',
        'PESEL → subject(subject).documentNumber[personal-number]',
        'Nr domu → subject(subject).addressHouseNumber',
        'Ulica → subject(subject).addressStreet',
      ],
      nl: [
        'Zaaknummer → record.caseRef',
        'Achternaam werknemer → subject(subject).familyName',
        'Voornaam werknemer → subject(subject).givenName',
        'BSN → subject(subject).documentNumber[personal-number]',
        'Huisnummer → subject(subject).addressHouseNumber',
        'Werkgever → employer(employer).fullName',
      ],
      en: [
        'Crime Ref → record.caseRef',
        'Nominal Surname → subject(subject).familyName',
        'Forename(s) → subject(subject).givenName',
        'D.O.B. → subject(subject).birthDate',
        'NI Number → subject(subject).documentNumber[national-insurance]',
        'Passport No. → subject(subject).documentNumber[passport]',
        'House No → subject(subject).addressHouseNumber',
      ],
    });
  });

  it('keeps originator and beneficiary apart, and gives a file about one named person its unlabelled columns', () => {
    const transfers = proposeProfile({
      agency: 'DE-FIU',
      country: 'DE',
      header: ['Auftraggeber Name', 'Auftraggeber IBAN', 'Begünstigter Name', 'Begünstigter IBAN', 'Betrag EUR'],
      samples: [],
    });
    const hotline = proposeProfile({
      agency: 'NGO',
      country: 'GB',
      header: ['Caller name', 'Caller number', 'Name of person at risk', 'Age or DOB', 'Their phone'],
      samples: [],
    });
    expect({
      transfers: summary(transfers.profile),
      unmapped: transfers.unmapped,
      hotline: summary(hotline.profile),
    }).toEqual({
      transfers: [
        'Auftraggeber Name → originator(account-holder).fullName',
        'Auftraggeber IBAN → originator(account-holder).iban',
        'Begünstigter Name → beneficiary(account-holder).fullName',
        'Begünstigter IBAN → beneficiary(account-holder).iban',
      ],
      unmapped: ['Betrag EUR'],
      hotline: [
        'Caller name → reporter(reporter).fullName',
        'Caller number → reporter(reporter).phone',
        'Name of person at risk → victim(victim).fullName',
        'Age or DOB → victim(victim).birthDate',
        'Their phone → victim(victim).phone',
      ],
    });
  });

  it('reads dates and identity numbers under unknown headers as what they are, not as phones', () => {
    const { profile } = proposeProfile({
      agency: 'X',
      country: 'NL',
      header: ['Kolom 1', 'Kolom 2', 'Kolom 3'],
      samples: [
        ['21-11-2024', '1910403123456', '06 12345678'],
        ['22-11-2024', '2850101123456', '+31 6 12345678'],
      ],
    });
    // Thirteen digits beginning with a century digit and a date of birth: a personal number (a CNP).
    expect(summary(profile)).toEqual([
      'Kolom 1 → record.eventDate',
      'Kolom 2 → subject(subject).documentNumber',
      'Kolom 3 → subject(subject).phone',
    ]);
  });

  it('reads a sex, a postcode and a nationality from the values under headers it does not know', () => {
    const { profile, unmapped } = proposeProfile({
      agency: 'X',
      country: 'GB',
      header: ['Feld 1', 'Feld 2', 'Feld 3', 'Feld 4'],
      samples: [
        ['M', 'PE1 2AB', 'Romanian', 'No'],
        ['F', 'LE1 1AA', 'Polish', 'Da'],
        ['female', 'PE21 8QR', 'moldovenească', 'No'],
      ],
    });
    expect({ columns: summary(profile), unmapped }).toEqual({
      columns: [
        'Feld 1 → subject(subject).gender',
        'Feld 2 → subject(subject).addressPostcode',
        'Feld 3 → subject(subject).nationality',
      ],
      unmapped: ['Feld 4'],
    });
  });

  it('proposes every sheet of a workbook, each column on its sheet; a sheet of agents gives its columns to the recruiter', () => {
    const workers = proposeProfile({
      agency: 'GLAA',
      country: 'GB',
      header: ['Inspection No', 'Surname', 'Phone'],
      samples: [],
      sheets: ['Workers'],
    });
    const agents = proposeProfile({
      agency: 'GLAA',
      country: 'GB',
      header: ['Inspection No', 'Name', 'Phone'],
      samples: [],
      sheets: ['Agents'],
    });
    const notes = proposeProfile({
      agency: 'GLAA',
      country: 'GB',
      header: ['column 1'],
      samples: [],
      sheets: ['Notes'],
    });
    const { profile } = mergeSheetProposals([
      { sheet: 'Workers', proposal: workers },
      { sheet: 'Agents', proposal: agents },
      { sheet: 'Notes', proposal: notes },
    ]);
    const onSheet = (sheet: string) =>
      resolveColumns(profile, ['Inspection No', 'Name', 'Surname', 'Phone'], sheet).mappings.map(
        (m) => `${m.column} → ${m.entity}.${m.field}`,
      );
    expect(parseProfile(profile)).toEqual(profile);
    expect({
      sheets: profile.sheets,
      workers: onSheet('Workers'),
      agents: onSheet('Agents'),
    }).toEqual({
      sheets: ['Workers', 'Agents'],
      workers: ['Inspection No → record.caseRef', 'Surname → subject.familyName', 'Phone → subject.phone'],
      agents: ['Inspection No → record.caseRef', 'Name → recruiter.fullName', 'Phone → recruiter.phone'],
    });
  });

  it('proposes a profile for Cyrillic headers that finds its own columns and header row in its own file', () => {
    const rows = [
      ['Справка за лица', null, null],
      ['№ на преписка', 'Фамилия', 'Телефон'],
      ['3456/2024', 'Петров', '0888 123 456'],
    ];
    const headerIndex = findHeaderRow(rows);
    const header = (rows[headerIndex] ?? []) as string[];
    const { profile } = proposeProfile({ agency: 'BG-POL', country: 'BG', header, samples: [rows[2] ?? []] });
    expect({ headerIndex, ...resolveColumns(profile, header) }).toEqual({
      headerIndex: 1,
      mappings: [
        expect.objectContaining({ column: '№ на преписка', field: 'caseRef', index: 0 }),
        expect.objectContaining({ column: 'Фамилия', field: 'familyName', index: 1 }),
        expect.objectContaining({ column: 'Телефон', field: 'phone', index: 2 }),
      ],
      missing: [],
    });
  });

  it('reads system exports, bare house numbers, company numbers and a file about one business', () => {
    const read = (header: string[], sheets?: string[]) =>
      summary(
        proposeProfile({ agency: 'X', country: 'GB', header, samples: [], ...(sheets ? { sheets } : {}) }).profile,
      );
    expect({
      export: read(['case_id', 'dateOfBirth', 'last_name', 'passportNo']),
      spanish: read(['Calle', 'Número', 'Piso', 'Código postal']),
      business: read(['Business name', 'Company reg. no.', 'Registered address', 'Contact tel']),
      detained: read(['Рег. №', 'Име, презиме, фамилия', 'Паспорт №'], ['Задържани']),
    }).toEqual({
      export: [
        'case_id → record.caseRef',
        'dateOfBirth → subject(subject).birthDate',
        'last_name → subject(subject).familyName',
        'passportNo → subject(subject).documentNumber[passport]',
      ],
      spanish: [
        'Calle → subject(subject).addressStreet',
        'Número → subject(subject).addressHouseNumber',
        'Piso → subject(subject).addressFlat',
        'Código postal → subject(subject).addressPostcode',
      ],
      business: [
        'Business name → employer(employer).fullName',
        'Company reg. no. → employer(employer).documentNumber[tax-id]',
        'Registered address → employer(employer).address',
        'Contact tel → employer(employer).phone',
      ],
      detained: [
        'Рег. № → record.caseRef',
        'Име, презиме, фамилия → suspect(suspect).fullName',
        'Паспорт № → suspect(suspect).documentNumber[passport]',
      ],
    });
  });

  describe('headers as agencies abbreviate and inflect them', () => {
    const read = (header: string[], country = 'GB', samples: (string | null)[][] = [], sheet?: string) =>
      summary(proposeProfile({ agency: 'X', country, header, samples, ...(sheet ? { sheets: [sheet] } : {}) }).profile);

    it('reads initials with dots and words cut short with a dot', () => {
      expect(read(['C.F.', 'Л.К. №', 'Seria și nr. C.I.', 'Sygn. akt', 'N.º Seg. Social', 'Staatsangeh.'])).toEqual([
        'C.F. → subject(subject).documentNumber[tax-id]',
        'Л.К. № → subject(subject).documentNumber[national-id]',
        'Seria și nr. C.I. → subject(subject).documentNumber[national-id]',
        'Sygn. akt → record.caseRef',
        'N.º Seg. Social → subject(subject).documentNumber[social-security]',
        'Staatsangeh. → subject(subject).nationality',
      ]);
    });

    it('leaves out places of birth, dates of hiring and countries of exploitation; keeps dates of birth', () => {
      const header = [
        'Geb.-Dat.',
        'Geb.-Ort',
        'Geb.plaats',
        'Nato il',
        'Nato a',
        'Né(e) à',
        'Data angajării',
        'Data valuta',
      ];
      const proposal = proposeProfile({ agency: 'X', country: 'DE', header, samples: [] });
      expect({ mapped: summary(proposal.profile), unmapped: proposal.unmapped }).toEqual({
        mapped: [
          'Geb.-Dat. → subject(subject).birthDate',
          'Nato il → subject(subject).birthDate',
          'Data valuta → record.eventDate',
        ],
        unmapped: ['Geb.-Ort', 'Geb.plaats', 'Nato a', 'Né(e) à', 'Data angajării'],
      });
    });

    it('reads role words before and after the field, in the genitive, and a party "of" a thing', () => {
      expect(
        read([
          'Name des Opfers',
          'Opfer Geb.-Datum',
          'Täter Handy',
          'Vermieter der Wohnung',
          "Nom ou surnom de l'exploiteur",
          'Età p.o.',
          'Perp. vehicle reg',
          'Verdachtsmomente',
        ]),
      ).toEqual([
        'Name des Opfers → victim(victim).fullName',
        'Opfer Geb.-Datum → victim(victim).birthDate',
        'Täter Handy → suspect(suspect).phone',
        'Vermieter der Wohnung → landlord(landlord).fullName',
        "Nom ou surnom de l'exploiteur → suspect(suspect).fullName",
        'Età p.o. → victim(victim).birthDate',
        'Perp. vehicle reg → suspect(suspect).vehiclePlate',
        'Verdachtsmomente → record.freeText',
      ]);
    });

    it('reads a role column whose header names a person ("Person type")', () => {
      expect(read(['CRIS No', 'Person type', 'Last name'])).toEqual([
        'CRIS No → record.caseRef',
        'Person type → subject(subject).role',
        'Last name → subject(subject).familyName',
      ]);
    });

    it('gives a column with no role word to the person written before it', () => {
      expect(
        read(
          [
            'Nom de la victime',
            'Tél. victime',
            'Nom du mis en cause',
            'Téléphone du mis en cause',
            "Plaque d'immatriculation",
          ],
          'FR',
          [],
          'Victimes-Auteurs',
        ),
      ).toEqual([
        'Nom de la victime → victim(victim).fullName',
        'Tél. victime → victim(victim).phone',
        'Nom du mis en cause → suspect(suspect).fullName',
        'Téléphone du mis en cause → suspect(suspect).phone',
        "Plaque d'immatriculation → suspect(suspect).vehiclePlate",
      ]);
    });

    it('takes the persons of a file that records the form of their exploitation for its victims', () => {
      const proposal = proposeProfile({
        agency: 'X',
        country: 'FR',
        header: ['N° dossier', 'Nom', 'Prénom', 'Âge', "Forme d'exploitation", 'Țara exploatării', 'Tél. exploiteur'],
        samples: [],
      });
      expect({ mapped: summary(proposal.profile), unmapped: proposal.unmapped }).toEqual({
        mapped: [
          'N° dossier → record.caseRef',
          'Nom → victim(victim).familyName',
          'Prénom → victim(victim).givenName',
          'Âge → victim(victim).birthDate',
          'Tél. exploiteur → suspect(suspect).phone',
        ],
        unmapped: ["Forme d'exploitation", 'Țara exploatării'],
      });
    });

    it('reads an ordering party as the employer in a file with no account, as the payer beside an IBAN', () => {
      expect({
        labour: read(["Donneur d'ordre", 'Sous-traitant', 'Nom du salarié'], 'FR'),
        payment: read(["Donneur d'ordre", "IBAN donneur d'ordre", 'Bénéficiaire'], 'FR'),
      }).toEqual({
        labour: [
          "Donneur d'ordre → employer(employer).fullName",
          'Sous-traitant → employer(employer).fullName',
          'Nom du salarié → subject(subject).fullName',
        ],
        payment: [
          "Donneur d'ordre → originator(account-holder).fullName",
          "IBAN donneur d'ordre → originator(account-holder).iban",
          'Bénéficiaire → beneficiary(account-holder).fullName',
        ],
      });
    });

    it('lets the longer words of a header decide over a short word inside them', () => {
      expect(
        read(['Nombre / razón social', 'Transaction reference', 'Kraj pochodzenia', 'Tipo de interviniente']),
      ).toEqual([
        'Nombre / razón social → subject(subject).fullName',
        'Transaction reference → record.recordRef',
        'Kraj pochodzenia → subject(subject).nationality',
        'Tipo de interviniente → subject(subject).role',
      ]);
      expect(read(['Account of exploitation'])).toEqual(['Account of exploitation → record.freeText']);
    });

    it("reads a firm's number as its document, the place of a check as the record's, and leaves a reporting body out", () => {
      const proposal = proposeProfile({
        agency: 'X',
        country: 'GB',
        header: ['Company number', 'Employer PAYE ref', 'Plaats controle', 'First Responder Organisation'],
        samples: [],
      });
      expect({ mapped: summary(proposal.profile), unmapped: proposal.unmapped }).toEqual({
        mapped: [
          'Company number → employer(employer).documentNumber[tax-id]',
          'Employer PAYE ref → employer(employer).documentNumber[tax-id]',
          'Plaats controle → record.location',
        ],
        unmapped: ['First Responder Organisation'],
      });
    });

    it('gives the columns of a party named two ways in one header to that one party, and companions their own', () => {
      expect(
        read(['Fahrer (Schleuser)', 'Fahrer Geb.-Datum', 'Reisgenoot / begeleider', 'Telefoonnummer begeleider']),
      ).toEqual([
        'Fahrer (Schleuser) → suspect(suspect).fullName',
        'Fahrer Geb.-Datum → suspect(suspect).birthDate',
        'Reisgenoot / begeleider → associate(associate).fullName',
        'Telefoonnummer begeleider → associate(associate).phone',
      ]);
    });

    it("splits a compound whose first part names a party, and reads the words before 'of' as the field", () => {
      expect({
        compounds: read(['Täteranschrift', 'Opfername', 'Firmenanschrift', 'Geschädigte/r Name']),
        of: read(['Location of incident', 'Date de la plainte', 'Data de nasc. do suspeito']),
      }).toEqual({
        compounds: [
          'Täteranschrift → suspect(suspect).address',
          'Opfername → victim(victim).fullName',
          'Firmenanschrift → employer(employer).address',
          'Geschädigte/r Name → victim(victim).fullName',
        ],
        of: [
          'Location of incident → record.location',
          'Date de la plainte → record.eventDate',
          'Data de nasc. do suspeito → suspect(suspect).birthDate',
        ],
      });
    });

    it('reads "person" beside a role word as that role, and a name as written on a document as a name', () => {
      expect(read(['Постраждала особа', 'Име по паспорт'], 'BG')).toEqual([
        'Постраждала особа → victim(victim).fullName',
        'Име по паспорт → subject(subject).fullName',
      ]);
    });

    it('reads a beneficiary as the person a service is for, unless the file has payments', () => {
      expect({
        service: read(['Beneficiary name', 'Beneficiary DOB', 'Support worker']),
        payment: read(['Beneficiary name', 'Amount', 'MTCN']),
      }).toEqual({
        service: ['Beneficiary name → victim(victim).fullName', 'Beneficiary DOB → victim(victim).birthDate'],
        payment: ['Beneficiary name → beneficiary(account-holder).fullName', 'MTCN → record.recordRef'],
      });
    });

    it('reads a compound ending in a party word as that party, and inflected party words', () => {
      expect(
        read(['Hauptbeschuldigter', 'Mitbeschuldigte Handy', "Ім'я абонента", 'Контакт абонента'], 'UA', [
          ['Петро', '+380 50 111 2233', 'Оксана', '+380 67 111 2233'],
        ]),
      ).toEqual([
        'Hauptbeschuldigter → suspect(suspect).fullName',
        'Mitbeschuldigte Handy → suspect(suspect).phone',
        "Ім'я абонента → reporter(reporter).givenName",
        'Контакт абонента → reporter(reporter).phone',
      ]);
    });

    it('leaves out yes/no columns about a document, flight numbers and who is calling; reads a building and its owner', () => {
      const proposal = proposeProfile({
        agency: 'X',
        country: 'ES',
        header: [
          'Alta en S.S.',
          'Flight no.',
          'Flight date',
          'Хто телефонує',
          'Adres pand',
          'Eigenaar pand',
          '№ по ред',
        ],
        samples: [['No', 'W6 2201', '14/06/2024', 'мати', 'Laan 12', 'Vastgoed BV', '1']],
      });
      expect({ mapped: summary(proposal.profile), unmapped: proposal.unmapped }).toEqual({
        mapped: [
          'Flight date → record.eventDate',
          'Adres pand → record.location',
          'Eigenaar pand → landlord(landlord).fullName',
        ],
        // A running line number identifies nothing: every export renumbers it.
        unmapped: ['Alta en S.S.', 'Flight no.', 'Хто телефонує', '№ по ред'],
      });
    });

    it('lets e-mails, IBANs and wallet addresses in the values overrule a header read as something else', () => {
      expect(
        read(['Indirizzo', 'Adresse', 'Konto des Opfers'], 'IT', [
          ['a.rossi@example.it', 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', 'DE89370400440532013000'],
          ['m.bianchi@example.it', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'DE02120300000000202051'],
        ]),
      ).toEqual([
        'Indirizzo → subject(subject).email',
        'Adresse → subject(subject).crypto',
        'Konto des Opfers → victim(victim).iban',
      ]);
    });

    it('reads a bare run of digits under an unknown header as a phone only when it is a valid one', () => {
      // An ЕГН and a PESEL of persons born after 2000 begin with 0, as national phone numbers do.
      expect({
        bg: read(['Колона 1', 'Колона 2'], 'BG', [
          ['0041011234', '0888123456'],
          ['0143051234', '0899654321'],
        ]),
        pl: read(['Kolumna 1'], 'PL', [['02270803628'], ['03211412345']]),
        // Not phones, and each begins with a date of birth: personal numbers.
      }).toEqual({
        bg: ['Колона 1 → subject(subject).documentNumber', 'Колона 2 → subject(subject).phone'],
        pl: ['Kolumna 1 → subject(subject).documentNumber'],
      });
    });
  });
});

describe('reading a header by the columns and the sheet around it', () => {
  const read = (header: string[], country: string, samples: (string | null)[][] = [], sheet?: string) =>
    summary(proposeProfile({ agency: 'X', country, header, samples, ...(sheet ? { sheets: [sheet] } : {}) }).profile);

  it('leaves out a running line number, and keeps a number that is more than a count', () => {
    const proposal = proposeProfile({
      agency: 'X',
      country: 'PL',
      header: ['Lp.', 'N°', 'Nr.', 'Nazwisko'],
      samples: [
        ['1', '1', '24-001', 'NOWAK'],
        ['2', '2', '24-002', 'KOWALSKA'],
        ['3', '3', '24-003', 'WÓJCIK'],
      ],
    });
    expect(proposal.unmapped).toEqual(['Lp.', 'N°']);
    expect(summary(proposal.profile)).toEqual(['Nr. → record.recordRef', 'Nazwisko → subject(subject).familyName']);
  });

  it('gives a short later mention of a party ("Operator tel") to the party named in full before it', () => {
    expect(read(['Surname', 'Coach operator', 'Operator tel', 'Coach reg.'], 'GB')).toEqual([
      'Surname → subject(subject).familyName',
      'Coach operator → transport-company(transport-company).fullName',
      'Operator tel → transport-company(transport-company).phone',
      'Coach reg. → subject(subject).vehiclePlate',
    ]);
  });

  it('makes a site given in address parts a venue, and a site in one column the record’s location', () => {
    expect({
      parts: read(['Nom', 'Adresse chantier', 'CP', 'Commune'], 'FR'),
      one: read(['Nom', 'Adresse chantier'], 'FR'),
      sheet: read(
        ['Straat', 'Huisnr', 'Toev.', 'Postcode', 'Plaats', 'Verhuurder', 'Telefoon'],
        'NL',
        [],
        'Huisvesting',
      ),
    }).toEqual({
      parts: [
        'Nom → subject(subject).fullName',
        'Adresse chantier → venue(venue).address',
        'CP → venue(venue).addressPostcode',
        'Commune → venue(venue).addressCity',
      ],
      one: ['Nom → subject(subject).fullName', 'Adresse chantier → record.location'],
      sheet: [
        'Straat → venue(venue).addressStreet',
        'Huisnr → venue(venue).addressHouseNumber',
        'Toev. → venue(venue).addressFlat',
        'Postcode → venue(venue).addressPostcode',
        'Plaats → venue(venue).addressCity',
        'Verhuurder → landlord(landlord).fullName',
        'Telefoon → landlord(landlord).phone',
      ],
    });
  });

  it('reads a town with no address around it as where the event was, and a town of residence as the address', () => {
    expect({
      event: read(['Data accesso', 'Località', 'Cognome'], 'IT'),
      home: read(['Прізвище', 'Місто проживання'], 'UA'),
    }).toEqual({
      event: ['Data accesso → record.eventDate', 'Località → record.location', 'Cognome → subject(subject).familyName'],
      home: ['Прізвище → subject(subject).familyName', 'Місто проживання → subject(subject).addressCity'],
    });
  });

  it('reads a country after a plate as where the vehicle is registered', () => {
    expect(read(['Kfz-Kennz.', 'Zul.-Staat', 'Staatsangeh.'], 'DE')).toEqual([
      'Kfz-Kennz. → subject(subject).vehiclePlate',
      'Zul.-Staat → subject(subject).vehicleCountry',
      'Staatsangeh. → subject(subject).nationality',
    ]);
  });

  it('takes the first of two case references as the row’s own', () => {
    expect(read(['Meldungs-ID', 'Aktenzeichen FIU', 'Kontoinhaber Name'], 'DE')).toEqual([
      'Meldungs-ID → record.recordRef',
      'Aktenzeichen FIU → record.caseRef',
      'Kontoinhaber Name → account-holder(account-holder).fullName',
    ]);
  });

  it('lets phone numbers under a header that says nothing of its own make it a phone, and names with spaces an alias', () => {
    expect(
      read(['Klientin (Vorname)', 'Info', 'Pseudo', 'Number'], 'DE', [
        ['Nadja', '0176 44218830', 'Jessyca new', '+49 176 44218830'],
        ['Blessing', '+234 803 456 7821', 'Bella Roumaine', '0157-33421907'],
        ['Thi Huong', '0157-33421907', 'Kim 19 ans', '(030) 123 4567'],
      ]),
    ).toEqual([
      'Klientin (Vorname) → victim(victim).givenName',
      'Info → victim(victim).phone',
      'Pseudo → victim(victim).alias',
      'Number → victim(victim).phone',
    ]);
  });

  it('reads IBANs written without their letters, street lines and case references by their values, and leaves out a firm’s licence number', () => {
    expect({
      nrb: read(['Posiadacz rachunku', 'Nr rachunku (NRB)'], 'PL', [
        ['Jan KOWALCZYK', '61 1090 1014 0000 0712 1981 2874'],
        ['Dariusz KOWALCZYK', 'PL61 1090 1014 0000 0712 1981 2874'],
      ]),
      columns: read(['Col1', 'Col2', 'Col3'], 'GB', [
        ['HMO/2024/0118', '16 Beech Grove', 'E15 2NE'],
        ['HMO/2024/0131', '118 Stratford High St', 'E15 2NE'],
        ['HMO/2024/0140', '44 Lea Bridge Rd', 'E10 7BA'],
      ]),
      licence: read(['Labour provider', 'Provider licence no.'], 'GB', [
        ['Eastern Agri Staffing Ltd', 'GLA-0093-2211'],
      ]),
    }).toEqual({
      nrb: [
        'Posiadacz rachunku → account-holder(account-holder).fullName',
        'Nr rachunku (NRB) → account-holder(account-holder).iban',
      ],
      columns: [
        'Col1 → record.caseRef',
        'Col2 → subject(subject).addressStreet',
        'Col3 → subject(subject).addressPostcode',
      ],
      licence: ['Labour provider → employer(employer).fullName'],
    });
  });

  it('reads a document whose words hold a party word as that party’s document', () => {
    expect(read(['Surname', 'UK address (landing card)', 'Driver', 'Driver licence no.'], 'GB')).toEqual([
      'Surname → subject(subject).familyName',
      'UK address (landing card) → subject(subject).address',
      'Driver → driver(driver).fullName',
      'Driver licence no. → driver(driver).documentNumber[driving-licence]',
    ]);
  });
});

describe('proposing a join key between the sheets of a workbook', () => {
  const sheet = (name: string, header: string[], samples: (string | null)[][] = []) => ({
    sheet: name,
    proposal: proposeProfile({ agency: 'CITY-POL', country: 'GB', header, samples, sheets: [name] }),
  });

  it('suggests the agency’s own person id on two sheets as the join key of the person', () => {
    const merged = mergeSheetProposals([
      sheet('Persons', ['Person ID', 'Surname', 'Forename', 'DOB'], [['P-17', 'POPA', 'Ion', '01/02/1990']]),
      sheet('Contacts', ['Person ID', 'Mobile', 'E-mail'], [['P-17', '07700 900123', 'ion@example.com']]),
    ]);
    expect(merged.profile.entities).toEqual({ subject: { kind: 'person', role: 'subject', joinKey: 'Person ID' } });
    expect(merged.reasons['Person ID']).toContain('join key');
    // What the app saves is a valid profile, with the join key on the person.
    expect(parseProfile(merged.profile).entities.subject?.joinKey).toBe('Person ID');
  });

  it('lists each sheet’s header when the sheets name the id differently', () => {
    const merged = mergeSheetProposals([
      sheet('Persoane', ['ID persoana', 'Nume', 'Prenume']),
      sheet('Telefoane', ['Subject no.', 'Telefon']),
    ]);
    expect(merged.profile.entities.subject?.joinKey).toEqual(['ID persoana', 'Subject no.']);
  });

  it('gives the join key to the sheet’s main person when the sheet names its persons', () => {
    const merged = mergeSheetProposals([
      sheet('Victims', ['Person ID', 'Name', 'Nationality']),
      sheet('Phones', ['Person ID', 'Phone']),
    ]);
    expect(merged.profile.entities).toEqual({
      victim: { kind: 'person', role: 'victim', joinKey: 'Person ID' },
      subject: { kind: 'person', role: 'subject', joinKey: 'Person ID' },
    });
  });

  it('suggests none for a person number counted within each case, as the city police workbook has', () => {
    const merged = mergeSheetProposals([
      sheet(
        'Persons',
        ['Case Ref', 'Person No', 'Surname'],
        [
          ['CP/26/001040', '1', 'BROWN'],
          ['CP/26/001043', '1', 'Sharma'],
          ['CP/26/001043', '2', 'HORVATH'],
        ],
      ),
      sheet(
        'Contacts',
        ['Case Ref', 'Person No', 'Phone'],
        [
          ['CP/26/001040', '1', '07537.497456'],
          ['CP/26/001049', '2', '+84 90 211 1133'],
        ],
      ),
    ]);
    expect(Object.values(merged.profile.entities).map((e) => e.joinKey ?? null)).toEqual([null]);
  });

  it('suggests none for an id on one sheet only, a case number, or a document', () => {
    const keys = (sheets: ReturnType<typeof sheet>[]) =>
      Object.values(mergeSheetProposals(sheets).profile.entities).map((e) => e.joinKey ?? null);
    expect({
      oneSheet: keys([sheet('Persons', ['Person ID', 'Surname']), sheet('Cases', ['Case no.', 'Officer', 'Surname'])]),
      caseNumber: keys([sheet('A', ['Case no.', 'Surname']), sheet('B', ['Case no.', 'Phone'])]),
      document: keys([sheet('A', ['Person ID card', 'Surname']), sheet('B', ['Person ID card', 'Phone'])]),
    }).toEqual({ oneSheet: [null], caseNumber: [null], document: [null] });
  });
});

describe('reading headers in more languages and the files they come in', () => {
  const read = (header: string[], country: string, samples: (string | null)[][] = [], sheet?: string) =>
    summary(proposeProfile({ agency: 'X', country, header, samples, ...(sheet ? { sheets: [sheet] } : {}) }).profile);

  it('reads Turkish headers with a dotless ı, and Greek and Albanian ones', () => {
    expect({
      turkish: read(
        ['Adı', 'Soyadı', 'Baba Adı', 'Doğum Tarihi', 'Uyruğu', 'Pasaport No', 'T.C. Kimlik No', 'Açıklama'],
        'TR',
      ),
      greek: read(
        ['Επώνυμο', 'Όνομα', 'Ημ/νία γέννησης', 'Υπηκοότητα', 'ΑΦΜ', 'ΑΜΚΑ', 'Κινητό τηλ.', 'Παρατηρήσεις'],
        'GR',
      ),
      albanian: read(['Emri', 'Atësia', 'Mbiemri', 'Datëlindja', 'Vendlindja', 'Nr. personal', 'Vendbanimi'], 'AL'),
    }).toEqual({
      turkish: [
        'Adı → subject(subject).givenName',
        'Soyadı → subject(subject).familyName',
        'Doğum Tarihi → subject(subject).birthDate',
        'Uyruğu → subject(subject).nationality',
        'Pasaport No → subject(subject).documentNumber[passport]',
        'T.C. Kimlik No → subject(subject).documentNumber[personal-number]',
        'Açıklama → record.freeText',
      ],
      greek: [
        'Επώνυμο → subject(subject).familyName',
        'Όνομα → subject(subject).givenName',
        'Ημ/νία γέννησης → subject(subject).birthDate',
        'Υπηκοότητα → subject(subject).nationality',
        'ΑΦΜ → subject(subject).documentNumber[tax-id]',
        'ΑΜΚΑ → subject(subject).documentNumber[social-security]',
        'Κινητό τηλ. → subject(subject).phone',
        'Παρατηρήσεις → record.freeText',
      ],
      albanian: [
        'Emri → subject(subject).givenName',
        'Mbiemri → subject(subject).familyName',
        'Datëlindja → subject(subject).birthDate',
        'Nr. personal → subject(subject).documentNumber[personal-number]',
        'Vendbanimi → subject(subject).address',
      ],
    });
  });

  it('fixes the type of the identity numbers of the Americas, Belgium, Switzerland and Austria, and of a work permit', () => {
    expect(
      read(['CPF', 'RG', 'CURP', 'CUIL', 'AHV-Nr.', 'INSZ', 'N° registre national', 'Work permit No.'], 'BR'),
    ).toEqual([
      'CPF → subject(subject).documentNumber[tax-id]',
      'RG → subject(subject).documentNumber[national-id]',
      'CURP → subject(subject).documentNumber[personal-number]',
      'CUIL → subject(subject).documentNumber[tax-id]',
      'AHV-Nr. → subject(subject).documentNumber[social-security]',
      'INSZ → subject(subject).documentNumber[social-security]',
      'N° registre national → subject(subject).documentNumber[personal-number]',
      'Work permit No. → subject(subject).documentNumber[residence-permit]',
    ]);
  });

  it('makes a kafala sponsor the employer, and the sender and receiver of a Turkish transfer parties of their own', () => {
    expect({
      kafala: read(['Worker full name', 'Sponsor (Kafeel) name', 'Sponsor mobile', 'Recruitment office'], 'JO'),
      transfer: read(['Gönderen Adı Soyadı', 'Gönderen IBAN', 'Alıcı Adı Soyadı', 'Alıcı IBAN', 'Tutar (TL)'], 'TR'),
    }).toEqual({
      kafala: [
        'Worker full name → subject(subject).fullName',
        'Sponsor (Kafeel) name → employer(employer).fullName',
        'Sponsor mobile → employer(employer).phone',
        'Recruitment office → recruitment-agency(recruitment-agency).fullName',
      ],
      transfer: [
        'Gönderen Adı Soyadı → originator(account-holder).fullName',
        'Gönderen IBAN → originator(account-holder).iban',
        'Alıcı Adı Soyadı → beneficiary(account-holder).fullName',
        'Alıcı IBAN → beneficiary(account-holder).iban',
      ],
    });
  });

  it('reads a name word beside the given name’s, or a name written with its date of birth, as the whole name', () => {
    expect(read(['Numele, prenumele victimei', 'PV name / DOB'], 'RO')).toEqual([
      'Numele, prenumele victimei → victim(victim).fullName',
      'PV name / DOB → victim(victim).fullName',
    ]);
  });

  it('takes of two references the one that repeats down the column as the case’s', () => {
    expect(
      read(['Geschäfts-Nr.', 'ZEMIS-Nr.', 'Name, Vorname'], 'CH', [
        ['MA-ZH-2024-11873', '12345678.9', 'Bajrami, Arta'],
        ['MA-ZH-2024-11873', '23456789.0', 'Nguyen, Thi Lan'],
        ['MA-BE-2024-00417', '34567890.1', 'Osei, Abena'],
      ]),
    ).toEqual([
      'Geschäfts-Nr. → record.caseRef',
      'ZEMIS-Nr. → record.recordRef',
      'Name, Vorname → subject(subject).fullName',
    ]);
  });

  it('makes the one person of a file of payments the account’s holder, unless the file gives each person a role', () => {
    expect({
      sar: read(['BSA ID', 'Subject Last Name', 'Acct #', 'ABA/Routing'], 'US'),
      amounts: read(['Name', 'IBAN', 'Amount (EUR)'], 'IE'),
      roles: read(['Tipo de interviniente', 'Nombre', 'Cuenta (IBAN)', 'Importe'], 'ES'),
      contacts: read(['Лице', 'GSM', 'Банкова сметка'], 'BG'),
    }).toEqual({
      sar: [
        'BSA ID → record.recordRef',
        'Subject Last Name → account-holder(account-holder).familyName',
        'Acct # → account-holder(account-holder).bankAccount',
        'ABA/Routing → account-holder(account-holder).routingNumber',
      ],
      amounts: ['Name → account-holder(account-holder).fullName', 'IBAN → account-holder(account-holder).iban'],
      roles: [
        'Tipo de interviniente → subject(subject).role',
        'Nombre → subject(subject).fullName',
        'Cuenta (IBAN) → subject(subject).iban',
      ],
      contacts: [
        'Лице → subject(subject).fullName',
        'GSM → subject(subject).phone',
        'Банкова сметка → subject(subject).bankAccount',
      ],
    });
  });
});

describe('giving each column to the party a careful analyst would', () => {
  const read = (header: string[], country: string, samples: (string | number | null)[][] = [], sheet?: string) =>
    summary(proposeProfile({ agency: 'X', country, header, samples, ...(sheet ? { sheets: [sheet] } : {}) }).profile);

  it('leaves out the agency’s own staff who handled a row, even under a word that names a party elsewhere', () => {
    expect({
      en: read(['Case no.', 'Surname', 'Assigned agent', 'Call handler'], 'US'),
      bg: read(['Дата', 'Водач – име', 'Служител'], 'BG'),
    }).toEqual({
      en: ['Case no. → record.caseRef', 'Surname → subject(subject).familyName'],
      bg: ['Дата → record.eventDate', 'Водач – име → driver(driver).fullName'],
    });
  });

  it('reads a column of yeses and noes as no reference, so the reference beside it stays the case’s', () => {
    const samples = [
      ['OP/0012', 'Y', 'NGUYEN'],
      ['OP/0012', 'N', 'TRAN'],
    ];
    expect(read(['Op ref', 'Referral ref (Y/N)', 'Surname'], 'GB', samples)).toEqual([
      'Op ref → record.caseRef',
      'Surname → subject(subject).familyName',
    ]);
  });

  it('makes the holder of a phone line in a file of no accounts the file’s person, not an account holder', () => {
    expect({
      phones: read(['Nr. dosar', 'Titular post', 'Nr. telefon', 'Cont Facebook'], 'RO'),
      account: read(['Kontoinhaber Name', 'Geburtsdatum'], 'DE'),
    }).toEqual({
      phones: [
        'Nr. dosar → record.caseRef',
        'Titular post → subject(subject).fullName',
        'Nr. telefon → subject(subject).phone',
        'Cont Facebook → subject(subject).handle',
      ],
      account: [
        'Kontoinhaber Name → account-holder(account-holder).fullName',
        'Geburtsdatum → account-holder(account-holder).birthDate',
      ],
    });
  });

  it('gives a checked vehicle to its driver, and takes no make for a plate and no count for a name', () => {
    const samples = [
      ['B-XY 1234', 'D', 'POPA, Ion', 'VW Crafter weiß', 3],
      ['CT 12 ABC', 'RO', 'LUNGU, Dan', 'Ford Transit', 8],
    ];
    expect(
      read(
        ['Amtl. Kennzeichen', 'Zul.-Staat', 'Fahrer Name, Vorname', 'Fahrzeug', 'Mitfahrer'],
        'DE',
        samples,
        'Fahrzeuge',
      ),
    ).toEqual([
      'Amtl. Kennzeichen → driver(driver).vehiclePlate',
      'Zul.-Staat → driver(driver).vehicleCountry',
      'Fahrer Name, Vorname → driver(driver).fullName',
    ]);
  });

  it('makes a person named as a contact in a phone’s contacts an associate, with the columns after it', () => {
    expect({
      ru: read(['№', 'Имя контакта', 'Номер телефона', 'Telegram'], 'RU', [
        [1, 'Дядя Коля', '+7 916 555-12-34', '@kolya'],
        [2, 'Саша', '+373 69 123 456', null],
      ]),
      en: read(['Contact name', 'Mobile'], 'GB'),
    }).toEqual({
      ru: [
        'Имя контакта → associate(associate).fullName',
        'Номер телефона → associate(associate).phone',
        'Telegram → associate(associate).handle',
      ],
      en: ['Contact name → associate(associate).fullName', 'Mobile → associate(associate).phone'],
    });
  });

  it('makes an establishment named in the row a venue with its address, and leaves a bare address the event’s place', () => {
    expect({
      named: read(['Visit date', 'Premises name', 'Premises address', 'Business owner'], 'GB'),
      alone: read(['Establecimiento', 'Dirección establecimiento', 'Nombre'], 'ES', [
        ['Bar La Luna', 'C/ Mayor 3, Lleida', 'Ana'],
      ]),
      address: read(['Premises', 'Surname'], 'GB', [['Flat 3, 22 Queen St, Derby', 'LEE']]),
    }).toEqual({
      named: [
        'Visit date → record.eventDate',
        'Premises name → venue(venue).fullName',
        'Premises address → venue(venue).address',
        'Business owner → employer(employer).fullName',
      ],
      alone: [
        'Establecimiento → venue(venue).fullName',
        'Dirección establecimiento → venue(venue).address',
        'Nombre → subject(subject).fullName',
      ],
      address: ['Premises → record.location', 'Surname → subject(subject).familyName'],
    });
  });

  it('reads a birth name as an alias, an abbreviated codice fiscale, Albanian recruiters and places', () => {
    expect({
      de: read(['Name', 'Vorname', 'Geburtsname', 'Ausweis-Nr.'], 'DE'),
      it: read(['Cognome', 'Cod. fiscale'], 'IT'),
      sq: read(['Emri', 'Mbiemri', 'Tel. i rekrutuesit', 'Vendi i shfrytëzimit'], 'AL'),
      us: read(['Reporting Party', 'Subject Name'], 'US'),
    }).toEqual({
      de: [
        'Name → subject(subject).familyName',
        'Vorname → subject(subject).givenName',
        'Geburtsname → subject(subject).alias',
        'Ausweis-Nr. → subject(subject).documentNumber[national-id]',
      ],
      it: ['Cognome → subject(subject).familyName', 'Cod. fiscale → subject(subject).documentNumber[tax-id]'],
      // A file that says where the person was exploited is about its victim.
      sq: [
        'Emri → victim(victim).givenName',
        'Mbiemri → victim(victim).familyName',
        'Tel. i rekrutuesit → recruiter(recruiter).phone',
        'Vendi i shfrytëzimit → record.location',
      ],
      us: ['Reporting Party → reporter(reporter).fullName', 'Subject Name → subject(subject).fullName'],
    });
  });
});

describe('reading a name, a vehicle and bracketed letters by what stands beside them', () => {
  const read = (header: string[], country: string, samples: (string | number | null)[][] = [], sheet?: string) =>
    summary(proposeProfile({ agency: 'X', country, header, samples, ...(sheet ? { sheets: [sheet] } : {}) }).profile);

  it('reads a word that is both "name" and "first name" as the whole name when its values are', () => {
    expect({
      whole: read(['Rekrutuesi (emri)', 'Tel. i rekrutuesit'], 'AL', [['Besnik D.', '+355 68 222 3344']]),
      first: read(['Ім’я заявника'], 'UA', [['Ганна'], ['Тарас']]),
      beside: read(['Emri', 'Mbiemri'], 'AL', [['Arta Blerta', 'Hoxha']]),
    }).toEqual({
      whole: ['Rekrutuesi (emri) → recruiter(recruiter).fullName', 'Tel. i rekrutuesit → recruiter(recruiter).phone'],
      first: ['Ім’я заявника → reporter(reporter).givenName'],
      beside: ['Emri → subject(subject).givenName', 'Mbiemri → subject(subject).familyName'],
    });
  });

  it('reads letters in brackets inside a word and leaves them out at its end', () => {
    expect({
      nl: read(['Achternaam', 'Voorna(a)m(en)'], 'NL'),
      pt: read(['Apelido', 'Nome(s) próprio(s)'], 'PT'),
    }).toEqual({
      nl: ['Achternaam → subject(subject).familyName', 'Voorna(a)m(en) → subject(subject).givenName'],
      pt: ['Apelido → subject(subject).familyName', 'Nome(s) próprio(s) → subject(subject).givenName'],
    });
  });

  it('gives a vehicle written right after its driver’s columns to the driver, not to the people found', () => {
    expect(
      read(['Driver name', 'Driver passport', 'Trailer reg', 'Passenger name', 'Passenger DOB'], 'GB', [
        ['Ion POPA', 'RO1234567', 'AB12 CDE', 'Ali KARIMI', '01/01/2000'],
      ]),
    ).toEqual([
      'Driver name → driver(driver).fullName',
      'Driver passport → driver(driver).documentNumber[passport]',
      'Trailer reg → driver(driver).vehiclePlate',
      'Passenger name → subject(subject).fullName',
      'Passenger DOB → subject(subject).birthDate',
    ]);
  });
});

describe('carrying a party across the columns written after it', () => {
  const read = (header: string[], country: string, samples: (string | number | null)[][] = []) =>
    summary(proposeProfile({ agency: 'X', country, header, samples }).profile);

  it('reads a number sign as "number" and a party’s initials as the party', () => {
    expect(
      read(['Tip #', 'Reporting Party', 'RP Phone', 'Subject Name', 'Subject Phone'], 'US', [
        ['TF-24-0001', 'Anonymous', '(555) 201-4432', 'John DOE', '(555) 201-9999'],
      ]),
    ).toEqual([
      'Tip # → record.caseRef',
      'Reporting Party → reporter(reporter).fullName',
      'RP Phone → reporter(reporter).phone',
      'Subject Name → subject(subject).fullName',
      'Subject Phone → subject(subject).phone',
    ]);
  });

  it('reads a bank’s code as a routing number, though a bank’s name is not imported', () => {
    expect(read(['Beneficiary Name', 'Beneficiary Acct #', 'Beneficiary Bank ABA', 'Bank'], 'US')).toEqual([
      'Beneficiary Name → beneficiary(account-holder).fullName',
      'Beneficiary Acct # → beneficiary(account-holder).bankAccount',
      'Beneficiary Bank ABA → beneficiary(account-holder).routingNumber',
    ]);
  });

  it('gives a column after a firm’s columns to the main person, not to the person named before the firm', () => {
    expect(
      read(
        ['Nome da vítima', 'Concelho', 'Nome do aliciador', 'Empregador', 'NIF empregador', 'Morada alojamento'],
        'PT',
        [['Ana SILVA', 'Odemira', 'Rui', 'Agro Lda', '514223889', 'Rua Nova 3, Odemira']],
      ),
    ).toEqual([
      'Nome da vítima → victim(victim).fullName',
      'Concelho → record.location',
      'Nome do aliciador → recruiter(recruiter).fullName',
      'Empregador → employer(employer).fullName',
      'NIF empregador → employer(employer).documentNumber[tax-id]',
      'Morada alojamento → victim(victim).address',
    ]);
  });
});

describe('reading a column by its values when its header is not understood', () => {
  // Headers in a made-up language: nothing the vocabulary reads, as in a file in a language it lacks.
  const unread = (samples: (string | null)[][], country = 'CZ') =>
    proposeProfile({
      agency: 'X',
      country,
      header: samples[0]?.map((_, i) => `Qx${String.fromCharCode(97 + i)}`) ?? [],
      samples,
    });

  it('proposes names, birth dates, documents, plates, addresses and notes from the values, for the main person', () => {
    const { profile, unmapped } = unread([
      [
        '1',
        'NOVÁK',
        'Jan',
        '12.03.1985',
        'EA1234567',
        'AB-123-CD',
        'Václavské náměstí 12, Praha',
        'Found working twelve hours a day without pay.',
        'ano',
      ],
      [
        '2',
        'HORVÁTH',
        'Ilona',
        '01.09.1979',
        'EB7654321',
        'CA 1234 AB',
        'Kossuth tér 5, Budapest',
        'Passport kept by the employer since arrival.',
        'ne',
      ],
      [
        '3',
        'KOVÁCS',
        'Anna-Maria',
        '23.08.1995',
        'FA1188223',
        'B 123 ABC',
        'Gedimino pr. 9, Vilnius',
        'Says she owes three thousand euros for the trip.',
        'ano',
      ],
    ]);
    expect(summary(profile)).toEqual([
      'Qxb → subject(subject).familyName',
      'Qxc → subject(subject).givenName',
      'Qxd → subject(subject).birthDate',
      'Qxe → subject(subject).documentNumber',
      'Qxf → subject(subject).vehiclePlate',
      'Qxg → subject(subject).address',
      'Qxh → record.freeText',
    ]);
    // A running number and a flag in a word the vocabulary does not know: left to the analyst.
    expect(unmapped).toEqual(['Qxa', 'Qxi']);
  });

  it('reads whole names of several capitalised words, and leaves single words (a name or a town?) alone', () => {
    const { profile, unmapped } = unread([
      ['Olena Bondarenko', 'Brno', 'Nguyễn Thị Hoa'],
      ['Siarhei Kazlou', 'Ostrava', 'Trần Văn Nam'],
      ['Marta Wiśniewska', 'Plzeň', 'Lê Thị Lan'],
    ]);
    expect(summary(profile)).toEqual(['Qxa → subject(subject).fullName', 'Qxc → subject(subject).fullName']);
    expect(unmapped).toEqual(['Qxb']);
  });

  it('tells a column of birth dates from one of recent event dates by the years', () => {
    const { profile } = unread([
      ['04.05.1989', '21.11.2024', '12.12.1982, Craiova'],
      ['17.11.1995', '03.12.2024', '01.09.1979 Chișinău'],
    ]);
    expect(summary(profile)).toEqual([
      'Qxa → subject(subject).birthDate',
      'Qxb → record.eventDate',
      'Qxc → subject(subject).birthDate',
    ]);
  });

  it('reads case references, links, handles, BICs and nicknames in quotes', () => {
    const { profile } = unread([
      ['SG-KOS-123/24', 'https://example.com/ad/991', '@lena_vip', 'DEUTDEFF500', '"Beni"'],
      ['SG-KOS-140/24', 'https://example.com/ad/992', '@mama.joy', 'GIBACZPXXXX', '"Tata"'],
    ]);
    expect(summary(profile)).toEqual([
      'Qxa → record.caseRef',
      'Qxb → subject(subject).handle',
      'Qxc → subject(subject).handle',
      'Qxd → subject(subject).routingNumber',
      'Qxe → subject(subject).alias',
    ]);
  });

  it('reads references with a year, country codes, "FAMILY, Given" names, mixed document numbers and short notes', () => {
    const { profile, unmapped } = unread([
      ['123/2024', 'MDA', 'GONZÁLEZ, Rosa Elena', 'NX12AB345', 'Boss at nail bar', '12/2024'],
      ['ST/0123456/2024', 'ROU', 'MAMANI QUISPE, Juan', 'KMRRHL95A01Z222X', 'Slept in the warehouse.', '01/2025'],
    ]);
    expect(summary(profile)).toEqual([
      'Qxa → record.caseRef',
      'Qxb → subject(subject).nationality',
      'Qxc → subject(subject).fullName',
      'Qxd → subject(subject).documentNumber',
      'Qxe → record.freeText',
    ]);
    // A month and a year is no reference.
    expect(unmapped).toEqual(['Qxf']);
  });

  it('reads personal numbers that begin with a date of birth, and leaves other runs of digits', () => {
    const { profile, unmapped } = unread([
      ['785412/1234', '010190-123A', '38501010123', '20240001'],
      ['905101/0011', '311285-9876', '2850412123456', '20240002'],
    ]);
    expect(summary(profile)).toEqual([
      'Qxa → subject(subject).documentNumber',
      'Qxb → subject(subject).documentNumber',
      'Qxc → subject(subject).documentNumber',
    ]);
    expect(unmapped).toEqual(['Qxd']);
  });

  it('takes no amount, identity number, sort code or date for a phone, and no IBAN with a wrong checksum', () => {
    expect(fieldOfValues(['12 500 000', '1 250 000'], 'DMY', 'GB')).toBeNull();
    expect(fieldOfValues(['900-12-3456', '900-55-0192'], 'MDY', 'US')).toBeNull();
    expect(fieldOfValues(['20-00-00', '40-11-62'], 'DMY', 'GB')).toBe('sortCode');
    expect(fieldOfValues(['GB00 ABCD 1234 5678 9012 34', 'GB11 ABCD 1234 5678 9012 35'], 'DMY', 'GB')).toBeNull();
    // What still reads as a phone: the file's country's numbers, with or without their groups.
    expect(fieldOfValues(['723 551 906', '0740 123 456'], 'DMY', 'RO')).toBe('phone');
    expect(fieldOfValues(['GB29 NWBK 6016 1331 9268 19'], 'DMY', 'GB')).toBe('iban');
  });

  it('reads the values of a file of whose headers only a few international words are read', () => {
    // "IBAN" and "E-mail" are read in any language; "Jméno" and "Datum narození" are not (yet).
    const { profile } = proposeProfile({
      agency: 'X',
      country: 'CZ',
      header: ['Qxjmeno', 'Qxnarozeni', 'IBAN', 'E-mail'],
      samples: [
        ['Jana Nováková', '04.05.1989', 'CZ6508000000192000145399', 'jana@example.cz'],
        ['Petr Svoboda', '17.11.1995', 'CZ6907101781240000004159', 'petr@example.cz'],
      ],
    });
    expect(summary(profile)).toEqual([
      'Qxjmeno → subject(subject).fullName',
      'Qxnarozeni → subject(subject).birthDate',
      'IBAN → subject(subject).iban',
      'E-mail → subject(subject).email',
    ]);
  });

  it('leaves an unknown header in a file it otherwise reads to the analyst, whatever its values', () => {
    const { profile, unmapped } = proposeProfile({
      agency: 'X',
      country: 'GB',
      header: ['Surname', 'Forename', 'Date of birth', 'Officer', 'School'],
      samples: [
        ['SMITH', 'John', '04/05/1989', 'Sarah Connor', "St Mary's Primary"],
        ['JONES', 'Amy', '17/11/1995', 'Kyle Reese', 'Hill Road Academy'],
      ],
    });
    expect(summary(profile)).toEqual([
      'Surname → subject(subject).familyName',
      'Forename → subject(subject).givenName',
      'Date of birth → subject(subject).birthDate',
    ]);
    expect(unmapped).toEqual(['Officer', 'School']);
  });
});
