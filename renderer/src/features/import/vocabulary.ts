import type { Profile } from '../../../../main/contract/api';

/** A field a column can feed; the compiler checks every name below against the profile type. */
export type Field = Profile['columns'][number]['field'];
export type EntityKind = Profile['entities'][string]['kind'];
export type Role = Profile['entities'][string]['role'];
export type DateOrder = Profile['dateOrder'];
export type GradingSystem = Profile['grading']['system'];
export type GradingPart = 'source' | 'information' | 'handling';

/** Fields of the row itself (entity `record`). */
export const RECORD_FIELDS: Field[] = ['caseRef', 'recordRef', 'eventDate', 'location', 'freeText'];

/** Names and details of a person or organisation. */
export const PARTY_FIELDS: Field[] = [
  'fullName',
  'givenName',
  'familyName',
  'alias',
  'nameLatin',
  'role',
  'birthDate',
  'nationality',
  'gender',
  'address',
  'addressFlat',
  'addressStreet',
  'addressHouseNumber',
  'addressCity',
  'addressPostcode',
  'addressCountry',
];

/** Fields whose values become shared identifiers; allowed on the record and on every entity. */
export const IDENTIFIER_FIELDS: Field[] = [
  'phone',
  'email',
  'handle',
  'iban',
  'bankAccount',
  'sortCode',
  'routingNumber',
  'card',
  'crypto',
  'paymentApp',
  'documentNumber',
  'documentType',
  'documentCountry',
  'vehiclePlate',
  'vehicleCountry',
];

export const ENTITY_KINDS: EntityKind[] = ['person', 'organization'];

export const ROLES: Role[] = [
  'suspect',
  'victim',
  'witness',
  'recruiter',
  'controller',
  'driver',
  'landlord',
  'employer',
  'account-holder',
  'reporter',
  'associate',
  'subject',
  'venue',
  'recruitment-agency',
  'transport-company',
  'other',
];

export const DATE_ORDERS: { value: DateOrder; label: string }[] = [
  { value: 'DMY', label: 'Day / month / year' },
  { value: 'MDY', label: 'Month / day / year' },
  { value: 'YMD', label: 'Year / month / day' },
];

/** The codes each grading scheme allows, with what an analyst reads for each. */
export const GRADING_CODES: Record<GradingSystem, Record<GradingPart, { code: string; label: string }[]>> = {
  '3x5x2': {
    source: [
      { code: '1', label: '1 — reliable' },
      { code: '2', label: '2 — untested' },
      { code: '3', label: '3 — not reliable' },
    ],
    information: [
      { code: 'A', label: 'A — known directly' },
      { code: 'B', label: 'B — known indirectly, corroborated' },
      { code: 'C', label: 'C — known indirectly' },
      { code: 'D', label: 'D — not known' },
      { code: 'E', label: 'E — suspected false' },
    ],
    handling: [
      { code: 'P', label: 'P — lawful sharing permitted' },
      { code: 'C', label: 'C — sharing with conditions' },
    ],
  },
  '5x5x5': {
    source: [
      { code: 'A', label: 'A — always reliable' },
      { code: 'B', label: 'B — mostly reliable' },
      { code: 'C', label: 'C — sometimes reliable' },
      { code: 'D', label: 'D — unreliable' },
      { code: 'E', label: 'E — untested' },
    ],
    information: [
      { code: '1', label: '1 — known to be true' },
      { code: '2', label: '2 — known to the source' },
      { code: '3', label: '3 — not known to the source' },
      { code: '4', label: '4 — cannot be judged' },
      { code: '5', label: '5 — suspected false' },
    ],
    handling: [
      { code: '1', label: '1 — may be disseminated' },
      { code: '2', label: '2 — UK law enforcement only' },
      { code: '3', label: '3 — non-prosecuting parties' },
      { code: '4', label: '4 — within the service only' },
      { code: '5', label: '5 — as the originator says' },
    ],
  },
};

/** The fields a column mapped to `entity` may take. */
export function fieldsFor(entity: string): Field[] {
  return entity === 'record' ? [...RECORD_FIELDS, ...IDENTIFIER_FIELDS] : [...PARTY_FIELDS, ...IDENTIFIER_FIELDS];
}

const FIELD_LABELS: Partial<Record<Field, string>> = {
  caseRef: 'Case reference',
  recordRef: 'Record reference',
  eventDate: 'Event date',
  freeText: 'Free text',
  fullName: 'Full name',
  givenName: 'Given name',
  familyName: 'Family name',
  nameLatin: 'Name (Latin script)',
  birthDate: 'Birth date',
  addressFlat: 'Address: flat',
  addressStreet: 'Address: street',
  addressHouseNumber: 'Address: house number',
  addressCity: 'Address: city',
  addressPostcode: 'Address: postcode',
  addressCountry: 'Address: country',
  iban: 'IBAN',
  bankAccount: 'Bank account',
  sortCode: 'Sort code',
  routingNumber: 'Routing number',
  card: 'Payment card',
  crypto: 'Crypto wallet',
  paymentApp: 'Payment app',
  documentNumber: 'Document number',
  documentType: 'Document type',
  documentCountry: 'Document country',
  vehiclePlate: 'Vehicle plate',
  vehicleCountry: 'Vehicle country',
};

/** A field's name as the editor shows it, e.g. `birthDate` → `Birth date`. */
export function fieldLabel(field: Field): string {
  return FIELD_LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}
