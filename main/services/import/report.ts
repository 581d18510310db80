/**
 * The import's problem report: one CSV line per problem (file, sheet, row, column, value,
 * severity, reason), written as the import goes so a million-row file costs no memory. The file
 * is opened before the import writes anything, so a folder that cannot be written stops the
 * import at once; a report with no problems is removed at the end.
 */
import type { WriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from '../../core/csv';
import type { ImportProblemDto } from '../../contract/importTypes';
import { CaselinkFailure } from '../../contract/errors';

/** One problem: file, sheet, row (null for a whole sheet), column, value, severity, reason. */
export type Problem = ImportProblemDto;

export const REPORT_HEADER = ['file', 'sheet', 'row', 'column', 'value', 'severity', 'reason'];

function unwritable(dir: string, error: unknown): CaselinkFailure {
  const e = error as NodeJS.ErrnoException;
  return new CaselinkFailure(
    {
      kind: 'InvalidInput',
      message: `The problem report cannot be written in ${dir} (${e.code ?? e.message}).`,
      hint: 'Choose a report folder you can write to (caselink import --report-dir), or free some disk space.',
      ...(e.code ? { code: e.code } : {}),
    },
    { cause: error },
  );
}

export class ProblemReport {
  count = 0;
  /** The first problems, for display. */
  readonly first: Problem[] = [];
  private failure: CaselinkFailure | null = null;

  private constructor(
    private readonly stream: WriteStream | null,
    private readonly dir: string,
    readonly path: string,
    private readonly keep: number,
  ) {
    stream?.on('error', (error) => {
      this.failure ??= unwritable(dir, error);
    });
  }

  /**
   * Opens the report file in `dir` (none when `dir` is absent). Throws a clear failure when the
   * folder or the file cannot be made.
   */
  static async open(dir: string | undefined, fileName: string, stamp: string, keep = 200): Promise<ProblemReport> {
    if (!dir) return new ProblemReport(null, '', '', keep);
    const path = join(dir, `${stamp}-${fileName.replace(/[^\w.-]+/g, '_')}.problems.csv`);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(path, 'w', 0o600);
      const stream = handle.createWriteStream({ encoding: 'utf8' });
      stream.write(`\uFEFF${csvLine(REPORT_HEADER)}`);
      return new ProblemReport(stream, dir, path, keep);
    } catch (error) {
      throw unwritable(dir, error);
    }
  }

  /** Adds a problem; throws when the report could not be written. */
  add(problem: Problem): void {
    if (this.failure) throw this.failure;
    this.count += 1;
    if (this.first.length < this.keep) this.first.push(problem);
    const p = problem;
    this.stream?.write(csvLine([p.file, p.sheet, p.row, p.column, p.value, p.severity, p.reason]));
  }

  /** Closes the report; answers its path, or null when there was nothing to report (the file is removed). */
  async close(): Promise<string | null> {
    const stream = this.stream;
    if (!stream) return null;
    if (!stream.closed) {
      await new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.end();
      });
    }
    if (this.failure) throw this.failure;
    if (this.count === 0) {
      await rm(this.path, { force: true });
      return null;
    }
    return this.path;
  }
}
