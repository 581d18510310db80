import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import type { Identifier } from '../../main/core/identifiers';
import { parseProfile, type Grading, type Profile, type ProfileInput } from '../../main/core/profile';
import { mapRow, resolveColumns, type MappedRow } from '../../main/core/rowMapper';

const GRADING: Grading = { system: '3x5x2', source: '2', information: 'B', handling: 'P' };

/** Maps one row of `cells` under `header` with the profile, as the import does for each row. */
function mapOne(profile: Profile, header: string[], cells: Cell[], row = 2): MappedRow {
  const { mappings } = resolveColumns(profile, header);
  return mapRow(
    { profile, sheet: 'Persoane', header, cardHash: (pan) => `hash-of-${pan.length}-digits` },
    mappings,
    cells,
    row,
  );
}

function profileOf(columns: ProfileInput['columns'], extra: Partial<ProfileInput> = {}): Profile {
  return parseProfile({
    version: 1,
    agency: 'RO-POL',
    name: 'Romanian police, persons',
    country: 'RO',
    grading: GRADING,
    entities: {
      suspect: { kind: 'person', role: 'suspect' },
      victim: { kind: 'person', role: 'victim' },
      recruiter: { kind: 'person', role: 'recruiter' },
    },
    columns,
    ...extra,
  });
}

const PARTY = {
  name: null,
  givenName: null,
  familyName: null,
  nameLatin: null,
  alias: null,
  birthDate: null,
  birthYear: null,
  nationality: null,
  gender: null,
};

describe('mapping a row with several people', () => {
  const profile = profileOf([
    { column: 'Dosar', entity: 'record', field: 'caseRef' },
    { column: 'Data', entity: 'record', field: 'eventDate' },
    { column: 'Suspect', entity: 'suspect', field: 'fullName' },
    { column: 'Calitate', entity: 'suspect', field: 'role' },
    { column: 'Telefon suspect', entity: 'suspect', field: 'phone' },
    { column: 'Adresă suspect', entity: 'suspect', field: 'address' },
    { column: 'Victimă', entity: 'victim', field: 'fullName' },
    { column: 'Data nașterii victimă', entity: 'victim', field: 'birthDate' },
    { column: 'Telefon victimă', entity: 'victim', field: 'phone', grading: { source: '1', information: 'A' } },
    { column: 'Stradă victimă', entity: 'victim', field: 'addressStreet' },
    { column: 'Oraș victimă', entity: 'victim', field: 'addressCity' },
    { column: 'Cod poștal victimă', entity: 'victim', field: 'addressPostcode' },
    { column: 'Recrutor', entity: 'recruiter', field: 'fullName' },
    { column: 'Telefon recrutor', entity: 'recruiter', field: 'phone', country: 'GB' },
    { column: 'Cont social recrutor', entity: 'recruiter', field: 'handle' },
    { column: 'Observații', entity: 'record', field: 'freeText' },
  ]);
  const header = [
    'Dosar',
    'Data',
    'Suspect',
    'Unitate',
    'Calitate',
    'Telefon suspect',
    'Adresă suspect',
    'Victimă',
    'Data nașterii victimă',
    'Telefon victimă',
    'Stradă victimă',
    'Oraș victimă',
    'Cod poștal victimă',
    'Recrutor',
    'Telefon recrutor',
    'Cont social recrutor',
    'Observații',
  ];
  const notes = 'called from 0740 123 456, IG @ion.recruit, mail x@example.org';
  const cells: Cell[] = [
    'RO-123/2024',
    '03.04.2024',
    'POPESCU, ion',
    'IPJ Iași',
    'inculpat',
    '0740 123 456',
    'Str. Mihai Eminescu 5, Iași',
    'Ana Ionescu',
    new Date(Date.UTC(1998, 4, 12)),
    '0741 234 567',
    'Strada Lungă 3',
    'Brașov',
    '500035',
    'Dan Rus',
    '07912 345678',
    'IG: @Dan.Rus',
    notes,
  ];
  const mapped = (owner: string, column: string, raw: string, value: Identifier, grading: Grading = GRADING) => ({
    ...value,
    owner,
    column,
    raw,
    grading,
  });
  const roPhone = (national: string, display: string): Identifier => ({
    kind: 'phone',
    key: `+40${national}`,
    display,
    country: 'RO',
  });

  it('gives each person their own phone and address, and the record the identifiers in its free text', () => {
    expect(mapOne(profile, header, cells)).toEqual({
      sheet: 'Persoane',
      row: 2,
      raw: [
        ['Dosar', 'RO-123/2024'],
        ['Data', '03.04.2024'],
        ['Suspect', 'POPESCU, ion'],
        ['Unitate', 'IPJ Iași'],
        ['Calitate', 'inculpat'],
        ['Telefon suspect', '0740 123 456'],
        ['Adresă suspect', 'Str. Mihai Eminescu 5, Iași'],
        ['Victimă', 'Ana Ionescu'],
        ['Data nașterii victimă', '1998-05-12'],
        ['Telefon victimă', '0741 234 567'],
        ['Stradă victimă', 'Strada Lungă 3'],
        ['Oraș victimă', 'Brașov'],
        ['Cod poștal victimă', '500035'],
        ['Recrutor', 'Dan Rus'],
        ['Telefon recrutor', '07912 345678'],
        ['Cont social recrutor', 'IG: @Dan.Rus'],
        ['Observații', notes],
      ],
      caseRef: 'RO-123/2024',
      recordRef: null,
      eventDate: '2024-04-03',
      freeText: notes,
      location: null,
      parties: [
        {
          ...PARTY,
          entity: 'suspect',
          kind: 'person',
          role: 'suspect',
          name: 'POPESCU, ion',
          givenName: 'ion',
          familyName: 'POPESCU',
        },
        {
          ...PARTY,
          entity: 'victim',
          kind: 'person',
          role: 'victim',
          name: 'Ana Ionescu',
          birthDate: '1998-05-12',
          birthYear: 1998,
        },
        { ...PARTY, entity: 'recruiter', kind: 'person', role: 'recruiter', name: 'Dan Rus' },
      ],
      identifiers: [
        mapped('record', 'Observații', notes, { kind: 'email', key: 'x@example.org', display: 'x@example.org' }),
        mapped('record', 'Observații', notes, roPhone('740123456', '+40 740 123 456')),
        mapped('record', 'Observații', notes, {
          kind: 'handle',
          subkind: 'instagram',
          key: 'ion.recruit',
          display: 'instagram @ion.recruit',
        }),
        mapped('suspect', 'Telefon suspect', '0740 123 456', roPhone('740123456', '+40 740 123 456')),
        mapped('victim', 'Telefon victimă', '0741 234 567', roPhone('741234567', '+40 741 234 567'), {
          ...GRADING,
          source: '1',
          information: 'A',
        }),
        mapped('recruiter', 'Telefon recrutor', '07912 345678', {
          kind: 'phone',
          key: '+447912345678',
          display: '+44 7912 345678',
          country: 'GB',
        }),
        mapped('recruiter', 'Cont social recrutor', 'IG: @Dan.Rus', {
          kind: 'handle',
          subkind: 'instagram',
          key: 'dan.rus',
          display: 'instagram @dan.rus',
        }),
        mapped('suspect', 'Adresă suspect', 'Str. Mihai Eminescu 5, Iași', {
          kind: 'address',
          key: 'RO|||5 eminescu iasi mihai street',
          display: 'Str. Mihai Eminescu 5, Iași',
        }),
        mapped('victim', 'Stradă victimă', 'Strada Lungă 3, Brașov, 500035', {
          kind: 'address',
          key: 'RO|500035||3 lunga street',
          display: 'Strada Lungă 3, Brașov, 500035',
        }),
      ],
      warnings: [],
      rejected: null,
    });
  });

  it("keeps the profile's own grading object for columns without an override", () => {
    const { identifiers } = mapOne(profile, header, cells);
    expect(identifiers.map((i) => i.grading === profile.grading)).toEqual([
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('lists the problems of a row in the order of its columns, naming each column', () => {
    const bad: Cell[] = [...cells];
    bad[1] = 'next Tuesday';
    bad[4] = 'cine știe';
    bad[5] = '999';
    bad[8] = '31/02/1990';
    bad[9] = '0741 234 567 / 112';
    expect(mapOne(profile, header, bad).warnings).toEqual([
      { column: 'Data', value: 'next Tuesday', reason: '"next Tuesday" is not a date this profile can read (DMY)' },
      { column: 'Calitate', value: 'cine știe', reason: 'unknown role; kept as suspect' },
      {
        column: 'Telefon suspect',
        value: '999',
        reason: '"999" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)',
      },
      { column: 'Data nașterii victimă', value: '31/02/1990', reason: 'day 31 does not exist in 1990-02' },
      {
        column: 'Telefon victimă',
        value: '0741 234 567 / 112',
        reason: '"112" has too few digits for a phone number (short codes such as 999 or 116 000 are not linked)',
      },
    ]);
  });
});

describe('addresses, names and roles', () => {
  it('assembles an address from flat, street, town and postcode, named after its street column', () => {
    const profile = profileOf(
      [
        { column: 'Name', entity: 'subject', field: 'fullName' },
        { column: 'Flat', entity: 'subject', field: 'addressFlat' },
        { column: 'Street Address', entity: 'subject', field: 'addressStreet' },
        { column: 'Town', entity: 'subject', field: 'addressCity' },
        { column: 'Postcode', entity: 'subject', field: 'addressPostcode' },
      ],
      { agency: 'CITY-POL', country: 'GB', entities: { subject: { kind: 'person', role: 'subject' } } },
    );
    const header = ['Name', 'Flat', 'Street Address', 'Town', 'Postcode'];
    const { identifiers } = mapOne(profile, header, ['John Smith', '3', '12 High St', 'London', 'SW1A 1AA']);
    expect(identifiers).toEqual([
      {
        kind: 'address',
        key: 'GB|SW1A1AA|flat 3|12 high street',
        display: 'Flat 3, 12 High St, London, SW1A 1AA',
        owner: 'subject',
        column: 'Street Address',
        raw: 'Flat 3, 12 High St, London, SW1A 1AA',
        grading: GRADING,
      },
    ]);
    // A flat column holding a bare letter is a flat too, not a word of the street.
    const lettered = mapOne(profile, header, ['John Smith', 'B', '12 High St', 'London', 'SW1A 1AA']);
    expect(lettered.identifiers.map((i) => i.key)).toEqual(['GB|SW1A1AA|flat b|12 high street']);
  });

  it('splits "FAMILY, given" and joins given and family names written apart', () => {
    const profile = profileOf([
      { column: 'Suspect', entity: 'suspect', field: 'fullName' },
      { column: 'Prenume victimă', entity: 'victim', field: 'givenName' },
      { column: 'Nume victimă', entity: 'victim', field: 'familyName' },
      { column: 'Recrutor', entity: 'recruiter', field: 'fullName' },
    ]);
    const header = ['Suspect', 'Prenume victimă', 'Nume victimă', 'Recrutor'];
    const names = mapOne(profile, header, ['POPESCU, ion', 'Ana', 'IONESCU', 'Dan Rus']).parties.map((p) => ({
      name: p.name,
      givenName: p.givenName,
      familyName: p.familyName,
    }));
    expect(names).toEqual([
      { name: 'POPESCU, ion', givenName: 'ion', familyName: 'POPESCU' },
      { name: 'Ana IONESCU', givenName: 'Ana', familyName: 'IONESCU' },
      { name: 'Dan Rus', givenName: null, familyName: null },
    ]);
  });

  it('reads the role column in English, Romanian and Spanish, keeping the declared role for unknown words', () => {
    const profile = profileOf(
      [
        { column: 'Name', entity: 'person', field: 'fullName' },
        { column: 'Role', entity: 'person', field: 'role' },
      ],
      { entities: { person: { kind: 'person', role: 'subject' } } },
    );
    const words = [
      'inculpat',
      'persoană vătămată',
      'PVoT',
      'Suspect',
      'victim',
      'sospechoso',
      'víctima',
      'martor',
      'testigo',
      'recrutor',
      'account-holder',
      'bystander',
    ];
    const roles = Object.fromEntries(
      words.map((word) => {
        const row = mapOne(profile, ['Name', 'Role'], ['Ana Ionescu', word]);
        return [word, [row.parties[0]?.role, ...row.warnings.map((w) => w.reason)].join('; ')];
      }),
    );
    expect(roles).toEqual({
      inculpat: 'suspect',
      'persoană vătămată': 'victim',
      PVoT: 'victim',
      Suspect: 'suspect',
      victim: 'victim',
      sospechoso: 'suspect',
      víctima: 'victim',
      martor: 'witness',
      testigo: 'witness',
      recrutor: 'recruiter',
      'account-holder': 'account-holder',
      bystander: 'subject; unknown role; kept as subject',
    });
  });

  it('reads the role words of agencies in their languages, and the UK referral terms', () => {
    const profile = profileOf(
      [
        { column: 'Name', entity: 'person', field: 'fullName' },
        { column: 'Role', entity: 'person', field: 'role' },
      ],
      { entities: { person: { kind: 'person', role: 'subject' } } },
    );
    const written: Record<string, string> = {
      PV: 'victim',
      'Adult PV': 'victim',
      'suspected victim': 'victim',
      'Potential victim (NRM)': 'victim',
      Tatverdächtiger: 'suspect',
      Beschuldigte: 'suspect',
      Opfer: 'victim',
      Zeugin: 'witness',
      'mis en cause': 'suspect',
      victime: 'victim',
      témoin: 'witness',
      indagato: 'suspect',
      'persona offesa': 'victim',
      testimone: 'witness',
      investigado: 'suspect',
      arguido: 'suspect',
      vítima: 'victim',
      testemunha: 'witness',
      bănuit: 'suspect',
      victimă: 'victim',
      заподозрян: 'suspect',
      пострадал: 'victim',
      підозрюваний: 'suspect',
      потерпілий: 'victim',
      свідок: 'witness',
      подозреваемый: 'suspect',
      потерпевшая: 'victim',
      свидетель: 'witness',
      podejrzany: 'suspect',
      pokrzywdzona: 'victim',
      świadek: 'witness',
      verdachte: 'suspect',
      slachtoffer: 'victim',
      getuige: 'witness',
      ronselaar: 'recruiter',
      pooier: 'controller',
      werkgever: 'employer',
      Fahrzeug: 'subject',
      Autorizație: 'subject',
    };
    const roles = Object.fromEntries(
      Object.keys(written).map((word) => [
        word,
        mapOne(profile, ['Name', 'Role'], ['Ana Ionescu', word]).parties[0]?.role,
      ]),
    );
    expect(roles).toEqual(written);
  });

  describe('an age or a year where a date of birth would be', () => {
    const profile = profileOf([
      { column: 'Date', entity: 'record', field: 'eventDate' },
      { column: 'Name', entity: 'victim', field: 'fullName' },
      { column: 'Age or DOB', entity: 'victim', field: 'birthDate' },
    ]);
    const header = ['Date', 'Name', 'Age or DOB'];
    const birthOf = (date: Cell, cell: Cell) => {
      const row = mapOne(profile, header, [date, 'Ana Ionescu', cell]);
      const p = row.parties[0];
      return { birthDate: p?.birthDate, birthYear: p?.birthYear, warnings: row.warnings.map((w) => w.reason) };
    };

    it("gives a year of birth from an age and the record's date", () => {
      const none: string[] = [];
      expect({
        text: birthOf('01/05/2024', '47'),
        number: birthOf('01/05/2024', 47),
        ani: birthOf('01/05/2024', '47 de ani'),
        old: birthOf('01/05/2024', '47 y/o'),
        polish: birthOf('01/05/2024', '47 lat'),
        years: birthOf('01/05/2024', '47 years'),
        german: birthOf('01/05/2024', '47 J.'),
        russian: birthOf('01/05/2024', '47 лет'),
        about: birthOf('01/05/2024', 'approx. 47'),
      }).toEqual({
        text: { birthDate: null, birthYear: 1977, warnings: none },
        number: { birthDate: null, birthYear: 1977, warnings: none },
        ani: { birthDate: null, birthYear: 1977, warnings: none },
        old: { birthDate: null, birthYear: 1977, warnings: none },
        polish: { birthDate: null, birthYear: 1977, warnings: none },
        years: { birthDate: null, birthYear: 1977, warnings: none },
        german: { birthDate: null, birthYear: 1977, warnings: none },
        russian: { birthDate: null, birthYear: 1977, warnings: none },
        about: { birthDate: null, birthYear: 1977, warnings: none },
      });
    });

    it('counts an age from the import date when the row has no date', () => {
      const { mappings } = resolveColumns(profile, header);
      const row = mapRow(
        { profile, sheet: 'S', header, cardHash: () => 'h', importDate: '2026-11-29' },
        mappings,
        [null, 'Ana Ionescu', '30'],
        2,
      );
      expect(row.parties[0]?.birthYear).toBe(1996);
    });

    it('keeps a year written alone as the year, and gives the year of a full date too', () => {
      expect([
        birthOf('01/05/2024', '1979'),
        birthOf('01/05/2024', 1979),
        birthOf('01/05/2024', 'c. 1979'),
        birthOf('01/05/2024', '00.00.1979'),
        birthOf('01/05/2024', 'XX/XX/1979'),
        birthOf('01/05/2024', '14/03/1979'),
      ]).toEqual([
        { birthDate: null, birthYear: 1979, warnings: [] },
        { birthDate: null, birthYear: 1979, warnings: [] },
        { birthDate: null, birthYear: 1979, warnings: [] },
        { birthDate: null, birthYear: 1979, warnings: [] },
        { birthDate: null, birthYear: 1979, warnings: [] },
        { birthDate: '1979-03-14', birthYear: 1979, warnings: [] },
      ]);
    });

    it('still reports what is neither an age, a year nor a date', () => {
      expect(birthOf('01/05/2024', 'adult')).toEqual({
        birthDate: null,
        birthYear: null,
        warnings: ['"adult" is not a date this profile can read (DMY)'],
      });
      expect(birthOf('01/05/2024', '470').birthYear).toBeNull();
    });
  });

  describe('a person of another country than the file', () => {
    const profile = profileOf([
      { column: 'Name', entity: 'victim', field: 'fullName' },
      { column: 'Cetățenie', entity: 'victim', field: 'nationality' },
      { column: 'Telefon', entity: 'victim', field: 'phone' },
      { column: 'Adresă', entity: 'victim', field: 'address' },
      { column: 'Țara documentului', entity: 'victim', field: 'documentCountry' },
      { column: 'Pașaport', entity: 'victim', field: 'documentNumber' },
    ]);
    const header = ['Name', 'Cetățenie', 'Telefon', 'Adresă', 'Țara documentului', 'Pașaport'];

    it("reads a UK mobile in a Romanian file as British when the person's nationality or address is, and says so", () => {
      const byNationality = mapOne(profile, header, ['John Smith', 'britanic', '07911 123456', null, null, null]);
      const byAddress = mapOne(profile, header, [
        'John Smith',
        'necunoscută',
        '07911 123456',
        '12 High Street, Leeds LS1 4AB, Marea Britanie',
        null,
        null,
      ]);
      expect([byNationality, byAddress].map((row) => [row.identifiers.map((i) => i.key), row.warnings])).toEqual([
        [
          ['+447911123456'],
          [
            {
              column: 'Telefon',
              value: '07911 123456',
              reason: "not a valid RO number; read as GB, the person's nationality",
            },
          ],
        ],
        [
          ['+447911123456', 'GB|LS14AB||12 high street'],
          [
            {
              column: 'Telefon',
              value: '07911 123456',
              reason: "not a valid RO number; read as GB, the country of the person's address",
            },
          ],
        ],
      ]);
    });

    it('keeps the error clear when no region the row names makes the phone valid', () => {
      const row = mapOne(profile, header, ['Ion Popa', 'moldovean', '07911 123456 789', null, null, null]);
      expect(row.warnings.map((w) => w.reason)).toEqual([
        '"07911 123456 789" is not a valid phone number (read as RO; nor as MD, the person\'s nationality)',
      ]);
    });

    it("keys an address ending in another country's name with that country", () => {
      const row = mapOne(profile, header, [
        'Ion Popa',
        null,
        null,
        'str. Ștefan cel Mare 5, Chișinău, Republica Moldova',
        null,
        null,
      ]);
      expect(row.identifiers.map((i) => i.key)).toEqual(['MD|||5 cel chisinau mare stefan street']);
    });

    it("never takes an unreadable country for a document's issuing country", () => {
      const row = mapOne(profile, header, ['Ion Popa', null, null, null, 'Marea Britanie', '123456789']);
      const unread = mapOne(profile, header, ['Ion Popa', null, null, null, 'Atlantida', '123456789']);
      expect([
        row.identifiers[0]?.country,
        unread.identifiers[0]?.country,
        unread.warnings.map((w) => w.reason),
      ]).toEqual(['GB', 'RO', ['not a country this import can read; the document is taken as issued in RO']]);
      const vehicles = profileOf([
        { column: 'Plate', entity: 'suspect', field: 'vehiclePlate' },
        { column: 'Country', entity: 'suspect', field: 'vehicleCountry' },
      ]);
      const plate = (country: string) => mapOne(vehicles, ['Plate', 'Country'], ['B 123 ABC', country]);
      expect(
        [plate('Marea Britanie'), plate('Atlantida')].map((r) => [r.identifiers[0]?.country, r.warnings.length]),
      ).toEqual([
        ['GB', 0],
        ['RO', 1],
      ]);
    });
  });

  it('links every e-mail of a cell that holds several', () => {
    const profile = profileOf([{ column: 'E-mail', entity: 'victim', field: 'email', multiple: true }]);
    const { identifiers, parties } = mapOne(profile, ['E-mail'], ['Ana@example.org; ana.i@example.ro']);
    expect({ keys: identifiers.map((i) => `${i.owner} ${i.key}`), parties: parties.map((p) => p.entity) }).toEqual({
      keys: ['victim ana@example.org', 'victim ana.i@example.ro'],
      parties: ['victim'],
    });
  });
});

describe('rows with nothing usable', () => {
  const profile = profileOf([
    { column: 'Dosar', entity: 'record', field: 'caseRef' },
    { column: 'Nr. înregistrare', entity: 'record', field: 'recordRef' },
    { column: 'Data', entity: 'record', field: 'eventDate' },
    { column: 'Telefon', entity: 'suspect', field: 'phone' },
    { column: 'Observații', entity: 'record', field: 'freeText' },
  ]);
  const header = ['Dosar', 'Nr. înregistrare', 'Data', 'Telefon', 'Observații', 'Unitate'];

  it('are rejected, with the problems of their values still named', () => {
    const row = mapOne(profile, header, [null, null, '2024-04-03', 'n/a', 'Record voided', 'IPJ Iași'], 7);
    expect({ rejected: row.rejected, warnings: row.warnings, row: row.row }).toEqual({
      rejected: 'nothing to import: no case or record reference, name or identifier',
      warnings: [{ column: 'Telefon', value: 'n/a', reason: '"n/a" is not a phone number' }],
      row: 7,
    });
  });

  it('are rejected as blank when every cell is empty', () => {
    expect(mapOne(profile, header, [null, '  ', null]).rejected).toBe('blank row');
  });

  it('are kept when they hold a case or record reference, or an identifier in their free text', () => {
    expect([
      mapOne(profile, header, ['RO-1/2024']).rejected,
      mapOne(profile, header, [null, 'R-0042']).rejected,
      mapOne(profile, header, [null, null, null, null, 'sunat de pe 0740 123 456']).rejected,
    ]).toEqual([null, null, null]);
  });
});

describe('finding the profile columns in a header', () => {
  it('ignores case, accents and punctuation, and names the columns that are missing', () => {
    const profile = profileOf([
      { column: 'Data nașterii', entity: 'victim', field: 'birthDate' },
      { column: 'Telefon', entity: 'victim', field: 'phone' },
      { column: 'E-mail', entity: 'victim', field: 'email' },
    ]);
    const { mappings, missing } = resolveColumns(profile, ['Unitate', ' DATA NASTERII ', 'telefon:']);
    expect({ found: mappings.map((m) => [m.column, m.index]), missing }).toEqual({
      found: [
        ['Data nașterii', 1],
        ['Telefon', 2],
      ],
      missing: ['E-mail'],
    });
  });
});

describe('IBANs written in their domestic form', () => {
  it("reads a Polish NRB (an IBAN without its letters) as the IBAN of the column's country, and says why others fail", () => {
    const profile = profileOf(
      [
        { column: 'Posiadacz', entity: 'account-holder', field: 'fullName' },
        { column: 'Nr rachunku (NRB)', entity: 'account-holder', field: 'iban' },
      ],
      { country: 'PL', entities: { 'account-holder': { kind: 'person', role: 'account-holder' } } },
    );
    const header = ['Posiadacz', 'Nr rachunku (NRB)'];
    const nrb = mapOne(profile, header, ['Jan KOWALCZYK', '61 1090 1014 0000 0712 1981 2874']);
    const full = mapOne(profile, header, ['Jan KOWALCZYK', 'PL61 1090 1014 0000 0712 1981 2874']);
    const wrong = mapOne(profile, header, ['Jan KOWALCZYK', '62 1090 1014 0000 0712 1981 2874']);
    expect({
      nrb: nrb.identifiers.map((i) => [i.key, i.raw]),
      full: full.identifiers.map((i) => i.key),
      wrong: wrong.warnings.map((w) => w.reason),
    }).toEqual({
      nrb: [['PL61109010140000071219812874', '61 1090 1014 0000 0712 1981 2874']],
      full: ['PL61109010140000071219812874'],
      wrong: ['"62 1090 1014 0000 0712 1981 2874" is not a valid IBAN (checksum or length)'],
    });
  });
});
