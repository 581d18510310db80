import { describe, expect, it } from 'vitest';
import { parseProfile, type ProfileInput } from '../../main/core/profile';
import { proposeProfile } from '../../main/core/mappingProposal';
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

/** Maps one row under `header` with the profile, as the import does. */
function mapOne(input: ProfileInput, header: string[], cells: string[]) {
  const profile = parseProfile(input);
  const { mappings } = resolveColumns(profile, header);
  return mapRow({ profile, sheet: 'Sheet1', header, cardHash: (pan) => pan }, mappings, cells, 2);
}

// Spreadsheet and profile text become keys; a key that every object has must not pass for one given.
describe('names that every JavaScript object has', () => {
  it('refuses a column for an entity "constructor" that is not declared', () => {
    const columns = [...BASE.columns, { column: 'Cine', entity: 'constructor', field: 'fullName' } as const];
    expect(() => parseProfile({ ...BASE, columns })).toThrow(
      'columns.2.entity: entity "constructor" is not declared in entities',
    );
  });

  it('maps an entity that is declared as "constructor" like any other', () => {
    const mapped = mapOne(
      {
        ...BASE,
        entities: { constructor: { kind: 'person', role: 'witness' } as const },
        columns: [{ column: 'Martor', entity: 'constructor', field: 'fullName' }],
      },
      ['Martor'],
      ['Ana Pop'],
    );
    expect(mapped.parties).toEqual([
      expect.objectContaining({ entity: 'constructor', role: 'witness', name: 'Ana Pop' }),
    ]);
  });

  it('keeps a cell headed "__proto__" among the raw cells, and a header that stands twice twice', () => {
    const mapped = mapOne(BASE, ['Dosar', '__proto__', 'Nume', 'Telefon', 'Telefon'], ['D-1', 'x', 'Ion', '1', '2']);
    expect(mapped.raw).toEqual([
      ['Dosar', 'D-1'],
      ['__proto__', 'x'],
      ['Nume', 'Ion'],
      ['Telefon', '1'],
      ['Telefon', '2'],
    ]);
  });

  it('maps both columns of a header that stands twice', () => {
    const profile = parseProfile({
      ...BASE,
      columns: [...BASE.columns, { column: 'Telefon', entity: 'suspect', field: 'phone' }],
    });
    const { mappings } = resolveColumns(profile, ['Dosar', 'Telefon', 'Nume', 'telefon ']);
    expect(mappings.map((m) => [m.column, m.index])).toEqual([
      ['Dosar', 0],
      ['Nume', 2],
      ['Telefon', 1],
      ['Telefon', 3],
    ]);
  });

  it('gives the reason for a proposed column headed "__proto__"', () => {
    const proposal = proposeProfile({
      agency: 'NGO',
      country: 'GB',
      header: ['Name', '__proto__'],
      samples: [
        ['Ana Pop', '07911 123456'],
        ['Dan Pop', '07911 123457'],
      ],
    });
    expect(proposal.profile.columns.map((c) => [c.column, c.field])).toEqual([
      ['Name', 'fullName'],
      ['__proto__', 'phone'],
    ]);
    expect(Object.entries(proposal.reasons)).toEqual([
      ['Name', 'header "Name" reads as fullName'],
      ['__proto__', 'values look like phone'],
    ]);
  });
});
