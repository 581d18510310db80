/**
 * Spreadsheet cells as the readers hand them over, and the reading of dates from them.
 */
import { fold } from './text';

/** A cell: text, a number, a boolean, a date (from a date-formatted cell), or empty. */
export type Cell = string | number | boolean | Date | null;

/** The text of a cell as a person would read it. Whole numbers keep no decimal point. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  ian: 1,
  ianuarie: 1,
  ene: 1,
  enero: 1,
  feb: 2,
  february: 2,
  febr: 2,
  februarie: 2,
  febrero: 2,
  mar: 3,
  march: 3,
  martie: 3,
  marzo: 3,
  apr: 4,
  april: 4,
  aprilie: 4,
  abr: 4,
  abril: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  jun: 6,
  june: 6,
  iun: 6,
  iunie: 6,
  junio: 6,
  jul: 7,
  july: 7,
  iul: 7,
  iulie: 7,
  julio: 7,
  aug: 8,
  august: 8,
  ago: 8,
  agosto: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembrie: 9,
  septiembre: 9,
  oct: 10,
  october: 10,
  octombrie: 10,
  octubre: 10,
  nov: 11,
  november: 11,
  noiembrie: 11,
  noviembre: 11,
  dec: 12,
  december: 12,
  decembrie: 12,
  dic: 12,
  diciembre: 12,
};

/**
 * Month names of the other languages agencies write dates in, month by month, in the nominative
 * and the genitive a date puts them in ("12 stycznia", "12. marraskuuta", "12 Νοεμβρίου"), with
 * common abbreviations: German (and Austrian "Jänner"), French, Italian, Portuguese, Dutch,
 * Polish, Czech, Slovak, Hungarian, Lithuanian, Latvian, Danish, Swedish, Finnish, Estonian,
 * Croatian, Serbian (both scripts), Greek, Ukrainian, Russian, Bulgarian and Thai. Looked up
 * folded, as written here. Left out: "listopad"/"listopada", November in Polish and Czech but
 * October in Croatian; a date written with it is refused rather than read a month out.
 */
const MORE_MONTHS: string[] = [
  `januar jänner jän janvier janv gennaio gen janeiro januari styczeń stycznia leden ledna január januára
  január sausis sausio janvāris janvārī janvar tammikuu tammikuuta jaanuar siječanj siječnja јануар
  ιανουάριος ιανουαρίου ιαν січень січня январь января январ януари มกราคม ม.ค.`,
  `februar feber février févr fevr febbraio fevereiro fev februari luty lutego únor února február februára
  február vasaris vasario februāris februārī helmikuu helmikuuta veebruar veljača veljače фебруар
  φεβρουάριος φεβρουαρίου φεβ лютий лютого февраль февраля фев февруари กุมภาพันธ์ ก.พ.`,
  `märz mrz mars marzo março maart marzec marca březen března marec marca március márc kovas kovo marts martā
  maaliskuu maaliskuuta märts ožujak ožujka mart март μάρτιος μαρτίου μαρ березень березня марта มีนาคม มี.ค.`,
  `avril avr aprile abril duben dubna apríl apríla április ápr balandis balandžio aprīlis aprīlī
  huhtikuu huhtikuuta aprill travanj travnja април απρίλιος απριλίου απρ квітень квітня апрель апреля
  เมษายน เม.ย.`,
  `mai maggio mag maio mei maj maja květen května máj mája május gegužė gegužės maijs maijā toukokuu toukokuuta
  svibanj svibnja мај μάιος μαΐου μαι травень травня май мая พฤษภาคม พ.ค.`,
  `juni juin giugno giu junho czerwiec czerwca červen června jún júna június birželis birželio jūnijs jūnijā
  kesäkuu kesäkuuta juuni lipanj lipnja јун ιούνιος ιουνίου ιουν червень червня июнь июня юни มิถุนายน มิ.ย.`,
  `juli juillet juil luglio lug julho lipiec lipca červenec července júl júla július liepa liepos jūlijs jūlijā
  heinäkuu heinäkuuta juuli srpanj srpnja јул ιούλιος ιουλίου ιουλ липень липня июль июля юли กรกฎาคม ก.ค.`,
  `août aout agosto augustus sierpień sierpnia srpen srpna augusta augusztus rugpjūtis rugpjūčio augusts augustā
  augusti elokuu elokuuta kolovoz kolovoza avgust август αύγουστος αυγούστου αυγ серпень серпня августа
  สิงหาคม ส.ค.`,
  `septembre settembre set setembro wrzesień września září septembra szeptember szept rugsėjis rugsėjo
  septembris septembrī syyskuu syyskuuta rujan rujna septembar септембар σεπτέμβριος σεπτεμβρίου σεπ
  вересень вересня сентябрь сентября сент септември กันยายน ก.ย.`,
  `oktober okt octobre ottobre ott outubro out październik października říjen října október októbra
  spalis spalio oktobris oktobrī lokakuu lokakuuta oktoober oktobar октобар οκτώβριος οκτωβρίου οκτ
  жовтень жовтня октябрь октября окт октомври ตุลาคม ต.ค.`,
  `novembre novembro listopadu novembra lapkritis lapkričio novembris novembrī marraskuu marraskuuta studeni
  studenoga studenog novembar новембар νοέμβριος νοεμβρίου νοε листопад листопада ноябрь ноября ноември
  พฤศจิกายน พ.ย.`,
  `dezember dez décembre déc dicembre dezembro grudzień grudnia prosinec prosince decembra december
  gruodis gruodžio decembris decembrī joulukuu joulukuuta detsember prosinac prosinca decembar децембар
  δεκέμβριος δεκεμβρίου δεκ грудень грудня декабрь декабря дек декември ธันวาคม ธ.ค.`,
];
for (const [index, list] of MORE_MONTHS.entries()) {
  for (const name of list.split(/\s+/)) if (name) MONTHS[fold(name).replace(/\.$/, '')] ??= index + 1;
}

/** The month a written name stands for, with or without a closing dot ("sept.", "ม.ค."). */
function monthOf(name: string): number | undefined {
  return MONTHS[fold(name).replace(/\.$/, '')];
}

/** A year of the Thai Buddhist era (2567) is the common era's plus 543. */
function commonEra(year: number): number {
  return year >= 2400 ? year - 543 : year;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDate(y: number, m: number, d: number): DateResult {
  if (m < 1 || m > 12) return { ok: false, reason: `month ${m} does not exist` };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { ok: false, reason: `day ${d} does not exist in ${y}-${pad(m)}` };
  if (y < 1900 || y > 2100) return { ok: false, reason: `year ${y} is out of range` };
  return { ok: true, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

function fullYear(y: number, twoDigit: boolean): number {
  if (!twoDigit) return y;
  // Two-digit years: births and events in the last century or this one; 30 and above is 19xx.
  return y >= 30 ? 1900 + y : 2000 + y;
}

/** Excel's serial day number (1900 date system; Excel's phantom 29 Feb 1900 is accounted for). */
export function excelSerialToDate(serial: number): DateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return { ok: false, reason: `${serial} is not a date` };
  if (Math.floor(serial) === 60)
    return { ok: false, reason: 'day 29 does not exist in 1900-02 (Excel serial 60, a leap day Excel invented)' };
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { ok: true, date: date.toISOString().slice(0, 10) };
}

/**
 * Reads a date from a cell: a date cell, an Excel serial number, or text in the profile's order
 * (DMY for 03/04/1991 in Europe) or unambiguous ISO or month-name forms.
 */
export function parseDate(cell: Cell, order: DateOrder): DateResult {
  if (cell === null) return { ok: false, reason: 'empty' };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'not a date' };
    return validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (cell >= 19000101 && cell <= 21001231 && Number.isInteger(cell)) {
      return validDate(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    }
    return excelSerialToDate(cell);
  }
  if (typeof cell === 'boolean') return { ok: false, reason: 'not a date' };
  // "3 de abril de 1991": Spanish (and Portuguese) join day, month and year with "de".
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ de /g, ' ');
  if (text === '') return { ok: false, reason: 'empty' };

  // A dot may be followed by a space and close the date: Hungarian "2024. 03. 12.", Latvian
  // "2024.03.12.", Czech and Slovak "12. 3. 1985", Croatian and Serbian "12.03.1985.".
  let m = /^(\d{4})(?:[-/]|\. ?)(\d{1,2})(?:[-/]|\. ?)(\d{1,2})\.?(?:[ t].*)?$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})(?:[-/ ]|\. ?)(\d{1,2})(?:[-/ ]|\. ?)(\d{2}|\d{4})\.?(?: .*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(Number(m[3]), (m[3] as string).length === 2);
    return order === 'MDY' ? validDate(y, a, b) : validDate(y, b, a);
  }

  // "3 April 1991", "12. März 2024", "12 stycznia 2024 r.", "12. marraskuuta 2024", "12 Νοεμβρίου 2024".
  m = /^(\d{1,2})(?:\.|st|nd|rd|th)?[ -]+(\p{L}[\p{L}\p{M}.]*?)\.?,?[ -]+(\d{2}|\d{4})(?: ?(?:r|г|m)\.?)?$/u.exec(text);
  let month = m ? monthOf(m[2] as string) : undefined;
  if (m && month) {
    const year = commonEra(Number(m[3]));
    return validDate(fullYear(year, (m[3] as string).length === 2), month, Number(m[1]));
  }
  m = /^(\p{L}[\p{L}\p{M}]*)\.? (\d{1,2}),? (\d{4})$/u.exec(text);
  month = m ? monthOf(m[1] as string) : undefined;
  if (m && month) return validDate(Number(m[3]), month, Number(m[2]));
  // Year first: Hungarian "2024. március 12.", Lithuanian "2024 m. lapkričio 12 d.".
  m = /^(\d{4})\.?(?: m\.)? (\p{L}[\p{L}\p{M}.]*?)\.? (\d{1,2})\.?(?: d\.?)?$/u.exec(text);
  month = m ? monthOf(m[2] as string) : undefined;
  if (m && month) return validDate(Number(m[1]), month, Number(m[3]));
  // Latvian "2024. gada 12. novembrī".
  m = /^(\d{4})\.? gada (\d{1,2})\.? (\p{L}[\p{L}\p{M}]*)$/u.exec(text);
  month = m ? monthOf(m[3] as string) : undefined;
  if (m && month) return validDate(Number(m[1]), month, Number(m[2]));
  // Vietnamese "12 tháng 11 năm 2024", "ngày 12 tháng 11 năm 2024": the month is a number.
  m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}),? nam (\d{4})$/.exec(fold(text));
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));

  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  if (/^\d{8}$/.test(text)) return parseDate(Number(text), order);
  return { ok: false, reason: `"${cell.trim()}" is not a date this profile can read (${order})` };
}
