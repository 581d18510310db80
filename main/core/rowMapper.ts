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
  type PhoneRegion,
  platformOf,
  splitMultiple,
  type Identifier,
  type Normalized,
} from './identifiers';
import { identifiersInText } from './freeText';
import { countryCode, trailingCountry } from './countries';
import { nameTokens } from './names';
import type { ColumnMapping, DocumentType, Field, Grading, Profile, Role } from './profile';
import { joinKeyColumns, ROLES } from './profile';

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
  /** A full ISO date of birth only; a year or an age alone gives `birthYear`. */
  birthDate: string | null;
  /**
   * The year of birth: of `birthDate` when it is known; else written alone ("1979"), or worked
   * out from an age and the record's date ("47" on 2024-05-01 gives 1977: the person was born
   * in 1977, or in 1976 if the birthday had not yet come).
   */
  birthYear: number | null;
  nationality: string | null;
  gender: string | null;
  /**
   * The agency's own id for the person, from the entity's join-key column (as written, spaces
   * trimmed); absent when the profile gives none or the cell is empty.
   */
  joinKey?: string;
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
  /** The import's date (ISO), for an age in a row without a date of its own; today when not given. */
  importDate?: string;
}

/** Column index of each mapping, resolved once per sheet from its header. */
export interface ResolvedMapping extends ColumnMapping {
  index: number;
}

/** A header as compared with a profile's column names: folded, letters and digits of any script. */
export function headerKey(text: string): string {
  // Letters of every script: Cyrillic or Greek headers would otherwise all be the empty key.
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Finds each mapped column in the header; names the ones missing. A header that stands twice
 * ("Phone", "Phone") maps both its columns, so that both are read; where the field takes one
 * value (a name, a date), the first non-empty one counts. With a sheet, columns given for
 * another sheet are left out.
 */
export function resolveColumns(
  profile: Profile,
  header: string[],
  sheet?: string,
): { mappings: ResolvedMapping[]; missing: string[] } {
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
    if (m.sheet !== undefined && sheet !== undefined && m.sheet !== sheet) continue;
    const indexes = byKey.get(headerKey(m.column));
    if (indexes === undefined) missing.push(m.column);
    else for (const index of indexes) mappings.push({ ...m, index });
  }
  return { mappings, missing };
}

/**
 * Role words as agencies write them, in English, German, French, Italian, Spanish, Portuguese,
 * Romanian, Bulgarian, Ukrainian, Russian, Polish and Dutch, with the UK referral terms ("PV",
 * potential victim; "VoT"). Written folded, as the cell is read (no case, no diacritics:
 * "Tatverdächtiger" is "tatverdachtiger", "водій" is "водіи"). The first row that matches decides:
 * "suspected victim" is a victim, not a suspect.
 */
const ROLE_WORDS: [RegExp, Role][] = (
  [
    [
      String.raw`(suspected|potential|presumed|possible|alleged) victim|(?<!\p{L})(pv|pvot|vot|apv|cpv)(?!\p{L})|victima (potentiala|prezumata)|presunta victima|potentielles opfer|mutmassliches opfer|potentiele slachtoffer|potenzielle vittima|potencjalna ofiara|потенциална жертва|потенціина жертва|потенциальная жертва`,
      'victim',
    ],
    [
      String.raw`suspect|sospechos|banuit|invinuit|inculpat|autor(?!iz|is|it)|offender|perpetrator|trafficker|arrested|detenid|defendant|accused|investigad|verdacht|beschuldigt|tatverdacht|tater|mis en cause|prevenu|indagat|sospettat|imputat|arguid|suspeit|заподозрян|обвиняем|извършител|підозрюван|обвинувачен|подозреваем|обвиняем|podejrzan|oskarzon|sprawca|verdachte`,
      'suspect',
    ],
    [
      String.raw`victim|survivor|injured|vatamat|perjudicat|complainant|agraviad|opfer|geschadigt|betroffen|victime|vittima|persona offesa|vitima|ofendid|жертва|пострадал|потерпевш|потерпіл|ofiar|pokrzywdzon|slachtoffer|benadeelde`,
      'victim',
    ],
    [
      String.raw`witness|martor|testigo|(?<!\p{L})zeug(e|in|en)(?!\p{L})|temoin|testimone|testemunha|свидетел|свідок|свидетель|swiadek|getuige`,
      'witness',
    ],
    [String.raw`recruit|recrut|reclut|captador|anwerber|aliciador|вербов|вербувальн|werbown|ronselaar`, 'recruiter'],
    [
      String.raw`controller|pimp|exploiter|proxenet|controlor|zuhalter|ausbeuter|sfruttator|explorador|explotador|сводник|сутенер|streczyciel|sutener|pooier|uitbuiter`,
      'controller',
    ],
    [
      String.raw`driver|sofer|conductor|fahrer(?!laubnis)|chauffeur|autista|motorista|шофьор|водител|водіи|водитель|kierowca|bestuurder`,
      'driver',
    ],
    [
      String.raw`landlord|proprietar|arrendador|vermieter|logeur|bailleur|locatore|senhorio|наемодател|орендодав|арендодател|wynajmujac|verhuurder`,
      'landlord',
    ],
    [
      String.raw`employer|angajator|empleador|gangmaster|arbeitgeber|employeur|datore di lavoro|empregador|работодател|роботодав|работодатель|pracodawc|werkgever`,
      'employer',
    ],
    [
      String.raw`holder|titular|inhaber|titulaire|intestatari|титуляр|власник|владелец|posiadacz|houder`,
      'account-holder',
    ],
    [
      String.raw`caller|reporter|informant|reclamant|denunciante|apelant|hinweisgeber|anrufer|melder|signalant|appelant|segnalante|сигнализирал|заявник|заявител|zglaszajac|informator`,
      'reporter',
    ],
    [String.raw`associate|asociat|associated|kontaktperson|complice|komplize|wspolnik|соучаст|спільник`, 'associate'],
    [
      String.raw`subject|subiect|sujeto|person of interest|(?<!\p{L})poi(?!\p{L})|(?<!\p{L})(persona|pessoa|osoba|лице|особа|лицо)(?!\p{L})|betrokkene`,
      'subject',
    ],
  ] as [string, Role][]
).map(([words, role]) => [new RegExp(words, 'u'), role]);

/**
 * Role words of the languages read later: Czech, Slovak, Hungarian, Lithuanian, Latvian, Danish,
 * Swedish, Finnish, Estonian, Croatian, Serbian, Greek, Vietnamese and Thai, and the Austrian and
 * Swiss German driver ("Lenker"). Written as spelled and folded here; each a whole word, a "*"
 * allowing its endings ("cietušais", "cietusī"), since short words such as the Danish "offer"
 * stand inside words of other languages. Tried after the rows above, so that the English "suspected
 * victim" forms keep their precedence.
 */
const MORE_ROLE_WORDS: [RegExp, Role][] = (
  [
    [
      'podezřel* podozriv* obviněn* obvinen* pachatel* páchateľ* gyanúsít* terhelt* elkövető* įtariam* kaltinam* aizdomās_turēt* apsūdzēt* mistænkt* sigtet sigtede misstänkt* epäilty epäillyt epäillyn kahtlustatav* süüdistatav* osumnjičen* okrivljen* осумњичен* окривљен* υποπτ* δραστ* κατηγορουμεν* nghi_phạm bị_can ผู้ต้องสงสัย ผู้ต้องหา',
      'suspect',
    ],
    [
      'poškozen* poškoden* oběť obeť sértett* áldozat* nukentėj* auka cietuš* forurettede offer offeret målsägande brottsoffer offret asianomistaja* uhri* kannatanu* ohver ohvri* žrtv* oštećen* жртв* оштећен* θυμα* παθων παθουσα nạn_nhân bị_hại ผู้เสียหาย เหยื่อ',
      'victim',
    ],
    [
      'svědek svědkyně svedok svedkyňa tanú liudytoj* liecinie* vidne vittne todistaja* tunnistaja* svjedok* svedok* сведок* μαρτυρ* nhân_chứng người_làm_chứng พยาน',
      'witness',
    ],
    ['náborář* toborz* verbuotoj* vervētāj* rekrytoija* värbaja* στρατολογ*', 'recruiter'],
    [
      'lenker* řidič* sofőr* vairuotoj* vadītāj* förare chaufför* chauffør* kuljettaja* autojuht vozač* возач* οδηγ*',
      'driver',
    ],
    [
      'dienstgeber* zaměstnavatel* munkáltató* darbdav* darba_devēj* arbejdsgiver* arbetsgivare* työnantaja* tööandja* poslodav* εργοδοτ*',
      'employer',
    ],
    ['ziņotāj* zvanītāj* ilmoittaja* soittaja* teataja* helistaja* anzeiger* καλων καλουσα', 'reporter'],
  ] as [string, Role][]
).map(([list, role]) => {
  const alternatives = list.split(' ').map((word) => {
    const open = word.endsWith('*');
    const stem = fold(word.replace(/\*$/, '').replace(/_/g, ' ')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `${stem}${open ? '\\p{L}*' : ''}`;
  });
  return [new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}])`, 'u'), role];
});

export function roleOf(text: string): Role | null {
  const t = fold(text).trim();
  if ((ROLES as readonly string[]).includes(t)) return t as Role;
  for (const [pattern, role] of ROLE_WORDS) if (pattern.test(t)) return role;
  for (const [pattern, role] of MORE_ROLE_WORDS) if (pattern.test(t)) return role;
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

// A column's fixed document type, in the words normalizeDocument reads as a type.
const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  passport: 'passport',
  'national-id': 'id card',
  'residence-permit': 'residence permit',
  'driving-licence': 'driving licence',
  'national-insurance': 'national insurance',
  'social-security': 'social security',
  'tax-id': 'tax id',
  'personal-number': 'personal number',
  other: 'other',
};

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
  const addressCountryOf = (m: ColumnMapping, owner: string) =>
    m.country ?? countryCode(first(owner, 'addressCountry')?.text) ?? profile.country;
  /**
   * Regions a phone of `owner` may be of besides the file's: its person's nationality, the
   * country of their address and of their document (for the record's own phones, those of
   * every party in the row). A value that names no country adds none.
   */
  const phoneRegionsOf = (owner: string): PhoneRegion[] => {
    const regions: PhoneRegion[] = [];
    const note = (country: string | null, because: string) => {
      if (country) regions.push({ country, because });
    };
    for (const o of owner === 'record' ? [...values.keys()].filter((k) => k !== 'record') : [owner]) {
      note(countryCode(first(o, 'nationality')?.text), "the person's nationality");
      const address = first(o, 'address')?.text;
      note(
        countryCode(first(o, 'addressCountry')?.text) ?? (address ? (trailingCountry(address)?.code ?? null) : null),
        "the country of the person's address",
      );
      note(countryCode(first(o, 'documentCountry')?.text), "the country of the person's document");
    }
    return regions;
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
  // A document's or a vehicle's country as written; text that names no country is reported and
  // the file's country stands, so that an unreadable word never becomes an issuing country.
  const unreadCountries = new Set<string>();
  const issuingCountryOf = (owner: string, field: 'documentCountry' | 'vehicleCountry', fallback: string): string => {
    const written = first(owner, field);
    if (!written) return fallback;
    const code = countryCode(written.text);
    if (code) return code;
    if (!unreadCountries.has(`${owner}|${field}`)) {
      unreadCountries.add(`${owner}|${field}`);
      warnings.push({
        column: written.mapping.column,
        value: written.text,
        reason: `not a country this import can read; the ${field === 'documentCountry' ? 'document is taken as issued' : 'vehicle is taken as registered'} in ${fallback}`,
      });
    }
    return fallback;
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
            add(owner, m, text, normalizePhones(text, country, phoneRegionsOf(owner)));
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
            add(owner, m, text, domesticIban(text, country) ?? normalizeIban(text));
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
                (m.documentType ? DOCUMENT_TYPE_NAMES[m.documentType] : undefined) ??
                  first(owner, 'documentType')?.text ??
                  'ID',
                issuingCountryOf(owner, 'documentCountry', country),
              ),
            );
            break;
          case 'vehiclePlate':
            add(owner, m, text, normalizeVehicle(text, issuingCountryOf(owner, 'vehicleCountry', country)));
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

  const eventDate = date('record', 'eventDate');
  // An age counts from the date of what the record reports, or from the import's date.
  const referenceYear = Number((eventDate ?? ctx.importDate ?? new Date().toISOString()).slice(0, 4));
  const birthOf = (owner: string): { date: string | null; year: number | null } => {
    const v = first(owner, 'birthDate');
    if (!v) return { date: null, year: null };
    const partial = partialBirth(v.cell, referenceYear);
    if (partial !== null) return { date: null, year: partial };
    const full = date(owner, 'birthDate');
    return { date: full, year: full ? Number(full.slice(0, 4)) : null };
  };

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
    const birth = birthOf(entity);
    const joinKey = joinKeyOf(raw, joinKeyColumns(declared));
    parties.push({
      entity,
      kind: declared.kind,
      role,
      name: name ?? nameLatin,
      givenName,
      familyName,
      nameLatin,
      alias: first(entity, 'alias')?.text ?? null,
      birthDate: birth.date,
      birthYear: birth.year,
      nationality: first(entity, 'nationality')?.text.toUpperCase() ?? null,
      gender: first(entity, 'gender')?.text ?? null,
      ...(joinKey ? { joinKey } : {}),
    });
  }

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

/**
 * An IBAN written in its domestic form, without its country letters (Poland's NRB: 26 digits,
 * "57 1020 6601 5421 6445 8300 2425"), read as the IBAN of the column's country when its
 * checksum holds there; null for anything else, which is read as written.
 */
export function domesticIban(text: string, country: string): Normalized | null {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{12,32}$/.test(digits)) return null;
  const read = normalizeIban(`${country}${digits}`);
  return read.ok ? read : null;
}

/** The first filled cell under one of the join-key headers (compared as column headers are). */
function joinKeyOf(raw: readonly RawCell[], columns: string[]): string | null {
  for (const column of columns) {
    const key = headerKey(column);
    const cell = raw.find(([h]) => headerKey(h) === key);
    const value = cell?.[1].trim().replace(/\s+/g, ' ');
    if (value) return value;
  }
  return null;
}

/** Words after an age: "47 ani", "47 years", "47 J.", "47 лет", "47 lat"… (folded). */
const AGE_UNITS =
  /^(?:de )?(?:ani|an|years?|yrs?|y ?o|y|j|jahre|jr|ans|anni|anos|jaar|lat|lata|rokov|let|лет|год|года|години|г|роки|років|рік|р)?(?: old| alt)?$/u;
/** An age or a year said to be about right: "c. 1979", "~47", "approx 47". */
const ABOUT = /^(?:(?:c|ca|circa|approx|aprox|about|cca|ok|около|приблизно|ungefahr|environ)(?!\p{L})\.?\s*|~\s*)/u;

/**
 * A birth known only in part: a year written alone ("1979", or a number cell 1979, which read as
 * a date would be a day in 1905) or an age ("47", "47 ani"), with the year of the record it is
 * counted from. Null when the cell is neither, and is read as a full date instead.
 */
export function partialBirth(cell: Cell, referenceYear: number): number | null {
  if (cell === null || cell instanceof Date || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return null;
    if (cell >= 1900 && cell <= referenceYear) return cell;
    return cell >= 0 && cell <= 120 ? referenceYear - cell : null;
  }
  const text = fold(cell).trim().replace(ABOUT, '').replace(/\?$/, '').trim();
  // A year alone, or with its month ("03/1979"), or with day and month unknown as documents of
  // some countries write them ("00.00.1979", "XX/XX/1979", "1979-00-00"): the year is what
  // matching can use.
  const year =
    /^(?:\d{1,2}[./-])?(\d{4})$/.exec(text) ??
    /^(?:(?:00?|xx?)[./-]){2}(\d{4})$/.exec(text) ??
    /^(\d{4})(?:[./-](?:00?|xx?)){2}$/.exec(text);
  if (year) {
    const y = Number(year[1]);
    return y >= 1900 && y <= referenceYear ? y : null;
  }
  const age = /^(\d{1,3})\s*([\p{L} ./]*?)\.?$/u.exec(text);
  if (!age || !AGE_UNITS.test((age[2] as string).replace(/[./]/g, '').replace(/\s+/g, ' ').trim())) return null;
  const years = Number(age[1]);
  return years <= 120 ? referenceYear - years : null;
}

function assembleAddress(fields: Values): { mapping: ResolvedMapping; text: string } | null {
  const whole = fields.get('address')?.[0];
  const street = fields.get('addressStreet')?.[0];
  const house = fields.get('addressHouseNumber')?.[0];
  // The house number goes with its street ("Hauptstraße 12a"), or stands first without one.
  const streetLine = street && house ? { ...street, text: `${street.text} ${house.text}` } : (street ?? house);
  const parts = [
    fields.get('addressFlat')?.[0],
    streetLine,
    fields.get('addressCity')?.[0],
    fields.get('addressPostcode')?.[0],
  ].filter((v): v is NonNullable<typeof v> => v !== undefined);
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
    house ??
    fields.get('addressCity')?.[0] ??
    fields.get('addressPostcode')?.[0] ??
    (all[0] as (typeof all)[number]);
  return { mapping: main.mapping, text };
}
