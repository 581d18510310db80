/**
 * Proposing a mapping profile from a file's header names (read with the words of
 * headerVocabulary.ts, in the languages of the agencies Caselink serves) and sample values. The analyst confirms or edits the proposal; it is
 * a starting point, never imported unseen.
 */
import { cellText, isBlank, parseDate, type Cell } from './cells';
import { countryCode, isCountryName } from './countries';
import { normalizeCrypto, normalizeIban, normalizePhone } from './identifiers';
import { domesticIban, roleOf } from './rowMapper';
import {
  ARREST_SHEET_WORDS,
  COMPANY_NUMBERS,
  COMPOUND_HEADS,
  NOT_COMPOUNDS,
  DOCUMENT_TYPE_WORDS,
  DOCUMENT_WORDS,
  ESTABLISHMENT_WORDS,
  EVENT_WORDS,
  EXPLOITATION_WORDS,
  FIELD_WORDS,
  FILLER,
  GENERIC_NAME,
  has,
  HEADER_READ_LIMIT,
  headerText,
  MIDDLE_OR_FAMILY,
  ORGANISATION_WORDS,
  PARTY_WORDS,
  PAYMENT_WORDS,
  LODGING_WORDS,
  PLACE_SHEET_WORDS,
  PLACE_WORDS,
  RESIDENCE_WORDS,
  ROLE_FIELD,
  RUNNING_NUMBER,
  SEAT_WORDS,
  systemWords,
  keyPathWords,
  sharedKeyEnding,
  RECORDED_WORDS,
  TRANSFER_SHOP,
  TYPE_WORDS,
  VENUE_WORDS,
  without,
  wordsOf,
  type FieldWords,
  type PartyWord,
} from './headerVocabulary';
import type { ColumnMapping, DocumentType, Field, Grading, Profile, Role } from './profile';

/** What a header says: the party it names (if any), its field, and a document's type. */
export interface HeaderReading {
  /** The party a role word names ("Worker", "Begünstigter"); null for the row's main person or the record. */
  party: PartyWord | null;
  /** Whether a word says the party is an organisation ("Company", "Firma"). */
  organisation: boolean;
  /** The field; `name` for a bare "Name"/"Nom"/"Nume", decided by the other name columns. */
  field: Field | 'name' | null;
  /** Set when the header names something Caselink does not import (its values are not read). */
  excluded?: boolean;
  documentType?: DocumentType;
  /** Other parties the header names as the same one ("Fahrer (Schleuser)"): their columns join it. */
  alsoNamed?: PartyWord[];
}

// Roles a "Victim/Suspect" column chooses between.
const STATUS_ROLES: readonly Role[] = ['suspect', 'victim', 'witness', 'subject', 'reporter', 'associate'];

const NUMBER_WORDS =
  /(?:^| )(?:no|nr|nro|n|number|numero|nummer|numar|numer|numeris|номер|num|cislo|broj|број|szam)(?: |$)/u;
const NUMBER_WORDS_SET =
  /(?<![\p{L}\p{N}])(?:no|nr|nro|n|number|numero|nummer|numar|numarul|numer|numeris|номер|num|cislo|broj|број|szam|n°|nº)(?![\p{L}\p{N}])/gu;

/** The words of the first rule for a field (`null`: what Caselink does not import). */
function words(field: Field | null): RegExp {
  const rule = FIELD_WORDS.find((r) => r.field === field);
  if (!rule) throw new Error(`no header words for ${String(field)}`);
  return rule.pattern;
}

/** The rule whose words stand first in the text; of two at one place, the longer ("паспорт громадянина"). */
function firstByPosition(rules: readonly FieldWords[], text: string): FieldWords | null {
  let best: FieldWords | null = null;
  let at = Infinity;
  let length = 0;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    const found = rule.pattern.exec(text);
    if (found && (found.index < at || (found.index === at && found[0].length > length))) {
      best = rule;
      at = found.index;
      length = found[0].length;
    }
  }
  return best;
}

/** The start and end of each place the words stand in the text. */
function spans(pattern: RegExp, text: string): [number, number][] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Whether what Caselink does not import is named in the text on its own, not as part of a
 * longer field's words: "Valuta" is a currency, "Data valuta" a value date.
 */
function excludedWords(text: string): boolean {
  const excluded = spans(words(null), text);
  if (excluded.length === 0) return false;
  const fields = FIELD_WORDS.filter((r) => r.field !== null).flatMap((r) => spans(r.pattern, text));
  return excluded.some(([start, end]) => !fields.some(([s, e]) => s <= start && e >= end && e - s > end - start));
}

/**
 * Whether every place a rule's words stand is inside a longer match of another field's words:
 * "social" of "razón social", "reference" of "transaction reference", "kraj" of "kraj pochodzenia".
 */
function coveredByLonger(rule: FieldWords, text: string): boolean {
  const own = spans(rule.pattern, text);
  if (own.length === 0) return false;
  const longer = FIELD_WORDS.filter((r) => r.field !== null && r.field !== rule.field).flatMap((r) =>
    spans(r.pattern, text),
  );
  return own.every(([start, end]) => longer.some(([s, e]) => s <= start && e >= end && e - s > end - start));
}

// The words that tie what a column is to what it is of.
const OF = /(?<![\p{L}\p{N}])(?:of|de|du|des|di|del|della|do|da|dos|das|der|van|на|от)(?![\p{L}\p{N}])/u;

/**
 * The words before the first "of" of a header, when they say something by themselves (not only
 * "number": "Numéro de téléphone" is a telephone) and no phrase of the vocabulary spans the "of"
 * ("date of birth", "lugar de nacimiento"); otherwise null.
 */
function headBeforeOf(text: string): string | null {
  const found = OF.exec(text);
  if (!found || found.index === 0) return null;
  const head = text.slice(0, found.index).trim();
  if (without(FILLER, head) === '' || without(FILLER, without(NUMBER_WORDS_SET, head)) === '') return null;
  const at = found.index;
  const end = at + found[0].length;
  const spanning = [
    ...FIELD_WORDS.map((r) => r.pattern),
    ...DOCUMENT_TYPE_WORDS.map((r) => r.pattern),
    DOCUMENT_WORDS,
    ROLE_FIELD,
  ].some((pattern) => spans(pattern, text).some(([s, e]) => s < at && e > end));
  return spanning ? null : head;
}

// "of (the)" after a party word, in the languages of the vocabulary, followed by what it is of.
const OF_THE =
  /^ (?:of(?: the)?|der|des|du|de(?: la| l)?|di|del|della|dello|dei|do|da|dos|das|al|ai|van(?: de| het)?|на|ot|от) \p{L}/u;

// A place preposition closing a birth header: "Nato a", "Né(e) à", "Geboren in", "Urodzony w".
const BIRTH_PLACE_END = /(?:^| )(?:a|in|en|em|w|в|у|na)$/u;

/** Whether any header word of any kind stands in the text. */
function known(text: string): boolean {
  return (
    FIELD_WORDS.some((r) => has(r.pattern, text)) ||
    PARTY_WORDS.some((p) => has(p.pattern, text)) ||
    DOCUMENT_TYPE_WORDS.some((r) => has(r.pattern, text)) ||
    has(DOCUMENT_WORDS, text) ||
    has(ROLE_FIELD, text) ||
    has(GENERIC_NAME, text)
  );
}

/** Whether the text names what a column holds: a field's, a document's or a name's words. */
function namesWhat(text: string): boolean {
  return (
    // (The role's word list is empty: role columns are read by ROLE_FIELD, and an empty list matches anywhere.)
    FIELD_WORDS.some((r) => r.field !== null && r.field !== 'role' && has(r.pattern, text)) ||
    DOCUMENT_TYPE_WORDS.some((r) => has(r.pattern, text)) ||
    has(DOCUMENT_WORDS, text) ||
    has(GENERIC_NAME, text)
  );
}

// Each word set by what it says, for reading abbreviations: two sets of one field are one owner.
const OWNERS: { owner: string; words: readonly string[] }[] = [
  ...FIELD_WORDS.map((r) => ({ owner: `field:${String(r.field)}`, words: wordsOf(r.pattern) })),
  ...DOCUMENT_TYPE_WORDS.map((r) => ({ owner: `document:${r.documentType ?? ''}`, words: wordsOf(r.pattern) })),
  ...PARTY_WORDS.map((p) => ({ owner: `party:${p.entity}`, words: wordsOf(p.pattern) })),
  { owner: 'document', words: wordsOf(DOCUMENT_WORDS) },
  { owner: 'role', words: wordsOf(ROLE_FIELD) },
];

/**
 * A word cut short with a dot ("Sygn.", "Perp.", "Staatsangeh.") read as the one word it can
 * stand for: the shortest word of the vocabulary it begins, when all such words say one thing.
 * A cut that begins words of two meanings ("Proc.": procedure or procurator) is left as it is.
 */
function expandAbbreviations(header: string, text: string): string {
  let out = text;
  const cuts = new Set(
    [...header.slice(0, HEADER_READ_LIMIT).matchAll(/(?<![\p{L}\p{N}])(\p{L}{2,})\./gu)].map((m) =>
      headerText(m[1] ?? ''),
    ),
  );
  for (const short of cuts) {
    if (short.length < 2 || short.includes(' ') || known(short)) continue;
    const best = expansionOf(short);
    if (!best) continue;
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${short}(?![\\p{L}\\p{N}])`, 'u');
    // "Add. Driver Name", "Add. Driver Licence": a cut before a party's word and what of theirs the
    // column holds (a name, a document, a field) says something of the party ("Additional"), not a
    // field of its own ("Address").
    const found = at.exec(out);
    const after = found ? out.slice(found.index + short.length).trim() : '';
    if (
      !PARTY_WORDS.some((p) => has(p.pattern, best)) &&
      PARTY_WORDS.some((p) => has(p.pattern, after)) &&
      namesWhat(after)
    )
      continue;
    out = out.replace(at, best);
  }
  return out;
}

// Cuts already looked up, each against the whole vocabulary once; bounded like the phone cache.
const EXPANSIONS = new Map<string, string | null>();

/** The one word a cut stands for, or null when it begins none or words of two meanings. */
function expansionOf(short: string): string | null {
  const cached = EXPANSIONS.get(short);
  if (cached !== undefined) return cached;
  const owners = new Set<string>();
  let best = '';
  for (const { owner, words: list } of OWNERS) {
    for (const word of list) {
      if (word.length > short.length && word.startsWith(short)) {
        owners.add(owner);
        if (best === '' || word.length < best.length) best = word;
      }
    }
  }
  const found = owners.size === 1 ? best : null;
  if (EXPANSIONS.size >= 10_000) EXPANSIONS.clear();
  EXPANSIONS.set(short, found);
  return found;
}

// Party words long enough to end a compound ("inhaber", "beschuldigter"), longest first.
const PARTY_HEADS = PARTY_WORDS.flatMap((p) => wordsOf(p.pattern))
  .filter((w) => w.length >= 5)
  .sort((a, b) => b.length - a.length);

/**
 * Whether a compound's first part names a party or a firm ("Opfer|name", "Täter|anschrift",
 * "Firmen|anschrift", "Werkgevers|naam"), with or without its linking letters.
 */
function partyPrefix(prefix: string): boolean {
  const stems = [prefix, prefix.replace(/(?:s|n|en|es|e)$/u, '')].filter((p) => p.length >= 3);
  return stems.some((p) => PARTY_WORDS.some((w) => has(w.pattern, p)) || has(ORGANISATION_WORDS, p));
}

/** Unknown compounds split before their head: "aufgriffsort" → "aufgriffs ort". */
function splitCompounds(text: string): string {
  return text
    .split(' ')
    .map((token) => {
      if (NOT_COMPOUNDS.has(token)) return token;
      // "Personnummer", "Personenkennziffer": a document's own name, not a person's number.
      if (DOCUMENT_TYPE_WORDS.some((r) => has(r.pattern, token))) return token;
      // A party's compound is split even when known as a whole: "täteranschrift" is the suspect's address.
      const owned = COMPOUND_HEADS.find(
        (h) => token.length >= h.length + 3 && token.endsWith(h) && partyPrefix(token.slice(0, -h.length)),
      );
      if (owned) return `${token.slice(0, -owned.length)} ${owned}`;
      if (known(token)) return token;
      // "Anschluss|inhaber", "Haupt|beschuldigter", "Mit|täter": a compound whose last part is a party.
      const partyHead = PARTY_HEADS.find((h) => token.length >= h.length + 3 && token.endsWith(h));
      if (partyHead) return `${token.slice(0, -partyHead.length)} ${partyHead}`;
      const head = COMPOUND_HEADS.find((h) => token.length >= h.length + 3 && token.endsWith(h));
      return head ? `${token.slice(0, -head.length)} ${head}` : token;
    })
    .join(' ');
}

/**
 * Reads a header as people write them: role words ("Worker", "Holder", "Telefon recrutor") name
 * a party and are taken out; what is left names the field ("surname", "DOB", "CNP").
 */
export function readHeader(header: string): HeaderReading {
  const cached = READINGS.get(header);
  if (cached) return cached;
  const reading = Object.freeze(readHeaderText(header));
  if (READINGS.size >= 10_000) READINGS.clear();
  READINGS.set(header, reading);
  return reading;
}

// Headers already read: a workbook repeats its headers on every sheet, and every file of an agency.
const READINGS = new Map<string, HeaderReading>();

// Fields whose values a system writes as codes ("SEX_CD" 1/2, "NATIONALITY_CD" ROU): their code column is the field.
const CODED_FIELDS: readonly (Field | 'name' | null)[] = [
  'gender',
  'nationality',
  'addressCountry',
  'documentCountry',
  'vehicleCountry',
  'documentType',
  'role',
  'addressPostcode',
  'sortCode',
  'routingNumber',
];

const FORMER = /(?<![\p{L}\p{N}])(?:previous|former|old|alternative|other)(?![\p{L}\p{N}])/gu;

/**
 * The words of a global pattern in the text, from its start (as {@link spans} reads them: `matchAll`
 * begins where the pattern's last `exec` stopped, so reading one header, "Identification number",
 * would hide a word of the next).
 */
function matches(pattern: RegExp, text: string): string[] {
  return spans(pattern, text).map(([start, end]) => text.slice(start, end));
}

/**
 * The words of a structured key's leading parts that say whose or what its field is: parties,
 * firms, documents, a birth, an address ("Identification_CountryIso2Code": a document's country).
 */
function keyContext(text: string): string[] {
  const found: string[] = [];
  for (const party of PARTY_WORDS) for (const m of matches(party.pattern, text)) found.push(m);
  for (const m of matches(ORGANISATION_WORDS, text)) found.push(m);
  for (const rule of DOCUMENT_TYPE_WORDS) for (const m of matches(rule.pattern, text)) found.push(m);
  for (const m of matches(DOCUMENT_WORDS, text)) found.push(m);
  // "BirthDate_CountryIso2Code": the country of a birth, which is not imported;
  // "Citizenship_CountryIso2Code": the country of a citizenship, the nationality.
  // A birth's word, not its date's: "BirthDate_City" is the city of the birth, "BirthDate_BirthDate" its date.
  if (has(words('birthDate'), text)) found.push('birth');
  for (const m of matches(words('nationality'), text)) found.push(m);
  if (has(words('address'), text)) found.push('address');
  // "PreviousName_1.CompanyName": a name the firm or the person had before, or goes by besides.
  for (const m of matches(FORMER, text)) found.push(m);
  return found;
}

function readHeaderText(header: string): HeaderReading {
  const text = keyPathWords(header, keyContext) ?? systemWords(header) ?? headerText(header);
  // "ARREST_AGENCY_CD", "Clinician code", "SOUNDEXCODE": a code that stands for something is not its
  // name or its number, unless the field is itself written as a code ("SEX_CD", "Nationality code").
  // Not a code that a field's own words hold ("Post code", "Sort code").
  const code = / (?:code|cd)$/.exec(text);
  if (code) {
    const owned = FIELD_WORDS.some(
      (r) => r.field !== null && spans(r.pattern, text).some(([s, e]) => s <= code.index + 1 && e >= text.length),
    );
    if (!owned) {
      const base = readHeaderWords(header, text.slice(0, code.index));
      if (base.excluded || CODED_FIELDS.includes(base.field)) return base;
      return { party: null, organisation: false, field: null, excluded: true };
    }
  }
  return readHeaderWords(header, text);
}

function readHeaderWords(header: string, text: string): HeaderReading {
  // "PO Box", "RegAddress.POBox": a post office box, not the "PO" (persona offesa) of a victim.
  let rest = splitCompounds(expandAbbreviations(header, text)).replace(/(?<=^| )p ?o box(?= |$)/u, 'postbox');
  // "Inspection No", "N° PV", "Call ID": a reference whose words could be taken for a party's.
  if (has(words('caseRef'), rest) && without(FILLER, without(words('caseRef'), rest)) === '') {
    return { party: null, organisation: false, field: 'caseRef' };
  }
  // "Sending Agent", "Locutorio / agente": the shop a money transfer was sent or paid out at, where
  // the row's event took place; its "agent" is no recruiter.
  if (has(TRANSFER_SHOP, rest)) return { party: null, organisation: false, field: 'location' };
  // "Referring organisation", "Worker occupation", "Place of birth": named, but not imported.
  // A date of birth with its place, or a name with its patronymic, is still a date or a name.
  const dated = has(words('birthDate'), rest) && has(words('eventDate'), rest);
  const kept = dated || has(words('familyName'), rest);
  if (excludedWords(rest) && !kept) return { party: null, organisation: false, field: null, excluded: true };
  // "Geb.-Ort", "Geb.plaats", "Nato a", "Né(e) à": where a person was born, which is not imported.
  // "Geb.-Dat./Ort": a birth word with a date's word ("Dat.") names the date, its place beside it.
  const birthDated = /(?:^| )(?:dat|datum|date|data|fecha|dob)(?: |$)/u.test(rest);
  if (
    has(words('birthDate'), rest) &&
    !dated &&
    !birthDated &&
    (has(PLACE_WORDS, without(words('birthDate'), rest)) || BIRTH_PLACE_END.test(rest))
  ) {
    return { party: null, organisation: false, field: null, excluded: true };
  }
  // "Țara exploatării", "Land der Ausbeutung": where the person was exploited, not where they live.
  if (
    has(EXPLOITATION_WORDS, rest) &&
    (has(words('addressCountry'), rest) || has(words('nationality'), rest)) &&
    !PARTY_WORDS.some((p) => has(p.pattern, rest))
  ) {
    return { party: null, organisation: false, field: null, excluded: true };
  }
  // "Person type", "Personenrolle", "Rolle Beschuldigter": the role words go before the party
  // words, which would otherwise take "person" out of "person type".
  const roleHeader = has(ROLE_FIELD, rest);
  if (roleHeader) rest = without(ROLE_FIELD, rest);
  // "Vermieter der Wohnung", "Owner of the vehicle", "Titular de cont": a party named first and
  // then tied to a thing by "of" names the party; the thing is not its field.
  const lead = PARTY_WORDS.find((p) => spans(p.pattern, rest)[0]?.[0] === 0);
  const leadEnd = lead ? (spans(lead.pattern, rest)[0]?.[1] ?? 0) : 0;
  if (lead && !roleHeader && OF_THE.test(rest.slice(leadEnd))) {
    const organisation = lead.kind === 'organization';
    return { party: lead, organisation, field: 'fullName' };
  }
  // "Landlord (accommodation)", "Vermieter Unterkunft": a landlord beside the lodging they let is
  // named; the lodging is what they let, not their address.
  const after = rest.slice(leadEnd);
  if (lead?.role === 'landlord' && !roleHeader && has(LODGING_WORDS, after)) {
    if (without(FILLER, without(LODGING_WORDS, after)) === '')
      return { party: lead, organisation: false, field: 'fullName' };
  }
  // "Driver licence no.": a document's words that hold a party word name the document.
  // Not a document word inside a party's own phrase: the "tin" of "người báo tin" (the reporter).
  const withParty = firstByPosition(DOCUMENT_TYPE_WORDS, rest);
  const docAt = withParty ? spans(withParty.pattern, rest)[0] : undefined;
  const documentWithParty =
    docAt &&
    PARTY_WORDS.some((p) =>
      spans(p.pattern, rest).some(([s, e]) => s <= docAt[0] && e >= docAt[1] && e - s > docAt[1] - docAt[0]),
    )
      ? null
      : withParty;
  let parties: PartyWord[] = [];
  for (const word of PARTY_WORDS) {
    if (has(word.pattern, rest)) {
      parties.push(word);
      rest = without(word.pattern, rest);
    }
  }
  // "Постраждала особа", "Verdächtige Person", "Persona investigada": "person" only carries the role.
  if (parties.some((p) => p.entity !== 'subject')) parties = parties.filter((p) => p.entity !== 'subject');
  const organisation = has(ORGANISATION_WORDS, rest) || (parties.length === 0 && has(COMPANY_NUMBERS, rest));
  // "Company number", "Company reg. no.": the document is read before the firm's word is taken out.
  const document = firstByPosition(DOCUMENT_TYPE_WORDS, rest) ?? (parties.length > 0 ? documentWithParty : null);
  if (organisation) rest = without(ORGANISATION_WORDS, rest);
  const distinctRoles = new Set(parties.map((p) => p.role));
  const party = parties[0] ?? (organisation ? (PARTY_WORDS.find((p) => p.entity === 'employer') ?? null) : null);
  // "Fahrer (Schleuser)", "Recruiter / agent": the other words name the same person.
  const others = parties.filter((p) => p.kind === party?.kind && p.entity !== party.entity);
  const reading = (field: HeaderReading['field'], documentType?: DocumentType): HeaderReading => ({
    party,
    organisation,
    field,
    ...(documentType ? { documentType } : {}),
    ...(others.length > 0 ? { alsoNamed: others } : {}),
  });
  // "First responder organisation", "Melder (organisatie)": the body that reported, not a person.
  if (party?.role === 'reporter' && organisation && without(FILLER, rest) === '') {
    return { party: null, organisation: false, field: null, excluded: true };
  }
  // "Plaats controle", "Lieu de l'interpellation", "Miejsce zatrzymania": where the event was.
  if (!party && has(PLACE_WORDS, rest) && has(EVENT_WORDS, rest) && !has(words('birthDate'), rest)) {
    return reading('location');
  }
  // "Victim/Suspect", "Vítima/Suspeito": a column that says which of the roles the person had.
  if (distinctRoles.size > 1 && without(FILLER, rest) === '') {
    if ([...distinctRoles].filter((r) => STATUS_ROLES.includes(r)).length > 1)
      return { ...reading('role'), party: null };
    // "Employer / intermediary": one party named two ways; the person rather than the firm.
    const person = parties.find((p) => p.kind === 'person') ?? party;
    const same = parties.filter((p) => p.kind === person?.kind && p.entity !== person.entity);
    return { party: person, organisation, field: 'fullName', ...(same.length > 0 ? { alsoNamed: same } : {}) };
  }
  if (roleHeader) return reading('role');
  // "Status pokrzywdzonego", "Victim status": a status is a role only when a party is named.
  if (party && /(?:^| )(?:status|статус|statut|stato|estado|stare)(?: |$)/u.test(rest)) return reading('role');
  // "Date et lieu de naissance", "Luogo e data di nascita": the date is what can be imported.
  if (has(words(null), rest) && has(words('birthDate'), rest) && has(words('eventDate'), rest)) {
    return reading('birthDate');
  }
  // "Name Non-Latin Script": a name in another script than Latin letters, not the Latin form.
  if (has(words('nameLatin'), rest) && !/(?:^| )non latin(?: |$)/u.test(rest)) return reading('nameLatin');
  // "Name, Vorname", "Име, презиме, фамилия", "Surname / forename": the whole name in one column.
  // The family words are taken out first: the "name" of "last name" is not a second part.
  const beyondFamily = without(words('familyName'), rest);
  const given = has(words('givenName'), beyondFamily) || has(GENERIC_NAME, beyondFamily);
  if (given && beyondFamily !== rest) return reading('fullName');
  // "Name, Vorname", "Numele, prenumele", "Nom et prénom": a name word beside the given name's.
  if (has(words('givenName'), rest) && has(GENERIC_NAME, without(words('givenName'), rest))) return reading('fullName');
  // "PV name / DOB", "Name and date of birth": a person written with their date is the name first.
  const named = spans(GENERIC_NAME, rest)[0];
  const born = spans(words('birthDate'), rest)[0];
  if (named && born && named[1] <= born[0]) return reading(party ? 'fullName' : 'name');
  // "Straße und Hausnummer", "Ulica i nr domu": the street line.
  // Not a street's word inside the house number's own ("numéro de voie", "Numero voie": the number).
  if (has(words('addressStreet'), without(words('addressHouseNumber'), rest)) && has(words('addressHouseNumber'), rest))
    return reading('addressStreet');
  // "Anschrift (Str., PLZ, Ort)", "Address (street, postcode, town)": the whole address, its parts named.
  if (has(words('address'), rest)) {
    const beyond = without(words('address'), rest);
    const parts = ADDRESS_PART_FIELDS.filter((f) => has(words(f), beyond)).length;
    if (parts >= 2) return reading('address');
  }
  // "Passport country", "Ausweis Staatsangehörigkeit": the country that issued the document.
  // "Адрес по лична карта", "Address on ID card": the address the document gives, not its number.
  const beyondDocument = document ? without(document.pattern, rest) : rest;
  if ((document || has(DOCUMENT_WORDS, rest)) && has(words('address'), beyondDocument) && !NUMBER_WORDS.test(rest)) {
    return reading('address');
  }
  if (
    (document || has(DOCUMENT_WORDS, rest)) &&
    (has(words('addressCountry'), rest) || has(words('nationality'), rest))
  ) {
    return reading('documentCountry');
  }
  // "Pièce d'identité (type)", "Art des Dokuments": the column that says which document it is.
  if ((document || has(DOCUMENT_WORDS, rest)) && has(TYPE_WORDS, rest)) return reading('documentType');
  if (has(words('documentType'), rest)) return reading('documentType');
  // "Caller type", "Тип звернення": a classification, not an imported field.
  if (has(TYPE_WORDS, rest)) return reading(null);
  // "Company reg. no.": a company's registration number, not a vehicle's.
  // "Darba devēja reģ. Nr.", "Employer reg. no.": an employer's registration number is the firm's too.
  if ((organisation || party?.kind === 'organization') && /(?:^| )reg(?:istration)?(?: |$)/.test(rest))
    return reading('documentNumber', 'tax-id');
  // "Nom ou surnom de l'exploiteur", "Име по паспорт", "Name as on passport": the name first, so the name.
  const name = spans(GENERIC_NAME, rest)[0];
  const alias = spans(words('alias'), rest)[0];
  if (name && alias && name[0] < alias[0]) return reading(party ? 'fullName' : 'name');
  const onDocument = document ? spans(document.pattern, rest)[0] : undefined;
  if (name && onDocument && name[0] < onDocument[0] && !NUMBER_WORDS.test(rest))
    return reading(party ? 'fullName' : 'name');
  // With a party named, its own fields go before the record's ("Suspect description / name").
  let recordField: Field | null = null;
  const scan = (text: string, doc: FieldWords | null): HeaderReading | undefined => {
    for (const rule of FIELD_WORDS) {
      if (recordField === null && party && DEFERRED.includes(rule.field as Field) && has(rule.pattern, text)) {
        recordField = rule.field;
        continue;
      }
      if (rule.field === 'role') {
        // Identity documents come after the words that would otherwise be taken for one
        // ("Passport expiry", "Document type", "Issuing country") and before dates and phones.
        if (doc) return reading('documentNumber', doc.documentType);
        if (has(DOCUMENT_WORDS, text)) return reading('documentNumber');
        continue;
      }
      // Words of what is not imported inside a longer field's words ("Data valuta") are that field.
      if (rule.field === null && !excludedWords(text)) continue;
      // Vietnamese "Họ" (the family name) is two letters, as the "HO" of "HO ref" (the Home Office):
      // a word that short names the family name only when the header says nothing else.
      if (rule.field === 'familyName' && shortAmongOthers(rule.pattern, text)) continue;
      if (has(rule.pattern, text) && !coveredByLonger(rule, text)) {
        if (rule.field === 'recordRef') {
          // "Caller number" is the caller's phone; "Prüfungs-Nr.", "Рег. №" a reference of the case.
          if (party?.role === 'reporter' && NUMBER_WORDS.test(text)) return reading('phone');
          const other = without(FILLER, without(rule.pattern, text));
          if (!party && other !== '' && NUMBER_WORDS.test(text)) return reading('caseRef');
        }
        return reading(rule.field);
      }
    }
    return undefined;
  };
  // "Location of incident", "Date de la plainte", "Ort der Festnahme": the words before "of" say
  // what the column is; those after, what it is of (unless one phrase spans both: "date of birth").
  const head = headBeforeOf(rest);
  if (head !== null) {
    const byHead = scan(head, firstByPosition(DOCUMENT_TYPE_WORDS, head));
    recordField = null;
    // "Data de nasc. do suspeito": a date of birth, however the words are split.
    const birth = byHead?.field === 'eventDate' && has(words('birthDate'), rest);
    if (byHead && !birth) return byHead;
  }
  const byWords = scan(rest, document);
  if (byWords) return byWords;
  if (has(GENERIC_NAME, rest) && without(FILLER, without(GENERIC_NAME, rest)) === '') return reading('name');
  if (has(GENERIC_NAME, rest) && party) return reading('fullName');
  if (recordField) return reading(recordField);
  // A header that names a party and no field ("Employer", "Alleged exploiter", "Recruiter / agent",
  // "Agencja zatrudnienia") is the party's name.
  if (party) return reading('fullName');
  return reading(null);
}

/**
 * "Презиме" is the father's name in Bulgarian and the family name in Serbian and Macedonian: a
 * header that is only such a word, left out as a middle name, is the family name of its party when
 * no column of the file is a family or a whole name ("Име", "Презиме" of a Serbian file; not
 * "Име", "Презиме", "Фамилия" of a Bulgarian one).
 */
function readMiddleOrFamily(
  header: readonly string[],
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  unmapped: string[],
  reasons: Record<string, string>,
): void {
  if (columns.some((c) => c.field === 'familyName')) return;
  for (const name of header) {
    // Left out as a middle name, the header's reading names no party: its own words do.
    const text = headerText(name);
    const party = PARTY_WORDS.find((p) => has(p.pattern, text));
    const rest = party ? without(party.pattern, text) : text;
    if (!has(MIDDLE_OR_FAMILY, rest) || without(FILLER, without(MIDDLE_OR_FAMILY, rest)) !== '') continue;
    const entity = party?.entity ?? 'subject';
    if (columns.some((c) => c.entity === entity && c.field === 'fullName' && readHeader(c.column).field !== 'name'))
      continue;
    const at = unmapped.indexOf(name);
    if (at < 0) continue;
    unmapped.splice(at, 1);
    entities[entity] ??= { kind: 'person', role: party?.role ?? 'subject' };
    // In the file's order, so that the proposal reads like the file.
    const after = columns.filter((c) => header.indexOf(c.column) < header.indexOf(name)).length;
    columns.splice(after, 0, { column: name, entity, field: 'familyName' });
    reasons[name] =
      `header "${name}" reads as familyName (a middle name in one language, the family name in another, and no other family name in the file)`;
  }
}

/** Whether every place the words stand is a word of two letters, and the text holds another word. */
function shortAmongOthers(pattern: RegExp, text: string): boolean {
  const found = spans(pattern, text);
  return found.length > 0 && found.every(([s, e]) => e - s <= 2) && without(pattern, text) !== '';
}

/** The field a header names, or null. */
export function fieldOfHeader(header: string): Field | null {
  const { field } = readHeader(header);
  return field === 'name' ? 'fullName' : field;
}

/** Whether the values are names of documents ("Passport", "Carte d'identité"): a document-type column. */
function documentTypeValues(samples: Cell[]): boolean {
  const texts = samples.filter((c) => !isBlank(c)).map((c) => headerText(cellText(c)));
  const typed = texts.filter((t) => DOCUMENT_TYPE_WORDS.some((r) => has(r.pattern, t)) && !/\d/.test(t));
  return texts.length > 0 && typed.length / texts.length > 0.6;
}

// How agencies write yes and no, in the languages of the header vocabulary.
const YES_NO = new Set(
  `yes no y n t j si sí ja nein oui non o da nu да не так ні tak nie nee sim não nao ano áno ne igen nem taip jā nē nej kyllä ei có
  không ใช่ ไม่ true false vrai faux`
    .split(/\s+/)
    .map(headerText),
);

/** Whether the values are only yeses and noes. */
function yesNoValues(samples: Cell[]): boolean {
  const texts = samples.filter((c) => !isBlank(c)).map((c) => headerText(cellText(c)));
  return texts.length > 0 && texts.every((t) => YES_NO.has(t));
}

// How agencies write a sex: letters and words in the languages of the header vocabulary.
const GENDER_VALUES = new Set(
  `m f w male female man woman männlich weiblich masculin feminin masculino feminino femenino homme femme maschio
  femmina uomo donna barbat femeie мъж жена мужской женский м ж ч чоловіча жіноча k mezczyzna kobieta man vrouw v
  muž žena ž férfi vyras moteris vīrietis sieviete mand kvinde kvinna mies nainen muški ženski мушки женски nam ชาย หญิง`
    .split(/\s+/)
    .map(headerText),
);

// Postcodes that cannot be anything else: British, Dutch, Polish, Portuguese.
const POSTCODE = /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4} ?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3})$/i;

// A street line: a house number and a street word ("16 Beech Grove", "44 Lea Bridge Rd"), or a
// street word and a house number ("Hauptstraße 12", "ul. Długa 5", "Rue de la Paix 22"), in
// Austria with its staircase and door ("Favoritenstraße 88/3/12").
const STREET_WORD =
  'street|st|road|rd|avenue|ave|lane|ln|grove|way|close|drive|dr|place|pl|gardens|terrace|crescent|court|ct|row|hill|walk|square|sq|strasse|straße|str|weg|gasse|platz|allee|straat|laan|plein|gracht';
const STREET = new RegExp(
  `^(?:\\d{1,5}[a-z]?,?\\s+(?:\\p{L}[\\p{L}'-]*\\s+){0,4}(?:${STREET_WORD})\\.?|(?:\\p{L}[\\p{L}'-]*\\s+){0,3}\\p{L}*(?:${STREET_WORD})\\.?\\s+\\d{1,5}[a-z]?(?:\\/\\d{1,4}){0,3}|(?:rue|via|calle|avenida|avda|ul|str|strada|bd|boulevard|vul|ул)\\.?\\s+.*\\d.*)$`,
  'iu',
);

const share = (texts: string[], test: (t: string) => boolean) => texts.filter(test).length / texts.length;

// Digits grouped by thousands ("12 500 000", "1.250.000"): an amount, unless it dials in the file's country.
const THOUSANDS = /^\d{1,3}(?:[\s.,]\d{3})+$/;

/**
 * Whether a value is written as a phone number: with a leading + or 00, or in the spaced and
 * dashed groups people write numbers in; a bare run of digits ("0041011234", an ЕГН; "012345678",
 * a BSN), digits grouped as an amount ("12 500 000") or groups with no leading + or 0 ("900-12-3456",
 * an SSN) only when they are a valid number of the file's country. A date is never a phone.
 */
function writtenAsPhone(text: string, country: string | undefined): boolean {
  const t = text.trim();
  const prefixed = /^(\+|00|0)[\d\s().-]{8,19}$/.test(t);
  const bracketed = /^\(\+?\d{1,5}\)[\s.-]?\d{2,4}[\s.-]?\d{2,6}(?:[\s.-]\d{2,4})?$/.test(t);
  const grouped = /^\d{2,5}[\s.-]\d{2,4}[\s.-]?\d{2,6}$/.test(t);
  // "(086) 217 5540", "(+40) 723 551 906": the area or country code in brackets.
  if (!prefixed && !bracketed && !grouped) return false;
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(t) && parseDate(t, 'DMY').ok) return false;
  const plain = /^\d+$/.test(t) || THOUSANDS.test(t) || (!prefixed && !bracketed && /^[1-9]/.test(t));
  if (!plain) return true;
  if (country === undefined) return !THOUSANDS.test(t);
  const read = normalizePhone(t, country);
  return read.ok && read.notes.length === 0;
}

/**
 * Whether the values are phone numbers in full, country code first, without the "+" or "00"
 * ("447700900654", "40722000418"), as operators' call data write them: every value, not a share,
 * since an identity or account number of as many digits may read as one.
 */
function internationalDigits(values: Cell[], country: string): boolean {
  const texts = written(values);
  return (
    texts.length > 0 && texts.every((t) => /^\d{11,15}$/.test(t.trim()) && normalizePhone(`+${t.trim()}`, country).ok)
  );
}

// The first year a person in a file can have been born, and the youngest age that still reads as a
// birth rather than an event: a column of dates all 14 or more years back is one of births.
const OLDEST_BIRTH = 1900;
const YOUNGEST_AGE = 14;

/**
 * Whether dates are of births: every one from 1900 to 14 years before now. What a case file
 * records happening (a check, a call, a payment) is more recent than that.
 */
function birthDates(samples: Cell[], dateOrder: 'DMY' | 'MDY' | 'YMD'): boolean {
  const years = samples
    .filter((c) => !isBlank(c))
    .map((c) => parseDate(c, dateOrder))
    .map((d) => (d.ok ? Number(d.date.slice(0, 4)) : NaN));
  const latest = new Date().getUTCFullYear() - YOUNGEST_AGE;
  return years.length > 0 && years.every((y) => y >= OLDEST_BIRTH && y <= latest);
}

// A person's name written as people write it: two to four words, each capitalised or in capitals,
// with the particles of family names ("da", "van", "al-") between; no digit, no punctuation of a list.
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PERSON_NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:(?:[\\p{Ll}]{1,3}\\s+)?${NAME_WORD})){1,3}$`, 'u');
// "GONZÁLEZ, Rosa Elena": the family name in capitals, a comma, the given names.
const FAMILY_FIRST = new RegExp(`^\\p{Lu}[\\p{Lu}'’ -]+,\\s*${NAME_WORD}(?:\\s+${NAME_WORD}){0,2}$`, 'u');
// A firm's legal form: a name ending in one is an organisation's, still a name.
const LEGAL_FORM =
  /(?:^| )(?:ltd|limited|llc|inc|gmbh|ag|sa|sarl|srl|spa|sl|lda|bv|nv|kft|zrt|sro|oy|ab|as|aps|uab|doo|tnhh|plc|co)\.?$/iu;

// A firm's name by its legal form, at its end or written with dots ("ŠKODA AUTO a.s.", "NORDIC
// ESTATES S.A.", "Bloomberg Finance L.P.", "EQUINOR ASA", "TRADING CO., LTD.").
const FIRM_NAME =
  /(?:^| )(?:a\.s\.|s\.a\.|s\.r\.o\.|s\.r\.l\.|s\.p\.a\.|b\.v\.|n\.v\.|l\.p\.|lp|asa|corp|corporation|aktiengesellschaft|ltda|sas|sp\. z o\.o\.|ооо|тов|еоод|оод)$/iu;

/** Whether a value is a firm's name by its legal form. */
function firmName(text: string): boolean {
  const v = text.trim();
  return LEGAL_FORM.test(v) || FIRM_NAME.test(v);
}

// Fields only a person has: a file's party with any of them is no firm (a firm has a country, as
// ICIJ's "countries" of an offshore entity).
const PERSON_FIELDS: readonly Field[] = ['givenName', 'familyName', 'birthDate', 'gender', 'nameLatin'];

/**
 * A file about firms (a company register, a list of offshore entities): its one unnamed party has
 * a name and no field only a person has, and most of its names end in a legal form ("EQUINOR ASA",
 * "ŠKODA AUTO a.s."). Such a party is the file's firm, given to the employer as a file about one
 * business is ("Business name", "Registered address").
 */
function readFirmSubject(
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  valuesOf: (header: string) => Cell[],
  reasons: Record<string, string>,
): void {
  const subject = columns.filter((c) => c.entity === 'subject');
  if (subject.length === 0 || subject.some((c) => PERSON_FIELDS.includes(c.field))) return;
  const personal = subject.some(
    (c) => c.field === 'documentNumber' && c.documentType !== undefined && c.documentType !== 'tax-id',
  );
  // The party's name column, the first: later name columns may be its provider's or its source's.
  const nameColumn = subject.find((c) => c.field === 'fullName');
  const names = nameColumn ? written(valuesOf(nameColumn.column)) : [];
  if (personal || names.length === 0 || names.filter(firmName).length * 2 <= names.length) return;
  const employer = entities.employer;
  if (employer && employer.kind !== 'organization') return;
  entities.employer = { kind: 'organization', role: 'employer' };
  delete entities.subject;
  for (const c of subject) {
    c.entity = 'employer';
    reasons[c.column] = `${reasons[c.column] ?? ''}; the names are firms' (a legal form): the file's firm, as employer`;
  }
}

/**
 * A row records one event: of several columns read as its date ("CMPLNT_FR_DT", "CMPLNT_TO_DT",
 * "RPT_DT"; "Arrest Date", "Booking Date"; "notified_on", "ceased_on"), the first is the event's and
 * the others (when it was reported, booked, ended, issued) are not imported; a date that says when
 * the record was made (reported, lodged, registered) gives way to a later one that does not. A column of years
 * alone ("data_year") gives way to one of whole dates.
 */
function readOneEventDate(
  columns: ColumnMapping[],
  unmapped: string[],
  valuesOf: (header: string) => Cell[],
  reasons: Record<string, string>,
): void {
  const dates = columns.filter((c) => c.entity === 'record' && c.field === 'eventDate');
  if (dates.length < 2) return;
  const yearsOnly = (c: ColumnMapping) => {
    const values = written(valuesOf(c.column));
    return values.length > 0 && values.every((t) => /^\d{4}$/.test(t));
  };
  // The first date that says when something happened, before one that says when the record was
  // made ("Date Lodged" beside "Txn Date"), where both are there.
  const recorded = (c: ColumnMapping) => has(RECORDED_WORDS, headerText(c.column));
  const event = dates.find((c) => !yearsOnly(c) && !recorded(c)) ?? dates.find((c) => !yearsOnly(c)) ?? dates[0];
  for (const c of dates) {
    if (c === event) continue;
    columns.splice(columns.indexOf(c), 1);
    unmapped.push(c.column);
    reasons[c.column] = `header "${c.column}" reads as a date of the row, after "${event?.column}": not the event's`;
  }
}

/** Whether a value is written as a sentence, not a name or a place. */
function sentence(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return (words.length >= 4 && lower >= 2) || (words.length >= 3 && /\p{L}\.$/u.test(text.trim()) && lower >= 1);
}

// The word of a public place in its name ("Luton Crown Court", "Stansted Airport", "Gare du Nord",
// "Amtsgericht Köln"), which makes the name a place's, not a person's nor a firm's (words folded as
// headerText folds them).
const PUBLIC_PLACE = new RegExp(
  `(?:^| )(?:${[
    'court',
    'airport',
    'station',
    'hospital',
    'prison',
    'gericht',
    'amtsgericht',
    'landgericht',
    'flughafen',
    'bahnhof',
    'hauptbahnhof',
    'krankenhaus',
    'tribunal',
    'aeroport',
    'gare',
    'hopital',
    'tribunale',
    'aeroporto',
    'stazione',
    'ospedale',
    'aeropuerto',
    'estacion',
    'estacao',
    'tribunalul',
    'judecatoria',
    'aeroportul',
    'gara',
    'spitalul',
    'съд',
    'летище',
    'гара',
    'суд',
    'аэропорт',
    'аеропорт',
    'вокзал',
    'sad',
    'lotnisko',
    'dworzec',
    'rechtbank',
    'luchthaven',
    'ziekenhuis',
  ].join('|')})(?= |$)`,
  'u',
);

/** Whether the values are persons' or firms' names: several words each, and not all the same. */
function nameValues(texts: string[]): boolean {
  const names = texts.filter((t) => {
    const v = t.trim();
    return (
      (PERSON_NAME.test(v) || FAMILY_FIRST.test(v) || LEGAL_FORM.test(v)) &&
      !/\d/.test(v) &&
      countryCode(v) === null &&
      !PUBLIC_PLACE.test(headerText(v))
    );
  });
  return names.length / texts.length > 0.6 && (texts.length === 1 || new Set(texts).size > 1);
}

// An identity document's number as passports, identity cards and residence permits print it: one to
// three letters and six to nine digits ("FA1234567", "X1234567L"), or eight digits and a letter.
const DOCUMENT_NUMBER = /^(?:[A-Z]{1,3}\d{6,9}[A-Z]?|\d{8}[A-Z])$/;
// A vehicle's plate: letters, digits and letters ("AB12 CDE", "CA 1234 AB", "AB-123-CD", "4471 KLM");
// letters and digits alone ("LS-5521") are as often a reference.
const PLATE = /^(?:[A-Z]{2}\d{2} ?[A-Z]{3}|\p{Lu}{1,3}[ -]\d{1,4}[ -]\p{Lu}{1,3}|\d{1,4}[ -]\p{Lu}{2,3})$/u;
// A bank's identifier code (BIC): bank, country, place and branch; all letters only when 11 long, so
// that a surname in capitals ("KOWALSKI") is not read as one.
const BIC = /^[A-Z]{4}([A-Z]{2})(?:[A-Z0-9]{2}(?:[A-Z0-9]{3})?)$/;
/** Whether a value has a BIC's shape and country (under a header that names a BIC, enough). */
function bicShape(text: string): boolean {
  return countryCode(BIC.exec(text.trim())?.[1] ?? '') !== null;
}
/** Whether a value is a BIC whatever its header says. */
function bicValue(text: string): boolean {
  return bicShape(text) && (/\d/.test(text) || text.trim().length === 11);
}
// A case's reference: an office's letters, a year and a number ("HMO/2024/0118", "SAR-24-99121",
// "SG-KOS-123/24", "12345/24").
const CASE_REF =
  /^(?:[A-Z]{2,6}(?:[/-][A-Z]{2,6})*[/-](?:(?:19|20)\d{2}|\d{2})[/-]\d{2,7}|(?:[A-Z]{2,6}-)*\d{3,7}\/(?:19|20)?\d{2})$/i;
/** Whether a value is a reference with a year in it: parts joined by / or -, one a year, one a number. */
function yearReference(text: string): boolean {
  const parts = text.trim().split(/[/-]/);
  if (parts.length < 2 || parts.some((p) => !/^[\p{L}\p{N}]{1,12}$/u.test(p))) return false;
  const year = parts.findIndex((p) => /^(?:19[89]\d|20[0-4]\d)$/.test(p));
  return year >= 0 && parts.some((p, i) => i !== year && /^\d{3,}$/.test(p));
}

// A number printed on a document, mixing letters and digits with no separator ("NX12AB345",
// "KMRRHL95A01Z222X"): eight to sixteen characters, four digits or more and a letter.
function mixedDocumentNumber(text: string): boolean {
  const t = text.trim();
  return /^[A-Z0-9]{8,16}$/.test(t) && (t.match(/\d/g)?.length ?? 0) >= 4 && /[A-Z]/.test(t);
}

/** Whether six digits are a day of birth, written year-month-day or day-month-year. */
function sixDigitDate(six: string): boolean {
  const [a, b, c] = [six.slice(0, 2), six.slice(2, 4), six.slice(4, 6)].map(Number) as [number, number, number];
  // A month may carry 20, 40 or 50 more: for a woman (Czech and Slovak birth numbers), for a birth
  // after 2000 (Polish PESEL, Bulgarian ЕГН).
  const month = (m: number) => [0, 20, 40, 50].some((plus) => m - plus >= 1 && m - plus <= 12);
  const day = (d: number) => d >= 1 && d <= 31;
  return (month(b) && day(c)) || (day(a) && b >= 1 && b <= 12);
}

/**
 * Whether a value is a personal number that begins with its holder's date of birth, as many
 * countries write them: six digits of the date, a separator or none, and three to six more
 * ("785412/1234", "010190-123A", "850412301234"); or a digit for the century and sex before the
 * date ("38501010123", a 13-digit CNP). A number valid as a phone of the file's country is read as
 * one before this.
 */
function birthNumber(text: string): boolean {
  const t = text.trim();
  const dated = /^(\d{6})[-/+A]?\d{3,5}[\dA-Z]$/.exec(t);
  if (dated && sixDigitDate(dated[1] ?? '')) return true;
  const century = /^[1-9](\d{6})\d{4,6}$/.exec(t);
  return century !== null && sixDigitDate(century[1] ?? '');
}

// A whole address on one line: a comma, and a house number at its start, before a comma, or last
// ("12 Field View, Wisbech PE13 1AA", "Industriestr. 5, 50667 Köln", "гр. Сливен, ул. Раковски 5").
function addressValue(text: string): boolean {
  const t = text.trim();
  const count = t.split(/\s+/).length;
  return (
    t.includes(',') &&
    count >= 3 &&
    count <= 10 &&
    /\p{L}{2}/u.test(t) &&
    (/^\d{1,5}[a-z]?\s/i.test(t) || /\d[a-z]?,/i.test(t) || /\d\p{L}?$/u.test(t))
  );
}
// A social-media profile: an "@handle" or a link.
const HANDLE = /^(?:@[\p{L}\p{N}_.]{2,}|https?:\/\/\S+|(?:www\.)?[a-z0-9-]+\.[a-z]{2,}\/\S+)$/iu;
// A nickname written in quotes ('"Beni"', '«Tata»').
const QUOTED = /^["'“”„«‹‘’].+["'“”»›‘’]$/u;

/**
 * The field sample values look like, for headers that say nothing. Dates and identity numbers
 * are tried before phones: "21-11-2024" and a 13-digit CNP are not telephone numbers. A rule
 * answers only when most values fit it; values that fit none, or could be several things (a
 * single word: a given name, a family name or a town?), leave the column to the analyst.
 * `unreadFile`: most of the file's headers are not understood (a language the vocabulary does not
 * read), so the values are all there is: names, addresses, birth dates, documents, plates and
 * links are read from them too.
 */
export function fieldOfValues(
  samples: Cell[],
  dateOrder: 'DMY' | 'MDY' | 'YMD' = 'DMY',
  country?: string,
  unreadFile = false,
): Field | null {
  const texts = samples.filter((c) => !isBlank(c)).map((c) => cellText(c).slice(0, 200));
  if (texts.length === 0) return null;
  // The checksum decides: "LT12 1000 0111 0100 1000" is an IBAN, "AB12 CDE 3456 7890 12" is not.
  if (share(texts, (t) => /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}$/i.test(t) && normalizeIban(t).ok) > 0.6) return 'iban';
  // "HMO/2024/0118", "SAR-2024-00871": an office's letters, a year and a running number.
  if (share(texts, (t) => CASE_REF.test(t.trim())) > 0.6) return 'caseRef';
  // "123/2024", "ST/0123456/2024", "T-2024-118233": a year and a number of three digits or more
  // among the parts (a month and a year, "12/2024", is not a reference).
  if (unreadFile && share(texts, yearReference) > 0.6) return 'caseRef';
  if (share(texts, (t) => /@[a-z0-9-]+\.[a-z]/i.test(t) && !/\s/.test(t.trim())) > 0.6) return 'email';
  if (share(texts, (t) => normalizeCrypto(t).ok) > 0.6) return 'crypto';
  if (share(texts, bicValue) > 0.6) return 'routingNumber';
  if (unreadFile && share(texts, (t) => HANDLE.test(t.trim())) > 0.6) return 'handle';
  // "20-00-00": a British bank's sort code, where the pairs are not a day, a month and a year.
  if (share(texts, (t) => /^\d{2}-\d{2}-\d{2}$/.test(t.trim())) > 0.6 && texts.some((t) => !parseDate(t, dateOrder).ok))
    return 'sortCode';
  if (
    samples.filter((c) => c instanceof Date).length / texts.length > 0.6 ||
    share(
      texts,
      (t) => /^\d{1,4}(?:[/-]|\. ?)\d{1,2}(?:[/-]|\. ?)\d{1,4}\.?$/.test(t.trim()) && parseDate(t, dateOrder).ok,
    ) > 0.6
  )
    return unreadFile && birthDates(samples, dateOrder) ? 'birthDate' : 'eventDate';
  // "12.12.1982, Craiova": a date of birth and the place, in one cell.
  const datePart = (t: string) => /^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+\p{L}/u.exec(t.trim())?.[1] ?? null;
  if (unreadFile && share(texts, (t) => datePart(t) !== null) > 0.6) {
    const dates = texts.map(datePart).filter((d): d is string => d !== null);
    if (birthDates(dates, dateOrder)) return 'birthDate';
  }
  // A phone is written with a leading + or 0, or with the spaces and dashes people put in numbers;
  // a run of digits alone is an identity or account number.
  if (share(texts, (t) => writtenAsPhone(t, country)) > 0.6) return 'phone';
  // "45127" is a postcode or a number before it is a day counted from 1900.
  if (share(texts, (t) => !/^\d{1,7}$/.test(t.trim()) && parseDate(t, dateOrder).ok) > 0.6)
    return unreadFile && birthDates(samples, dateOrder) ? 'birthDate' : 'eventDate';
  if (unreadFile && share(texts, birthNumber) > 0.6) return 'documentNumber';
  if (share(texts, (t) => GENDER_VALUES.has(headerText(t))) > 0.8) return 'gender';
  if (share(texts, (t) => POSTCODE.test(t.trim())) > 0.8) return 'addressPostcode';
  if (unreadFile && share(texts, (t) => DOCUMENT_NUMBER.test(t.trim()) || mixedDocumentNumber(t)) > 0.6)
    return 'documentNumber';
  if (unreadFile && share(texts, (t) => PLATE.test(t.trim())) > 0.6) return 'vehiclePlate';
  if (share(texts, (t) => STREET.test(t.trim())) > 0.6) return 'addressStreet';
  if (unreadFile && share(texts, addressValue) > 0.6) return 'address';
  // Names and demonyms only: codes ("LI-17", "GBR", "No", "Da") are too often something else.
  const isCountry = (t: string) => t.trim().length > 3 && !/\d/.test(t) && countryCode(t) !== null;
  if (share(texts, isCountry) > 0.8) {
    // Nationality words ("Romanian", "bulgară", "rumänisch") are a nationality. Countries' names
    // ("Saudi Arabia", "Rumänien") under a header of a readable file that the vocabulary, which
    // reads nationality headers, does not know ("Jobsite", "countries") are more often where a
    // person works, lives or went: none is proposed there, since a workplace's country taken for
    // the nationality would count against a match. In a file whose headers are not read, they are
    // most often the nationality (the development sets' columns with their headers made up).
    return unreadFile || share(texts, (t) => !isCountryName(t)) > 0.5 ? 'nationality' : null;
  }
  // "MDA", "ROU", "NLD": codes of three capitals are countries' in a file that reads no header.
  if (unreadFile && share(texts, (t) => /^[A-Z]{3}$/.test(t.trim()) && countryCode(t) !== null) > 0.8)
    return 'nationality';
  if (share(texts, (t) => t.length > 60) > 0.5) return 'freeText';
  // The rules below read what a header in a readable file would have said: there, a header the
  // vocabulary does not know ("Channel", "School", "Sachbearbeiter") is most often of something no
  // field holds, and its names or sentences are not the file's person's.
  if (!unreadFile) return null;
  // A sentence: four words or more, two of them in lower case; or three and a full stop.
  if (share(texts, sentence) > 0.6) return 'freeText';
  if (share(texts, (t) => QUOTED.test(t.trim())) > 0.6) return 'alias';
  // "Luton Crown Court", "Stansted Airport": a public place's name, where the row's event was (a
  // name's length: a longer text is not folded for it).
  if (share(texts, (t) => t.length <= 80 && PUBLIC_PLACE.test(headerText(t))) > 0.6) return 'location';
  if (nameValues(texts)) return 'fullName';
  return null;
}

const RECORD_LEVEL: readonly Field[] = ['caseRef', 'recordRef', 'eventDate', 'freeText', 'location'];

export interface Proposal {
  profile: Profile;
  /** Headers left unmapped, for the analyst to decide. */
  unmapped: string[];
  /** Why each column was mapped as it was ("header says DOB", "values look like phone numbers"). */
  reasons: Record<string, string>;
  /**
   * Columns holding the agency's own id of a person ("Person ID"), with the party they name and
   * their first values: a workbook whose sheets share one is proposed a join key.
   */
  personIds?: { column: string; party: string; values: string[] }[];
}

export interface ProposalInput {
  agency: string;
  country: string;
  header: string[];
  samples: Cell[][];
  sheets?: string[];
  grading?: Grading;
  /**
   * The headers of every sheet of the file this sheet is one of: whether the file is in a language
   * the vocabulary does not read is the file's question, not a sheet's (a short sheet of
   * "Code, Inspector, Team" in a workbook read in full is no unread file). This sheet's alone when
   * not given.
   */
  fileHeaders?: string[];
}

export const DEFAULT_GRADING: Grading = { system: '3x5x2', source: '2', information: 'B', handling: 'P' };

const NAME_FIELDS: readonly Field[] = ['fullName', 'familyName', 'givenName', 'nameLatin'];
// Parties who speak about the main person rather than being them.
const NOT_MAIN: readonly Role[] = ['reporter', 'witness', 'associate'];
// Record fields that give way to a party's own field in a header that names the party.
const DEFERRED: readonly Field[] = ['freeText', 'location', 'caseRef'];

// The parts of an address a header may list after its address word.
const ADDRESS_PART_FIELDS: readonly Field[] = ['addressStreet', 'addressHouseNumber', 'addressPostcode', 'addressCity'];

/**
 * A file about one person whose name column carries a role word ("Name of person at risk",
 * "Account holder") and whose other columns carry none ("DOB", "Sort code"): those columns are
 * that person's, not an unnamed subject's.
 */
function adoptMainParty(
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  reasons: Record<string, string>,
): void {
  const subject = columns.filter((c) => c.entity === 'subject');
  if (subject.length === 0 || subject.some((c) => NAME_FIELDS.includes(c.field))) return;
  const named = (kind: 'person' | 'organization') =>
    columns.find((c) => {
      const declared = entities[c.entity];
      return (
        c.entity !== 'record' &&
        c.entity !== 'subject' &&
        NAME_FIELDS.includes(c.field) &&
        declared?.kind === kind &&
        !NOT_MAIN.includes(declared.role)
      );
    });
  // A file about one business ("Business name", "Registered address") when no person is named.
  const persons = Object.entries(entities).filter(([name, e]) => name !== 'subject' && e.kind === 'person');
  // A file whose one named person speaks about nobody else ("Имя контакта", "Номер телефона",
  // "Telegram" of a phone's contacts): the unnamed columns are that person's too.
  const only = persons.length === 1 ? persons[0]?.[0] : undefined;
  const sole = columns.find((c) => c.entity === only && NAME_FIELDS.includes(c.field));
  const main = named('person') ?? sole ?? (persons.length > 0 ? undefined : named('organization'));
  if (!main) return;
  // Columns follow the person they are written after ("Nom du mis en cause", "Téléphone du mis en
  // cause", "Plaque d'immatriculation"); those before any named person go to the main one.
  const kind = entities[main.entity]?.kind;
  // A call's other party, a contact: one who speaks about nobody else takes the columns written
  // after their name, not a "Target Number" written before it, which is the file's own person's.
  const secondary = NOT_MAIN.includes(entities[main.entity]?.role as Role);
  for (const c of subject) {
    const at = columns.indexOf(c);
    const before = columns
      .slice(0, at)
      .reverse()
      .find(
        (n) =>
          n.entity !== 'record' &&
          n.entity !== 'subject' &&
          NAME_FIELDS.includes(n.field) &&
          entities[n.entity]?.kind === kind,
      );
    // "Foreign principal / employer", then "Passport No.": a firm's columns close the person named
    // before them, so what follows belongs to the main person again.
    const closed = columns
      .slice(columns.indexOf(before as ColumnMapping) + 1, at)
      .some((n) => n.entity !== 'record' && n.entity !== 'subject' && entities[n.entity]?.kind !== kind);
    const follows = before !== undefined && !closed;
    if (!follows && secondary) continue;
    const owner = follows ? before : main;
    c.entity = owner.entity;
    reasons[c.column] =
      `${reasons[c.column] ?? ''}; given to the ${owner.entity}, ${follows ? 'named before it' : "the file's main named person"}`;
  }
  if (!columns.some((c) => c.entity === 'subject')) delete entities.subject;
}

/**
 * Columns read by the columns around them: a bare "Número"/"Nr." right after a street is the
 * house number; a party's document column beside its own document-type column takes the type
 * from that column, row by row, not a type fixed by the header; on a sheet naming a driver, a plate
 * is the driver's; a tax number right after a firm's name, and a registered office after it, are
 * the firm's.
 */
function readByNeighbours(
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  reasons: Record<string, string>,
): void {
  columns.forEach((c, i) => {
    const before = columns[i - 1];
    if (
      c.field === 'recordRef' &&
      before?.field === 'addressStreet' &&
      without(FILLER, headerText(c.column)) === '' &&
      NUMBER_WORDS.test(headerText(c.column))
    ) {
      c.entity = before.entity;
      c.field = 'addressHouseNumber';
      reasons[c.column] = `header "${c.column}" after a street reads as addressHouseNumber`;
    }
  });
  // "PLZ" then "Ort", "Code postal" then "Ville": a town written beside a party's postcode is the
  // town of that address, not the place of the event.
  columns.forEach((c, i) => {
    if (c.field !== 'location' || c.entity !== 'record' || has(EVENT_WORDS, headerText(c.column))) return;
    const postcode = [columns[i - 1], columns[i + 1]].find((n) => n?.field === 'addressPostcode');
    if (!postcode) return;
    c.entity = postcode.entity;
    c.field = 'addressCity';
    reasons[c.column] =
      `header "${c.column}" names a town, beside the postcode "${postcode.column}": the address's town`;
  });
  // "Рег. № МПС", "Nr rej. pojazdu" on a crossing's sheet of a driver and the passengers: a plate
  // whose header names no party is the vehicle the driver drove, not each passenger's. An
  // additional driver ("Kierowca dodatkowy" on a rental) is not who the vehicle is with.
  const driver = Object.keys(entities).find(
    (name) =>
      entities[name]?.role === 'driver' &&
      !columns.some((c) => c.entity === name && ADDITIONAL.test(headerText(c.column))),
  );
  for (const c of columns) {
    if (!driver || c.field !== 'vehiclePlate' || c.entity !== 'subject' || readHeader(c.column).party) continue;
    c.entity = driver;
    reasons[c.column] = `header "${c.column}" names a vehicle, on a sheet that names its driver: the driver's`;
  }
  // "Kfz-Kennz." then "Zul.-Staat", "VRM" then "Country": the country a plate is registered in.
  columns.forEach((c, i) => {
    const before = columns[i - 1];
    if (
      (c.field === 'addressCountry' || c.field === 'nationality') &&
      before?.field === 'vehiclePlate' &&
      // "Reg. oznaka vozila" (the smuggler's, after his columns) then "Država registracije": a
      // country whose header names no party goes with the plate, whoever's it is.
      (before.entity === c.entity || (c.field === 'addressCountry' && !readHeader(c.column).party))
    ) {
      c.entity = before.entity;
      c.field = 'vehicleCountry';
      reasons[c.column] = `header "${c.column}" names a country, after a plate: where the vehicle is registered`;
    }
  });
  // "Pracodawca" then "NIP", "Empresa" then "CIF": a tax or registration number whose header names
  // no party, written right after a firm's name, is the firm's, not the worker's the sheet is
  // about; given to the worker, every worker of one firm would share a document.
  columns.forEach((c, i) => {
    const before = columns[i - 1];
    if (
      c.field !== 'documentNumber' ||
      c.documentType !== 'tax-id' ||
      !before ||
      before.entity === c.entity ||
      !NAME_FIELDS.includes(before.field) ||
      entities[before.entity]?.kind !== 'organization' ||
      readHeader(c.column).party
    )
      return;
    c.entity = before.entity;
    reasons[c.column] = `header "${c.column}" names a tax number, right after the firm "${before.column}": the firm's`;
  });
  // "Angajator", "CUI", then "Sediu social": a registered office whose header names no party is the
  // firm's named before it, not the address of each worker. With no firm named before it, the
  // office is the sheet's own party's ("Nazwa podmiotu", a register of firms), and stays there.
  columns.forEach((c, i) => {
    if (!ADDRESS_PARTS.includes(c.field) || entities[c.entity]?.kind === 'organization') return;
    if (!has(SEAT_WORDS, headerText(c.column)) || readHeader(c.column).party) return;
    const named = columns
      .slice(0, i)
      .reverse()
      .find((n) => NAME_FIELDS.includes(n.field) && entities[n.entity]?.kind === 'organization');
    if (!named) return;
    c.entity = named.entity;
    reasons[c.column] = `header "${c.column}" names a registered office: the firm's named before it, "${named.column}"`;
  });
  for (const c of columns) {
    if (c.field !== 'documentNumber' || !c.documentType) continue;
    const typed = columns.some((t) => t.entity === c.entity && t.field === 'documentType');
    const documents = columns.filter((d) => d.entity === c.entity && d.field === 'documentNumber');
    if (typed && documents.length === 1) delete c.documentType;
  }
}

/** "Additional driver", "Kierowca dodatkowy", "Zusatzfahrer": a second one of a party. */
const ADDITIONAL =
  /(?:^| )(?:add|additional|second|2nd|dodatkow\p{L}*|zusatz\p{L}*|zusatzlich\p{L}*|supplementaire|adicional|aggiuntivo|suplimentar|додатков\p{L}*|дополнительн\p{L}*)(?: |$)/u;

const FAMILY_OR_GIVEN: readonly Field[] = ['familyName', 'givenName'];

// Fields whose columns may hold e-mails, IBANs or wallet addresses as their values.
const STRONG_VALUES_FIT: Partial<Record<Field | 'name', true>> = {
  email: true,
  handle: true,
  paymentApp: true,
  iban: true,
  bankAccount: true,
  crypto: true,
  freeText: true,
  documentNumber: true,
  caseRef: true,
  recordRef: true,
};

// What a payment's parties have: with none of these in the file, "Auftraggeber", "Donneur
// d'ordre", "Opdrachtgever" is the firm that ordered the work, not the payer of a transfer.
const PAYMENT_FIELDS: readonly Field[] = [
  'iban',
  'bankAccount',
  'sortCode',
  'routingNumber',
  'card',
  'crypto',
  'paymentApp',
];

// An account named in a holder's header ("Kontoinhaber", "Account holder", "Titular cuenta"), in
// the languages of the vocabulary: its holder holds an account even where the file lists no payment.
const ACCOUNT_STEM =
  /(?:konto|account|acct|compte|conto|cuenta|conta|(?:^| )cont(?: |$)|rachun|rekening|сметк|счет|счёт|рахун|λογαριασμ|hesap|llogari)/u;

/**
 * Parties whose role the rest of the file decides: the unnamed main person of a file that records
 * the form of exploitation ("Ausbeutungsform", "Вид експлуатації") is its victim; an originator in
 * a file with no account, amount or transfer is the firm that gave the order, and a beneficiary
 * there the person a service is for.
 */
function readByFile(
  header: string[],
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  reasons: Record<string, string>,
): void {
  const subject = entities.subject;
  const hasRole = columns.some((c) => c.field === 'role');
  const aboutExploitation = header.some((h) => {
    const text = headerText(h);
    return has(EXPLOITATION_WORDS, text) && !PARTY_WORDS.some((p) => has(p.pattern, text));
  });
  if (subject && !hasRole && aboutExploitation && !entities.victim) {
    delete entities.subject;
    entities.victim = { ...subject, role: 'victim' };
    for (const c of columns.filter((m) => m.entity === 'subject')) {
      c.entity = 'victim';
      reasons[c.column] =
        `${reasons[c.column] ?? ''}; the file records a form of exploitation: the person is its victim`;
    }
  }
  // A file of payments has accounts, amounts or transfers; without any, its parties are not payers.
  const payments =
    columns.some((c) => PAYMENT_FIELDS.includes(c.field)) || header.some((h) => has(PAYMENT_WORDS, headerText(h)));
  const originator = entities.originator;
  if (originator && !payments && !entities.beneficiary) {
    delete entities.originator;
    const employer = entities.employer;
    entities.employer = { kind: employer?.kind ?? 'organization', role: 'employer' };
    for (const c of columns.filter((m) => m.entity === 'originator')) {
      c.entity = 'employer';
      reasons[c.column] =
        `${reasons[c.column] ?? ''}; no account in the file: the one who gave the order is the employer`;
    }
  }
  // "Titular post", "Anschlussinhaber", "Holder" in a file with no account, amount or transfer: the
  // holder of a phone line or a profile, who is the person the file is about, not an account's holder.
  const holder = entities['account-holder'];
  const ofAccount = columns.some(
    (c) => c.entity === 'account-holder' && NAME_FIELDS.includes(c.field) && ACCOUNT_STEM.test(headerText(c.column)),
  );
  if (holder?.kind === 'person' && !payments && !ofAccount && !entities.subject) {
    delete entities['account-holder'];
    entities.subject = { kind: 'person', role: 'subject' };
    for (const c of columns.filter((m) => m.entity === 'account-holder')) {
      c.entity = 'subject';
      reasons[c.column] =
        `${reasons[c.column] ?? ''}; no account in the file: the holder of what the file lists is its person`;
    }
  }
  // A file of payments whose one unnamed person holds the account ("Subject name", "Acct #",
  // "Amount"): the person reported is the account's holder, as a customer or an ordering party is.
  const main = entities.subject;
  const holders = Object.values(entities).some((e) => e.role === 'account-holder');
  const accountFields = new Set(
    columns.filter((c) => c.entity === 'subject' && PAYMENT_FIELDS.includes(c.field)).map((c) => c.field),
  );
  // An account with its bank's code ("Acct #" and "ABA/Routing") is a payment's, even with no amount.
  const amounts = accountFields.size > 1 || header.some((h) => has(PAYMENT_WORDS, headerText(h)));
  if (main && !hasRole && !holders && accountFields.size > 0 && amounts) {
    delete entities.subject;
    entities['account-holder'] = { ...main, role: 'account-holder' };
    for (const c of columns.filter((m) => m.entity === 'subject')) {
      c.entity = 'account-holder';
      reasons[c.column] =
        `${reasons[c.column] ?? ''}; a file of payments: the person holding the account is its holder`;
    }
  }
  // "Beneficiary name" in a file of no payments: the person a service or a referral is for.
  const beneficiary = entities.beneficiary;
  if (beneficiary && !payments && !entities.originator && !entities.victim) {
    delete entities.beneficiary;
    entities.victim = { kind: 'person', role: 'victim' };
    for (const c of columns.filter((m) => m.entity === 'beneficiary')) {
      c.entity = 'victim';
      reasons[c.column] = `${reasons[c.column] ?? ''}; no payment in the file: the beneficiary of a service`;
    }
  }
}

/** Whether the values are names someone goes by: words with spaces, none written as a handle. */
function aliasValues(values: Cell[]): boolean {
  const texts = values.filter((c) => !isBlank(c)).map((c) => cellText(c).trim());
  return texts.length > 0 && texts.every((t) => /\s/.test(t) && !/[@/:.]/.test(t));
}

const NAME_OR_ALIAS: readonly (Field | 'name')[] = ['name', 'fullName', 'givenName', 'familyName', 'alias'];

/** The filled values that hold a letter or a digit (not "—" or "-"). */
function written(values: Cell[]): string[] {
  return values
    .filter((c) => !isBlank(c))
    .map((c) => cellText(c).trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

// Fields whose values are numbers, or letters and digits: never words alone, never a date.
const NUMBERED_FIELDS: readonly (Field | 'name')[] = ['bankAccount', 'card', 'iban', 'sortCode', 'routingNumber'];

/** Whether most values are internet addresses (IPv4 dotted quads, or IPv6 groups). */
function ipValues(values: Cell[]): boolean {
  const texts = written(values);
  const ip = (t: string) =>
    /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/.test(t) ||
    (/^[0-9a-f:]+$/i.test(t) && (t.match(/:/g)?.length ?? 0) >= 2 && /[0-9a-f]{1,4}:[0-9a-f]{0,4}:/i.test(t));
  return texts.length > 0 && texts.filter(ip).length / texts.length > 0.6;
}

/** Whether most values are dates, or dates and times ("2024-11-02 19:22:31"). */
function dateValues(values: Cell[], dateOrder: 'DMY' | 'MDY' | 'YMD'): boolean {
  const texts = written(values);
  const date = (t: string) => {
    const day = /^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t)?.[1];
    return day !== undefined && parseDate(day, dateOrder).ok;
  };
  const cells = values.filter((c) => !isBlank(c));
  return (
    cells.length > 0 && (cells.filter((c) => c instanceof Date).length + texts.filter(date).length) / cells.length > 0.6
  );
}

/** Whether some value has a digit; no values say nothing against it. */
function anyDigits(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length === 0 || texts.some((t) => /\p{N}/u.test(t));
}

/**
 * Whether most values are roles in a case as agencies write them ("Beschuldigter", "cietusī",
 * "PV"), two roles or more: a column of one role ("Detenido", "Investigado no detenido") says how
 * a suspect stands, not who is who.
 */
function roleValues(values: Cell[]): boolean {
  const texts = written(values);
  // A role is a word or a few ("persoană vătămată", "Investigado no detenido"); a note that
  // mentions a victim is a note.
  const found = texts
    .filter((t) => t.length <= 40 && t.split(/\s+/).length <= 3)
    .map((t) => roleOf(t))
    .filter((r) => r !== null);
  return texts.length >= 2 && found.length / texts.length > 0.6 && new Set(found).size >= 2;
}

/**
 * Whether two values or more are written and every one is a code (a number, or up to four capitals:
 * 33, "R", "PME") that is not a role word ("PV", "V"): a system's own list, which the import cannot read as roles.
 */
function codedNotRoles(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length >= 2 && texts.every((t) => /^[\p{Lu}\d]{1,4}$/u.test(t) && roleOf(t) === null);
}

// "Status", "Статус": a header word that names a state as often as a role.
const STATE_WORD = /(?:^| )(?:status|statut|статус)(?: |$)/u;

/** Whether two values or more are written and none is a role in a case. */
function noRoles(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length >= 2 && texts.every((t) => roleOf(t) === null);
}

// A header that begins with a word for an entry of a list or a graph: an entity (ent), a node, a group.
const LISTED_THING = /^(?:entity|entities|ent|node|group|entite|entidad|entita|entitate|entitat)(?: |$)/u;

/** A header's words, a system's column name cut into words ("ent_num" → ent number; "Entity_LogicalId" → entity logicalid). */
function keyText(header: string): string {
  return systemWords(header) ?? headerText(header);
}

// The end of a system's name for an age's code ("age_id") and the bounds of a range ("age_range_low_num").
const AGE_CODE_OR_BOUND = /(?: id$| (?:low|high|min|max|minimum|maximum|lower|upper)(?: |$))/u;

/** Whether every written value (one at least) is a latitude and a longitude: "(41.88, -87.63)". */
function coordinates(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length > 0 && texts.every((t) => /^\(?\s*-?\d{1,3}\.\d+\s*[,;]\s*-?\d{1,3}\.\d+\s*\)?$/.test(t));
}

/** Whether every written value (one at least) is a year alone: 2022. */
function yearsOnly(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length > 0 && texts.every((t) => /^(?:19|20)\d{2}$/.test(t));
}

// "FirstAddressLine", "Address line 1": the first line of a street address; "Address 2", "RESADDR2",
// "AddressLine2", "AdditionalAddressLine.1": a further line of it. Matched on the header's letters run together.
const FIRST_ADDRESS_LINE = /(?:firstaddressline|addressline1)$/u;
const FURTHER_ADDRESS_LINE =
  /(?:(?:address|addr|adresse|adres)(?:line)?[2-9]|(?:additional|second|other)addressline\d?)$/u;

/**
 * The lines of a street address: the first is the street ("FirstAddressLine"), and a further line
 * ("Address 2", "AddressLine2") of a party whose street a first line gives is the street's too (a
 * building, a flat, an estate), joined to it on import rather than read as a second address.
 */
function readAddressLines(columns: ColumnMapping[], reasons: Record<string, string>): void {
  const squashed = (header: string) => headerText(header).replace(/ /g, '');
  for (const c of columns) {
    if (c.field === 'address' && FIRST_ADDRESS_LINE.test(squashed(c.column))) {
      c.field = 'addressStreet';
      reasons[c.column] = `header "${c.column}" reads as the first line of a street address (addressStreet)`;
    }
  }
  for (const c of columns) {
    if (c.field !== 'address' || !FURTHER_ADDRESS_LINE.test(squashed(c.column))) continue;
    if (!columns.some((o) => o.entity === c.entity && o.field === 'addressStreet')) continue;
    c.field = 'addressStreet';
    reasons[c.column] =
      `header "${c.column}" reads as a further line of the street address beside its first (addressStreet)`;
  }
}

/** Whether every written value (one at least) is an LEI: 18 letters or digits and two check digits (ISO 17442, mod 97). */
function leiValues(values: Cell[]): boolean {
  const texts = written(values).map((t) => t.toUpperCase());
  const valid = (t: string) => {
    if (!/^[A-Z0-9]{18}\d{2}$/.test(t)) return false;
    let rest = 0;
    for (const ch of t) rest = (rest * (/\d/.test(ch) ? 10 : 100) + parseInt(ch, 36)) % 97;
    return rest === 1;
  };
  return texts.length > 0 && texts.every(valid);
}

// "Passport details", "Angaben zum Pass", "Détails du passeport": what is said about something, in words.
const DETAILS_WORDS = /(?:^| )(?:details?|particulars|angaben|details du|dettagli|detalles|detalhes|szczegoly)(?: |$)/u;

const SHARE_WORDS =
  /(?<![\p{L}\p{N}])(?:percent|percentage|prozent|anteil|pourcentage|porcentaje|percentuale|procent|procento)(?![\p{L}\p{N}])/gu;

// A code, a classification's code ("siccode", "naeringskode1") or a jurisdiction, in a header.
const CODE_WORDING = /(?:code|kode|kod|cd)\d*(?: |$)|(?:^| )jurisdiction(?: |$)/u;

/** Whether two values or more are written and every one is a number: codes of a system's own list. */
function numericCodes(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length >= 2 && texts.every((t) => /^\d{1,4}$/.test(t));
}

/** Whether most values hold a word in lower case of three letters or more ("BMW 530d schwarz"). */
function describedVehicles(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length > 0 && texts.filter((t) => /(?<!\p{L})\p{Ll}{3,}(?!\p{L})/u.test(t)).length / texts.length > 0.6;
}

/**
 * "Kfz-Kz." over "DO-AB 1234" and "Fahrzeug" over "BMW 530d schwarz": beside a column of plates, a
 * plate column whose values describe the vehicle (a make, a model, a colour) holds no plate.
 */
function readVehicleDescriptions(
  columns: ColumnMapping[],
  unmapped: string[],
  valuesOf: (header: string) => Cell[],
): void {
  const plates = columns.filter((c) => c.field === 'vehiclePlate');
  for (const c of plates) {
    if (!describedVehicles(valuesOf(c.column))) continue;
    if (plates.every((o) => o === c || describedVehicles(valuesOf(o.column)))) continue;
    columns.splice(columns.indexOf(c), 1);
    unmapped.push(c.column);
  }
}

/** Whether every value is a whole number (and there is one). */
function wholeNumbers(values: Cell[]): boolean {
  const texts = written(values);
  return texts.length > 0 && texts.every((t) => /^\d{1,6}$/.test(t));
}

/** Whether a header says only "number" ("N°", "Nr.", "#"), with nothing of what the number is of. */
function bareNumber(header: string): boolean {
  return without(FILLER, without(NUMBER_WORDS_SET, headerText(header))) === '';
}

/**
 * Whether a column is a running line number: a header that says so ("Lfd. Nr.", "Nr. crt.",
 * "Lp.") over whole numbers, or a bare "N°"/"Nr." over numbers counting up one by one.
 */
function runningNumber(header: string, values: Cell[]): boolean {
  const texts = values.filter((c) => !isBlank(c)).map((c) => cellText(c).trim());
  if (texts.length === 0 || !texts.every((t) => /^\d{1,6}$/.test(t))) return false;
  const text = systemWords(header) ?? headerText(header);
  // "Lfd. Nr.", and a party's own place in its incident ("offender_seq_num", "Victim sequence no.").
  let rest = without(RUNNING_NUMBER, text);
  if (rest !== text) for (const party of PARTY_WORDS) rest = without(party.pattern, rest);
  if (has(RUNNING_NUMBER, text) && without(FILLER, without(NUMBER_WORDS_SET, rest)) === '') return true;
  const numbers = texts.map(Number);
  return (
    bareNumber(header) && numbers.length >= 2 && numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1)
  );
}

/**
 * The last word of a party's phrase of two or more words ("Coach operator" → operator, "Labour
 * provider" → provider) and the phrase's initials ("Reporting party" → rp), which later headers
 * use alone for the same party ("Operator tel", "RP Phone").
 */
function partyHeads(party: PartyWord, header: string): string[] {
  party.pattern.lastIndex = 0;
  const found = party.pattern.exec(headerText(header));
  const tokens = found?.[0].split(' ') ?? [];
  const last = tokens.at(-1) ?? '';
  const heads = tokens.length >= 2 && /^\p{L}{4,}$/u.test(last) ? [last] : [];
  // "Reporting Party" then "RP Phone": the phrase's initials, where the header wrote it in words.
  const initials = tokens.map((t) => t.charAt(0)).join('');
  if (tokens.length >= 2 && tokens.length <= 3 && tokens.every((t) => /^\p{L}{2,}$/u.test(t))) heads.push(initials);
  return heads;
}

const ADDRESS_PARTS: readonly Field[] = [
  'address',
  'addressFlat',
  'addressStreet',
  'addressHouseNumber',
  'addressCity',
  'addressPostcode',
  'addressCountry',
];

/**
 * Places a row reports on that are nobody's home. A site's address ("Adresse chantier") followed by
 * more of its parts, or the address parts no party claims on a sheet of places ("Huisvesting"),
 * make a party with the role venue; a site given in one column is the record's location. An
 * address part with no party of its own that follows a party's address part ("CP", "Commune"
 * after "Adresse chantier") is that party's.
 */
function readPlaces(
  sheet: string | undefined,
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  reasons: Record<string, string>,
): void {
  const placeSheet = sheet !== undefined && has(PLACE_SHEET_WORDS, headerText(sheet));
  const unnamed = (c: ColumnMapping | undefined) =>
    c !== undefined && c.entity === 'subject' && ADDRESS_PARTS.includes(c.field) && !readHeader(c.column).party;
  columns.forEach((c, i) => {
    if (!unnamed(c)) return;
    const before = columns[i - 1];
    if (has(VENUE_WORDS, headerText(c.column))) {
      if (unnamed(columns[i + 1])) {
        c.entity = 'venue';
        reasons[c.column] = `${reasons[c.column] ?? ''}; a site's address, in parts: a party with the role venue`;
      } else {
        c.entity = 'record';
        c.field = 'location';
        reasons[c.column] = `header "${c.column}" names a site in one column: the record's location`;
      }
    } else if (placeSheet) {
      c.entity = 'venue';
      reasons[c.column] = `${reasons[c.column] ?? ''}; on a sheet of places: the place's address (role venue)`;
    } else if (
      before &&
      before.entity !== 'subject' &&
      before.entity !== 'record' &&
      ADDRESS_PARTS.includes(before.field)
    ) {
      c.entity = before.entity;
      reasons[c.column] = `${reasons[c.column] ?? ''}; part of the ${before.entity}'s address before it`;
    }
  });
  if (columns.some((c) => c.entity === 'venue')) entities.venue = { kind: 'organization', role: 'venue' };
}

/**
 * A town with no other part of an address and no word of living there ("Ville", "Località",
 * "Населено място", not "Wohnort") is where the reported event was: the record's location.
 */
function readLonePlace(columns: ColumnMapping[], reasons: Record<string, string>): void {
  if (columns.some((c) => c.field === 'location')) return;
  const parts = columns.filter((c) => c.entity !== 'record' && ADDRESS_PARTS.includes(c.field));
  const city = parts.find((c) => c.field === 'addressCity');
  if (!city) return;
  // An address's parts stand side by side: a street line further on ("Morada alojamento") leaves
  // the town alone.
  const at = columns.indexOf(city);
  const beside = (c: ColumnMapping) => Math.abs(columns.indexOf(c) - at) <= 1;
  if (parts.some((c) => c.entity === city.entity && c !== city && beside(c))) return;
  const text = headerText(city.column);
  if (has(RESIDENCE_WORDS, text) || readHeader(city.column).party) return;
  city.entity = 'record';
  city.field = 'location';
  reasons[city.column] = `header "${city.column}" names a town with no address around it: the record's location`;
}

/**
 * Two case references in one row ("URN" and "Op name / crime ref", "Meldungs-ID" and
 * "Aktenzeichen FIU"): the row's own reference stands first, the case it belongs to after it.
 */
function readReferences(
  columns: ColumnMapping[],
  ofParty: Set<string>,
  valuesOf: (header: string) => Cell[],
  reasons: Record<string, string>,
): void {
  // A number a party's words stand in ("Provider licence no.") is that party's, not the case's.
  const refs = columns.filter((c) => c.entity === 'record' && c.field === 'caseRef' && !ofParty.has(c.column));
  if (refs.length < 2 || columns.some((c) => c.field === 'recordRef')) return;
  // A case has several rows (its persons, its payments), so its reference repeats down the column;
  // a number of each row's own ("ZEMIS-Nr.", "Limosa-nr.") does not. When exactly one repeats, it is
  // the case's; otherwise the last one, as references are written from the row's to the case's.
  const repeating = refs.filter((c) => repeats(valuesOf(c.column)));
  const caseRef = repeating.length === 1 ? repeating[0] : refs[refs.length - 1];
  for (const c of refs) {
    if (c === caseRef) continue;
    c.field = 'recordRef';
    reasons[c.column] =
      repeating.length === 1
        ? `header "${c.column}" reads as a reference, one per row beside the case's "${caseRef?.column}", which repeats: the row's own (recordRef)`
        : `header "${c.column}" reads as a reference, before the case's: the row's own (recordRef)`;
  }
}

/** Whether some filled value stands twice in the column. */
function repeats(values: Cell[]): boolean {
  const seen = new Set<string>();
  for (const cell of values) {
    if (isBlank(cell)) continue;
    const text = cellText(cell).trim();
    if (seen.has(text)) return true;
    seen.add(text);
  }
  return false;
}

// The establishment a row reports on, as a party.
const VENUE: PartyWord = { entity: 'venue', role: 'venue', kind: 'organization', pattern: /(?!)/u };

/**
 * Whether a column names an establishment a row reports on: an establishment's word with a name
 * word ("Premises name", "Venue/Business Name", "Nom de l'établissement"), or the word alone over
 * values written like names, with no digit ("Establecimiento" over "Club Venus"; not "Premises" over
 * "Flat 3, 22 Queen St"). No party word may stand in it ("Premises owner" is a person).
 */
function siteName(header: string, values: Cell[]): boolean {
  const text = headerText(header);
  if (!has(ESTABLISHMENT_WORDS, text) || PARTY_WORDS.some((p) => has(p.pattern, text))) return false;
  const rest = without(FILLER, without(ORGANISATION_WORDS, without(ESTABLISHMENT_WORDS, text)));
  if (rest === '') {
    const texts = written(values);
    return texts.length > 0 && texts.every((t) => /\p{L}/u.test(t) && !/\p{N}/u.test(t));
  }
  return has(GENERIC_NAME, rest) && without(FILLER, without(GENERIC_NAME, rest)) === '';
}

/**
 * A first mapping from headers and values. A role word in a header makes a party of its own
 * ("Worker DOB", "Agent phone", "Beneficiary IBAN"); the rest of the header decides the field;
 * a header that says nothing is decided by its values.
 */
// One name word, in capitals ("KOWALSKI", "AL-KHALIL") or capitalised ("Ionela", "Ana-Maria").
const CAPITALS_WORD = /^\p{Lu}[\p{Lu}'’-]+$/u;
const CAPITALISED_WORDS = /^\p{Lu}\p{Ll}[\p{Ll}'’-]*(?:[ -]\p{Lu}\p{Ll}[\p{Ll}'’-]*)?$/u;

/**
 * In a file whose headers say nothing, two unread columns side by side, one of single words in
 * capitals and one of capitalised words ("POPESCU" | "Ion"), are a family name and given names: the
 * convention of police and border records in many countries. Both capitalised, or both in
 * capitals, they could be either way round, and stay with the analyst.
 */
function readNamePair(
  input: ProposalInput,
  columns: ColumnMapping[],
  entities: Record<string, { kind: 'person' | 'organization'; role: Role }>,
  unmapped: string[],
  reasons: Record<string, string>,
): void {
  const fits = (index: number, pattern: RegExp) => {
    const header = input.header[index];
    if (header === undefined || !unmapped.includes(header)) return false;
    // A column its header gave a field to and a rule then left out ("jurisdiction_description", the
    // wording of a code) is not a name the values could tell.
    const read = readHeader(header);
    if (read.field || read.excluded) return false;
    const texts = written(input.samples.map((row) => row[index] ?? null));
    // "NG", "G" (a plea), "M", "F": letters that stand for something are a code, not names.
    const words = texts.filter((t) => t.trim().length > 2);
    return (
      texts.length > 0 &&
      words.length / texts.length > 0.6 &&
      texts.filter((t) => pattern.test(t)).length / texts.length > 0.6
    );
  };
  const order = (header: string) => input.header.indexOf(header);
  for (let i = 0; i + 1 < input.header.length; i += 1) {
    const family =
      fits(i, CAPITALS_WORD) && fits(i + 1, CAPITALISED_WORDS)
        ? i
        : fits(i + 1, CAPITALS_WORD) && fits(i, CAPITALISED_WORDS)
          ? i + 1
          : -1;
    if (family < 0) continue;
    const given = family === i ? i + 1 : i;
    for (const [index, field] of [
      [family, 'familyName'],
      [given, 'givenName'],
    ] as const) {
      const header = input.header[index] as string;
      unmapped.splice(unmapped.indexOf(header), 1);
      columns.push({ column: header, entity: 'subject', field });
      reasons[header] =
        field === 'familyName'
          ? 'values are single words in capitals beside capitalised ones: a family name'
          : 'values are capitalised words beside a family name in capitals: given names';
    }
    entities.subject ??= { kind: 'person', role: 'subject' };
    i += 1;
  }
  columns.sort((a, b) => order(a.column) - order(b.column));
}

export function proposeProfile(input: ProposalInput): Proposal {
  const dateOrder = input.country === 'US' ? 'MDY' : 'DMY';
  const columns: ColumnMapping[] = [];
  const entities: Record<string, { kind: 'person' | 'organization'; role: Role }> = {};
  const unmapped: string[] = [];
  // Keyed by header text, which may be "__proto__": an object with no prototype keeps it as a key.
  const reasons = Object.create(null) as Record<string, string>;
  const bareNames: { column: ColumnMapping; header: string }[] = [];
  // Copies: a reading is changed below (its party), and readHeader keeps its readings.
  // "nomUniteLegale", "prenom1UniteLegale": a table's name closing most of its column names is read
  // off them, so that what is left ("nom", "prenom1") names the field.
  const ending = sharedKeyEnding(input.header);
  const readings = input.header.map((header) => {
    const bare = ending && header.trim().endsWith(ending) ? header.trim().slice(0, -ending.length) : header;
    return { ...readHeader(bare === '' ? header : bare) };
  });
  // A sheet named for a party ("Agents", "Víctimas", "Werknemers") gives its columns to that party.
  // Unless a role column of the sheet says another role on some rows ("Detenidos e investigados"
  // with "Condición": detenido, víctima): then the sheet's word is not every row's role, and the
  // persons are the file's, each with the role its row gives.
  // "Name 1" … "Name 6" (a consolidated sanctions list): one name written in numbered parts, in
  // the order names are written, the given names first and the family name last. Three parts or
  // more, so that "Name 1" and "Name 2" of two persons are not taken for one.
  const numberedNames = input.header.flatMap((header, index) => {
    const parts = /^(.*\S) ?(\d)$/u.exec(headerText(header));
    const word = parts?.[1] ?? '';
    if (!parts || !has(GENERIC_NAME, word) || without(FILLER, without(GENERIC_NAME, word)) !== '') return [];
    return readings[index]?.field ? [] : [{ index, part: Number(parts[2]) }];
  });
  if (new Set(numberedNames.map((n) => n.part)).size >= 3) {
    const lastPart = Math.max(...numberedNames.map((n) => n.part));
    for (const { index, part } of numberedNames) {
      const reading = readings[index];
      if (reading) reading.field = part === lastPart ? 'familyName' : 'givenName';
    }
  }
  const establishmentTable = ending !== null && has(ESTABLISHMENT_WORDS, headerText(ending));
  const sheetName = input.sheets?.length === 1 ? (input.sheets[0] ?? '') : null;
  // "NYPD_Arrests_Data_Historic", "Festnahmen": a sheet of arrests lists the persons arrested.
  const arrests =
    sheetName !== null && has(ARREST_SHEET_WORDS, systemWords(sheetName) ?? headerText(sheetName))
      ? (PARTY_WORDS.find((p) => p.entity === 'suspect') ?? null)
      : null;
  const sheetWord = sheetName !== null ? (readHeader(sheetName).party ?? arrests) : null;
  const otherRoles =
    sheetWord !== null &&
    readings.some(
      (r, index) =>
        r.field === 'role' &&
        !r.party &&
        written(input.samples.map((row) => row[index] ?? null)).some((t) => {
          const role = roleOf(t);
          return role !== null && role !== 'subject' && role !== sheetWord.role && STATUS_ROLES.includes(role);
        }),
    );
  const sheetParty = otherRoles ? null : sheetWord;
  // "Fahrer (Schleuser)" then "Fahrer Geb.-Datum": the driver's columns are the smuggler's.
  const sameAs = new Map<string, PartyWord>();
  const heads: { word: RegExp; party: PartyWord }[] = [];
  // Headers whose own words name a party, whatever field they are of.
  const ofParty = new Set<string>();
  const siteNames = new Set(
    input.header.filter((header, index) =>
      siteName(
        header,
        input.samples.map((row) => row[index] ?? null),
      ),
    ),
  );
  // A file of whose headers the vocabulary reads fewer than three in five is in a language it does
  // not know (a few words such as "IBAN" or "E-mail" are read in any): its values are what there is
  // to go by. Every development file read in full has at least half its headers read, most 70 %+.
  const fileReadings = input.fileHeaders ? input.fileHeaders.map((header) => readHeader(header)) : readings;
  const understood = fileReadings.filter((r) => r.field || r.party || r.excluded).length;
  const unreadFile = understood < 0.6 * fileReadings.length;
  for (const read of readings) {
    for (const other of read.alsoNamed ?? [])
      if (read.party && !sameAs.has(other.entity)) sameAs.set(other.entity, read.party);
  }
  input.header.forEach((header, index) => {
    if (/^column \d+$/.test(header)) return;
    const read = readings[index] ?? { ...readHeader(header) };
    const values = input.samples.map((row) => row[index] ?? null);
    // What the values look like, worked out once and only when a rule below asks.
    let looked: Field | null | undefined;
    const valuesLookLike = () =>
      looked === undefined ? (looked = fieldOfValues(values, dateOrder, input.country, unreadFile)) : looked;
    if (read.party && sameAs.has(read.party.entity) && !read.alsoNamed)
      read.party = sameAs.get(read.party.entity) ?? null;
    const text = headerText(header);
    if (!read.party) read.party = heads.find((h) => h.word.test(text))?.party ?? null;
    if (read.party) {
      for (const head of partyHeads(read.party, header))
        heads.push({ word: new RegExp(`(?<![\\p{L}\\p{N}])${head}(?![\\p{L}\\p{N}])`, 'u'), party: read.party });
    }
    if (read.party) ofParty.add(header);
    // "Driver passport" then "Tractor unit reg", "Schleuser Tel." then "Kfz-Kennzeichen": a vehicle
    // written right after a driver's or a suspect's own column is the one they drove (after a
    // victim's or an associate's, it says nothing).
    const previous = input.header[index - 1];
    const before = previous !== undefined && ofParty.has(previous) ? readings[index - 1]?.party : undefined;
    if (!read.party && read.field === 'vehiclePlate' && (before?.role === 'driver' || before?.role === 'suspect'))
      read.party = before;
    // "Nome do condutor" then "N.º carta de condução", "Matrícula": a driving licence written right after
    // a driver's own column is the driver's, and so is the vehicle after it.
    if (!read.party && read.documentType === 'driving-licence' && before?.role === 'driver') {
      read.party = before;
      ofParty.add(header);
    }
    // "Kontrollschild" then "Zulassungsland": the country a plate is registered in goes with the plate.
    const plateBefore = readings[index - 1];
    if (!read.party && read.field === 'vehicleCountry' && plateBefore?.field === 'vehiclePlate' && plateBefore.party)
      read.party = plateBefore.party;
    if (!read.party && sheetParty) read.party = sheetParty;
    // "codePostalEtablissement", "enseigne1Etablissement": a table named for establishments holds
    // establishments, as a sheet named for a party holds that party.
    // "siret" beside "…Etablissement", "siren" beside "…UniteLegale": in a table whose every column is
    // named for the one thing a row is, a register's number that names no party is that thing's own,
    // not a firm's beside it (the establishment's, or the legal unit's, a person or a firm).
    if (
      ending !== null &&
      read.field === 'documentNumber' &&
      read.organisation &&
      read.party?.entity === 'employer' &&
      !PARTY_WORDS.some((p) => has(p.pattern, text))
    ) {
      read.party = establishmentTable ? VENUE : null;
      read.organisation = establishmentTable;
    }
    if (!read.party && establishmentTable && !RECORD_LEVEL.includes(read.field as Field)) read.party = VENUE;
    // "Premises name", "Establecimiento" over "Club Venus", then "Premises address": the establishment
    // a row reports on, named, is a party of its own (role venue), and the address given for it is its.
    if (siteNames.has(header)) {
      Object.assign(read, { party: VENUE, organisation: true, field: 'fullName', excluded: false });
    } else if (
      siteNames.size > 0 &&
      !ofParty.has(header) &&
      has(ESTABLISHMENT_WORDS, text) &&
      (read.field === 'location' || ADDRESS_PARTS.includes(read.field as Field))
    ) {
      Object.assign(read, { party: VENUE, field: read.field === 'location' ? 'address' : read.field });
    }
    // "LEI" over "5493001KJTIIGC8Y1R12": Legal Entity Identifiers (ISO 17442, checked by their
    // digits), which only a firm has; "Salariu (lei)" over amounts is no such column.
    const lei = !read.field && !read.excluded && leiValues(values);
    if (lei) {
      read.field = 'documentNumber';
      read.documentType = 'other';
      read.organisation = true;
      read.party ??= PARTY_WORDS.find((p) => p.entity === 'employer') ?? null;
    }
    let field = read.field;
    let reason = lei
      ? "values are Legal Entity Identifiers: a firm's document (other)"
      : field
        ? `header "${header}" reads as ${field === 'name' ? 'a name' : field}`
        : '';
    // "Registration IP", "payer_ip", "IP-адрес" over 81.2.69.192: an internet address, which no
    // field holds, is neither a plate, a name nor a postal address.
    if (ipValues(values)) {
      unmapped.push(header);
      return;
    }
    // "Account Created (UTC)" over "2024-11-02 19:22:31", "Account Status" over "ACTIVE": a date, or
    // words without a digit, are no account's, card's or document's number.
    // (A sort code, "12-04-11", is written as a date may be.)
    // "Account boeker" over e-mails: the account is the booker's login, an e-mail.
    if (field && NUMBERED_FIELDS.includes(field) && valuesLookLike() === 'email') {
      field = 'email';
      reason = `header "${header}" reads as an account; values are e-mails`;
    }
    // "Tarjeta pago (titular)" over "Jhon Fredy Cárdenas": a card's or an account's column holding
    // names holds its holder's name.
    if (field && NUMBERED_FIELDS.includes(field) && read.party && !anyDigits(values) && nameValues(written(values))) {
      reason = `header "${header}" reads as ${field}; values are names: the holder's`;
      field = 'fullName';
    }
    // "Linked Acct (controller?)" over "@big_dre_6ix": a social-media account, its handle.
    if (field && NUMBERED_FIELDS.includes(field) && share(written(values), (t) => HANDLE.test(t.trim())) > 0.6) {
      field = 'handle';
      reason = `header "${header}" reads as an account; values are social-media handles`;
    }
    // (A bank's BIC, "CASPKZKA", may be written without a digit: under a header that names it, its
    // shape and country are enough.)
    const bics = field === 'routingNumber' && share(written(values), bicShape) > 0.6;
    if (
      field &&
      NUMBERED_FIELDS.includes(field) &&
      ((!anyDigits(values) && !bics) || (field !== 'sortCode' && dateValues(values, dateOrder)))
    ) {
      unmapped.push(header);
      return;
    }
    // "Renter Name", "Full Legal Name", "Gastname" over "Florin Adrian Dobre": a name whose other
    // words the vocabulary does not read is a person's or a firm's when its values are names.
    if (!field && !read.excluded && has(GENERIC_NAME, text) && nameValues(written(values))) {
      field = 'fullName';
      reason = `header "${header}" says a name; values are names`;
    }
    // "StA" over "RO", "SYR", "Bulgarien": the German short form of Staatsangehörigkeit, which is
    // also the prosecutor's (Staatsanwalt); over countries, the nationality.
    if (
      !field &&
      text === 'sta' &&
      written(values).length > 0 &&
      share(written(values), (t) => countryCode(t) !== null) > 0.8
    ) {
      field = 'nationality';
      reason = `header "${header}" is short for Staatsangehörigkeit; values are countries`;
    }
    // Over anything else ("StA Meier"), the prosecutor: staff, not a party.
    if (!field && text === 'sta') {
      unmapped.push(header);
      return;
    }
    // "Funktion", "Status" over "Opfer", "Beschuldigter", "Zeugin": a header of no field over
    // the words agencies write for a person's role in the case is the role column.
    if (!field && !read.excluded && !read.organisation && roleValues(values)) {
      field = 'role';
      reason = `values are roles in the case (${written(values).slice(0, 3).join(', ')})`;
    }
    // "Tip Narrative" over "Workers sleep on site, never leave": a note's word beside what reads as a
    // type (the Romanian "tip"), over sentences or longer texts (not split into words), is the note.
    if (
      !field &&
      has(TYPE_WORDS, text) &&
      FIELD_WORDS.some((r) => r.field === 'freeText' && has(r.pattern, without(TYPE_WORDS, text))) &&
      written(values).length > 0 &&
      share(written(values), (t) => t.length > 60 || sentence(t)) > 0.6
    ) {
      field = 'freeText';
      reason = `header "${header}" says a note; values are sentences`;
    }
    // "company_type" over "Business Company Limited by Shares", "Primary Type" over "THEFT": a kind
    // of something, whose values are not to be read as names (roles were read just above).
    if (!field && has(TYPE_WORDS, text)) {
      unmapped.push(header);
      return;
    }
    // "Caller type", "Ιδιότητα καλούντος": a reporter is a reporter on every row; the column says
    // what kind of caller, which is not imported.
    if (field === 'role' && read.party?.role === 'reporter') {
      unmapped.push(header);
      return;
    }
    // "Reisedokument: Reisepass": a document column whose values have no digit names the type.
    if (field === 'documentNumber' && documentTypeValues(values)) {
      field = 'documentType';
      reason = `header "${header}" reads as a document; values look like documentType`;
    }
    // "Aufenthaltstitel" over "EU-Bürger", "Niederlassungsbewilligung": no value has a digit, so the
    // column says which status or document a person has, not its number.
    if (field === 'documentNumber' && written(values).length >= 2 && !anyDigits(values)) {
      unmapped.push(header);
      return;
    }
    // "Alta en S.S.: Sí / No", "Registered with NI: Y", "NRM referral (Y/N)": whether a person has a
    // document or was referred, not a number or a reference.
    if ((field === 'documentNumber' || field === 'caseRef' || field === 'recordRef') && yesNoValues(values)) {
      unmapped.push(header);
      return;
    }
    // "Case Opened", "Initial On-Site Date" over "14/03/2025": a reference's or a place's word over
    // dates is a date of the row (which of the row's dates is the event's is decided later).
    if ((field === 'caseRef' || field === 'recordRef' || field === 'location') && dateValues(values, dateOrder)) {
      reason = `header "${header}" reads as ${field}; values are dates`;
      field = 'eventDate';
    }
    // "Victim Initials", "Slachtoffer(s) (initialen)" over "A.B.", "C. D.": initials name no one,
    // and two persons' alike would meet as namesakes.
    if (
      field === 'fullName' &&
      written(values).length >= 2 &&
      // (with their dots or spaces: "LI" or "NG" may be a whole family name)
      share(written(values), (t) => /^(?:\p{Lu}\.\s?){1,4}$|^\p{Lu}(?: \p{Lu}){1,3}$/u.test(t.trim())) > 0.6
    ) {
      unmapped.push(header);
      return;
    }
    // "Echt/Vals (ID-check)" over "echt", "vals (look-alike)": words, no row's reference.
    if (field === 'recordRef' && written(values).length >= 2 && !anyDigits(values)) {
      unmapped.push(header);
      return;
    }
    // "Nº Reg." over 1, 14, 137: a running number, which as a plate would link every file's row 137.
    if (field === 'vehiclePlate' && written(values).length >= 2 && written(values).every((t) => /^\d{1,4}$/.test(t))) {
      unmapped.push(header);
      return;
    }
    // "Номер на ползвателя", "Собеседник (номер/ID)" over "+359 88 712 3456", "0897 654 321": a
    // number named by a word for "number" alone, written as phones are, some in international form,
    // is a phone's.
    if (
      (field === 'caseRef' || field === 'recordRef') &&
      fieldOfValues(values, dateOrder, input.country) === 'phone' &&
      share(written(values), (t) => /^\+|^0/.test(t.trim())) > 0.6 &&
      // (a case's number may be written as "0815-24-123456"; none begins with "+")
      written(values).some((t) => t.trim().startsWith('+'))
    ) {
      field = 'phone';
      reason = `header "${header}" reads as a number; values are phone numbers`;
    }
    // "Nr rachunku (NRB)": an account number that is an IBAN of the file's country without its letters.
    const domestic = values.filter((c) => !isBlank(c)).map((c) => cellText(c));
    if (
      field === 'bankAccount' &&
      domestic.length > 0 &&
      domestic.filter((t) => domesticIban(t, input.country) !== null || normalizeIban(t).ok).length / domestic.length >
        0.6
    ) {
      field = 'iban';
      reason = `header "${header}" reads as bankAccount; values are IBANs (of ${input.country}, written without its letters)`;
    }
    if (field === 'bankAccount' && valuesLookLike() === 'iban') {
      field = 'iban';
      reason = `header "${header}" reads as bankAccount; values look like iban`;
    }
    if (read.excluded) {
      unmapped.push(header);
      return;
    }
    // "Nichtdeutsche Tatverdächtige - Anteil in %", "Ownership percentage": a share of something, a figure.
    if (header.includes('%') || has(SHARE_WORDS, text)) {
      unmapped.push(header);
      return;
    }
    // "ActivityPartyTypeCode" over 33, "Identification type" over 1, 6, "Company status" over
    // "Active": a system's codes or a firm's standing, none of them a role in a case or a kind of
    // document that an import could read.
    if (field === 'role' && codedNotRoles(values)) {
      unmapped.push(header);
      return;
    }
    // "Статус" over "Активно", "Заблокировано": the word gives a person's standing in a case in
    // one file and an ad's or an account's state in another; a role only where some value is one.
    if (field === 'role' && STATE_WORD.test(text) && noRoles(values)) {
      unmapped.push(header);
      return;
    }
    if (field === 'documentType' && numericCodes(values)) {
      unmapped.push(header);
      return;
    }
    // "OFFENDERID", "client_id", "victim_id": a case system's own number for a person, written as a
    // column name of the system, is not the row's reference (a join key is proposed from it where it fits).
    if ((field === 'recordRef' || field === 'caseRef') && systemWords(header) !== null && personIdOf(header)) {
      unmapped.push(header);
      return;
    }
    // "ent_num", "Entity_LogicalId", "node_id", "Group ID": a list's or a graph's own number for the
    // entity, node or group a row describes (a sanctions list, a leaks database), not a case's or a row's reference.
    if ((field === 'recordRef' || field === 'caseRef') && LISTED_THING.test(keyText(header))) {
      unmapped.push(header);
      return;
    }
    // "age_id" over 5, "age_range_low_num": a code for an age group, or a bound of a range, is nobody's age.
    if (field === 'birthDate' && AGE_CODE_OR_BOUND.test(keyText(header))) {
      unmapped.push(header);
      return;
    }
    // "codeCommuneEtablissement" over 75056, "kommunenummer" over 0301: a town written as its number
    // in a statistics office's list, which no address is keyed by.
    if (field === 'addressCity' && wholeNumbers(values)) {
      unmapped.push(header);
      return;
    }
    // "Location" over "(41.88, -87.63)": coordinates, which are not imported.
    if ((field === 'location' || field === 'address') && coordinates(values)) {
      unmapped.push(header);
      return;
    }
    // "data_year" over 2022: a year alone dates a statistic or an extract, not a row's event.
    if (field === 'eventDate' && yearsOnly(values)) {
      unmapped.push(header);
      return;
    }
    // "Provider licence no.", "Firm's register no.": a firm's own number, not the row's or the case's.
    if ((field === 'recordRef' || field === 'caseRef') && ofParty.has(header) && read.party?.kind === 'organization') {
      unmapped.push(header);
      return;
    }
    // "Lfd. Nr.", "Lp.", "N°" over 1, 2, 3: the export's line count, renumbered by every export.
    if ((field === 'recordRef' || field === 'caseRef') && runningNumber(header, values)) {
      unmapped.push(header);
      return;
    }
    // "naeringskode1.beskrivelse", "SICCode.SicText_1", "jurisdiction_description": the wording of a
    // code in a list (an industry, a jurisdiction), not a note about the row.
    if (field === 'freeText' && CODE_WORDING.test(headerText(header))) {
      unmapped.push(header);
      return;
    }
    // "Info", "Number": a header that says nothing of its own over phone numbers; "N° correspondant",
    // "Exploiter's number": a person's number, written as phones are, is the person's phone.
    const personsNumber = (field === 'recordRef' || field === 'caseRef') && read.party?.kind === 'person';
    if (
      (field === 'freeText' || (field === 'recordRef' && bareNumber(header)) || personsNumber) &&
      valuesLookLike() === 'phone'
    ) {
      reason = `header "${header}" reads as ${field}; values look like phone`;
      field = 'phone';
    }
    if (!field || (field === 'fullName' && read.party && !read.organisation)) {
      // A party alone ("Employer", "Contact") may still hold phones or e-mails: the values say.
      const byValues = valuesLookLike();
      if (byValues && (!field || ['phone', 'email', 'iban', 'crypto'].includes(byValues))) {
        field = byValues;
        reason = `values look like ${byValues}`;
      } else if (field === 'fullName' && internationalDigits(values, input.country)) {
        // "Other Party" over "447700900654": call data write numbers in full without the "+".
        field = 'phone';
        reason = `header "${header}" names a party; values are international phone numbers written without "+"`;
      }
    }
    // Values that can only be one thing overrule a header read as something else: "Indirizzo
    // e-mail" holding e-mails is no postal address, "Wallet address" holding BTC addresses no street.
    if (field && !STRONG_VALUES_FIT[field]) {
      const byValues = valuesLookLike();
      if (byValues === 'email' || byValues === 'iban' || byValues === 'crypto') {
        reason = `header "${header}" reads as ${field === 'name' ? 'a name' : field}; values are ${byValues}`;
        field = byValues;
      }
    }
    // "Pseudo" over "Bella Roumaine": names with spaces, no platform, "@" or link, are aliases.
    if (field === 'handle' && aliasValues(values)) {
      reason = `header "${header}" reads as handle; values look like names: alias`;
      field = 'alias';
    }
    // "Fahrzeug" over "VW Crafter weiß", "Plate State" over "CA": a plate has digits; a make, a
    // colour or a state has none.
    if (field === 'vehiclePlate' && !anyDigits(values)) {
      unmapped.push(header);
      return;
    }
    // "Mitfahrer" over 3, 8: a name column holding only whole numbers counts people, it names nobody;
    // "caractereEmployeurEtablissement" over O, N says whether, not who.
    if (field && NAME_OR_ALIAS.includes(field) && (wholeNumbers(values) || yesNoValues(values))) {
      unmapped.push(header);
      return;
    }
    // "etablissementSiege" over true, "nicSiegeUniteLegale" over 00012: whether a place is the head
    // office, or its number in a register, is no address.
    if (field === 'address' && (wholeNumbers(values) || yesNoValues(values))) {
      unmapped.push(header);
      return;
    }
    // "Passport Details" over "Russian passport, issued 2015": what is said about a document, in words.
    if ((field === 'documentNumber' || field === 'documentType') && has(DETAILS_WORDS, headerText(header))) {
      const texts = written(values);
      if (texts.length > 0 && texts.every((t) => /\p{L}{2,}\s+\p{L}{2,}/u.test(t))) {
        const column: ColumnMapping = { column: header, entity: 'record', field: 'freeText' };
        columns.push(column);
        reasons[header] = `header "${header}" says details of a document, values are words: a note`;
        return;
      }
    }
    if (field && NAME_OR_ALIAS.includes(field) && wholeNumbers(values)) {
      unmapped.push(header);
      return;
    }
    if (!field) {
      unmapped.push(header);
      return;
    }
    let entity = 'record';
    if (!RECORD_LEVEL.includes(field as Field)) {
      const party = read.party;
      entity = party?.entity ?? 'subject';
      const kind = party?.kind === 'organization' || read.organisation ? 'organization' : 'person';
      const existing = entities[entity];
      entities[entity] = {
        kind: existing?.kind === 'organization' ? 'organization' : kind,
        role: party?.role ?? 'subject',
      };
      if (party && party.entity !== 'subject') reason += `, of a separate ${party.entity} (role ${party.role})`;
      if (kind === 'organization' && (field === 'fullName' || field === 'name')) reason += '; an organisation';
    }
    const column: ColumnMapping = {
      column: header,
      entity,
      field: field === 'name' ? 'fullName' : field,
      ...(['phone', 'email', 'handle'].includes(field) ? { multiple: true } : {}),
      ...(read.documentType && field === 'documentNumber' ? { documentType: read.documentType } : {}),
    };
    if (field === 'name') bareNames.push({ column, header });
    columns.push(column);
    reasons[header] = reason;
  });
  readVehicleDescriptions(columns, unmapped, (header) =>
    input.samples.map((row) => row[input.header.indexOf(header)] ?? null),
  );
  if (unreadFile) readNamePair(input, columns, entities, unmapped, reasons);
  readPlaces(input.sheets?.length === 1 ? input.sheets[0] : undefined, columns, entities, reasons);
  adoptMainParty(columns, entities, reasons);
  readByNeighbours(columns, entities, reasons);
  readByFile(input.header, columns, entities, reasons);
  readLonePlace(columns, reasons);
  readAddressLines(columns, reasons);
  const valuesOf = (header: string) => {
    const index = input.header.indexOf(header);
    return input.samples.map((row) => row[index] ?? null);
  };
  readReferences(columns, ofParty, valuesOf, reasons);
  readFirmSubject(columns, entities, valuesOf, reasons);
  readOneEventDate(columns, unmapped, valuesOf, reasons);
  readMiddleOrFamily(input.header, columns, entities, unmapped, reasons);
  // Parties whose every column went to another are not proposed.
  for (const name of Object.keys(entities)) if (!columns.some((c) => c.entity === name)) delete entities[name];
  // "Rekrutuesi (emri)" over "Besnik D.": a word that is "name" as well as "first name", with no
  // family name of that party beside it and values of more than one word, holds the whole name.
  for (const column of columns) {
    if (column.field !== 'givenName') continue;
    const text = headerText(column.column);
    const given = spans(words('givenName'), text);
    const generic = spans(GENERIC_NAME, text);
    const either = given.length > 0 && given.every(([s, e]) => generic.some(([gs, ge]) => gs === s && ge === e));
    const family = columns.some(
      (c) => c.entity === column.entity && (c.field === 'familyName' || c.field === 'fullName'),
    );
    const values = written(valuesOf(column.column));
    const several = values.filter((t) => /\p{L}\s+\p{L}/u.test(t)).length;
    if (either && !family && values.length > 0 && several * 2 >= values.length) {
      column.field = 'fullName';
      reasons[column.column] = `header "${column.column}" says "name" with no family name beside it: the whole name`;
    }
  }
  // A bare "Nom" beside "Prénom" is the family name; "Nombre" beside "Apellidos" the given name;
  // alone, the whole name.
  for (const { column, header } of bareNames) {
    const others = columns.filter((c) => c.entity === column.entity && c !== column).map((c) => c.field);
    const hasFamily = others.includes('familyName');
    const hasGiven = others.includes('givenName');
    const field = hasGiven && !hasFamily ? 'familyName' : hasFamily && !hasGiven ? 'givenName' : 'fullName';
    column.field = field;
    reasons[header] = `header "${header}" reads as ${field}${
      FAMILY_OR_GIVEN.includes(field) ? ` (beside a ${field === 'familyName' ? 'given' : 'family'} name column)` : ''
    }${reasons[header]?.replace(/^header "[^"]*" reads as a name/, '') ?? ''}`;
  }
  const profile: Profile = {
    version: 1,
    agency: input.agency,
    name: `${input.agency} (proposed)`,
    ...(input.sheets ? { sheets: input.sheets } : {}),
    encoding: 'auto',
    delimiter: 'auto',
    country: input.country,
    dateOrder,
    grading: input.grading ?? DEFAULT_GRADING,
    entities,
    columns,
  };
  const personIds = input.header.flatMap((header, index) => {
    const party = personIdOf(header);
    if (!party) return [];
    const values = input.samples
      .map((row) => row[index] ?? null)
      .filter((c) => !isBlank(c))
      .slice(0, 50)
      .map((c) => cellText(c).trim().slice(0, 64));
    return [{ column: header, party: party.entity, values }];
  });
  return { profile, unmapped, reasons, ...(personIds.length > 0 ? { personIds } : {}) };
}

// Words that make a number an identifier: "Person ID", "Код особи", "Subject ref.".
const ID_WORDS =
  /(?<![\p{L}\p{N}])(?:id|ids|ident\p{L}*|code|cod|codul|kod|код|ref|reference|kennung|kennzeichen|identifier|identifiant|identificador|identificativo|identificatie)(?![\p{L}\p{N}])/gu;

/**
 * The party whose own id an agency gives in the column ("Person ID", "Subject no.", "ID persoana",
 * "Suspect ID", "Код особи"): a person's words and an id's, and nothing else — no document
 * ("Person ID card") and no case ("Person case no."). Null for any other header.
 */
export function personIdOf(header: string): PartyWord | null {
  const read = readHeader(header);
  if (read.party?.kind !== 'person' || read.documentType || read.organisation) return null;
  let rest = headerText(header);
  if (has(DOCUMENT_WORDS, rest) || DOCUMENT_TYPE_WORDS.some((r) => has(r.pattern, rest))) return null;
  for (const word of PARTY_WORDS) if (word.kind === 'person') rest = without(word.pattern, rest);
  const idWords = has(ID_WORDS, rest) || has(NUMBER_WORDS_SET, rest);
  if (!idWords || without(FILLER, without(ID_WORDS, without(NUMBER_WORDS_SET, rest))) !== '') return null;
  return read.party;
}

/**
 * Whether values can be ids an agency gives a person once: not a number counted within each case
 * ("Person No" 1, 2, 3 beside "Case Ref"), and not one placeholder ("0", "n/a") for everyone. No
 * values (a sheet read without rows) say nothing against it.
 */
function idValues(values: string[]): boolean {
  if (values.length === 0) return true;
  const counted = values.filter((v) => /^\d{1,3}$/.test(v)).length;
  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  return counted / values.length < 0.4 && (values.length < 3 || distinct > 1);
}

/** The sheet's person whose id the column is: the party the header names, or the sheet's main person. */
function personOfSheet(profile: Profile, party: string): string | null {
  const persons = Object.entries(profile.entities).filter(([, e]) => e.kind === 'person');
  if (persons.some(([name]) => name === party)) return party;
  const main = persons.find(([, e]) => !NOT_MAIN.includes(e.role));
  return main?.[0] ?? null;
}

/**
 * A join key for the persons of a workbook whose sheets each carry the agency's own person id
 * ("Person ID" on Persons and on Contacts; "Subject no." on one and "ID persoana" on another):
 * the id's header, or its headers when the sheets name it differently (each sheet holds one of
 * them, so the first filled one is that sheet's). Null unless two sheets or more carry one.
 */
function suggestJoinKey(
  sheets: { sheet: string; proposal: Proposal }[],
): { columns: string[]; entities: string[]; sheets: string[] } | null {
  const found: { header: string; entity: string; sheet: string }[] = [];
  for (const { sheet, proposal } of sheets) {
    for (const { column, party, values } of proposal.personIds ?? []) {
      const entity = personOfSheet(proposal.profile, party);
      if (entity && idValues(values)) {
        found.push({ header: column, entity, sheet });
        break;
      }
    }
  }
  if (new Set(found.map((f) => f.sheet)).size < 2) return null;
  const columns = [...new Set(found.map((f) => f.header))].slice(0, 8);
  return { columns, entities: [...new Set(found.map((f) => f.entity))], sheets: found.map((f) => f.sheet) };
}

/**
 * One profile from the proposals for each sheet of a workbook. Sheets where nothing was mapped
 * are left out of the profile's sheets; with more than one sheet left, every column says its
 * sheet, so that "Name" on a Workers sheet and "Name" on an Agents sheet stay apart.
 */
export function mergeSheetProposals(sheets: { sheet: string; proposal: Proposal }[]): Proposal {
  const used = sheets.filter((s) => s.proposal.profile.columns.length > 0);
  const first = used[0] ?? sheets[0];
  if (!first) throw new Error('no sheet to propose a profile for');
  if (used.length <= 1) {
    return { ...first.proposal, profile: { ...first.proposal.profile, sheets: [first.sheet] } };
  }
  const entities: Profile['entities'] = {};
  const columns: ColumnMapping[] = [];
  const unmapped: string[] = [];
  const reasons = Object.create(null) as Record<string, string>;
  for (const { sheet, proposal } of sheets) {
    for (const [name, entity] of Object.entries(proposal.profile.entities)) {
      const existing = entities[name];
      entities[name] = existing?.kind === 'organization' ? existing : entity;
    }
    for (const c of proposal.profile.columns) columns.push({ ...c, sheet });
    for (const header of proposal.unmapped) unmapped.push(`${sheet}: ${header}`);
    for (const [header, reason] of Object.entries(proposal.reasons)) reasons[header] ??= reason;
  }
  // The same person on several sheets, by the agency's own id: one person, joined on import.
  const join = suggestJoinKey(used);
  if (join) {
    for (const name of join.entities) {
      const entity = entities[name];
      if (entity?.kind !== 'person') continue;
      entities[name] = { ...entity, joinKey: join.columns.length === 1 ? (join.columns[0] as string) : join.columns };
    }
    for (const column of join.columns) {
      reasons[column] =
        `${reasons[column] ?? `header "${column}"`}; the agency's own person id on sheets ${join.sheets.map((s) => `"${s}"`).join(', ')}: proposed as the join key of ${join.entities.join(', ')}`;
    }
  }
  return {
    profile: { ...first.proposal.profile, sheets: used.map((s) => s.sheet), entities, columns },
    unmapped,
    reasons,
  };
}
