import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADING, proposeProfile } from '../../main/core/mappingProposal';
import { parseProfile } from '../../main/core/profile';

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
      employer: 'header "Employer name" reads as fullName; an organisation',
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
});
