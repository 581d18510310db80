import { describe, expect, it } from 'vitest';
import { parseProfile, type ProfileInput } from '../../main/core/profile';

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
});
