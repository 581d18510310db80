/**
 * Neo4j's offline bulk importer over the local database: `neo4j-admin database import full`, run
 * from the same jars as the launcher (org.neo4j:neo4j-import-tool and neo4j-command-line, see
 * neo4j/pom.xml) against CASELINK_HOME/neo4j, with the database stopped around it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CaselinkFailure } from '../contract/errors';
import { openDatabase, type Database } from './database';
import { localNeo4jPaths, localNeo4jStatus, neo4jRuntime, startLocalNeo4j, stopLocalNeo4j } from './localNeo4j';
import { applySchema } from './schema';

/** One of the importer's inputs: node labels (`A:B`) or a relationship type, and its two files. */
export interface OfflineImportPart {
  labels: string;
  header: string;
  data: string;
  multiline: boolean;
}

export interface OfflineImportFiles {
  nodes: OfflineImportPart[];
  relationships: OfflineImportPart[];
  readBufferBytes: number;
}

/** The database's own folders (store and transaction logs) under CASELINK_HOME/neo4j. */
function storeDirs(home: string): string[] {
  const data = join(localNeo4jPaths(home).dir, 'data');
  return [join(data, 'databases', 'neo4j'), join(data, 'transactions', 'neo4j')];
}

const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

/**
 * Runs the offline importer into the stopped local database of `home`, replacing its store.
 * File names are given relative to the folder of the CSV (`cwd`): the importer's lists are split
 * on commas, which a CASELINK_HOME may hold.
 */
export async function runOfflineImport(
  home: string,
  files: OfflineImportFiles,
  options: { cwd: string; log: string; env?: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void },
): Promise<void> {
  const env = options.env ?? process.env;
  const runtime = neo4jRuntime(env);
  const paths = localNeo4jPaths(home);
  const rel = (path: string) => relative(options.cwd, path);
  const part = (p: OfflineImportPart) => `${p.labels}=${rel(p.header)},${rel(p.data)}`;
  const multiline = [...files.nodes, ...files.relationships].filter((p) => p.multiline).map((p) => rel(p.data));
  const args = [
    `-Xmx${env.CASELINK_NEO4J_IMPORT_HEAP ?? '1g'}`,
    '-XX:+UseG1GC',
    // The importer runs once for a minute or two: the optimising compiler's work would not pay
    // back in that time (measured at 100,000 rows: 22 s of CPU with the quick compiler only,
    // 36-40 s with both).
    '-XX:TieredStopAtLevel=1',
    '-Dfile.encoding=UTF-8',
    '-cp',
    [runtime.jar, join(runtime.libDir, '*')].join(process.platform === 'win32' ? ';' : ':'),
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    'neo4j',
    '--overwrite-destination=true',
    // Node ids are whole numbers given by the bulk graph (bulkGraph.ts).
    '--id-type=integer',
    '--array-delimiter=U+001F',
    `--read-buffer-size=${files.readBufferBytes}`,
    `--max-off-heap-memory=${env.CASELINK_NEO4J_IMPORT_MEMORY ?? '2g'}`,
    `--report-file=${join(options.cwd, 'import.report')}`,
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...files.nodes.map((p) => `--nodes=${part(p)}`),
    ...files.relationships.map((p) => `--relationships=${part(p)}`),
  ];
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const log = await open(options.log, 'a', 0o600);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(java, args, {
        cwd: options.cwd,
        env: { ...env, NEO4J_HOME: paths.dir },
        stdio: ['ignore', log.fd, log.fd],
      });
      child.on('error', reject);
      child.on('exit', resolve);
      if (child.pid !== undefined) options.onSpawn?.(child.pid);
    });
    if (code !== 0) {
      const tail = (await readFile(options.log, 'utf8')).trimEnd().split('\n').slice(-15).join('\n');
      throw new CaselinkFailure({
        kind: 'Internal',
        message: `Neo4j's offline importer failed (exit code ${code ?? 'none'}); the database was put back as it was.`,
        hint: `See ${options.log}. Last lines:\n${tail}`,
      });
    }
  } finally {
    await log.close();
  }
}

/** The command line of a process (Linux), or null. */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/**
 * Why the local database of `home` cannot be stopped for a bulk load by this process; null when it
 * can. A database started by the app or `caselink serve` (attached to that process) is theirs.
 */
export async function offlineLoadRefusal(home: string, startedHere: boolean): Promise<string | null> {
  if (startedHere) return null;
  const status = await localNeo4jStatus(home);
  if (!status.running || status.pid === undefined) return null;
  const args = commandLine(status.pid);
  if (args?.includes('--exit-on-stdin-close'))
    return `the local database belongs to another running Caselink (the app or caselink serve, pid ${status.pid}); close it first`;
  return null;
}

/** Times the steps of a load (the bulk load's PhaseMeter); `watch` names a process whose CPU the step counts. */
export interface PhaseTimer {
  time<T>(name: string, work: () => Promise<T>, watch?: () => Promise<number | undefined>): Promise<T>;
}

const untimed: PhaseTimer = { time: (_name, work) => work() };

export interface LocalOfflineLoader {
  db: Database;
  workDir: string;
  /** `meter`, when given, records each step: stop, store copy, import, start, schema. */
  load(files: OfflineImportFiles, meter?: PhaseTimer): Promise<Database>;
  /** The pid of the local database's process while it runs, for its CPU time. */
  databasePid(): Promise<number | undefined>;
}

/**
 * A bulk loader of the local database of `home`, running now under `db`: `load` closes `db`,
 * stops the database, keeps a copy of its store, runs the importer, puts the copy back if the
 * importer failed, and starts the database again (`attached` as the caller's connection started
 * it) with the schema applied.
 */
export async function localOfflineLoader(options: {
  home: string;
  db: Database;
  attached: boolean;
  heap?: string;
  pageCache?: string;
  /** How long to wait for the restarted database (a loaded machine can take minutes). */
  timeoutMs?: number;
}): Promise<LocalOfflineLoader> {
  const paths = localNeo4jPaths(options.home);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const workDir = await mkdtemp(join(paths.dir, 'bulk-'));
  const neo4jPid = async () => (await localNeo4jStatus(options.home)).pid;
  return {
    db: options.db,
    workDir,
    databasePid: neo4jPid,
    load: async (files, meter = untimed) => {
      const running = await neo4jPid();
      await meter.time(
        'stop the database',
        async () => {
          await options.db.close();
          await stopLocalNeo4j(options.home);
        },
        () => Promise.resolve(running),
      );
      const backup = join(workDir, 'store-before');
      const dirs = storeDirs(options.home);
      await meter.time('keep a copy of the store', async () => {
        for (const [i, dir] of dirs.entries()) {
          if (existsSync(dir)) await cp(dir, join(backup, String(i)), { recursive: true });
        }
      });
      let importer: number | undefined;
      try {
        await meter.time(
          'offline import (neo4j-admin)',
          () =>
            runOfflineImport(options.home, files, {
              cwd: join(workDir, 'csv'),
              log: join(paths.logsDir, 'import.log'),
              onSpawn: (pid) => (importer = pid),
            }),
          () => Promise.resolve(importer),
        );
      } catch (error) {
        for (const [i, dir] of dirs.entries()) {
          await rm(dir, { recursive: true, force: true });
          if (existsSync(join(backup, String(i)))) await cp(join(backup, String(i)), dir, { recursive: true });
        }
        await restart(options).then((db) => db.close());
        throw error;
      }
      const db = await meter.time('start the database', () => restart(options), neo4jPid);
      await meter.time('apply the schema', () => applySchema(db), neo4jPid);
      return db;
    },
  };
}

async function restart(options: {
  home: string;
  attached: boolean;
  heap?: string;
  pageCache?: string;
  timeoutMs?: number;
}) {
  const local = await startLocalNeo4j({
    home: options.home,
    attached: options.attached,
    timeoutMs: options.timeoutMs ?? 600_000,
    ...(options.heap ? { heap: options.heap } : {}),
    ...(options.pageCache ? { pageCache: options.pageCache } : {}),
  });
  return openDatabase({
    uri: local.uri,
    user: local.user,
    password: local.password,
    database: 'neo4j',
    local: true,
  });
}
