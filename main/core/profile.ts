/**
 * Mapping profiles: how one agency's spreadsheet columns become Caselink's records, persons,
 * organisations, cases and identifiers. One JSON file per agency (and layout), saved and reused.
 *
 * A row may name several entities (a suspect, a victim, a recruiter, an employer): `entities`
 * declares them with their kind and role, and each column says which entity and field it feeds.
 * Columns mapped to the entity `record` describe the row itself (case reference, event date,
 * free text; identifiers found there belong to the record, not to a person).
 */
import { z } from 'zod';

/** Intelligence grading, as analysts use it: the UK 3x5x2 or the older 5x5x5 scheme. */
export const GRADING_SYSTEMS = {
  '3x5x2': {
    source: ['1', '2', '3'],
    information: ['A', 'B', 'C', 'D', 'E'],
    handling: ['P', 'C'],
  },
  '5x5x5': {
    source: ['A', 'B', 'C', 'D', 'E'],
    information: ['1', '2', '3', '4', '5'],
    handling: ['1', '2', '3', '4', '5'],
  },
} as const;

export type GradingSystem = keyof typeof GRADING_SYSTEMS;

export const gradingSchema = z
  .object({
    system: z.enum(['3x5x2', '5x5x5']),
    /** Source evaluation (3x5x2: 1 reliable, 2 untested, 3 not reliable; 5x5x5: A–E). */
    source: z.string(),
    /** Information / intelligence assessment (3x5x2: A–E; 5x5x5: 1–5). */
    information: z.string(),
    /** Handling code (3x5x2: P lawful sharing permitted, C with conditions; 5x5x5: 1–5). */
    handling: z.string(),
    /** Conditions that go with handling code C, or any handling note. */
    conditions: z.string().optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    const allowed = GRADING_SYSTEMS[g.system];
    for (const key of ['source', 'information', 'handling'] as const) {
      if (!(allowed[key] as readonly string[]).includes(g[key])) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${g.system} ${key} must be one of ${allowed[key].join(', ')}`,
        });
      }
    }
  });
export type Grading = z.infer<typeof gradingSchema>;

/** A grading override on one column: any part may be given; the rest comes from the profile. */
export const gradingOverrideSchema = z
  .object({
    source: z.string().optional(),
    information: z.string().optional(),
    handling: z.string().optional(),
    conditions: z.string().optional(),
  })
  .strict();

export const ENTITY_KINDS = ['person', 'organization'] as const;

/** Roles a person or organisation can have in a record. */
export const ROLES = [
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
] as const;
export type Role = (typeof ROLES)[number];

/** Fields of the row itself (entity `record`). */
export const RECORD_FIELDS = ['caseRef', 'eventDate', 'freeText', 'location', 'recordRef'] as const;

/** Fields a person or organisation can have. */
export const PARTY_FIELDS = [
  // names
  'fullName',
  'givenName',
  'familyName',
  'alias',
  'nameLatin',
  // person details
  'role',
  'birthDate',
  'nationality',
  'gender',
  // address parts, assembled into one address per entity
  'address',
  'addressFlat',
  'addressStreet',
  'addressHouseNumber',
  'addressCity',
  'addressPostcode',
  'addressCountry',
] as const;

/** Identifier fields: each value becomes (after normalisation) a shared identifier node. */
export const IDENTIFIER_FIELDS = [
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
] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];
export type PartyField = (typeof PARTY_FIELDS)[number];
export type IdentifierField = (typeof IDENTIFIER_FIELDS)[number];
export type Field = RecordField | PartyField | IdentifierField;

export const ALL_FIELDS: readonly Field[] = [...RECORD_FIELDS, ...PARTY_FIELDS, ...IDENTIFIER_FIELDS];

const entityName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'entity names are lower-case words, e.g. "suspect"');

/**
 * The kind of identity document a column holds when the header says it ("Passport No.", "CNP",
 * "NI Number"), so that no document-type column is needed.
 */
export const DOCUMENT_TYPES = [
  'passport',
  'national-id',
  'residence-permit',
  'driving-licence',
  'national-insurance',
  'social-security',
  'tax-id',
  'personal-number',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const columnMappingSchema = z
  .object({
    /** The header text as it stands in the file (compared after trimming and case folding). */
    column: z.string().min(1),
    /** The sheet this column is read on; on every sheet when absent (per-sheet columns of a workbook). */
    sheet: z.string().min(1).optional(),
    /** `record`, or one of the profile's entities. */
    entity: z.union([z.literal('record'), entityName]),
    field: z.enum(ALL_FIELDS as [Field, ...Field[]]),
    /** Default country for this column's phones, addresses and documents (ISO alpha-2). */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** Split the cell into several values on these separators (phones, e-mails, handles). */
    multiple: z.boolean().optional(),
    /** For a documentNumber column: the type of every document in it, over any document-type column. */
    documentType: z.enum(DOCUMENT_TYPES).optional(),
    grading: gradingOverrideSchema.optional(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const entitySchema = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    role: z.enum(ROLES),
    /**
     * A person's join key: the header of the column holding the agency's own id for the person
     * ("Person ID"), or several headers when sheets name it differently, the first filled one
     * counting. Mentions of one agency with the same join key (in any sheet, any file, any month)
     * are one person: the import joins them by a confirmed same-person pair decided by the
     * profile, and they are never sent to review. Persons only.
     */
    joinKey: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1).max(8)]).optional(),
  })
  .strict();

/** An entity's join-key headers as a list (none when it has no join key). */
export function joinKeyColumns(entity: Pick<z.infer<typeof entitySchema>, 'joinKey'>): string[] {
  const key = entity.joinKey;
  return key === undefined ? [] : typeof key === 'string' ? [key] : key;
}

export const profileSchema = z
  .object({
    version: z.literal(1),
    /** The agency whose files this profile reads. */
    agency: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/),
    /** What the profile is for, e.g. "City police case log, persons sheet". */
    name: z.string().min(1),
    /** Sheets to read: their names, or all sheets when absent. */
    sheets: z.array(z.string()).optional(),
    /** 1-based row of the header; found automatically below title rows when absent. */
    headerRow: z.number().int().min(1).optional(),
    /** Text encoding of CSV/TSV files; detected when `auto`. */
    encoding: z
      .enum(['auto', 'utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-2', 'windows-1250', 'windows-1251'])
      .default('auto'),
    /** CSV delimiter; detected when `auto`. */
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    /** Default country for phone numbers, addresses and documents (ISO alpha-2). */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** How to read ambiguous dates such as 03/04/1991. */
    dateOrder: z.enum(['DMY', 'MDY', 'YMD']).default('DMY'),
    grading: gradingSchema,
    /**
     * Columns whose values identify a row across exports (e.g. the agency's own row id). When
     * absent, a row is identified by its content, so an unchanged row in next month's export is
     * the same record and a changed row a new one.
     */
    rowKey: z.array(z.string()).optional(),
    entities: z.record(entityName, entitySchema).default({}),
    columns: z.array(columnMappingSchema).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const allowed = GRADING_SYSTEMS[p.grading.system];
    for (const [name, entity] of Object.entries(p.entities)) {
      // Same-person pairs join persons only; an organisation's id would join nothing.
      if (entity.joinKey !== undefined && entity.kind !== 'person') {
        ctx.addIssue({
          code: 'custom',
          path: ['entities', name, 'joinKey'],
          message: `a join key is given only on a person, not on the ${entity.kind} "${name}"`,
        });
      }
    }
    p.columns.forEach((c, i) => {
      for (const key of ['source', 'information', 'handling'] as const) {
        const value = c.grading?.[key];
        if (value !== undefined && !(allowed[key] as readonly string[]).includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', i, 'grading', key],
            message: `${p.grading.system} ${key} must be one of ${allowed[key].join(', ')}`,
          });
        }
      }
      // Own keys only: "constructor" or "toString" is in every object.
      if (c.entity !== 'record' && !Object.hasOwn(p.entities, c.entity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'entity'],
          message: `entity "${c.entity}" is not declared in entities`,
        });
      }
      if (c.documentType !== undefined && c.field !== 'documentNumber') {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'documentType'],
          message: `a document type is given only on a documentNumber column, not on ${c.field}`,
        });
      }
      if (c.sheet !== undefined && p.sheets !== undefined && !p.sheets.includes(c.sheet)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'sheet'],
          message: `sheet "${c.sheet}" is not among the profile's sheets (${p.sheets.map((s) => `"${s}"`).join(', ')})`,
        });
      }
      const isRecordField = (RECORD_FIELDS as readonly string[]).includes(c.field);
      if (c.entity === 'record' && (PARTY_FIELDS as readonly string[]).includes(c.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: `${c.field} belongs to a person or organisation, not to the record`,
        });
      }
      if (c.entity !== 'record' && isRecordField) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: `${c.field} belongs to the record, not to an entity`,
        });
      }
    });
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** Parses a profile, with every problem named by its path in the JSON. */
export function parseProfile(json: unknown, source = 'profile'): Profile {
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new Error(`${source} is not a valid mapping profile:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
