/**
 * Proposing a mapping profile from a file's header names (synonyms in the languages of the
 * agencies Caselink serves) and sample values. The analyst confirms or edits the proposal; it is
 * a starting point, never imported unseen.
 */
import { cellText, isBlank, parseDate, type Cell } from './cells';
import { fold } from './text';
import type { ColumnMapping, Field, Grading, Profile, Role } from './profile';
import { roleOf } from './rowMapper';

/** Header words for each field, folded (lower case, no diacritics). English, Romanian, Spanish, French, German, Italian, Portuguese. */
const SYNONYMS: [Field, RegExp][] = [
  [
    'caseRef',
    /\b(case|case ?(no|number|ref|reference|id)|crime ?ref|incident ?(no|ref)|dosar|nr ?dosar|expediente|caso|n ?diligencias|affaire|aktenzeichen|fall|fascicolo|processo|tip ?ref|referral ?ref|ref)\b/,
  ],
  [
    'recordRef',
    /\b(row ?id|record ?id|entry ?id|person ?(no|number|id)|line ?no|encounter ?id|visit ?id|tip ?(no|number|id|ref))\b/,
  ],
  [
    'eventDate',
    /\b(date|event ?date|incident ?date|visit ?date|encounter ?date|tip ?date|report(ed)? ?date|data|fecha|datum|date ?of ?(visit|encounter|report)|transaction ?date)\b/,
  ],
  [
    'freeText',
    /\b(description|details|notes?|narrative|summary|comments?|observa(tii|ciones)|descriere|descripcion|remarques|bemerkung|text|tip|information)\b/,
  ],
  ['location', /\b(location|place|site|venue|locul|lugar|ort|luogo)\b/],
  [
    'fullName',
    /\b(name|full ?name|nume complet|nombre completo|nom complet|holder|account ?holder|titular|worker|person)\b/,
  ],
  ['familyName', /\b(surname|last ?name|family ?name|nume|apellidos?|nom de famille|nachname|cognome|sobrenome)\b/],
  ['givenName', /\b(forenames?|first ?names?|given ?names?|prenume|nombre|prenom|vorname|nome)\b/],
  ['alias', /\b(alias|aka|nickname|porecla|apodo|surnom|spitzname)\b/],
  ['nameLatin', /\b(latin|transliterat\w*|translit)\b/],
  ['role', /\b(role|rol|funcion|calitate|status|type of person|capacity)\b/],
  [
    'birthDate',
    /\b(dob|d ?o ?b|birth|date of birth|born|data nasterii|nascut|fecha de nacimiento|f ?nac|nacimiento|geburtsdatum|naissance|data di nascita)\b/,
  ],
  [
    'nationality',
    /\b(nationality|citizenship|nationalitate|cetatenie|nacionalidad|nationalite|staatsangehorigkeit|nazionalita)\b/,
  ],
  ['gender', /\b(gender|sex|sexo|sexe|geschlecht|gen)\b/],
  ['addressPostcode', /\b(post ?code|postal ?code|zip|cod postal|codigo postal|c ?p|plz)\b/],
  ['addressCity', /\b(city|town|oras|localitate|ciudad|municipio|ville|stadt|citta)\b/],
  ['addressStreet', /\b(street|strada|calle|rue|strasse|via|rua)\b/],
  ['addressFlat', /\b(flat|apt|apartment|unit|apartament|piso|etage|wohnung)\b/],
  ['addressCountry', /\b(country|tara|pais|pays|land|paese)\b/],
  ['address', /\b(address|adresa|adresse|direccion|domicilio|domiciliu|indirizzo|endereco|accommodation|residence)\b/],
  [
    'phone',
    /\b(phone|mobile|tel|telephone|telefon|telefono|movil|numar|cell|contact ?no|whatsapp ?no|handy|portable)\b/,
  ],
  ['email', /\b(e ?mail|mail|correo|courriel)\b/],
  [
    'handle',
    /\b(handle|social|instagram|facebook|telegram|tiktok|snapchat|username|user ?name|profile|vk|cont social)\b/,
  ],
  ['iban', /\b(iban)\b/],
  ['sortCode', /\b(sort ?code)\b/],
  ['routingNumber', /\b(routing|aba)\b/],
  ['bankAccount', /\b(account ?(no|number)|acc ?no|bank ?account|cont bancar|cuenta)\b/],
  ['card', /\b(card|pan|card ?number|carte|tarjeta|card ?no)\b/],
  ['crypto', /\b(wallet|crypto|bitcoin|btc|eth|ethereum|usdt)\b/],
  ['paymentApp', /\b(revolut|paypal|wise|payment ?app|venmo|cash ?app|bizum)\b/],
  ['documentType', /\b(document ?type|doc ?type|id ?type|tip act|tipo de documento)\b/],
  ['documentCountry', /\b(issuing ?country|issued ?by|doc ?country|country of issue)\b/],
  [
    'documentNumber',
    /\b(passport|document|doc ?no|id ?(no|number|card)|national ?id|pasaport|carte de identitate|ci|dni|nie|pasaporte|ausweis)\b/,
  ],
  ['vehicleCountry', /\b(vehicle ?country|plate ?country|reg ?country)\b/],
  ['vehiclePlate', /\b(vehicle|plate|registration|reg ?no|vrm|numar de inmatriculare|matricula|kennzeichen|targa)\b/],
];

function headerWords(header: string): string {
  return fold(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The field a header names, or null. */
export function fieldOfHeader(header: string): Field | null {
  const words = headerWords(header);
  for (const [field, pattern] of SYNONYMS) if (pattern.test(words)) return field;
  return null;
}

/** The field sample values look like, for headers that say nothing. */
export function fieldOfValues(samples: Cell[]): Field | null {
  const texts = samples.filter((c) => !isBlank(c)).map((c) => cellText(c));
  if (texts.length === 0) return null;
  const share = (test: (t: string) => boolean) => texts.filter(test).length / texts.length;
  if (share((t) => /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}$/i.test(t)) > 0.6) return 'iban';
  if (share((t) => /@[a-z0-9-]+\.[a-z]/i.test(t)) > 0.6) return 'email';
  if (share((t) => /^(0x[0-9a-f]{40}|bc1[a-z0-9]{20,}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/i.test(t)) > 0.6)
    return 'crypto';
  if (share((t) => /^(\+|00)?[\d\s().-]{9,20}$/.test(t)) > 0.6) return 'phone';
  if (
    share((t) => parseDate(t, 'DMY').ok) > 0.6 ||
    samples.filter((c) => c instanceof Date).length / texts.length > 0.6
  )
    return 'eventDate';
  if (share((t) => t.length > 60) > 0.5) return 'freeText';
  return null;
}

const RECORD_LEVEL: readonly Field[] = ['caseRef', 'recordRef', 'eventDate', 'freeText', 'location'];

export interface Proposal {
  profile: Profile;
  /** Headers left unmapped, for the analyst to decide. */
  unmapped: string[];
  /** Why each column was mapped as it was ("header says DOB", "values look like phone numbers"). */
  reasons: Record<string, string>;
}

export interface ProposalInput {
  agency: string;
  country: string;
  header: string[];
  samples: Cell[][];
  sheets?: string[];
  grading?: Grading;
}

export const DEFAULT_GRADING: Grading = { system: '3x5x2', source: '2', information: 'B', handling: 'P' };

/** A first mapping from headers and values; roles come from words in the header ("Victim phone"). */
export function proposeProfile(input: ProposalInput): Proposal {
  const columns: ColumnMapping[] = [];
  const entities: Record<string, { kind: 'person' | 'organization'; role: Role }> = {};
  const unmapped: string[] = [];
  // Keyed by header text, which may be "__proto__": an object with no prototype keeps it as a key.
  const reasons = Object.create(null) as Record<string, string>;
  input.header.forEach((header, index) => {
    if (/^column \d+$/.test(header)) return;
    let field = fieldOfHeader(header);
    let reason = field ? `header "${header}" reads as ${field}` : '';
    if (!field) {
      field = fieldOfValues(input.samples.map((row) => row[index] ?? null));
      if (field) reason = `values look like ${field}`;
    }
    if (!field) {
      unmapped.push(header);
      return;
    }
    if (field === 'eventDate' && /birth|dob|nast|nac/i.test(headerWords(header))) {
      field = 'birthDate';
      reason = reason.replace(/eventDate$/, 'birthDate');
    }
    let entity = 'record';
    if (!RECORD_LEVEL.includes(field)) {
      const role =
        roleOf(headerWords(header)) ??
        (/employer|company|firm|agency|business|angajator|empresa/i.test(header) ? 'employer' : null);
      const isOrg = role === 'employer' || /company|firm|employer|business|empresa|societate/i.test(header);
      entity = role ?? 'subject';
      entities[entity] ??= { kind: isOrg ? 'organization' : 'person', role: role ?? 'subject' };
      if (isOrg && field === 'fullName') reason += '; an organisation';
    }
    columns.push({
      column: header,
      entity,
      field,
      ...(['phone', 'email', 'handle'].includes(field) ? { multiple: true } : {}),
    });
    reasons[header] = reason;
  });
  const profile: Profile = {
    version: 1,
    agency: input.agency,
    name: `${input.agency} (proposed)`,
    ...(input.sheets ? { sheets: input.sheets } : {}),
    encoding: 'auto',
    delimiter: 'auto',
    country: input.country,
    dateOrder: input.country === 'US' ? 'MDY' : 'DMY',
    grading: input.grading ?? DEFAULT_GRADING,
    entities,
    columns,
  };
  return { profile, unmapped, reasons };
}
