/**
 * Splink on bench:resolve's generated set: the graph's person mentions written as CSV (untimed),
 * then bench/peers/splink_mentions.py run on them in the peers' virtual environment. Its pairs
 * are scored by the bench exactly as Caselink's are.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Database } from '../../main/db/database';
import { ensureVenv } from '../febrl';

const COLUMNS = [
  'id',
  'name',
  'givenName',
  'familyName',
  'nameLatin',
  'birthDate',
  'birthYear',
  'nationality',
  'gender',
  'phone',
  'email',
  'document',
];

/** What Splink answered: its pairs of mention ids, and what it cost. */
export interface SplinkRun {
  version: string;
  duckdb: string;
  threshold: number;
  mentions: number;
  /** From reading the mentions to the predictions, as Splink's process measured it. */
  seconds: number;
  /** Splink's process, DuckDB's threads included. */
  cpuSeconds: number;
  peakMiB: number;
  /** Load average when it ended (the machine is shared). */
  load: string;
  pairs: [string, string][];
}

function python(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`${args[0]} ended with ${code}: ${Buffer.concat(err).toString('utf8').slice(-2000)}`)),
    );
  });
}

/** Runs Splink (threshold: its match probability) on the person mentions of the graph `db` holds. */
export async function splinkOnMentions(db: Database, root: string, threshold: number): Promise<SplinkRun> {
  const venvPython = await ensureVenv(root);
  const dir = await mkdtemp(join(tmpdir(), 'caselink-splink-'));
  try {
    const input = join(dir, 'mentions.csv');
    const out = createWriteStream(input);
    out.write(`${COLUMNS.join(',')}\n`);
    for (const r of await db.read('bench/splink-mentions')) {
      const line = Papa.unparse([COLUMNS.map((c) => (r.get(c) ?? '') as string | number)]);
      if (!out.write(`${line}\n`)) await new Promise<void>((drained) => out.once('drain', () => drained()));
    }
    await new Promise<void>((closed, fail) => out.end((error?: Error | null) => (error ? fail(error) : closed())));
    const output = join(dir, 'splink.json');
    await python(venvPython, [join(root, 'bench', 'peers', 'splink_mentions.py'), input, output, String(threshold)]);
    const answer = JSON.parse(await readFile(output, 'utf8')) as Omit<SplinkRun, 'load' | 'version'> & {
      splink: string;
    };
    return {
      ...answer,
      version: answer.splink,
      load: (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' '),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
