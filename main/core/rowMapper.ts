/**
 * One spreadsheet row through a mapping profile: the record, the persons and organisations it
 * names, the identifiers each of them used, and every problem met on the way. A value that
 * cannot be used is reported with its column and reason; the rest of the row still counts.
 */
import { cellText, isBlank, parseDate, type Cell } from './cells';
import { fold } from './text';
import {
  normalizeAddress,
  normalizeBankAccount,
  normalizeCard,
  normalizeCrypto,
  normalizeDocument,
  normalizeEmail,
  normalizeHandle,
  normalizeIban,
  normalizePaymentApp,
  normalizePhones,
  normalizeVehicle,
  platformOf,
  splitMultiple,
  type Identifier,
  type Normalized,
} from './identifiers';
import { identifiersInText } from './freeText';
import { nameTokens } from './names';
import type { ColumnMapping, Field, Grading, Profile, Role } from './profile';
import { ROLES } from './profile';

export interface RowProblem {
  column: string;
  value: string;
  reason: string;
}

export interface MappedParty {
  /** The entity name in the profile (suspect, victim…). */
  entity: string;
  kind: 'person' | 'organization';
  role: Role;
  /** The name as written (family and given names joined when given apart). */
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  nameLatin: string | null;
  alias: string | null;
  birthDate: string | null;
  nationality: string | null;
  gender: string | null;
}

export interface MappedIdentifier extends Identifier {
  /** `record`, or the entity that used it. */
  owner: string;
  /** The header of the column it came from. */
  column: string;
  /** The cell text it came from, as written there. */
  raw: string;
  grading: Grading;
}

/** A cell as the file holds it: its column's header and its text. */
export type RawCell = [header: string, value: string];

/** The text of the first non-empty cell under `header` (as written), if any. */
export function rawValue(raw: readonly RawCell[], header: string): string | undefined {
  return raw.find(([h]) => h === header)?.[1];
}

export interface MappedRow {
  sheet: string;
  /** 1-based row number as the spreadsheet shows it (for CSV: the line, header = 1). */
  row: number;
  /**
   * Every non-empty cell, mapped or not, in column order with its column's header. A list rather
   * than an object keyed by header: a header may stand twice ("Phone", "Phone") or be any text
   * ("__proto__"), and each cell must keep its own column.
   */
  raw: RawCell[];
  caseRef: string | null;
  recordRef: string | null;
  eventDate: string | null;
  freeText: string | null;
  location: string | null;
  parties: MappedParty[];
  identifiers: MappedIdentifier[];
  warnings: RowProblem[];
  /** Set when nothing in the row can be used; the row goes to the error report only. */
  rejected: string | null;
}

export interface RowContext {
  profile: Profile;
  sheet: string;
  /** The header row's texts, by column index. */
  header: string[];
  /** A keyed hash for full card numbers (never stored). */
  cardHash: (pan: string) => string;
}

/** Column index of each mapping, resolved once per sheet from its header. */
export interface ResolvedMapping extends ColumnMapping {
  index: number;
}

export function headerKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Finds each mapped column in the header; names the ones missing. A header that stands twice
 * ("Phone", "Phone") maps both its columns, so that both are read; where the field takes one
 * value (a name, a date), the first non-empty one counts.
 */
export function resolveColumns(profile: Profile, header: string[]): { mappings: ResolvedMapping[]; missing: string[] } {
  const byKey = new Map<string, number[]>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (!key) return;
    const indexes = byKey.get(key);
    if (indexes) indexes.push(i);
    else byKey.set(key, [i]);
  });
  const mappings: ResolvedMapping[] = [];
  const missing: string[] = [];
  for (const m of profile.columns) {
    const indexes = byKey.get(headerKey(m.column));
    if (indexes === undefined) missing.push(m.column);
    else for (const index of indexes) mappings.push({ ...m, index });
  }
  return { mappings, missing };
}

const ROLE_WORDS: [RegExp, Role][] = [
  [
    /suspect|sospechos|banuit|invinuit|inculpat|autor|offender|perpetrator|arrested|detenid|defendant|accused/,
    'suspect',
  ],
  [/victim|pvot|potential victim|survivor|injured|vatamat|perjudicat|complainant|agraviad/, 'victim'],
  [/witness|martor|testigo/, 'witness'],
  [/recruit|recrut|reclut|captador/, 'recruiter'],
  [/controller|pimp|exploiter|proxenet|controlor/, 'controller'],
  [/driver|sofer|conductor/, 'driver'],
  [/landlord|proprietar|arrendador/, 'landlord'],
  [/employer|angajator|empleador|gangmaster/, 'employer'],
  [/holder|titular/, 'account-holder'],
  [/caller|reporter|informant|reclamant|denunciante/, 'reporter'],
  [/associate|asociat|associated/, 'associate'],
  [/subject|subiect|sujeto|person of interest/, 'subject'],
];

export function roleOf(text: string): Role | null {
  const t = fold(text);
  if ((ROLES as readonly string[]).includes(t)) return t as Role;
  for (const [pattern, role] of ROLE_WORDS) if (pattern.test(t)) return role;
  return null;
}

// Free text is read by its own module; re-exported here, where callers met it first.
export { identifiersInText } from './freeText';

function splitName(full: string): { given: string | null; family: string | null } {
  // "POPESCU, ion": family name, then given names. By hand: the pattern had two quantifiers over the same spaces.
  const comma = full.indexOf(',');
  const family = comma > 0 ? full.slice(0, comma).trim() : '';
  const given = comma > 0 ? full.slice(comma + 1).trim() : '';
  return family && given ? { family, given } : { given: null, family: null };
}

type Values = Map<string, { mapping: ResolvedMapping; text: string; cell: Cell }[]>;

export function mapRow(ctx: RowContext, mappings: ResolvedMapping[], cells: Cell[], row: number): MappedRow {
  const { profile } = ctx;
  const warnings: RowProblem[] = [];
  const raw: RawCell[] = [];
  ctx.header.forEach((h, i) => {
    const cell = cells[i] ?? null;
    if (!isBlank(cell)) raw.push([h || `column ${i + 1}`, cellText(cell)]);
  });

  // Values by owner (record or entity) and field.
  const values = new Map<string, Values>();
  for (const m of mappings) {
    const cell = cells[m.index] ?? null;
    if (isBlank(cell)) continue;
    const owner = values.get(m.entity) ?? new Map();
    values.set(m.entity, owner);
    const list = owner.get(m.field) ?? [];
    list.push({ mapping: m, text: cellText(cell), cell });
    owner.set(m.field, list);
  }
  const first = (owner: string, field: Field) => values.get(owner)?.get(field)?.[0];

  // The profile's own object when the column has no override, so that writers can tell.
  const gradingOf = (m: ColumnMapping): Grading =>
    m.grading ? ({ ...profile.grading, ...m.grading } as Grading) : profile.grading;
  // Phones and documents follow the column's or the agency's country; an address abroad says
  // where the address is, not which country's numbering its occupant's phone uses.
  const countryOf = (m: ColumnMapping) => m.country ?? profile.country;
  const addressCountryOf = (m: ColumnMapping, owner: string) => {
    const written = first(owner, 'addressCountry')?.text.trim().toUpperCase() ?? '';
    return m.country ?? (/^[A-Z]{2}$/.test(written) ? written : profile.country);
  };

  const identifiers: MappedIdentifier[] = [];
  const add = (owner: string, m: ResolvedMapping, text: string, result: Normalized) => {
    if (!result.ok) {
      warnings.push({ column: m.column, value: text, reason: result.reason });
      return;
    }
    for (const v of result.values)
      identifiers.push({ ...v, owner, column: m.column, raw: text, grading: gradingOf(m) });
    for (const note of result.notes) warnings.push({ column: m.column, value: text, reason: note });
  };
  const date = (owner: string, field: Field): string | null => {
    const v = first(owner, field);
    if (!v) return null;
    const parsed = parseDate(v.cell, profile.dateOrder);
    if (parsed.ok) return parsed.date;
    warnings.push({ column: v.mapping.column, value: v.text, reason: parsed.reason });
    return null;
  };

  for (const [owner, fields] of values) {
    for (const [field, list] of fields) {
      for (const { mapping: m, text } of list) {
        const country = countryOf(m);
        switch (field) {
          case 'phone':
            add(owner, m, text, normalizePhones(text, country));
            break;
          case 'email':
            for (const part of splitMultiple(text)) add(owner, m, text, normalizeEmail(part));
            break;
          case 'handle':
            for (const part of splitMultiple(text, { slash: false })) {
              add(owner, m, text, normalizeHandle(part, platformOf(m.column) ?? 'unknown'));
            }
            break;
          case 'iban':
            add(owner, m, text, normalizeIban(text));
            break;
          case 'card':
            add(owner, m, text, normalizeCard(text, ctx.cardHash));
            break;
          case 'crypto':
            add(owner, m, text, normalizeCrypto(text));
            break;
          case 'paymentApp':
            add(owner, m, text, normalizePaymentApp(text));
            break;
          case 'bankAccount': {
            const code = first(owner, 'sortCode') ?? first(owner, 'routingNumber');
            add(
              owner,
              m,
              text,
              normalizeBankAccount(text, code?.text ?? '', first(owner, 'routingNumber') ? 'US' : country),
            );
            break;
          }
          case 'documentNumber':
            add(
              owner,
              m,
              text,
              normalizeDocument(
                text,
                first(owner, 'documentType')?.text ?? 'ID',
                first(owner, 'documentCountry')?.text ?? country,
              ),
            );
            break;
          case 'vehiclePlate':
            add(owner, m, text, normalizeVehicle(text, first(owner, 'vehicleCountry')?.text ?? country));
            break;
          case 'freeText': {
            const found = identifiersInText(text, country);
            for (const v of found.identifiers)
              identifiers.push({ ...v, owner, column: m.column, raw: text, grading: gradingOf(m) });
            break;
          }
          default:
            break;
        }
      }
    }
  }

  const parties: MappedParty[] = [];
  for (const [entity, declared] of Object.entries(profile.entities)) {
    const fields = values.get(entity);
    if (!fields) continue;
    const address = assembleAddress(fields);
    if (address) {
      const country = addressCountryOf(address.mapping, entity);
      add(entity, address.mapping, address.text, normalizeAddress(address.text, country));
    }
    const written = first(entity, 'fullName');
    // "Anonymous", "unknown", "not given": a placeholder where a name would be is no name.
    const fullName = written && nameTokens(written.text).length === 0 ? null : (written?.text ?? null);
    if (written && fullName === null) {
      warnings.push({ column: written.mapping.column, value: written.text, reason: 'placeholder, not a name' });
    }
    const givenName = first(entity, 'givenName')?.text ?? (fullName ? splitName(fullName).given : null);
    const familyName = first(entity, 'familyName')?.text ?? (fullName ? splitName(fullName).family : null);
    const name = fullName ?? ([givenName, familyName].filter(Boolean).join(' ') || null);
    const nameLatin = first(entity, 'nameLatin')?.text ?? null;
    const roleCell = first(entity, 'role');
    let role: Role = declared.role;
    if (roleCell) {
      const found = roleOf(roleCell.text);
      if (found) role = found;
      else
        warnings.push({
          column: roleCell.mapping.column,
          value: roleCell.text,
          reason: `unknown role; kept as ${declared.role}`,
        });
    }
    const ownsIdentifier = identifiers.some((i) => i.owner === entity);
    if (!name && !nameLatin && !ownsIdentifier) continue;
    parties.push({
      entity,
      kind: declared.kind,
      role,
      name: name ?? nameLatin,
      givenName,
      familyName,
      nameLatin,
      alias: first(entity, 'alias')?.text ?? null,
      birthDate: date(entity, 'birthDate'),
      nationality: first(entity, 'nationality')?.text.toUpperCase() ?? null,
      gender: first(entity, 'gender')?.text ?? null,
    });
  }

  const eventDate = date('record', 'eventDate');
  // Problems in the order of the columns, as the analyst reads the row.
  const position = new Map<string, number>();
  for (const m of mappings) if (!position.has(m.column)) position.set(m.column, m.index);
  warnings.sort((a, b) => (position.get(a.column) ?? 0) - (position.get(b.column) ?? 0));

  const caseRef = first('record', 'caseRef')?.text ?? null;
  const mapped: MappedRow = {
    sheet: ctx.sheet,
    row,
    raw,
    caseRef,
    recordRef: first('record', 'recordRef')?.text ?? null,
    eventDate,
    freeText: first('record', 'freeText')?.text ?? null,
    location: first('record', 'location')?.text ?? null,
    parties,
    identifiers,
    warnings,
    rejected: null,
  };
  // Text alone ("Record voided", "Total workers seen: 386", "tbc") names nothing to link.
  if (!caseRef && !mapped.recordRef && parties.length === 0 && identifiers.length === 0) {
    mapped.rejected =
      raw.length === 0 ? 'blank row' : 'nothing to import: no case or record reference, name or identifier';
  }
  return mapped;
}

function assembleAddress(fields: Values): { mapping: ResolvedMapping; text: string } | null {
  const whole = fields.get('address')?.[0];
  const parts = (['addressFlat', 'addressStreet', 'addressCity', 'addressPostcode'] as const)
    .map((f) => fields.get(f)?.[0])
    .filter((v): v is NonNullable<typeof v> => v !== undefined);
  if (whole && parts.length === 0) return { mapping: whole.mapping, text: whole.text };
  const all = whole ? [whole, ...parts] : parts;
  if (all.length === 0) return null;
  const flat = fields.get('addressFlat')?.[0];
  const text = all
    .map((v) => (v === flat && /^(\d+[a-z]?|[a-z])$/i.test(v.text) ? `Flat ${v.text}` : v.text))
    .join(', ');
  // Problems with the address are reported against its main column: the street, or else the whole
  // address, the town, the postcode, the flat.
  const main =
    fields.get('addressStreet')?.[0] ??
    whole ??
    fields.get('addressCity')?.[0] ??
    fields.get('addressPostcode')?.[0] ??
    (all[0] as (typeof all)[number]);
  return { mapping: main.mapping, text };
}
