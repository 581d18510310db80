/**
 * Spreadsheet cells as the readers hand them over, and the reading of dates from them.
 */

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

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})(?: .*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(Number(m[3]), (m[3] as string).length === 2);
    return order === 'MDY' ? validDate(y, a, b) : validDate(y, b, a);
  }

  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-zăâîșşțţé]+)\.?,?[ -](\d{2}|\d{4})$/.exec(text);
  if (m && MONTHS[m[2] as string]) {
    return validDate(
      fullYear(Number(m[3]), (m[3] as string).length === 2),
      MONTHS[m[2] as string] as number,
      Number(m[1]),
    );
  }
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m && MONTHS[m[1] as string]) return validDate(Number(m[3]), MONTHS[m[1] as string] as number, Number(m[2]));

  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  if (/^\d{8}$/.test(text)) return parseDate(Number(text), order);
  return { ok: false, reason: `"${cell.trim()}" is not a date this profile can read (${order})` };
}
