/**
 * CSV as Caselink writes it (problem reports, audit trails, exports): every field quoted, so that
 * no list separator of any locale (',' or ';') splits a cell; and a cell that a spreadsheet would
 * read as a formula (starting, after optional spaces, with = + - @, a tab or a carriage return)
 * is prefixed with an apostrophe, as OWASP advises against CSV injection.
 */

const FORMULA_START = /^[ \t\r\n]*[=+\-@\t\r]/;

/** One field: quoted, inner quotes doubled, a formula start neutralised. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One line of fields, ending with CRLF as RFC 4180 has it. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole CSV document: a header line and one line per row. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
