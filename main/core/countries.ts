/**
 * Countries and nationalities as agencies write them — "RO", "ROU", "Romania", "România",
 * "Republica Moldova", "Marea Britanie", "Viet Nam", "bulgară", "українка", "polka" — to
 * ISO 3166-1 alpha-2. Country names come from i18n-iso-countries and nationality adjectives
 * from i18n-nationality, both in the agencies' languages; the inflected forms (feminine,
 * plural) and the languages i18n-nationality lacks are this module's own compact table.
 * A value that is none of these is null: a caller treats it as missing, never as a country.
 */
// The package's core without its Node entry, which would load every language it has.
import countries from 'i18n-iso-countries/index.js';
import bgNames from 'i18n-iso-countries/langs/bg.json';
import deNames from 'i18n-iso-countries/langs/de.json';
import enNames from 'i18n-iso-countries/langs/en.json';
import esNames from 'i18n-iso-countries/langs/es.json';
import frNames from 'i18n-iso-countries/langs/fr.json';
import itNames from 'i18n-iso-countries/langs/it.json';
import nlNames from 'i18n-iso-countries/langs/nl.json';
import plNames from 'i18n-iso-countries/langs/pl.json';
import ptNames from 'i18n-iso-countries/langs/pt.json';
import roNames from 'i18n-iso-countries/langs/ro.json';
import ruNames from 'i18n-iso-countries/langs/ru.json';
import ukNames from 'i18n-iso-countries/langs/uk.json';
import deNationalities from 'i18n-nationality/langs/de.json';
import enNationalities from 'i18n-nationality/langs/en.json';
import esNationalities from 'i18n-nationality/langs/es.json';
import frNationalities from 'i18n-nationality/langs/fr.json';
import itNationalities from 'i18n-nationality/langs/it.json';
import nlNationalities from 'i18n-nationality/langs/nl.json';
import { fold } from './text';

const NAME_LOCALES = [
  enNames,
  roNames,
  deNames,
  frNames,
  itNames,
  esNames,
  ptNames,
  bgNames,
  ukNames,
  ruNames,
  plNames,
  nlNames,
];
for (const locale of NAME_LOCALES) countries.registerLocale(locale);

/**
 * The lookup form of a word or phrase in any script: case and diacritics folded, apostrophes
 * dropped ("В'єтнам"), every other non-letter a single space.
 */
function lookupKey(text: string): string {
  // Letter ranges of the scripts the names are in (Latin, Greek, Cyrillic), spelled out: a
  // negated \p{L} class is several times slower, and addresses are keyed by the million.
  return fold(text)
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z\u00df-\u024f\u0370-\u03ff\u0400-\u052f]+/g, ' ')
    .trim();
}

/**
 * Common ways of writing a country that the name lists leave out: parts of the United Kingdom
 * (an agency writes "England" for British), older or official forms ("Viet Nam"), and each
 * language's everyday name where the list holds only the official one ("Marea Britanie").
 */
const COMMON_NAMES: Record<string, string[]> = {
  GB: [
    'UK',
    'U K',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'Marea Britanie',
    'Anglia',
    'Regatul Unit al Marii Britanii',
    'Gran Bretaña',
    'Grande-Bretagne',
    'Gran Bretagna',
    'Grã-Bretanha',
    'Inglaterra',
    'Angleterre',
    'Inghilterra',
    'England',
    'Groot-Brittannië',
    'Engeland',
    'Anglia',
    'Великобритания',
    'Англия',
    'Англія',
    'Обединено кралство',
  ],
  MD: ['Moldova', 'Moldavia', 'Moldau', 'Republica Moldova', 'Молдавия', 'Молдова', 'Moldávia'],
  VN: ['Viet Nam', 'Vietnam', 'Vietname'],
  US: ['USA', 'U S A', 'United States', 'America', 'SUA', 'Statele Unite', 'EE UU', 'EEUU', 'США'],
  NL: ['Holland', 'Olanda', 'Hollande', 'Holanda'],
  RU: ['Russia', 'Rusia', 'Россия', 'Росія', 'Русия'],
  CZ: ['Czech Republic', 'Cehia', 'Republica Cehă', 'Tschechien'],
  MK: ['Macedonia', 'Macedonia de Nord'],
  XK: ['Kosovo', 'Kosova', 'Косово'],
};

/** Openings that make a country's official name ("Republic of Moldova", "Republica Moldova"). */
const OFFICIAL_OPENING =
  /^(?:the )?(?:(?:republic|kingdom|federation|state|principality|socialist republic) of (?:the )?|republica (?:socialista )?|republique (?:de |du |d )?|republik |repubblica (?:di |del )?|republica de |republiek |rzeczpospolita |republika |республика |республіка |република )/;

/**
 * Nationality words the published list lacks: the languages it does not carry (Romanian,
 * Portuguese, Polish, Bulgarian, Ukrainian, Russian) and the nouns and inflected forms of the
 * rest, for the countries whose nationals the agencies' files name most. Written with their
 * diacritics; they are folded like the value looked up.
 */
const OWN_DEMONYMS: Record<string, string> = {
  RO: `român română români române româncă românce romanian romanians rumano rumana
    romeno romena romenos romenas rumun rumunka rumuni rumunki rumuński rumuńska
    румънец румънка румънци румънски румънска румун румунка румуни румунський румунська
    румын румынка румыны румынский румынская Rumäne Rumänin Rumänen`,
  MD: `moldovean moldoveană moldoveni moldovene moldoveancă moldovence moldav moldavă moldoveneasca
    moldavo moldava moldavos moldavas moldovan moldovans moldavian Mołdawianin Mołdawianka Mołdawianie mołdawski mołdawska
    молдовец молдовка молдовци молдовски молдовска молдованин молдованка молдовани молдовський молдовська
    молдаванин молдаванка молдаване молдавский молдавская Moldauer Moldauerin`,
  UA: `ucrainean ucraineană ucraineni ucrainene ucraineancă ucrainence
    ucraniano ucraniana ucranianos ucranianas Ukrainiec Ukrainka Ukraińcy ukraiński ukraińska
    украинец украинка украинци украински украинска українець українка українці український українська
    украинцы украинский украинская Ukrainer Ukrainerin ukrainians`,
  BG: `bulgar bulgară bulgari bulgare bulgăroaică bulgăroaice búlgaro búlgara búlgaros búlgaras
    Bułgar Bułgarka Bułgarzy bułgarski bułgarska българин българка българи български българска
    болгарин болгарка болгари болгарський болгарська болгары болгарский болгарская Bulgare Bulgarin bulgarians`,
  AL: `albanez albaneză albanezi albaneze albanes albanesa albaneses albanesas albanês
    Albańczyk Albanka Albańczycy albański albańska албанец албанка албанци албански албанска
    албанець албанка албанці албанський албанська албанцы албанский албанская Albaner Albanerin albanians`,
  VN: `vietnamez vietnameză vietnamezi vietnameze vietnamita vietnamitas Wietnamczyk Wietnamka wietnamski
    wietnamska виетнамец виетнамка виетнамци виетнамски вʼєтнамець вʼєтнамка вʼєтнамський
    вьетнамец вьетнамка вьетнамцы вьетнамский Vietnamese Vietnamesin`,
  GB: `britanic britanică britanici britanice englez engleză englezi englezoaică scoțian galez
    britânico britânica britânicos inglês inglesa Brytyjczyk Brytyjka Brytyjczycy brytyjski brytyjska Anglik Angielka
    британец британка британци британски британска англичанин англичанка британський британська
    британцы британский британская Brite Britin Engländer Engländerin British English Scottish Welsh scots`,
  PL: `polonez poloneză polonezi poloneze polonês polonesa polaco polaca polacos Polak Polka Polacy polski
    поляк полякиня поляци полски полска полька поляки польський польська польский польская Pole Polin`,
  RU: `rus rusă ruși ruse russo russa russos rosyjski rosyjska Rosjanin Rosjanka руснак рускиня руснаци руски
    руска росіянин росіянка російський російська русский русская россиянин россиянка Russe Russin`,
  DE: `german germană germani germane alemão alemã alemães Niemiec Niemka Niemcy niemiecki niemiecka
    германец германка германски германска німець німкеня німецький німецька немец немка немецкий немецкая
    Deutscher Deutsche`,
  ES: `spaniol spaniolă spanioli spaniole espanhol espanhola Hiszpan Hiszpanka hiszpański hiszpańska
    испанец испанка испански іспанець іспанка іспанський испанский Spanier Spanierin`,
  IT: `italian italiană italieni italiene italiano italiana Włoch Włoszka włoski włoska италианец италианка
    италиански італієць італійка італійський итальянец итальянка итальянский Italiener Italienerin`,
  FR: `francez franceză francezi franceze francês francesa Francuz Francuzka francuski francuska французин
    французойка френски француз француженка французький французский Franzose Französin`,
  PT: `portughez portugheză portughezi português portuguesa Portugalczyk Portugalka portugalski португалец
    португалка португалски португалець португальський португалец португальский Portugiese Portugiesin`,
  NL: `olandez olandeză olandezi neerlandez holandês holandesa Holender Holenderka holenderski холандец холандка
    нідерландець голландець голландка голландец нидерландский голландский Niederländer Niederländerin Holländer Dutch`,
  GR: `grecque grecques grec greacă greci grego grega Grek Greczynka grecki грък гъркиня грек гречанка грецький греческий Grieche Griechin`,
  TR: `turque turques turc turcă turci turco turca Turek Turczynka turecki турчин туркиня турок турецький турецкий Türke Türkin`,
  HU: `maghiar maghiară maghiari ungur unguroaică húngaro húngara Węgier Węgierka węgierski унгарец угорець венгр Ungar Ungarin`,
  RS: `sârb sârbă sârbi sérvio sérvia Serb Serbka serbski сърбин сърбкиня серб сербка Serbe Serbin`,
  CZ: `ceh cehă cehi checo checa tcheco Czech Czeszka czeski чех чехкиня чешка Tscheche Tschechin`,
  SK: `Slovak Slovaks slovac slovacă slovaci eslovaco Słowak Słowaczka słowacki словак словачка Slowake Slowakin`,
  LT: `lituanian lituaniană lituano Litwin Litwinka litewski литовец литовка литовець Litauer Litauerin`,
  LV: `leton letonă letonian letão Łotysz Łotyszka łotewski латвиец латвійка латыш латышка Lette Lettin`,
  BY: `belarus belarusă bielorus bielorusă bielorrusso Białorusin Białorusinka białoruski беларус беларуска білорус білоруска белорус белоруска Belarusse Weißrusse`,
  NG: `nigerian nigeriană nigerieni nigeriano nigeriana Nigeryjczyk Nigeryjka нигериец нігерієць Nigerianer Nigerianerin`,
  ER: `eritreean eritreeană eritreu eritreia Erytrejczyk еритреец ерітреєць эритреец Eritreer Eritreerin`,
  SD: `sudanez sudaneză sudanês sudanesa Sudańczyk суданец суданець Sudanese Sudanesin`,
  AF: `afgan afgană afgani afegão afegã Afgańczyk Afganka афганистанец афганец афганець Afghane Afghanin`,
  IR: `iranian iraniană iraniano Irańczyk Iranka иранец іранець Iraner Iranerin`,
  IQ: `irakian irakiană iraquiano Irakijczyk иракчанин іракець Iraker Irakerin`,
  SY: `sirian siriană sírio síria Syryjczyk Syryjka сириец сирієць Syrer Syrerin`,
  CN: `chinez chineză chinezi chinês chinesa Chińczyk Chinka китаец китайка китаєць Chinese Chinesin`,
  IN: `indian indiană indieni indiano indiana индиец индийка індієць Inder Inderin`,
  PK: `pakistanez pakistaneză paquistanês Pakistańczyk пакистанец пакистанець Pakistaner Pakistanerin`,
  PH: `filipinez filipineză filipino filipina Filipińczyk филипинец філіппінець Philippiner Philippinerin`,
  EG: `egiptean egipteană egípcio Egipcjanin египтянин єгиптянин Ägypter Ägypterin`,
  MA: `marocan marocană marroquino Marokańczyk мароканец марокканец марокканець Marokkaner Marokkanerin`,
  BR: `brazilian braziliană brasileiro brasileira Brazylijczyk бразилец бразилець Brasilianer Brasilianerin`,
  US: `american americană americani americano americana estadunidense Amerykanin Amerykanka американец американка
    американець американка Amerikaner Amerikanerin`,
  GE: `georgian georgiană georgiano Gruzin Gruzinka грузинец грузин грузинка Georgier Georgierin`,
  IE: `irlandez irlandeză irlandês Irlandczyk ирландец ірландець Ire Irin Irish`,
};

/**
 * The inflected forms of a nationality adjective as i18n-nationality gives it (the masculine
 * singular): the feminine and plural that agencies write just as often ("bulgara", "Bulgarische").
 */
function inflections(word: string, language: string): string[] {
  const w = fold(word);
  const forms = [w];
  const stem = (n: number) => w.slice(0, w.length - n);
  switch (language) {
    case 'en':
      forms.push(`${w}s`);
      break;
    case 'de':
      if (w.endsWith('isch')) forms.push(`${w}e`, `${w}er`, `${w}es`, `${w}en`);
      break;
    case 'fr':
      if (w.endsWith('en')) forms.push(`${w}ne`, `${w}s`, `${w}nes`);
      else if (w.endsWith('e')) forms.push(`${w}s`);
      else if (w.endsWith('s')) forms.push(`${w}e`, `${w}es`);
      else forms.push(`${w}e`, `${w}s`, `${w}es`);
      break;
    case 'it':
      if (w.endsWith('o')) forms.push(`${stem(1)}a`, `${stem(1)}i`, `${stem(1)}e`);
      else if (w.endsWith('e')) forms.push(`${stem(1)}i`);
      break;
    case 'es':
      if (w.endsWith('o')) forms.push(`${stem(1)}a`, `${stem(1)}os`, `${stem(1)}as`);
      else if (w.endsWith('a')) forms.push(`${w}s`);
      else forms.push(`${w}a`, `${w}es`, `${w}as`);
      break;
    case 'nl':
      if (w.endsWith('s') || w.endsWith('isch')) forms.push(`${w}e`);
      else forms.push(`${w}s`, `${w}se`);
      break;
    default:
      break;
  }
  return forms;
}

const NATIONALITY_LISTS: [string, { nationalities: Record<string, string> }][] = [
  ['en', enNationalities],
  ['de', deNationalities],
  ['fr', frNationalities],
  ['it', itNationalities],
  ['es', esNationalities],
  ['nl', nlNationalities],
];

/** Lookup keys of countries' names ("Romania", "Rumänien", "Republic of Moldova"), not nationalities. */
const COUNTRY_NAMES = new Set<string>();

/** Words a country or nationality is written with, by lookup key; built once. */
const BY_NAME: Map<string, string> = (() => {
  const found = new Map<string, string>();
  // The first reading wins: a country's own names, then the common forms, then nationalities,
  // so that a word that is also another country's nationality form keeps its country meaning.
  const put = (text: string, code: string) => {
    const key = lookupKey(text);
    if (key && !found.has(key)) found.set(key, code);
  };
  for (const locale of NAME_LOCALES) {
    for (const [code, names] of Object.entries(countries.getNames(locale.locale, { select: 'all' }))) {
      for (const name of names) {
        put(name, code);
        // "Moldova, Republic of" is written "Republic of Moldova" too.
        const comma = name.match(/^(.+), (.+)$/);
        if (comma) put(`${comma[2]} ${comma[1]}`, code);
      }
    }
  }
  for (const [code, names] of Object.entries(COMMON_NAMES)) for (const name of names) put(name, code);
  for (const key of found.keys()) COUNTRY_NAMES.add(key);
  for (const [code, words] of Object.entries(OWN_DEMONYMS)) {
    for (const word of words.split(/\s+/)) put(word, code);
  }
  for (const [language, list] of NATIONALITY_LISTS)
    for (const [code, word] of Object.entries(list.nationalities))
      for (const form of inflections(word, language)) put(form, code);
  return found;
})();

/** Words around a nationality that do not change it: "cetățean român", "British citizen". */
const CITIZEN_WORDS = new Set(
  `citizen national cetatean cetateana ciudadano ciudadana citoyen citoyenne cittadino cittadina
  staatsangehoriger staatsangehorige burger obywatel obywatelka cidadao cidada гражданин гражданка
  громадянин громадянка гражданство громадянство`
    .split(/\s+/)
    .map(lookupKey),
);

/** A country or nationality as written, as a lookup key without the words around it, or null. */
function bareKey(text: string | null | undefined): string | null {
  // Nothing a person writes for a country is longer; a longer cell is some other text.
  if (!text || text.length > 80) return null;
  const key = lookupKey(text);
  if (!key) return null;
  return key
    .split(' ')
    .filter((w) => !CITIZEN_WORDS.has(w))
    .join(' ');
}

/** The alpha-2 code of a country or nationality as written, or null when it is not one. */
export function countryCode(text: string | null | undefined): string | null {
  const bare = bareKey(text);
  if (bare === null) return null;
  if (/^[a-z]{2}$/.test(bare)) {
    const upper = bare.toUpperCase();
    return upper === 'UK' ? 'GB' : countries.isValid(upper) ? upper : null;
  }
  if (/^[a-z]{3}$/.test(bare)) {
    const code = countries.alpha3ToAlpha2(bare.toUpperCase());
    if (code) return code;
  }
  return BY_NAME.get(bare) ?? BY_NAME.get(bare.replace(OFFICIAL_OPENING, '')) ?? null;
}

/**
 * Whether a text names a country ("Saudi Arabia", "Rumänien"), rather than a nationality
 * ("Romanian", "rumänisch", "bulgară") or a code: a column of countries' names may say where a
 * person lives, works or went as well as their nationality.
 */
export function isCountryName(text: string): boolean {
  const bare = bareKey(text);
  return bare !== null && (COUNTRY_NAMES.has(bare) || COUNTRY_NAMES.has(bare.replace(OFFICIAL_OPENING, '')));
}

/** Words of a text's end looked at for a country's name; none has more. */
const MAX_COUNTRY_WORDS = 4;

const TRAILING_PUNCTUATION = /[\s.,;:)]/;
const WORD_BREAK = /[\s,;:()\d]/;

/** A country written at the end of a text (an address's last words), with where it starts. */
export function trailingCountry(text: string): { code: string; at: number } | null {
  // Only at the very end: "Str. Bulgaria 5" is a street, "…, Bulgaria" a country.
  // Scanned back from the end, one character at a time: a pattern anchored at the end ("…+$")
  // would be tried from every position of a long cell, quadratic in its length.
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.test(text[end - 1] as string)) end--;
  const body = text.slice(0, end);
  let start = end;
  while (start > 0 && !WORD_BREAK.test(body[start - 1] as string)) start--;
  if (start === end || !LAST_WORDS.has(lookupKey(body.slice(start)))) return null;
  // The last few words, longest run first: "…, Marea Britanie", "… Spain".
  const words = [...body.slice(Math.max(0, body.length - 80)).matchAll(/[^\s,;:()\d]+/g)].slice(-MAX_COUNTRY_WORDS);
  const offset = Math.max(0, body.length - 80);
  for (let take = words.length; take >= 1; take--) {
    const run = words.slice(words.length - take);
    const first = run[0] as RegExpMatchArray;
    // The run must be the text's own words, not words across a comma or a number.
    const from = offset + (first.index ?? 0);
    if (/[,;:()\d]/.test(body.slice(from))) continue;
    const key = lookupKey(body.slice(from));
    // A two-letter word at an address's end is too often something else ("Leeds LS", "bl A2").
    if (key.length <= 2 && key !== 'uk') continue;
    const code = key === 'uk' ? 'GB' : COUNTRY_NAME_KEYS.has(key) ? (BY_NAME.get(key) ?? null) : null;
    if (code) return { code, at: from };
  }
  return null;
}

/** Whether a lookup key is a country's name (not only a nationality word). */
const COUNTRY_NAME_KEYS: Set<string> = (() => {
  const keys = new Set<string>(['uk']);
  for (const locale of NAME_LOCALES)
    for (const names of Object.values(countries.getNames(locale.locale, { select: 'all' })))
      for (const name of names) {
        keys.add(lookupKey(name));
        const comma = name.match(/^(.+), (.+)$/);
        if (comma) keys.add(lookupKey(`${comma[2]} ${comma[1]}`));
      }
  for (const names of Object.values(COMMON_NAMES)) for (const name of names) keys.add(lookupKey(name));
  return keys;
})();

/** The last word of every country's name, to pass over most addresses at one look-up. */
const LAST_WORDS: Set<string> = new Set([...COUNTRY_NAME_KEYS].map((k) => k.slice(k.lastIndexOf(' ') + 1)));
