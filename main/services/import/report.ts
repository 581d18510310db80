/**
 * The import error report: one CSV line per problem (file, sheet, row, column, value, severity,
 * reason), written as the import goes so a million-row file costs no memory. Cells that a
 * spreadsheet would run as a formula are neutralised.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { ImportProblemDto } from '../../contract/importTypes';

/** One problem: file, sheet, row (null for a whole sheet), column, value, severity, reason. */
export type Problem = ImportProblemDto;

/** Quotes a CSV field and defuses formula injection (=, +, -, @, tab, CR at the start). */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const REPORT_HEADER = ['file', 'sheet', 'row', 'column', 'value', 'severity', 'reason'];

export class ProblemReport {
  private stream: WriteStream | null = null;
  readonly path: string;
  count = 0;
  /** The first problems, for display. */
  readonly first: Problem[] = [];

  constructor(
    private readonly dir: string | undefined,
    fileName: string,
    stamp: string,
    private readonly keep = 200,
  ) {
    this.path = dir ? join(dir, `${stamp}-${fileName.replace(/[^\w.-]+/g, '_')}.problems.csv`) : '';
  }

  add(problem: Problem): void {
    this.count += 1;
    if (this.first.length < this.keep) this.first.push(problem);
    if (!this.dir) return;
    if (!this.stream) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.stream = createWriteStream(this.path, { encoding: 'utf8', mode: 0o600 });
      this.stream.write(`\uFEFF${REPORT_HEADER.join(',')}\r\n`);
    }
    const p = problem;
    this.stream.write(
      `${[p.file, p.sheet, p.row, p.column, p.value, p.severity, p.reason].map(csvField).join(',')}\r\n`,
    );
  }

  /** Closes the report; answers its path, or null when there was nothing to report. */
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return this.path;
  }
}
