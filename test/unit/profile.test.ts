import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { parseProfile, type Profile, type ProfileInput } from '../../main/core/profile';
import { mapRow, resolveColumns } from '../../main/core/rowMapper';

const BASE: ProfileInput = {
  version: 1,
  agency: 'RO-POL',
  name: 'Romanian police, persons sheet',
  country: 'RO',
  grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
  entities: { suspect: { kind: 'person', role: 'suspect' } },
  columns: [
    { column: 'Dosar', entity: 'record', field: 'caseRef' },
    { column: 'Nume', entity: 'suspect', field: 'fullName' },
  ],
};

/** The message parseProfile throws, or "valid". */
function problems(json: unknown, source?: string): string {
  try {
    parseProfile(json, source);
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('parsing a mapping profile', () => {
  it('fills in the defaults for encoding, delimiter and date order', () => {
    expect(parseProfile(BASE)).toEqual({ ...BASE, encoding: 'auto', delimiter: 'auto', dateOrder: 'DMY' });
  });

  it('names the column of an entity that is not declared, with the file it came from', () => {
    const columns = [...BASE.columns, { column: 'Victimă', entity: 'victim', field: 'fullName' } as const];
    expect(problems({ ...BASE, columns }, 'ro-pol.json')).toBe(
      'ro-pol.json is not a valid mapping profile:\n  columns.2.entity: entity "victim" is not declared in entities',
    );
  });

  it('names a record field given to an entity, and a person field given to the record', () => {
    expect(
      problems({
        ...BASE,
        columns: [
          { column: 'Dosar', entity: 'suspect', field: 'caseRef' },
          { column: 'Nume', entity: 'record', field: 'fullName' },
        ],
      }),
    ).toBe(
      'profile is not a valid mapping profile:\n' +
        '  columns.0.field: caseRef belongs to the record, not to an entity\n' +
        '  columns.1.field: fullName belongs to a person or organisation, not to the record',
    );
  });

  it('names each grading code that does not belong to the grading system', () => {
    expect(problems({ ...BASE, grading: { system: '5x5x5', source: '2', information: 'B', handling: 'P' } })).toBe(
      'profile is not a valid mapping profile:\n' +
        '  grading.source: 5x5x5 source must be one of A, B, C, D, E\n' +
        '  grading.information: 5x5x5 information must be one of 1, 2, 3, 4, 5\n' +
        '  grading.handling: 5x5x5 handling must be one of 1, 2, 3, 4, 5',
    );
  });

  it("names a column's grading override that does not belong to the profile's grading system", () => {
    const columns = [{ column: 'Dosar', entity: 'record', field: 'caseRef', grading: { source: '9' } } as const];
    expect(problems({ ...BASE, columns })).toBe(
      'profile is not a valid mapping profile:\n  columns.0.grading.source: 3x5x2 source must be one of 1, 2, 3',
    );
  });

  it('names unknown fields, misspelt keys, bad entity names and a document that is not an object', () => {
    expect({
      field: problems({ ...BASE, columns: [{ column: 'Dosar', entity: 'record', field: 'caseNumber' }] }),
      key: problems({ ...BASE, colums: [] }),
      entityName: problems({ ...BASE, entities: { Suspect: { kind: 'person', role: 'suspect' } } }),
      notObject: problems('profile'),
    }).toEqual({
      field: expect.stringMatching(/^profile is not a valid mapping profile:\n {2}columns\.0\.field: Invalid option/),
      key: 'profile is not a valid mapping profile:\n  (top): Unrecognized key: "colums"',
      entityName: expect.stringContaining('\n  entities.Suspect: '),
      notObject: 'profile is not a valid mapping profile:\n  (top): Invalid input: expected object, received string',
    });
  });

  it('keeps a profile written before house numbers, document types and sheets valid, as it was', () => {
    const old = {
      ...BASE,
      sheets: ['Persoane'],
      columns: [
        { column: 'Dosar', entity: 'record', field: 'caseRef' },
        { column: 'Nume', entity: 'suspect', field: 'fullName' },
        { column: 'Tip act', entity: 'suspect', field: 'documentType' },
        { column: 'Nr. act', entity: 'suspect', field: 'documentNumber' },
      ],
    };
    expect(parseProfile(old)).toEqual({ ...old, encoding: 'auto', delimiter: 'auto', dateOrder: 'DMY' });
  });

  it('accepts a house number, a fixed document type and columns given per sheet', () => {
    const profile = {
      ...BASE,
      sheets: ['Persons', 'Agents'],
      columns: [
        { column: 'Case', entity: 'record', field: 'caseRef' },
        { column: 'Name', entity: 'suspect', field: 'fullName', sheet: 'Persons' },
        { column: 'House No', entity: 'suspect', field: 'addressHouseNumber', sheet: 'Persons' },
        { column: 'CNP', entity: 'suspect', field: 'documentNumber', documentType: 'personal-number' },
      ],
    };
    expect(problems(profile)).toBe('valid');
  });

  it('names a document type on a column that is not a document number, an unknown type, and a sheet the profile does not read', () => {
    expect({
      misplaced: problems({
        ...BASE,
        sheets: ['Persons'],
        columns: [
          { column: 'Name', entity: 'suspect', field: 'fullName', documentType: 'passport' },
          { column: 'Phone', entity: 'suspect', field: 'phone', sheet: 'Agents' },
        ],
      }),
      unknown: problems({
        ...BASE,
        columns: [{ column: 'Passport', entity: 'suspect', field: 'documentNumber', documentType: 'pasport' }],
      }),
    }).toEqual({
      misplaced:
        'profile is not a valid mapping profile:\n' +
        '  columns.0.documentType: a document type is given only on a documentNumber column, not on fullName\n' +
        '  columns.1.sheet: sheet "Agents" is not among the profile\'s sheets ("Persons")',
      unknown: expect.stringMatching(
        /^profile is not a valid mapping profile:\n {2}columns\.0\.documentType: Invalid option: expected one of "passport"\|"national-id"/,
      ),
    });
  });
});

describe('a profile applied to rows', () => {
  const profile: Profile = parseProfile({
    ...BASE,
    country: 'DE',
    sheets: ['Personen', 'Vermittler'],
    entities: {
      subject: { kind: 'person', role: 'subject' },
      recruiter: { kind: 'person', role: 'recruiter' },
    },
    columns: [
      { column: 'Vorgangs-Nr.', entity: 'record', field: 'caseRef' },
      { column: 'Name', entity: 'subject', field: 'fullName', sheet: 'Personen' },
      { column: 'Straße', entity: 'subject', field: 'addressStreet', sheet: 'Personen' },
      { column: 'Hausnummer', entity: 'subject', field: 'addressHouseNumber', sheet: 'Personen' },
      { column: 'Wohnort', entity: 'subject', field: 'addressCity', sheet: 'Personen' },
      { column: 'Reisepass', entity: 'subject', field: 'documentNumber', documentType: 'passport', sheet: 'Personen' },
      { column: 'Name', entity: 'recruiter', field: 'fullName', sheet: 'Vermittler' },
      { column: 'Telefon', entity: 'recruiter', field: 'phone', sheet: 'Vermittler' },
    ],
  });
  const map = (sheet: string, header: string[], cells: Cell[]) => {
    const { mappings, missing } = resolveColumns(profile, header, sheet);
    const row = mapRow({ profile, sheet, header, cardHash: (pan) => pan }, mappings, cells, 2);
    return {
      missing,
      parties: row.parties.map((p) => `${p.entity}: ${p.name}`),
      identifiers: row.identifiers.map((i) => `${i.owner}: ${i.kind} ${i.display}`),
    };
  };

  it('reads each sheet by its own columns, with the house number in the address and the document type of the column', () => {
    expect({
      personen: map(
        'Personen',
        ['Vorgangs-Nr.', 'Name', 'Straße', 'Hausnummer', 'Wohnort', 'Reisepass'],
        ['0815-24', 'Klaus Schmidt', 'Hauptstraße', '12a', 'Essen', 'C01X00T47'],
      ),
      vermittler: map('Vermittler', ['Vorgangs-Nr.', 'Name', 'Telefon'], ['0815-24', 'Ion Marin', '0151 23456789']),
    }).toEqual({
      personen: {
        missing: [],
        parties: ['subject: Klaus Schmidt'],
        identifiers: ['subject: document DE passport C01X00T47', 'subject: address Hauptstraße 12a, Essen'],
      },
      vermittler: {
        missing: [],
        parties: ['recruiter: Ion Marin'],
        identifiers: ['recruiter: phone +49 1512 3456789'],
      },
    });
  });
});
