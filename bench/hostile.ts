/**
 * `npm run bench:hostile [-- --kinds zipBomb,manyRows]`: for each kind of hostile file (see
 * test/support/hostileFiles.ts), the time to open and read it to the end or to its refusal, the
 * peak resident memory of the process that read it, and the outcome. Each file is read in a
 * fresh child process, so that its peak (process.resourceUsage().maxRSS, which counts the
 * workbook worker's threads too) is its own. Then the mapping proposal over what a file at the
 * read limits gives it: as many columns as a row may have, long headers of the words it reads,
 * and the rows it samples filled to the cell limit.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toError } from '../main/contract/errors';
import { HEADER_SCAN_ROWS } from '../main/core/headers';
import { proposeProfile } from '../main/core/mappingProposal';
import { DEFAULT_READ_LIMITS } from '../main/services/import/limits';
import { openAgencyFile } from '../main/services/import/readers';
import { HOSTILE_KINDS, writeHostileFile, type HostileKind } from '../test/support/hostileFiles';
import { measureInChild, peakRssMiB, say } from './support';

interface Measured {
  outcome: string;
  seconds: number;
  peakMiB: number;
}

/** In the child: read one file to its end, or to its refusal. */
async function readOne(path: string): Promise<Measured> {
  const started = performance.now();
  let outcome: string;
  try {
    const file = await openAgencyFile(path);
    let rows = 0;
    let warned = 0;
    for (const sheet of file.sheets) {
      for await (const row of sheet.rows) {
        rows += 1;
        if (row.warnings) warned += 1;
      }
    }
    outcome = `read ${rows.toLocaleString('en-GB')} rows, ${warned} with warnings`;
  } catch (error) {
    const e = toError(error);
    outcome = `${e.kind}: ${e.message}`;
  }
  return {
    outcome,
    seconds: (performance.now() - started) / 1000,
    peakMiB: peakRssMiB(),
  };
}

/**
 * In the child: the proposal for one sheet at the read limits. Headers of words the proposal reads
 * (cut short with dots, roles, types, "MO/MT"), far past the part it reads; cells of digits, of a
 * place's name and of initials, repeated to the longest cell kept.
 */
function proposeAtLimits(): Measured {
  const { maxColumns, maxCellChars, maxRowBytes } = DEFAULT_READ_LIMITS;
  const words = ['Add.', 'Nr.', 'Tel.', 'Geb.', 'Name', 'Victim', 'Tip', 'Court', 'Zus.', 'MO/MT', 'Narrative'];
  // Three of the words a column, repeated far past the part of a header the proposal reads.
  const header = Array.from({ length: maxColumns }, (_, c) => {
    const own = [c, c * 3 + 1, c * 5 + 2].map((i) => words[i % words.length]);
    return Array.from({ length: 1_000 }, (_, w) => own[w % 3]).join(' ');
  });
  // As long as a cell can be in a row of the most columns and the most bytes (one string each,
  // shared by the cells, so that the bench measures the work and not the test's own memory).
  const length = Math.min(maxCellChars, Math.floor(maxRowBytes / maxColumns));
  const cells = ['447700900654', 'Luton Crown Court ', 'A. '].map((v, i) =>
    i === 0 ? v : v.repeat(length).slice(0, length),
  );
  const samples = Array.from({ length: HEADER_SCAN_ROWS + 50 - 1 }, (_, r) =>
    header.map((_, c) => cells[(r + c) % 3] as string),
  );
  const started = performance.now();
  const proposal = proposeProfile({ agency: 'X', country: 'GB', header, samples });
  const chars = samples.reduce((sum, row) => sum + row.reduce((n, v) => n + v.length, 0), 0);
  return {
    outcome: `${maxColumns.toLocaleString('en-GB')} columns, ${samples.length} rows, ${(chars / 1e6).toFixed(0)} million characters of values: ${proposal.profile.columns.length} columns proposed, ${proposal.unmapped.length} left out`,
    seconds: (performance.now() - started) / 1000,
    peakMiB: peakRssMiB(),
  };
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(JSON.stringify(await readOne(process.argv[one + 1] ?? '')));
    return;
  }
  if (process.argv.includes('--propose')) {
    process.stdout.write(JSON.stringify(proposeAtLimits()));
    return;
  }
  const kindsArg = process.argv.indexOf('--kinds');
  const kinds = (kindsArg >= 0 ? (process.argv[kindsArg + 1] ?? '').split(',') : HOSTILE_KINDS) as HostileKind[];
  const dir = await mkdtemp(join(tmpdir(), 'caselink-hostile-'));
  try {
    say('kind                    file       seconds  peak RSS  outcome');
    let worst: { kind: string; peakMiB: number; seconds: number } | null = null;
    for (const kind of kinds) {
      const path = await writeHostileFile(dir, kind);
      const size = (await stat(path)).size;
      const m = await measureInChild<Measured>(['--one', path], (code, out) => ({
        outcome: `the reading process died (exit ${code}): ${out.slice(0, 200)}`,
        seconds: NaN,
        peakMiB: NaN,
      }));
      await rm(path, { force: true });
      say(
        `${kind.padEnd(23)} ${`${(size / 1024 / 1024).toFixed(1)} MB`.padStart(9)} ${m.seconds.toFixed(2).padStart(8)} ${`${m.peakMiB.toFixed(0)} MiB`.padStart(9)}  ${m.outcome}`,
      );
      if (Number.isFinite(m.peakMiB) && (!worst || m.peakMiB > worst.peakMiB))
        worst = { kind, peakMiB: m.peakMiB, seconds: m.seconds };
    }
    if (worst) say(`\nWorst peak: ${worst.kind}, ${worst.peakMiB.toFixed(0)} MiB in ${worst.seconds.toFixed(2)} s.`);
    const proposed = await measureInChild<Measured>(['--propose'], (code, out) => ({
      outcome: `the proposing process died (exit ${code}): ${out.slice(0, 200)}`,
      seconds: NaN,
      peakMiB: NaN,
    }));
    say(
      `\nMapping proposal at the read limits: ${proposed.seconds.toFixed(2)} s, peak ${proposed.peakMiB.toFixed(0)} MiB (${proposed.outcome}).`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
