/**
 * `npm run bench:hostile [-- --kinds zipBomb,manyRows]`: for each kind of hostile file (see
 * test/support/hostileFiles.ts), the time to open and read it to the end or to its refusal, the
 * peak resident memory of the process that read it, and the outcome. Each file is read in a
 * fresh child process, so that its peak (process.resourceUsage().maxRSS, which counts the
 * workbook worker's threads too) is its own.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toError } from '../main/contract/errors';
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

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(JSON.stringify(await readOne(process.argv[one + 1] ?? '')));
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
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
