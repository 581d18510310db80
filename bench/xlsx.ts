/**
 * `npm run bench:xlsx [-- --rows 1000000 --old-rows 200000]`: reads a large .xlsx to its end with
 * the streaming reader (xlsxStream.ts) and with SheetJS reading it whole (workbookWorker.ts), each
 * in a fresh child process, and prints wall time, CPU time, peak resident memory and the load
 * average. SheetJS is run at --old-rows (default 200,000; 0 skips it), since at a million rows it
 * needs more than 2 GB. The workbook is written here, its sheet XML deflated as it is generated:
 * inline strings, a shared strings table, numbers, dates formatted as dates, and booleans.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toError } from '../main/contract/errors';
import { openAgencyFile } from '../main/services/import/readers';
import { xlsxFromChunks } from '../test/support/hostileFiles';
import { measureInChild, peakRssMiB, say } from './support';

const GiB = 1024 * 1024 * 1024;

interface Measured {
  outcome: string;
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
}

// The streaming reader past 1 byte; SheetJS below 8 GiB, with its limits opened up to let it try.
const READERS = {
  stream: { streamWorkbookBytes: 1 },
  sheetjs: {
    streamWorkbookBytes: 8 * GiB,
    maxWorkbookBytes: 8 * GiB,
    maxUncompressedBytes: 8 * GiB,
    maxCells: 1e9,
    workerHeapMb: 6144,
  },
} as const;

async function readOne(path: string, reader: keyof typeof READERS): Promise<Measured> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let outcome: string;
  try {
    const file = await openAgencyFile(path, { limits: READERS[reader] });
    let rows = 0;
    let cells = 0;
    for (const sheet of file.sheets) {
      for await (const row of sheet.rows) {
        rows += 1;
        for (const c of row.cells) if (c !== null) cells += 1;
      }
    }
    outcome = `read ${rows.toLocaleString('en-GB')} rows, ${cells.toLocaleString('en-GB')} cells`;
  } catch (error) {
    const e = toError(error);
    outcome = `${e.kind}: ${e.message}`;
  }
  const used = process.cpuUsage(cpu);
  return {
    outcome,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakMiB: peakRssMiB(),
  };
}

const TOWNS = ['Київ', 'Chișinău', 'București', 'Tiranë', 'Manchester', 'Thessaloniki', 'Łódź', 'Sofia'];
const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
const SHARED =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  ['Name', 'Born', 'Town', 'Phone', 'Amount', 'Flagged', 'Case', ...TOWNS].map((t) => `<si><t>${t}</t></si>`).join('') +
  '</sst>';

/** Rows of a case-management export: header, then names, dates, towns, phones, amounts, flags, case ids. */
function* sheetChunks(rows: number): Iterable<string> {
  let header = '<row r="1">';
  for (let c = 0; c < 7; c++) header += `<c r="${String.fromCharCode(65 + c)}1" t="s"><v>${c}</v></c>`;
  yield `${header}</row>`;
  for (let start = 0; start < rows; start += 10_000) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      const r = i + 2;
      text +=
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Person ${i % 50_021} Surname${i % 997}</t></is></c>` +
        `<c r="B${r}" s="1"><v>${20_000 + (i % 20_000)}</v></c>` +
        `<c r="C${r}" t="s"><v>${7 + (i % TOWNS.length)}</v></c>` +
        `<c r="D${r}" t="inlineStr"><is><t>+373 ${String(60_000_000 + i).padStart(8, '0')}</t></is></c>` +
        `<c r="E${r}"><v>${((i * 37) % 100_000) / 100}</v></c>` +
        `<c r="F${r}" t="b"><v>${i % 5 === 0 ? 1 : 0}</v></c>` +
        `<c r="G${r}" t="inlineStr"><is><t>C-${i}</t></is></c></row>`;
    }
    yield text;
  }
}

function argument(names: string[], fallback: number): number {
  for (const name of names) {
    const at = process.argv.indexOf(name);
    if (at >= 0) return Number(process.argv[at + 1]);
  }
  return fallback;
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    const reader = process.argv[one + 2] as keyof typeof READERS;
    process.stdout.write(JSON.stringify(await readOne(process.argv[one + 1] ?? '', reader)));
    return;
  }
  const rows = argument(['--rows', '--xlsx-rows'], 1_000_000);
  const oldRows = argument(['--old-rows'], Math.min(rows, 200_000));
  const dir = await mkdtemp(join(tmpdir(), 'caselink-bench-xlsx-'));
  try {
    const runs: { rows: number; reader: keyof typeof READERS }[] = [{ rows, reader: 'stream' }];
    if (oldRows > 0) {
      if (oldRows !== rows) runs.push({ rows: oldRows, reader: 'stream' });
      runs.push({ rows: oldRows, reader: 'sheetjs' });
    }
    say(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (2 cores, shared)`,
    );
    say('rows        file      reader    wall s   CPU s  peak RSS  outcome');
    const written = new Map<number, string>();
    for (const run of runs) {
      let path = written.get(run.rows);
      if (!path) {
        path = join(dir, `rows-${run.rows}.xlsx`);
        await writeFile(
          path,
          await xlsxFromChunks(sheetChunks(run.rows), [
            { name: 'xl/styles.xml', text: STYLES },
            { name: 'xl/sharedStrings.xml', text: SHARED },
          ]),
        );
        written.set(run.rows, path);
      }
      const size = (await stat(path)).size;
      const m = await measureInChild<Measured>(['--one', path, run.reader], (code) => ({
        outcome: `the reading process died (exit ${code})`,
        seconds: NaN,
        cpuSeconds: NaN,
        peakMiB: NaN,
      }));
      say(
        `${run.rows.toLocaleString('en-GB').padEnd(11)} ${`${(size / 1024 / 1024).toFixed(1)} MB`.padStart(8)}  ${run.reader.padEnd(8)} ${m.seconds.toFixed(1).padStart(7)} ${m.cpuSeconds.toFixed(1).padStart(7)} ${`${m.peakMiB.toFixed(0)} MiB`.padStart(9)}  ${m.outcome}`,
      );
    }
    say(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
