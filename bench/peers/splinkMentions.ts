/**
 * Splink on bench:resolve's generated set: the graph's person mentions written as CSV (untimed),
 * then bench/peers/splink_mentions.py run on them in the peers' virtual environment. Its pairs
 * are scored by the bench exactly as Caselink's are.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { countryCode } from '../../main/core/countries';
import { toLatin } from '../../main/core/names';
import type { Database } from '../../main/db/database';
import { ensureVenv } from '../febrl';

/** What Splink reads: each mention's fields, standardised as its documentation asks (see `splinkRow`). */
const COLUMNS = [
  'id',
  'given',
  'family',
  'birthDate',
  'nationality',
  'gender',
  'phone',
  'email',
  'document',
  'caseKey',
  'address',
  'vehicle',
] as const;

type SplinkColumn = (typeof COLUMNS)[number];

/** A word written in capitals (two letters or more): the family name, as many agencies write it. */
const CAPITALS = /^\p{Lu}[\p{Lu}\p{M}'’-]+$/u;

/**
 * A full name split into given and family name: "family, given"; else the words in capitals are
 * the family name ("OKAFOR Funmilayo", "Amy GREEN") unless all are; else the last word is.
 */
export function splitName(full: string): { given: string | null; family: string | null } {
  const text = full.replace(/\s+/g, ' ').trim();
  if (!text) return { given: null, family: null };
  const comma = text.indexOf(',');
  if (comma >= 0) return { family: text.slice(0, comma).trim() || null, given: text.slice(comma + 1).trim() || null };
  const words = text.split(' ');
  const capitals = words.filter((w) => CAPITALS.test(w));
  if (capitals.length && capitals.length < words.length)
    return { family: capitals.join(' '), given: words.filter((w) => !CAPITALS.test(w)).join(' ') };
  return { given: words.slice(0, -1).join(' ') || null, family: words.at(-1) ?? null };
}

const latin = (v: string | null) =>
  v
    ? toLatin(v)
        .replace(/[^a-z0-9 ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || null
    : null;

/**
 * One mention as Splink's input, standardised before linkage as Splink's documentation asks and as
 * Caselink's own matching reads it: names in Latin letters, lower case, without diacritics (Caselink's
 * `toLatin`), from the given and family name cells where the file had them, else split from the full
 * name (or its transliteration); the nationality as its country code (Caselink's `countryCode`); the
 * gender as its first letter. Its record's context (case, address, vehicle) as the graph holds it.
 */
export function splinkRow(r: (key: string) => unknown): Record<SplinkColumn, string | number | null> {
  const text = (key: string) => {
    const v = r(key);
    return v === null || v === undefined || v === '' ? null : String(v);
  };
  const transliterated = text('nameLatin');
  const parts =
    !transliterated && (text('givenName') || text('familyName'))
      ? { given: text('givenName'), family: text('familyName') }
      : splitName(transliterated ?? text('name') ?? '');
  return {
    id: text('id'),
    given: latin(parts.given),
    family: latin(parts.family),
    birthDate: text('birthDate'),
    nationality: countryCode(text('nationality')),
    gender: text('gender')?.trim().charAt(0).toLowerCase() || null,
    phone: text('phone'),
    email: text('email')?.toLowerCase() ?? null,
    document:
      text('document')
        ?.toUpperCase()
        .replace(/[^A-Z0-9]/g, '') || null,
    caseKey: text('caseKey'),
    address: text('address'),
    vehicle: text('vehicle'),
  };
}

/** What Splink answered: its pairs of mention ids, and what it cost. */
export interface SplinkRun {
  version: string;
  duckdb: string;
  threshold: number;
  mentions: number;
  /** Pairs its blocking rules give to be scored. */
  comparisons: number;
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

/**
 * Runs Splink (threshold: its match probability) on the person mentions of the graph `db` holds.
 * `keep`: a folder to copy Splink's input into (mentions.csv), to study its settings without
 * importing the set again.
 */
export async function splinkOnMentions(
  db: Database,
  root: string,
  threshold: number,
  keep?: string,
): Promise<SplinkRun> {
  const venvPython = await ensureVenv(root);
  const dir = await mkdtemp(join(tmpdir(), 'caselink-splink-'));
  try {
    const input = join(dir, 'mentions.csv');
    const out = createWriteStream(input);
    out.write(`${COLUMNS.join(',')}\n`);
    for (const r of await db.read('bench/splink-mentions')) {
      const row = splinkRow((key) => r.get(key));
      const line = Papa.unparse([COLUMNS.map((c) => row[c] ?? '')]);
      if (!out.write(`${line}\n`)) await new Promise<void>((drained) => out.once('drain', () => drained()));
    }
    await new Promise<void>((closed, fail) => out.end((error?: Error | null) => (error ? fail(error) : closed())));
    if (keep) {
      await mkdir(keep, { recursive: true });
      await copyFile(input, join(keep, 'mentions.csv'));
    }
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
