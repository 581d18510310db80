/**
 * Identifiers written in free text (notes, narratives, tips): e-mail addresses (also with "at"
 * and "dot" spelled out, where prose cannot be meant), IBANs, profile links, handles beside a
 * platform word, phones in WhatsApp links, and phone numbers written as phones. Free text is full
 * of numbers that are not phones — amounts, dates, document, case and order numbers — so a
 * number counts only when it is written as a phone: in international form, or next to a word
 * that says so ("tel", "WhatsApp", "telefonul", "móvil", "Handy", "тел"…), and valid for its region.
 *
 * Every scan is a hand-written pass over the text (plain substring search, character tests, a
 * bounded look at each candidate), so a cell of any length is read in time proportional to it.
 */
import { countrySpecs, isValidIBAN } from 'ibantools';
import {
  asciiLower,
  canonicalOf,
  EXTENSION_MARKERS,
  normalizeEmail,
  phoneWrittenInText,
  profileLinks,
  type Identifier,
  type ProfileLink,
} from './identifiers';
import { fold } from './text';

/** Words that say the number next to them is a phone, in the agencies' languages (folded). */
const PHONE_WORDS = folded(`
  // English
  tel tele telephone phone phones phoned phoning ph mob mobile mobiles cell cellphone landline sim
  call called calls calling callback rang ring text texted texts texting txt txted msg messaged sms
  reached reachable contactable hotline helpline helplines switchboard dial dialled dialed fax
  faxed contact contacts contacted whatsapp wa viber telegram tg signal zalo
  // Romanian
  telefon telefonul telefonului telefoane mobil mobilul sunat sunata suna sunati apel apelat
  apelata apelul fix contactat contactata
  // Albanian
  cel celular celulari telefoni telefonin kontaktua kontakto
  // Spanish
  telefono telefonos tlf tlfn tfno telf movil celular llamada llamadas llamo llamar llamaba fijo
  // French
  portable joignable joint jointe appel appele appelee appels fixe contacte contactee contactes
  // German
  telefonnummer handy handynummer mobilnummer rufnummer festnetz anruf anrufe anrufen angerufen
  erreichbar kontakt
  // Italian
  cellulare chiamato chiamata chiamate chiamare fisso risponde rispondeva raggiungibile reperibile
  contattato contattata contattare
  // Russian, Ukrainian
  тел телефон телефона телефону телефоном моб мобильный мобильного мобільний сотовый звонил
  звонила звонили звонок дзвонив дзвонила дзвінки дзвінок вайбер ватсап факс телефону мобильный
  мобільного мобілка звонить дзвонити позвонить позвони звоните зателефонуй зателефонував
  // Polish
  tel komorka kom komorkowy dzwon dzwonil dzwonila zadzwon dzwonic kontaktowy
  // Portuguese
  telemovel telemoveis telefone telefones contactada contactado contacto ligou ligar ligue ligacao
  // Dutch, and Belgian "GSM"
  telefoon mobiel mobieltje gebeld bellen belde bel gsm
  // Hungarian (phone words starting "telefon" are read by their stem)
  mobilszam hivta hivott hivas hivja hivjon hivhato
  // Lithuanian, Bulgarian
  telefonas skambino skambinti skambutis мобилен обаждане обади звънял звъня звъннете
  // Albanian, Vietnamese ("gọi": call)
  thirri thirr goi
  // Vietnamese ("số điện thoại", "SĐT", "điện thoại"; "số" alone is a number word)
  sđt đt thoai
`);

/**
 * "Number" in the agencies' languages: a phone word too ("number 07903 385090", "numărul
 * 0740 …"), unless the word before it says whose number it is ("case number", "passport number",
 * "crime number").
 */
const NUMBER_WORDS = folded(`
  number numbers num numar numarul numere numerele numerelor numero numeros numeri nummer nummern
  numer numery numeru numri numrin numrat numeris numerio numeriu szam szama szamon szamrol
  номер номера номеру номери номерів
`);

/** Words that, before "number", make it some other number. */
const NUMBER_OWNERS = folded(`
  crime employee staff payroll application registration serial ticket document card tax insurance
  security social visa vehicle file customer membership policy booking flight tracking contract
  personal national batch lot house flat room seat case incident log job vat company inmatriculare pass
  dosar dosarului expediente dossier pratica fascicolo procedimiento procedimento protocollo
  referinta identificare identidad identite identita afiliacion sprawy dowodu paszportu konta
  rachunku zamowienia faktury паспорта паспорту дела справи счета рахунку карты картки
`);

/**
 * Words that join "number" to the word saying whose it is, when that word follows: Romance
 * languages put the owner after ("número de expediente", "numéro de dossier", "numero di pratica").
 */
const OWNER_LINKS = folded('de di du del della dello des do da al ale a');

/**
 * Words that say the number is something else; one of them between a phone word and a number
 * ("phone and passport 533401234", "phone PIN 0741"), or right after a number ("1 250 000 lei"),
 * takes the number out.
 */
const NOT_PHONE_WORDS = folded(`
  passport pasaport pasaportul pasaporte passeport reisepass passaporto паспорт id cnp idnp dni
  nie nif case dosar dosarul ref reference referinta referencia invoice factura facture fattura
  rechnung order comanda pedido commande account cont contul cuenta compte konto conto iban imei
  serial pin puk code cod codigo ticket receipt chitanta recibo transaction tranzactie mtcn
  licence license permis vin plate reg social sociale securite seguridad inmatriculare
  // units and currencies, after a number
  lei ron eur euro euros gbp lire pounds usd dollars rub руб рублей грн гривень uah mdl pln zl chf
  kg km
`);

/** Words that may stand between two numbers of one list ("07400 100150 and 07400 100151"). */
const LIST_WORDS = folded(`
  and or sau si y o ou et und oder e и или або та
  // "then (at)": "contactée au 06 … puis au 07 …"
  then puis au apoi dann luego poi
`);

/**
 * Words that deny the phone word after them ("kein Telefon", "not a phone", "nu este telefon",
 * "no es teléfono", "sans téléphone"): such a phone word says the number beside it is no phone.
 */
const NEGATIONS = folded(`
  not no non never without nicht kein keine keinen keinem keiner ohne nu fara nici sin sans pas
  senza nie bez sem nem niet geen не ни нет ні без
`);

/**
 * Labels of other kinds of number, beyond NOT_PHONE_WORDS: the word right before a number that
 * says what it is ("Invoice no. 0170 1234567", "chitanța nr. 0721…", "Pedido nº 612…").
 */
const LABEL_WORDS = folded(`
  // invoices, bills, orders, receipts
  invoice invoices inv bill rechnung rechnungs facturii facturi faktura faktury factuur fatura
  szamla фактура bolletta order orders bestellung bestell bestelling auftrag auftrags ordine
  zamowienie zamowienia encomenda porosi поръчка заказ замовлення receipt ricevuta scontrino
  quittung beleg bonul kassenbon chitanta chitantei paragon quittance albaran квитанция
  квитанція чек voucher
  // references, cases, files, contracts
  refs referenz riferimento aktenzeichen localizador contract contrato contrat contratto vertrag
  umowa umowy kontrata sutartis договор договір caz cazul expediente affaire fall caso pratica
  sprawa sygn sygnatura byla дело справа zaak vorgang processo proces procedimento procedura
  procedure protocol protocollo protokoll verbale atestado diligencias
  // accounts, cards, payment codes
  acct acc conta rachunek rachunku rekening llogari llogaria saskaita сметка счет счёт рахунок
  card carte cardul cartao tarjeta karte kaart carta karta карта картка sort bic swift cvv otp
  loan
  // identity and other documents
  ausweis personalausweis pass passaporte passaporto paspoort paszport pasaporta buletin seria
  serie pesel nip regon bsn nino inn инн іпн рнокпп егн egn snils снилс cui nhs utr ni ssn
  siret siren fiscal codice kodas cmnd cccd dob cif nipt kvk iva taj adoazonosito szemelyi еик
  булстат огрн єдрпоу
  // bank codes and accounts
  rib blz kto ccc nib niss
  // amounts, sums, totals
  amount sum total suma kwota betrag montant importe importo quantia valoare bedrag osszeg shuma
  сумма сума
  // registers
  rgnr krs inregistrare contribuinte
  // tickets, parcels, bookings, serial numbers, vehicles
  ticket bilet transaccion transazione transakcja tracking awb waybill consignment shipment parcel
  booking rezervare reserva serial policy polita poliza iccid vrm
  // police and court references
  crime exhibit custody pnc incident
  // German compound stems written apart ("Kunden-Nr.", "Steuer-ID")
  kunden konto vorgangs akten steuer serien kassen
`);

/** Labels that name an account on a messaging app when one comes right before ("WhatsApp account 07…"). */
const ACCOUNT_WORDS = folded('account acct id cont contul cuenta compte konto conto profile profil perfil');
const MESSAGING_WORDS = folded('whatsapp wa viber telegram tg signal zalo');

/** Words that may stand between a label and its number ("Invoice no. …", "număr factură …", "numéro de facture …"). */
const NUMBER_ABBREVIATIONS = folded('no nr nro nb n num numb nos nrs');

/**
 * Stems of German, Dutch and Hungarian compounds in "-nummer" / "-nr" / "-szám" that are phones
 * ("Telefonnummer", "Handynr", "Notrufnummer", "mobilszám"); every other such compound
 * ("Rechnungsnummer", "Kundennr", "zaaknummer", "ügyszám") is a label of another kind.
 */
const PHONE_STEMS = folded('ruf handy mobil fax not notruf kontakt mobiel whatsapp tel');

/** Platform words before a handle, by platform. */
const PLATFORM_WORDS = new Map<string, string>(
  Object.entries({
    // With the case endings of the agencies' languages ("na Telegramie", "pe Instagramul", "на Фейсбуке").
    instagram:
      'ig insta instagram instagramie instagramu instagramul instagramon instagrame инстаграм инстаграме інстаграм інстаграмі',
    facebook: 'fb facebook facebooku facebookul facebookon facebooke фейсбук фейсбуке фейсбуку',
    telegram: 'tg telegram telegramie telegramu telegramul telegramon telegrame телеграм телеграмм телеграме телеграмі',
    tiktok: 'tiktok tiktoku tiktokul tiktokon tiktoke тикток',
    snapchat: 'sc snap snapchat snapchacie snapchatu snapchatul snapchaten snapchate',
    vk: 'vk vkontakte вк вконтакте',
    whatsapp: 'whatsapp wa whatsappie whatsappu whatsappul',
    signal: 'signal',
    x: 'twitter x',
    odnoklassniki: 'ok odnoklassniki одноклассники одноклассниках однокласники однокласниках',
  }).flatMap(([platform, words]) => [...folded(words)].map((word): [string, string] => [word, platform])),
);

/** Platform words whose case ending says "on" (Hungarian, Lithuanian), so they may follow a handle directly. */
const PLATFORM_LOCATIVES = folded(
  'instagramon instagrame facebookon facebooke telegramon telegrame tiktokon tiktoke snapchaten snapchate',
);

/**
 * Platform words that are also everyday words ("OK", "x"): they count only written in capitals,
 * and only before "@handle" (after fillers: "X account @…") or right before a colon ("OK: …").
 */
const AMBIGUOUS_PLATFORM_WORDS = new Set(['ok', 'x']);

/**
 * Words that join a handle to the platform named after it ("@ana.k said on IG", "@ion pe
 * Telegram", "@x su Instagram", "@x na Instagramie", "@x op TikTok", "@x no Instagram").
 */
const PLATFORM_AFTER = folded(`
  on in via through from pe prin en por sur par auf uber su per tramite na no em op w przez ne tren
  в на у через від от
`);

/** Words that may stand between a platform word and its handle ("Instagram account @x", "Instagram is x.y"). */
const HANDLE_FILLERS = folded(`
  account acct handle user username profile profil profilo perfil page id name nick nickname
  channel canal is on as at by from von par od cont contul cuenta compte konto аккаунт акаунт канал
  ник called named llamado llamada appele appelee genannt namens chiamato chiamata numit numita
  group grupo grupa groupe gruppo gruppe група группа bot chat kanal alias pseudo pseudonim apodo
`);

/** What may stand between a platform word and its handle besides words: "Telegram: @x", "IG – x.y", 'Instagram "x.y"'. */
const HANDLE_SEPARATORS = ' \t:-–—([/&+"\'“”„«»‘’';

/** "and" in the agencies' languages, between two platform words ("Instagram and TikTok: @x"). */
const AND_WORDS = folded('and si y et und i e и та');

/** A set of words written one after another, lines starting with "//" left out, each folded. */
function folded(list: string): Set<string> {
  const words = list.split('\n').filter((line) => !line.trim().startsWith('//'));
  return new Set(words.join(' ').split(/\s+/).filter(Boolean).map(fold));
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const LETTER = /[\p{L}\p{M}]/u;
const isLetter = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return isAsciiLetter(c) || (c > 127 && LETTER.test(text.charAt(i)));
};
const isAlnum = (text: string, i: number) => isDigit(text.charCodeAt(i)) || isLetter(text, i);
/** Marks a masked character: something already read (an e-mail, a link, an IBAN). */
const MASK = '\u0001';

/** What free text names: each identifier once, e-mails first, then phones, handles and IBANs. */
export function identifiersInText(input: string, country: string): { identifiers: Identifier[] } {
  const text = input.normalize('NFC');
  const masked = new Uint8Array(text.length);
  const mask = (start: number, end: number) => masked.fill(1, start, end);

  const written = emailsIn(text);
  for (const e of written) mask(e.start, e.end);
  const spelled = spelledEmailsIn(text, masked);
  for (const e of spelled) mask(e.start, e.end);
  const emails = [...written, ...spelled].sort((a, b) => a.start - b.start);
  const whatsapp = whatsappLinks(text, country);
  for (const w of whatsapp) mask(w.start, w.end);
  const links = profileLinks(text).filter((l) => masked[l.start] === 0);
  maskLinks(text, links, masked);
  const ibans = ibansIn(text, masked);
  for (const i of ibans) mask(i.start, i.end);

  // Positions stay those of the text: what was read is blanked out, not removed.
  const scan = blankOut(text, masked);
  const tokens = tokenize(scan);
  const phones = [...whatsapp, ...phonesIn(scan, tokens, country)].sort((a, b) => a.start - b.start);
  const handles = [
    ...handlesAfterWords(scan, tokens),
    ...handlesBeforeWords(scan, tokens),
    ...handlesBeforeBrackets(scan, tokens),
    ...links.map((l) => ({
      start: l.start,
      identifier: {
        kind: 'handle' as const,
        subkind: l.platform,
        key: l.handle,
        display: `${l.platform} @${l.handle}`,
      },
    })),
  ].sort((a, b) => a.start - b.start);

  const seen = new Set<string>();
  const identifiers: Identifier[] = [];
  for (const { identifier } of [...emails, ...phones, ...handles, ...ibans]) {
    const id = canonicalOf(identifier);
    if (seen.has(id)) continue;
    seen.add(id);
    identifiers.push(identifier);
  }
  return { identifiers };
}

interface Found {
  start: number;
  end: number;
  identifier: Identifier;
}

function blankOut(text: string, masked: Uint8Array): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && masked[i] === 1;
    const wasInside = i > 0 && masked[i - 1] === 1;
    if (inside && !wasInside) {
      parts.push(text.slice(from, i));
      from = i;
    } else if (!inside && wasInside) {
      parts.push(MASK.repeat(i - from));
      from = i;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

// ---------------------------------------------------------------- e-mails, links, IBANs

const isLocalChar = (c: number) =>
  isAsciiLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
const isDomainChar = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 46 || c === 45; // . -

/** Brackets an '@' may be written in: "ana.k[@]mail.ro", "ana.k (@) mail.ro". */
const AT_BRACKETS: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' };

/**
 * E-mail addresses: from each '@', the local part to its left and the domain to its right, each
 * bounded. The '@' may be bracketed ("ana.k[@]mail.ro"), or stand between spaces before a webmail
 * domain ("ana.k92 @ gmail.com"; not "IG @ ana", nor "meet @ the.bar").
 */
function emailsIn(text: string): Found[] {
  const found: Found[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let localEnd = at;
    let domainStart = at + 1;
    let spaced = false;
    const closer = AT_BRACKETS[text.charAt(at - 1)];
    if (closer !== undefined && text[at + 1] === closer) {
      localEnd = text[at - 2] === ' ' ? at - 2 : at - 1;
      domainStart = text[at + 2] === ' ' ? at + 3 : at + 2;
    } else if (text[at - 1] === ' ' && text[at + 1] === ' ') {
      localEnd = at - 1;
      domainStart = at + 2;
      spaced = true;
    }
    let start = localEnd;
    while (start > 0 && localEnd - start <= 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (localEnd - start > 64) continue;
    // "punë.italia@…": a local part with letters an address cannot hold is no address, and its
    // ASCII tail would be a different one.
    if (start > 0 && isLetter(text, start - 1)) continue;
    while (start < localEnd && text[start] === '.') start++;
    let end = domainStart;
    while (end < text.length && end - domainStart < 255 && isDomainChar(text.charCodeAt(end))) end++;
    if (end - domainStart >= 255) continue;
    while (end > domainStart && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === localEnd || end === domainStart) continue;
    // "ana@x.org@y" is no address; "IG @ana" has no local part and is read as a handle.
    if (text[end] === '@') continue;
    const local = text.slice(start, localEnd);
    const domain = text.slice(domainStart, end);
    if (spaced && !(WEBMAIL.has(domain.toLowerCase()) && /[._\-\d]/.test(local))) continue;
    const result = normalizeEmail(`${local}@${domain}`);
    if (result.ok && /\.[a-z]{2,24}$/i.test(domain.slice(-25))) {
      found.push({ start, end, identifier: result.values[0] as Identifier });
    }
  }
  return found;
}

/** Openings of WhatsApp's click-to-chat links, whose path is a phone number in international form. */
const WHATSAPP_LINKS = ['wa.me/', 'api.whatsapp.com/send?phone=', 'whatsapp.com/send?phone='];

/** Phones in WhatsApp links ("wa.me/447400100123"): the digits are the number without its "+". */
function whatsappLinks(text: string, country: string): Found[] {
  const lower = asciiLower(text);
  const found: Found[] = [];
  for (const opening of WHATSAPP_LINKS) {
    for (let at = lower.indexOf(opening); at >= 0; at = lower.indexOf(opening, at + 1)) {
      // "api.whatsapp.com/…" holds "whatsapp.com/…"; "xwa.me/" is another site.
      const before = lower.charAt(at - 1);
      if (at > 0 && (isAlnum(lower, at - 1) || before === '-' || (before === '.' && opening !== 'wa.me/'))) continue;
      let i = at + opening.length;
      if (text[i] === '+') i++;
      const from = i;
      while (i < text.length && i - from <= MAX_PHONE_DIGITS && isDigit(text.charCodeAt(i))) i++;
      if (i - from < MIN_PHONE_DIGITS || i - from > MAX_PHONE_DIGITS || (i < text.length && isAlnum(text, i))) continue;
      const phone = phoneWrittenInText(text.slice(from, i), true, country);
      if (phone) found.push({ start: at, end: i, identifier: phone });
    }
  }
  return found;
}

/**
 * Webmail domains: "ana.k92 at gmail.com" is an address even with no e-mail word before it (but
 * "logged in at gmail.com" is not: the local part must hold a dot, dash, underscore or digit).
 */
const WEBMAIL = new Set(
  `gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.es yahoo.it yahoo.de yahoo.ro
  hotmail.com hotmail.co.uk hotmail.fr hotmail.es hotmail.it outlook.com outlook.fr outlook.es
  live.com live.co.uk msn.com aol.com icloud.com me.com proton.me protonmail.com tutanota.com
  zoho.com mail.com gmx.com gmx.de gmx.net web.de t-online.de mail.ru bk.ru list.ru inbox.ru
  yandex.ru yandex.com yandex.ua rambler.ru ukr.net i.ua meta.ua wp.pl o2.pl onet.pl interia.pl
  op.pl libero.it virgilio.it tiscali.it orange.fr laposte.net free.fr sfr.fr wanadoo.fr abv.bg
  seznam.cz freemail.hu citromail.hu`.split(/\s+/),
);

/** Words that say an address follows: "email from recruiter: jobs at uk-harvest dot co dot uk". */
const EMAIL_WORDS = folded(`
  email emails emailed mail mails mailed correo courriel mejl poczta posta eposta почта пошта
  имейл емейл
`);

/** Words that, before a spelled-out "at", are no local part ("emailed him at …"). */
const NOT_LOCAL_PARTS = folded(`
  i me you he him she her it we us they them this that there here who whom someone
  email emails emailed mail mailed
`);

/** How many words may stand between an e-mail word and a spelled-out address. */
const WORDS_BEFORE_SPELLED_EMAIL = 5;

const isLabelChar = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 45; // -

/**
 * A spelled-out "at" starting at `a` in the lower-cased text: "[at]", "(at)", "{at}", "<at>"
 * (spaces allowed inside), or " at " between spaces. Where it starts and ends, and whether bracketed.
 */
function spelledAt(lower: string, text: string, a: number): { start: number; end: number; bracketed: boolean } | null {
  const closers: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' };
  const open = lower[a - 1] === ' ' ? a - 2 : a - 1;
  const close = lower[a + 2] === ' ' ? a + 3 : a + 2;
  const opener = lower.charAt(open);
  if (open >= 0 && closers[opener] !== undefined && lower[close] === closers[opener])
    return { start: open, end: close + 1, bracketed: true };
  // "at" in lower case, or "AT" as in "ana_k AT yahoo DOT com"; not "At".
  const word = text.slice(a, a + 2);
  if ((word === 'at' || word === 'AT') && lower[a - 1] === ' ' && lower[a + 2] === ' ')
    return { start: a, end: a + 2, bracketed: false };
  return null;
}

/** A dot written at `i`: ".", " dot ", "[dot]", " (dot) "… Where it ends, and whether spelled out. */
function spelledDot(lower: string, text: string, i: number): { end: number; spelled: boolean } | null {
  if (lower[i] === '.') return { end: i + 1, spelled: false };
  for (const [open, close] of [
    ['[', ']'],
    ['(', ')'],
    ['{', '}'],
  ] as const) {
    let j = i;
    if (lower[j] === ' ') j++;
    if (lower[j] !== open) continue;
    j++;
    if (lower[j] === ' ') j++;
    if (!lower.startsWith('dot', j)) continue;
    j += 3;
    if (lower[j] === ' ') j++;
    if (lower[j] !== close) continue;
    j++;
    if (lower[j] === ' ') j++;
    return { end: j, spelled: true };
  }
  if (text.startsWith(' dot ', i) || text.startsWith(' DOT ', i)) return { end: i + 5, spelled: true };
  return null;
}

/** A domain from `from`, its dots written or spelled out ("uk-harvest dot co dot uk", "mail.ru"). */
function spelledDomain(
  lower: string,
  text: string,
  from: number,
): { name: string; end: number; spelled: boolean } | null {
  let i = from;
  if (lower[i] === ' ') i++;
  const labels: string[] = [];
  let spelled = false;
  let end: number;
  for (;;) {
    const start = i;
    while (i < lower.length && i - start <= 63 && isLabelChar(lower.charCodeAt(i))) i++;
    if (i === start || i - start > 63 || i - from > 255) return null;
    labels.push(lower.slice(start, i));
    end = i;
    const dot = spelledDot(lower, text, i);
    if (!dot || !isLabelChar(lower.charCodeAt(dot.end))) break;
    spelled ||= dot.spelled;
    i = dot.end;
  }
  const tld = labels[labels.length - 1] as string;
  if (labels.length < 2 || !/^[a-z]{2,24}$/.test(tld) || labels.some((l) => l.startsWith('-') || l.endsWith('-')))
    return null;
  if (end < text.length && (isAlnum(text, end) || text[end] === '@')) return null;
  return { name: labels.join('.'), end, spelled };
}

/** Whether `at` opens the value after a colon or quote ("email: jobs at …"), not the middle of a sentence. */
function opensValue(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 3 && text[i - 1] === ' ') i--;
  return i > 0 && ':"“«\''.includes(text.charAt(i - 1));
}

/** An e-mail word among the few words before `at` on its line. */
function emailWordBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const words = before
    .slice(before.lastIndexOf('\n') + 1)
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);
  return words.slice(-WORDS_BEFORE_SPELLED_EMAIL).some((w) => EMAIL_WORDS.has(fold(w)));
}

/**
 * Addresses with "at" and "dot" spelled out, read only where that cannot be plain prose: a
 * bracketed "[at]", "(at)"; or " at " before a webmail domain ("praca.uk.2025 at gmail.com");
 * or " at " with " dot " spelled out, opening the value after an e-mail word and a colon
 * ("email from recruiter: jobs at uk-harvest dot co dot uk"; not "emailed the boss at acme dot com").
 */
function spelledEmailsIn(text: string, masked: Uint8Array): Found[] {
  const lower = asciiLower(text);
  const found: Found[] = [];
  let done = 0;
  for (let a = lower.indexOf('at'); a >= 0; a = lower.indexOf('at', a + 1)) {
    if (a < done || masked[a] === 1) continue;
    const marker = spelledAt(lower, text, a);
    if (!marker) continue;
    let localEnd = marker.start;
    if (text[localEnd - 1] === ' ') localEnd--;
    let start = localEnd;
    while (start > 0 && localEnd - start <= 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (localEnd - start > 64 || start === localEnd) continue;
    if (start > 0 && (isLetter(text, start - 1) || text[start - 1] === '@' || masked[start - 1] === 1)) continue;
    while (start < localEnd && text[start] === '.') start++;
    const local = text.slice(start, localEnd);
    if (local === '') continue;
    const domain = spelledDomain(lower, text, marker.end);
    if (!domain || domain.end - a > 300) continue;
    if (!marker.bracketed) {
      const webmail = WEBMAIL.has(domain.name) && /[._\-\d]/.test(local);
      const afterWord =
        domain.spelled && !NOT_LOCAL_PARTS.has(fold(local)) && opensValue(text, start) && emailWordBefore(text, start);
      if (!webmail && !afterWord) continue;
    }
    const result = normalizeEmail(`${local}@${domain.name}`);
    if (!result.ok) continue;
    found.push({ start, end: domain.end, identifier: result.values[0] as Identifier });
    done = domain.end;
  }
  return found;
}

/** Web links: their digits are not phones ("…?id=07700900123"); the profile links among them were read already. */
function maskLinks(text: string, links: ProfileLink[], masked: Uint8Array): void {
  const lower = asciiLower(text);
  for (const opening of ['http://', 'https://', 'www.']) {
    for (let at = lower.indexOf(opening); at >= 0; at = lower.indexOf(opening, at + 1)) {
      if (masked[at] === 1) continue;
      let end = at;
      while (end < text.length && !/[\s<>"]/.test(text.charAt(end))) end++;
      masked.fill(1, at, end);
      at = end - 1;
    }
  }
  // A bare profile link ("t.me/ionrec") ends at the first character a path cannot hold.
  for (const link of links) masked.fill(1, link.start, link.end);
}

/**
 * IBANs: two letters and two check digits at the start of a word, then exactly as many letters
 * and digits as the country's IBAN has (single spaces or dashes between groups), valid by
 * checksum. A lower-case country code counts only after the word "IBAN" on the same line.
 */
function ibansIn(text: string, masked: Uint8Array): Found[] {
  const found: Found[] = [];
  const specs = countrySpecs as Record<string, { chars?: number } | undefined>;
  for (let i = 0; i + 4 <= text.length; i++) {
    const a = text.charCodeAt(i);
    if (!isAsciiLetter(a) || masked[i] === 1) continue;
    if (i > 0 && isAlnum(text, i - 1)) continue;
    if (!isAsciiLetter(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3)))
      continue;
    const cc = text.slice(i, i + 2);
    const length = specs[cc.toUpperCase()]?.chars;
    if (!length) continue;
    if (cc !== cc.toUpperCase() && !ibanWordBefore(text, i)) continue;
    let j = i;
    let electronic = '';
    while (j < text.length && electronic.length < length) {
      if (isAlnum(text, j) && text.charCodeAt(j) < 128) {
        electronic += text[j];
        j++;
      } else if ((text[j] === ' ' || text[j] === '-') && j + 1 < text.length && isAlnum(text, j + 1)) j++;
      else break;
    }
    if (electronic.length !== length || (j < text.length && isAlnum(text, j))) continue;
    const iban = electronic.toUpperCase();
    if (!isValidIBAN(iban)) continue;
    const display = iban.replace(/(.{4})/g, '$1 ').trim();
    found.push({ start: i, end: j, identifier: { kind: 'account', subkind: 'iban', key: iban, display } });
    i = j - 1;
  }
  return found;
}

/** How far before a lower-case IBAN the word "IBAN" may stand ("IBAN (lower case in the e-mail): ro21 …"). */
const IBAN_WORD_BEFORE = 40;

/** The word "IBAN" on the same line, at most IBAN_WORD_BEFORE characters before `i`. */
function ibanWordBefore(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - IBAN_WORD_BEFORE), i);
  const line = before.slice(before.lastIndexOf('\n') + 1).toLowerCase();
  for (let at = line.indexOf('iban'); at >= 0; at = line.indexOf('iban', at + 1)) {
    const c = line.charCodeAt(at - 1);
    const d = line.charCodeAt(at + 4);
    if (!(at > 0 && isAsciiLetter(c)) && !isAsciiLetter(d)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- words and numbers

interface Token {
  kind: 'word' | 'digits';
  start: number;
  end: number;
  /** Words: folded (short words only; a long run of letters is no keyword). Digits: the digits. */
  text: string;
}

/** A word as the word lists hold it: folded, or only lower-cased when it is plain ASCII (most are). */
function keyword(word: string): string {
  return /^[a-z]*$/i.test(word) ? word.toLowerCase() : fold(word);
}

function tokenize(scan: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < scan.length) {
    const start = i;
    if (isDigit(scan.charCodeAt(i))) {
      while (i < scan.length && isDigit(scan.charCodeAt(i))) i++;
      tokens.push({ kind: 'digits', start, end: i, text: scan.slice(start, i) });
    } else if (isLetter(scan, i)) {
      while (i < scan.length && isLetter(scan, i)) i++;
      tokens.push({ kind: 'word', start, end: i, text: i - start <= 40 ? keyword(scan.slice(start, i)) : '' });
    } else i++;
  }
  return tokens;
}

// ---------------------------------------------------------------- handles

const isHandleChar = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 95 || c === 46; // _ .

/**
 * A handle after a platform word: "IG @lucky.jobs", "Telegram: @rooms_ldn", "Snapchat: dana_k92",
 * "Instagram is mira.travels". Without an '@', only what cannot be a word: a dot, an underscore
 * or a digit in it ("IG account unknown" names no handle), and not digits alone (a phone).
 */
function handlesAfterWords(scan: string, tokens: Token[]): { start: number; identifier: Identifier }[] {
  const found: { start: number; identifier: Identifier }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const word = tokens[k] as Token;
    const platform = word.kind === 'word' ? PLATFORM_WORDS.get(word.text) : undefined;
    if (!platform) continue;
    const ambiguous = AMBIGUOUS_PLATFORM_WORDS.has(word.text);
    if (ambiguous && scan.slice(word.start, word.end) !== word.text.toUpperCase()) continue;
    const colon = scan[word.end] === ':';
    let i = word.end;
    let next = k + 1;
    for (let fillers = 0; ;) {
      while (i < scan.length && HANDLE_SEPARATORS.includes(scan.charAt(i))) i++;
      const t = tokens[next];
      // "Instagram/TikTok: @x", "IG & Snap: x.y": one handle on both platforms.
      const filler =
        t !== undefined && (HANDLE_FILLERS.has(t.text) || PLATFORM_WORDS.has(t.text) || AND_WORDS.has(t.text));
      if (fillers < 3 && t && t.start === i && t.kind === 'word' && filler) {
        i = t.end;
        next++;
        fillers++;
      } else break;
    }
    const at = scan[i] === '@';
    if (ambiguous && !at && !colon) continue;
    if (at) i++;
    const from = i;
    while (i < scan.length && i - from <= 64 && isHandleChar(scan.charCodeAt(i))) i++;
    let to = i;
    while (to > from && scan[to - 1] === '.') to--;
    const handle = scan.slice(from, to);
    if (i - from > 64 || handle.length < 2) continue;
    if (i < scan.length && (isLetter(scan, i) || scan[i] === '@' || scan[i] === '/' || scan[i] === MASK)) continue;
    if (/^\d+$/.test(handle) || !/[a-z]/i.test(handle)) continue;
    if (!at && (handle.length < 3 || !/[._\d]/.test(handle))) continue;
    const key = handle.toLowerCase();
    found.push({
      start: word.start,
      identifier: { kind: 'handle', subkind: platform, key, display: `${platform} @${key}` },
    });
  }
  return found;
}

/**
 * An "@handle" with its platform named just after it: "@ana.k said on IG", "@ion_m pe Telegram".
 * At most two words may stand before "on", and no punctuation: "(No platform said for @x.)"
 * names none.
 */
function handlesBeforeWords(scan: string, tokens: Token[]): { start: number; identifier: Identifier }[] {
  const found: { start: number; identifier: Identifier }[] = [];
  let n = 0;
  for (let at = scan.indexOf('@'); at >= 0; at = scan.indexOf('@', at + 1)) {
    if (at > 0 && (isAlnum(scan, at - 1) || isHandleChar(scan.charCodeAt(at - 1)))) continue;
    let i = at + 1;
    while (i < scan.length && i - at <= 65 && isHandleChar(scan.charCodeAt(i))) i++;
    let to = i;
    while (to > at + 1 && scan[to - 1] === '.') to--;
    const handle = scan.slice(at + 1, to);
    if (i - at > 65 || handle.length < 2 || !/[a-z]/i.test(handle)) continue;
    if (i < scan.length && (isLetter(scan, i) || scan[i] === '@' || scan[i] === '/' || scan[i] === MASK)) continue;
    while (n < tokens.length && (tokens[n] as Token).start < to) n++;
    const platform = platformNamedAfter(scan, tokens, n, to);
    if (!platform) continue;
    const key = handle.toLowerCase();
    found.push({ start: at, identifier: { kind: 'handle', subkind: platform, key, display: `${platform} @${key}` } });
  }
  return found;
}

/**
 * A handle with its platform in brackets right after it: "@lena.k (Instagram)", "dana_k92
 * [Snapchat]", "jobs.ro (Telegram)". Without an '@', only what cannot be a word, as after a
 * platform word; "OK" and "X" only in capitals and after an "@handle".
 */
function handlesBeforeBrackets(scan: string, tokens: Token[]): { start: number; identifier: Identifier }[] {
  const found: { start: number; identifier: Identifier }[] = [];
  const spaced = (a: Token, b: Token) => /^[ \t]+$/.test(scan.slice(a.end, b.start));
  for (let k = 0; k < tokens.length; k++) {
    const word = tokens[k] as Token;
    const platform = word.kind === 'word' ? PLATFORM_WORDS.get(word.text) : undefined;
    if (!platform) continue;
    // "(on Telegram)", "(pe Instagram)"; "(Instagram account)", "(IG profile)".
    const join = tokens[k - 1];
    const first = join?.kind === 'word' && PLATFORM_AFTER.has(join.text) && spaced(join, word) ? join : word;
    const filler = tokens[k + 1];
    const last = filler?.kind === 'word' && HANDLE_FILLERS.has(filler.text) && spaced(word, filler) ? filler : word;
    let open = first.start - 1;
    while (open >= 0 && scan[open] === ' ') open--;
    let close = last.end;
    while (close < scan.length && scan[close] === ' ') close++;
    const pair = `${scan.charAt(open)}${scan.charAt(close)}`;
    if (pair !== '()' && pair !== '[]') continue;
    let to = open;
    while (to > 0 && scan[to - 1] === ' ') to--;
    let from = to;
    while (from > 0 && to - from <= 64 && isHandleChar(scan.charCodeAt(from - 1))) from--;
    while (to > from && scan[to - 1] === '.') to--;
    const handle = scan.slice(from, to);
    const at = scan[from - 1] === '@';
    const start = at ? from - 1 : from;
    if (to - from > 64 || handle.length < 2 || !/[a-z]/i.test(handle) || /^\d+$/.test(handle)) continue;
    if (start > 0 && (isAlnum(scan, start - 1) || isHandleChar(scan.charCodeAt(start - 1)) || scan[start - 1] === MASK))
      continue;
    if (!at && (handle.length < 3 || !/[._\d]/.test(handle))) continue;
    const written = scan.slice(word.start, word.end);
    if (AMBIGUOUS_PLATFORM_WORDS.has(word.text) && (!at || written !== written.toUpperCase())) continue;
    const key = handle.toLowerCase();
    found.push({ start, identifier: { kind: 'handle', subkind: platform, key, display: `${platform} @${key}` } });
  }
  return found;
}

/**
 * The platform in "… said on IG" from token `n` on, with only spaces and at most two words before
 * "on", or in a case ending right after the handle ("@x Instagramon").
 */
function platformNamedAfter(scan: string, tokens: Token[], n: number, from: number): string | undefined {
  let end = from;
  for (let m = n; m < tokens.length && m - n < 4; m++) {
    const t = tokens[m] as Token;
    if (t.kind !== 'word' || !/^[ \t]+$/.test(scan.slice(end, t.start))) return undefined;
    // "@x Instagramon", "@x Telegrame": the case ending says "on".
    if (m === n && PLATFORM_LOCATIVES.has(t.text)) return PLATFORM_WORDS.get(t.text);
    const next = tokens[m + 1];
    if (PLATFORM_AFTER.has(t.text) && next && next.kind === 'word' && /^[ \t]+$/.test(scan.slice(t.end, next.start))) {
      const platform = PLATFORM_WORDS.get(next.text);
      const written = scan.slice(next.start, next.end);
      if (platform && (!AMBIGUOUS_PLATFORM_WORDS.has(next.text) || written === written.toUpperCase())) return platform;
      return undefined;
    }
    if (m - n >= 2) return undefined;
    end = t.end;
  }
  return undefined;
}

// ---------------------------------------------------------------- phones

/** Longest run of digits read as one number: E.164's 15 digits with an international prefix ("00", "011"). */
const MAX_PHONE_DIGITS = 18;
const MIN_PHONE_DIGITS = 7;
/** How many words may stand between a phone word and its number ("Number on a note on the door: 07…"). */
const WORDS_BEFORE = 6;
const CHARS_BEFORE = 40;
const CHARS_AFTER = 25;

/** What may join the digit groups of one number: "0740 123 456", "020-7946-0018", "(0113) 496", "030/1234567". */
function joins(gap: string): boolean {
  if (gap === '/') return true;
  if (gap.length === 0 || gap.length > 3) return false;
  for (const ch of gap) if (!' \u00a0.-()'.includes(ch)) return false;
  return true;
}

/** Characters that, glued to a number, make it part of something else: a code, an amount, a path. */
function gluedAt(scan: string, i: number): boolean {
  if (i < 0 || i >= scan.length) return false;
  return isAlnum(scan, i) || '€£$₽₴¥%/@_#'.includes(scan.charAt(i));
}

/**
 * Whether the phone word at `word` speaks for the number at token `k`: at most WORDS_BEFORE words
 * (of two letters or more) and no number between, and no label of another kind ("phone and
 * passport 533401234").
 */
function phoneWordSpeaksFor(tokens: Token[], word: number, k: number): boolean {
  let words = 0;
  for (let n = word + 1; n < k; n++) {
    const t = tokens[n] as Token;
    if (t.kind === 'digits' || isLabel(tokens, n)) return false;
    if (t.text.length >= 2 || t.text === '') words++;
    if (words > WORDS_BEFORE) return false;
  }
  return true;
}

/**
 * Phones in the text: a number written as one (international, beside a phone word, or in a list
 * after a phone). A national number with no phone word is never read, however much it looks like
 * a mobile: "0170 1234567" is as often an invoice or a customer number. A label right before a number ("Invoice no.", "Rechnungsnummer")
 * or a denied phone word beside it ("kein Telefon") makes it no phone at all.
 */
function phonesIn(scan: string, tokens: Token[], country: string): Found[] {
  const found: Found[] = [];
  let phoneWord = -1; // index of the last phone word, or -1 when a number came after it
  let k = 0;
  while (k < tokens.length) {
    const token = tokens[k] as Token;
    if (token.kind === 'word') {
      if (phoneWordAt(scan, tokens, k) === 'phone') phoneWord = k;
      k++;
      continue;
    }
    // A chain of digit groups that may be one number, or several in a row.
    const chain: Token[] = [token];
    let m = k + 1;
    while (m < tokens.length) {
      const t = tokens[m] as Token;
      const last = chain[chain.length - 1] as Token;
      if (t.kind !== 'digits' || !joins(scan.slice(last.end, t.start))) break;
      chain.push(t);
      m++;
    }
    const after = phoneWordAfter(scan, tokens, m, (chain[chain.length - 1] as Token).end);
    if (after === 'denied' || labelRightBefore(scan, tokens, k, leadOf(scan, token).start)) {
      phoneWord = -1;
      k = m;
      continue;
    }
    const near = phoneWord >= 0 && token.start - (tokens[phoneWord] as Token).end <= CHARS_BEFORE;
    const wordBefore = near && phoneWordSpeaksFor(tokens, phoneWord, k);
    const wordAfter = after === 'phone';
    let previous = found.length > 0 ? (found[found.length - 1] as Found) : null;
    let start = 0;
    while (start < chain.length) {
      const continuing =
        previous !== null &&
        (listGap(scan, previous.end, (chain[start] as Token).start) ||
          contactListItem(scan, previous.end, (chain[start] as Token).start));
      const lead = leadOf(scan, chain[start] as Token);
      const international = lead.plus || (chain[start] as Token).text.startsWith('00');
      // A phone word speaks for the number it stands beside, not for a run of digits inside a longer one.
      const inContext = international || continuing || ((wordBefore || wordAfter) && start === 0);
      if (gluedAt(scan, lead.start - 1)) {
        start++;
        continue;
      }
      if (!inContext) {
        start++;
        continue;
      }
      const phone = longestPhone(scan, chain, start, lead.plus, country);
      if (phone) {
        found.push(phone.found);
        previous = phone.found;
        start = phone.next;
      } else start++;
    }
    phoneWord = -1;
    k = m;
  }
  return found;
}

/** How many number words ("no.", "nr", "number", "N°") may stand between a label and its number. */
const SKIPPED_BEFORE_NUMBER = 2;

/**
 * A label of another kind right before the number starting at `from` (token `k`): "Invoice
 * 0170…", "Invoice no. 0170…", "Pass-Nr. 0151…", "factura nr. 0721…", "Facture N° 06…",
 * "Rechnungsnummer 0170…". A phone word further back does not save it. A long word ending a
 * sentence ("…paid the invoice. 07911 …") is not a label of what follows.
 */
function labelRightBefore(scan: string, tokens: Token[], k: number, from: number): boolean {
  let end = from;
  for (let n = k - 1, skipped = 0; n >= 0 && skipped <= SKIPPED_BEFORE_NUMBER; n--) {
    const t = tokens[n] as Token;
    const gap = scan.slice(t.end, end);
    if (t.kind === 'digits' || gap.length > 6 || /[\n;,!?)\]]/.test(gap)) return false;
    if (isLabel(tokens, n)) return !(gap.includes('.') && t.text.length > 5 && compoundStem(t.text) === null);
    if (!NUMBER_ABBREVIATIONS.has(t.text) && !NUMBER_WORDS.has(t.text)) return false;
    end = t.start;
    skipped++;
  }
  return false;
}

/** Words that, before "number", say whose it is, but before a number itself may well name a phone's owner. */
const OWNERS_NOT_LABELS = folded('personal company staff employee customer job house flat room seat log national');

/**
 * Whether a word token labels a number of another kind: a word of NOT_PHONE_WORDS, LABEL_WORDS
 * or NUMBER_OWNERS, or a "-nummer" compound that is no phone ("Rechnungsnummer"); but not an
 * account word right after a messaging app ("WhatsApp account", "Viber ID").
 */
function isLabel(tokens: Token[], n: number): boolean {
  const t = tokens[n] as Token;
  if (t.kind !== 'word') return false;
  const text = t.text;
  const owner = NUMBER_OWNERS.has(text) && !OWNERS_NOT_LABELS.has(text);
  const stem = compoundStem(text);
  if (!NOT_PHONE_WORDS.has(text) && !LABEL_WORDS.has(text) && !owner && (stem === null || isPhoneStem(stem)))
    return false;
  if (!ACCOUNT_WORDS.has(text)) return true;
  const before = n > 0 ? (tokens[n - 1] as Token) : undefined;
  return !(before?.kind === 'word' && MESSAGING_WORDS.has(before.text));
}

/** Starts of words that are phone words in any of the languages ("telefonszámról", "telefoonnummer", "телефонувати"). */
const PHONE_PREFIXES = ['telefon', 'telefoon', 'telephon', 'телефон'];

/** The stem of a "-nummer" / "-nr" / "-szám" compound ("rechnungs" of "Rechnungsnummer"), or null. */
function compoundStem(text: string): string | null {
  for (const suffix of ['nummer', 'nummern', 'nr', 'szam']) {
    if (text.length >= suffix.length + 3 && text.endsWith(suffix)) return text.slice(0, -suffix.length);
  }
  return null;
}

function isPhoneStem(stem: string): boolean {
  const bare = stem.endsWith('s') ? stem.slice(0, -1) : stem;
  return [stem, bare].some(
    (s) => PHONE_STEMS.has(s) || PHONE_WORDS.has(s) || PHONE_PREFIXES.some((p) => s.startsWith(p)),
  );
}

/** Whether a folded word says "phone" by itself: listed, a "telefon…" word, or a phone compound ("Handynr"). */
function phoneWordText(text: string): boolean {
  if (PHONE_WORDS.has(text) || PHONE_PREFIXES.some((p) => text.startsWith(p))) return true;
  const stem = compoundStem(text);
  return stem !== null && isPhoneStem(stem);
}

/** How many words before a phone word may deny it ("not a phone", "non è un telefono"). */
const NEGATION_REACH = 3;

/**
 * The negation among the few words right before token `n`, joined to it by spaces only ("kein
 * Telefon", "not a phone", "nu este telefon"), or -1. "No." and "nº" abbreviate "number".
 */
function negationBefore(scan: string, tokens: Token[], n: number): number {
  for (let m = n - 1; m >= 0 && m >= n - NEGATION_REACH; m--) {
    const t = tokens[m] as Token;
    const gap = scan.slice(t.end, (tokens[m + 1] as Token).start);
    if (t.kind !== 'word' || gap.length > 3 || !/^[ \t\u00a0'’-]*$/.test(gap)) return -1;
    if (NEGATIONS.has(t.text) && (t.text !== 'no' || scan.slice(t.start, t.end).toLowerCase() === 'no')) return m;
  }
  return -1;
}

/** Words that may stand between a number and the denial after it ("0170 1234567 is not a phone"). */
const COPULAS = folded('is was este era es ist war est etait e это є jest to');

/**
 * Whether the words around "number" at `k` say whose number it is: the word just before ("case
 * number"), or the word just after, alone ("numer sprawy", "номер паспорта") or after "de", "di"…
 * ("número de expediente", "numéro de dossier", "numero di pratica").
 */
function ownedNumber(scan: string, tokens: Token[], k: number): boolean {
  const owner = (t: Token | undefined) =>
    t !== undefined && t.kind === 'word' && (NOT_PHONE_WORDS.has(t.text) || NUMBER_OWNERS.has(t.text));
  const spaced = (a: Token, b: Token) => /^[\s.]*$/.test(scan.slice(a.end, b.start)) && b.start - a.end <= 3;
  const word = tokens[k] as Token;
  const before = tokens[k - 1];
  if (before && owner(before) && scan.slice(before.end, word.start).trim() === '') return true;
  const after = tokens[k + 1];
  if (!after || after.kind !== 'word' || !spaced(word, after)) return false;
  if (owner(after)) return true;
  const afterLink = tokens[k + 2];
  return OWNER_LINKS.has(after.text) && afterLink !== undefined && spaced(after, afterLink) && owner(afterLink);
}

/**
 * Whether the word at `k` says a phone number follows or went before: a phone word, "number"
 * not owned by something else, Vietnamese "số" (which folds to an English word, so it is read
 * as written), and "out of hours"; 'denied' when a negation stands before it ("kein Telefon").
 */
function phoneWordAt(scan: string, tokens: Token[], k: number): 'phone' | 'denied' | null {
  const token = tokens[k] as Token;
  if (token.kind !== 'word') return null;
  let phone: boolean;
  if (phoneWordText(token.text)) phone = true;
  else if (NUMBER_WORDS.has(token.text) || scan.slice(token.start, token.end).toLowerCase() === 'số')
    phone = !ownedNumber(scan, tokens, k);
  else phone = token.text === 'hours' && tokens[k - 1]?.text === 'of' && tokens[k - 2]?.text === 'out';
  if (!phone) return null;
  return negationBefore(scan, tokens, k) >= 0 ? 'denied' : 'phone';
}

/** A "+" (or "(+") right before the first digits. */
function leadOf(scan: string, first: Token): { start: number; plus: boolean } {
  if (scan[first.start - 1] === '+') return { start: first.start - 1, plus: true };
  if (scan[first.start - 1] === '(' && scan[first.start - 2] === '+') return { start: first.start - 2, plus: true };
  if (scan[first.start - 1] === '(') return { start: first.start - 1, plus: false };
  return { start: first.start, plus: false };
}

/** Between two numbers of one list (on one line, or one per line): separators and "and", "or", "sau"… only. */
function listGap(scan: string, from: number, to: number): boolean {
  if (to - from > 12) return false;
  let word = '';
  for (let i = from; i <= to; i++) {
    if (i < to && isLetter(scan, i)) {
      word += scan.charAt(i);
      continue;
    }
    if (word !== '' && !LIST_WORDS.has(fold(word))) return false;
    word = '';
    if (i < to && !' \u00a0\t\r\n,;/|&+(-–—•*'.includes(scan.charAt(i))) return false;
  }
  return true;
}

/**
 * The next entry of a contact list after a phone: "Mama (+40 232 210 456), Boss (07956 300 112)":
 * a comma, one capitalised name that says nothing else ("Passport", "Case"), and the number in brackets.
 */
function contactListItem(scan: string, from: number, to: number): boolean {
  if (to - from > 30) return false;
  const item = /^\)?[ \t]*[,;][ \t]*(\p{Lu}[\p{L}\p{M}]{1,20})[ \t]*\($/u.exec(scan.slice(from, to));
  const name = item?.[1];
  return name !== undefined && !NOT_PHONE_WORDS.has(fold(name)) && !NUMBER_OWNERS.has(fold(name));
}

/**
 * A phone word just after a number: "089 1234567 erreichbar", "07911 123456 is his WhatsApp",
 * "(mob)"; 'denied' when it is denied ("0170 1234567 (kein Telefon!)").
 */
function phoneWordAfter(scan: string, tokens: Token[], next: number, end: number): 'phone' | 'denied' | null {
  for (let n = next, words = 0; n < tokens.length && words < 3; n++) {
    const t = tokens[n] as Token;
    if (t.kind === 'digits' || t.start - end > CHARS_AFTER || NOT_PHONE_WORDS.has(t.text)) return null;
    const kind = phoneWordAt(scan, tokens, n);
    // Denied only when the denial opens what follows the number: "(kein Telefon!)", "is not a
    // phone"; not "(3) Alcatel, no SIM", which speaks of something else.
    if (kind === 'denied') return deniesNumber(tokens, next, negationBefore(scan, tokens, n)) ? kind : null;
    if (kind === 'phone') return scan.slice(end, t.start).includes('.') ? null : kind;
    if (t.text.length >= 2) words++;
  }
  return null;
}

/** Whether only copulas stand between the number's end (token `next`) and the negation at `negation`. */
function deniesNumber(tokens: Token[], next: number, negation: number): boolean {
  for (let n = next; n < negation; n++) if (!COPULAS.has((tokens[n] as Token).text)) return false;
  return true;
}

/**
 * The longest run of groups from `start` that is a phone as written, with its extension if one
 * follows ("x14", "(ext 14)"). At most MAX_PHONE_DIGITS digits are tried, so each start costs a
 * bounded number of readings.
 */
function longestPhone(
  scan: string,
  chain: Token[],
  start: number,
  plus: boolean,
  country: string,
  /** Whether a "/" may follow the last group: one part of "07911 123456/07922 654321". */
  slashAfter = false,
): { found: Found; next: number } | null {
  const ends: { end: number; digits: string }[] = [];
  let digits = '';
  const international = plus || (chain[start] as Token).text.startsWith('00');
  for (let e = start; e < chain.length && e - start < 2 * MAX_PHONE_DIGITS; e++) {
    const group = chain[e] as Token;
    // "+44 (0)20 …": the trunk prefix in brackets is not dialled from abroad.
    const bracketedZero =
      international && e > start && group.text === '0' && scan[group.start - 1] === '(' && scan[group.end] === ')';
    if (!bracketedZero) digits += group.text;
    if (digits.length > MAX_PHONE_DIGITS) break;
    if (digits.length >= MIN_PHONE_DIGITS) ends.push({ end: e, digits });
  }
  for (let n = ends.length - 1; n >= 0; n--) {
    const { end, digits: written } = ends[n] as { end: number; digits: string };
    const last = chain[end] as Token;
    if (end === chain.length - 1 && gluedAt(scan, last.end) && !(slashAfter && scan[last.end] === '/')) continue;
    const after = wordAt(scan, last.end);
    if (after && NOT_PHONE_WORDS.has(after)) continue;
    const phone = phoneWrittenInText(written, plus, country);
    if (!phone) continue;
    const extension = extensionAt(scan, last.end);
    const lead = leadOf(scan, chain[start] as Token);
    return {
      found: {
        start: lead.start,
        end: extension?.end ?? last.end,
        identifier: extension ? { ...phone, extension: extension.digits } : phone,
      },
      next: end + 1,
    };
  }
  return null;
}

/** The word right after a position (spaces between), folded. */
function wordAt(scan: string, from: number): string | null {
  let i = from;
  while (i < scan.length && scan[i] === ' ') i++;
  const start = i;
  while (i < scan.length && i - start < 12 && isLetter(scan, i)) i++;
  return i > start ? fold(scan.slice(start, i)) : null;
}

/** An extension written after a number: " x14", " ext. 14", " (ext 14)", " #14", " extn 14". */
function extensionAt(scan: string, from: number): { digits: string; end: number } | null {
  let i = from;
  while (scan[i] === ' ') i++;
  const open = scan[i] === '(';
  if (open) i++;
  while (scan[i] === ' ') i++;
  const lower = scan.slice(i, i + 10).toLowerCase();
  const marker = EXTENSION_MARKERS.find((m) => lower.startsWith(m));
  if (!marker) return null;
  i += marker.length;
  if (marker !== '#' && i < scan.length && isLetter(scan, i)) return null;
  if (scan[i] === '.') i++;
  while (scan[i] === ' ' || scan[i] === ':') i++;
  const start = i;
  while (i < scan.length && i - start < 7 && isDigit(scan.charCodeAt(i))) i++;
  const digits = scan.slice(start, i);
  if (digits.length === 0 || digits.length > 6) return null;
  if (open && scan[i] === ')') i++;
  return { digits, end: i };
}
