/**
 * What the benchmarks share: their arguments, their output, and a fresh local Neo4j each.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type ConnectionSettings, type Database } from '../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j } from '../main/db/localNeo4j';
import { applySchema } from '../main/db/schema';

export const say = (line = '') => process.stdout.write(`${line}\n`);

/** The value of `--name VALUE` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/**
 * This process's peak resident memory in MiB (Linux's VmHWM, which counts worker threads; it
 * belongs to the process image, where getrusage's maxRSS of a child starts from its parent's
 * peak). Elsewhere, the peak since the process started.
 */
export function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * This bench's script run again in a child process with `args`, so that one measurement's peak
 * RSS is its own: the child writes its result as JSON on stdout. A child that dies (out of
 * memory, killed) gives `died(exit code, what it wrote)` in place of a result.
 */
export function measureInChild<T>(args: string[], died: (code: number | null, out: string) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1] ?? '', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        resolve(died(code, out));
      }
    });
  });
}

/** A local Neo4j of its own, in a temporary CASELINK_HOME, with the schema applied. */
export async function freshDatabase(
  name: string,
  /** How long to wait for Bolt to answer (a loaded machine takes minutes). */
  timeoutMs = 120_000,
): Promise<{
  db: Database;
  home: string;
  /** How to connect, password included (bench/query/timedDatabase opens a driver of its own). */
  settings: ConnectionSettings;
  /** The database's process, to read its CPU time. */
  pid: number;
  stop: () => Promise<void>;
}> {
  const home = await mkdtemp(join(tmpdir(), `caselink-bench-${name}-`));
  const local = await startLocalNeo4j({ home, attached: true, timeoutMs }).catch(async (error: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw error;
  });
  const settings: ConnectionSettings = {
    uri: local.uri,
    user: local.user,
    password: local.password,
    database: 'neo4j',
    local: true,
  };
  const db = await openDatabase(settings);
  await applySchema(db);
  return {
    db,
    home,
    settings,
    pid: local.pid,
    stop: async () => {
      await db.close();
      await stopLocalNeo4j(home);
      await rm(home, { recursive: true, force: true });
    },
  };
}
