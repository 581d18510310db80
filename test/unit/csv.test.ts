import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../../main/core/csv';

// Opened in a spreadsheet, no cell of a CSV Caselink writes may run as a formula, whatever the
// locale's list separator (',' in English Excel; ';' in German, French, Spanish, Romanian, Italian).
describe('CSV as Caselink writes it', () => {
  it('quotes every field, so that neither "," nor ";" splits a cell', () => {
    expect(csvField('a;=2+3;b')).toBe('"a;=2+3;b"');
    expect(csvField('Popescu, Ion')).toBe('"Popescu, Ion"');
    expect(csvField(3)).toBe('"3"');
    expect(csvField(null)).toBe('""');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('neutralises a formula start, also after spaces', () => {
    expect(['=1+2', '+44 7911 123456', '-3', '@SUM(A1)', '\tx', '\rx', '  =HYPERLINK("x")'].map(csvField)).toEqual([
      `"'=1+2"`,
      `"'+44 7911 123456"`,
      `"'-3"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
      `"'  =HYPERLINK(""x"")"`,
    ]);
    expect(csvField('a=b')).toBe('"a=b"');
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(csvDocument(['file', 'value'], [['a.csv', '=2+3']])).toBe('"file","value"\r\n"a.csv","\'=2+3"\r\n');
  });
});
