/**
 * The local default database: Neo4j Community 5.26 through its embedded API with the Bolt
 * connector (neo4j/ in this repository, built by Maven), started on a free loopback port with
 * authentication on and a generated password kept in an owner-only file.
 *
 * Layout under CASELINK_HOME/neo4j: `data/` (the store), `logs/` (Neo4j's logs and
 * `launcher.log`), `password` (0600), `state.json` (pid and port while running), `warmup.json`
 * (how far the page-cache warm-up has got), `import/` (the only folder `LOAD CSV` may read
 * `file:` URLs from, relative to it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaselinkFailure } from '../contract/errors';

function warmupArgs(option: StartOptions['warmup']): string[] {
  const env = process.env.CASELINK_NEO4J_WARMUP;
  const warmup = option ?? (env === 'off' ? false : env === 'now' ? 'now' : true);
  if (warmup === false) return ['--no-warmup'];
  return warmup === 'now' ? ['--warmup-priority', 'normal'] : [];
}

export interface LocalNeo4jPaths {
  dir: string;
  passwordFile: string;
  stateFile: string;
  lockFile: string;
  logsDir: string;
  launcherLog: string;
  importDir: string;
  warmupFile: string;
}

export interface LocalNeo4jState {
  pid: number;
  port: number;
  version: string;
  startedAt: string;
}

export interface LocalNeo4jStatus {
  running: boolean;
  home: string;
  uri?: string;
  pid?: number;
  version?: string;
  startedAt?: string;
  logFile: string;
  /** The page-cache warm-up of the running database; absent when it is not running. */
  warmup?: CacheWarmup;
}

/**
 * The launcher's background warm-up after start (neo4j/…/CacheWarmup.java): first it asks the
 * workspace's own questions (search, expand, paths) so that Neo4j has planned their statements
 * and Java compiled their code, then it reads the store and indexes into the page cache so that
 * the first searches do not wait for the disk. `full`: it stopped when the page cache had no more
 * free pages; `off`: started without it.
 */
export interface CacheWarmup {
  state: 'pending' | 'warming' | 'done' | 'full' | 'stopped' | 'failed' | 'off';
  /** While warming: asking the questions, or reading the page cache. */
  phase?: 'questions' | 'pages';
  /** Statements run so far (of `questionsPlanned`), those that failed, and how long they took. */
  questions?: number;
  questionsPlanned?: number;
  questionsFailed?: number;
  questionSeconds?: number;
  /** The statements the questions ran, by name under cypher/, comma-separated. */
  statements?: string;
  /** Why the first question that failed did. */
  questionError?: string;
  /** Of what it plans to read (the store, or as much of it as the page cache holds). */
  percent?: number;
  bytes?: number;
  totalBytes?: number;
  storeBytes?: number;
  pageCacheBytes?: number;
  seconds?: number;
  cpuSeconds?: number;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
}

export interface RunningLocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  version: string;
  /** True when this call started it (and so its caller may stop it). */
  startedHere: boolean;
}

export interface StartOptions {
  /** CASELINK_HOME. */
  home: string;
  /**
   * Attached: the database exits when this process does (tests, `caselink serve`). Detached:
   * it keeps running after the CLI exits (`caselink db start`).
   */
  attached: boolean;
  /** Java heap, e.g. `1g` (CASELINK_NEO4J_HEAP). */
  heap?: string;
  /** Neo4j page cache, e.g. `512m` (CASELINK_NEO4J_PAGECACHE). */
  pageCache?: string;
  /** How long to wait for Bolt to accept connections. */
  timeoutMs?: number;
  /**
   * Fill the page cache in the background after start: `true` (the default) at the lowest CPU
   * priority, `'now'` at normal priority (it then finishes on a busy machine too), `false` not at
   * all. CASELINK_NEO4J_WARMUP (`on`, `now`, `off`) when not given. Never delays readiness; see
   * {@link CacheWarmup}.
   */
  warmup?: boolean | 'now';
}

export function localNeo4jPaths(home: string): LocalNeo4jPaths {
  const dir = join(home, 'neo4j');
  const logsDir = join(dir, 'logs');
  return {
    dir,
    passwordFile: join(dir, 'password'),
    stateFile: join(dir, 'state.json'),
    lockFile: join(dir, 'start.lock'),
    logsDir,
    launcherLog: join(logsDir, 'launcher.log'),
    importDir: join(dir, 'import'),
    warmupFile: join(dir, 'warmup.json'),
  };
}

/** Where the launcher jar, Neo4j's jars and the cypher/ folder are. */
export interface Neo4jRuntime {
  jar: string;
  libDir: string;
  cypherDir: string;
}

/** The repository (or packaged resources) folder that holds neo4j/ and cypher/. */
function findRoot(): string {
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, 'neo4j', 'caselink-neo4j.jar'))) return resources;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'neo4j', 'pom.xml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function neo4jRuntime(env: NodeJS.ProcessEnv = process.env): Neo4jRuntime {
  const root = findRoot();
  const runtimeDir = env.CASELINK_NEO4J_RUNTIME
    ? resolve(env.CASELINK_NEO4J_RUNTIME)
    : existsSync(join(root, 'neo4j', 'target'))
      ? join(root, 'neo4j', 'target')
      : join(root, 'neo4j');
  return {
    jar: join(runtimeDir, 'caselink-neo4j.jar'),
    libDir: join(runtimeDir, 'lib'),
    cypherDir: join(root, 'cypher'),
  };
}

function javaBinary(env: NodeJS.ProcessEnv): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Checks that Java 17+ is there, with a message a user can act on. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): void {
  const out = spawnSync(javaBinary(env), ['-version'], { encoding: 'utf8' });
  if (out.error) {
    throw new CaselinkFailure({
      kind: 'ConnectionUnavailable',
      message: 'The local database needs Java 17 or newer, and no "java" was found.',
      hint: 'Install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME; or connect to another Neo4j with NEO4J_URI.',
    });
  }
  const match = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new CaselinkFailure({
      kind: 'ConnectionUnavailable',
      message: `The local database needs Java 17 or newer; found ${match ? `Java ${major}` : 'an unknown Java'}.`,
      hint: 'Install Java 17+ or set JAVA_HOME to one.',
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const LAUNCHER_CLASS = 'caselink.neo4j.Launcher';

/** The command line of a live process, or null when it cannot be read. */
function commandLine(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      return null;
    }
  }
  const out =
    process.platform === 'win32'
      ? spawnSync(
          'powershell.exe',
          ['-NoProfile', '-Command', `(Get-CimInstance Win32_Process -Filter "ProcessId=${pid}").CommandLine`],
          { encoding: 'utf8' },
        )
      : spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim() ? out.stdout.trim() : null;
}

/**
 * Whether `pid` is the launcher of this CASELINK_HOME's database: after a crash the pid in
 * state.json may since have gone to any other process, which must never be signalled.
 */
export function isCaselinkLauncher(pid: number, paths: LocalNeo4jPaths): boolean {
  const args = commandLine(pid);
  return args !== null && args.includes(LAUNCHER_CLASS) && args.includes(`--home ${paths.dir}`);
}

type StateFile =
  | { kind: 'running'; state: LocalNeo4jState }
  /** state.json names a live process that is not this home's launcher. */
  | { kind: 'stale'; state: LocalNeo4jState }
  | { kind: 'none' };

async function readStateFile(paths: LocalNeo4jPaths): Promise<StateFile> {
  let state: LocalNeo4jState;
  try {
    state = JSON.parse(await readFile(paths.stateFile, 'utf8')) as LocalNeo4jState;
  } catch {
    return { kind: 'none' };
  }
  if (!Number.isSafeInteger(state.pid) || state.pid <= 0 || !isAlive(state.pid)) return { kind: 'none' };
  return isCaselinkLauncher(state.pid, paths) ? { kind: 'running', state } : { kind: 'stale', state };
}

async function readState(paths: LocalNeo4jPaths): Promise<LocalNeo4jState | null> {
  const file = await readStateFile(paths);
  return file.kind === 'running' ? file.state : null;
}

/** The password of the local database, created (owner-only) on first use. */
export async function localPassword(paths: LocalNeo4jPaths): Promise<string> {
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  try {
    return (await readFile(paths.passwordFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const password = randomBytes(24).toString('base64url');
  await writeFile(paths.passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await chmod(paths.passwordFile, 0o600);
  return (await readFile(paths.passwordFile, 'utf8')).trim();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tail(file: string, lines = 20): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

/** Takes the start lock, waiting while another live process holds it. */
async function takeLock(paths: LocalNeo4jPaths, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(paths.lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(paths.lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(paths.lockFile, 'utf8').catch(() => '0'));
      if (!holder || !isAlive(holder)) {
        await rm(paths.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new CaselinkFailure({
          kind: 'ConnectionUnavailable',
          message: `Another Caselink process (pid ${holder}) is starting the local database and has not finished.`,
          hint: `Wait, or remove ${paths.lockFile} if that process is gone.`,
        });
      }
      await sleep(250);
    }
  }
}

/** Starts the local database, or returns the one already running for this CASELINK_HOME. */
export async function startLocalNeo4j(options: StartOptions): Promise<RunningLocalNeo4j> {
  const paths = localNeo4jPaths(options.home);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const password = await localPassword(paths);
  await mkdir(paths.logsDir, { recursive: true, mode: 0o700 });
  const release = await takeLock(paths, timeoutMs);
  try {
    const running = await readState(paths);
    if (running) {
      return {
        uri: `bolt://127.0.0.1:${running.port}`,
        user: 'neo4j',
        password,
        pid: running.pid,
        version: running.version,
        startedHere: false,
      };
    }
    await rm(paths.stateFile, { force: true });
    const runtime = neo4jRuntime();
    if (!existsSync(runtime.jar)) {
      throw new CaselinkFailure({
        kind: 'ConnectionUnavailable',
        message: `The local Neo4j is not installed (${runtime.jar} is missing).`,
        hint: 'Run "npm run setup", which fetches Neo4j Community 5.26 from Maven Central with mvn.',
      });
    }
    checkJava();
    const log = await open(paths.launcherLog, 'a', 0o600);
    const heap = options.heap ?? process.env.CASELINK_NEO4J_HEAP ?? '1g';
    const args = [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      [runtime.jar, join(runtime.libDir, '*')].join(process.platform === 'win32' ? ';' : ':'),
      'caselink.neo4j.Launcher',
      '--home',
      paths.dir,
      '--password-file',
      paths.passwordFile,
      '--state-file',
      paths.stateFile,
      '--cypher-dir',
      runtime.cypherDir,
      '--import-dir',
      paths.importDir,
      '--pagecache',
      options.pageCache ?? process.env.CASELINK_NEO4J_PAGECACHE ?? '512m',
      '--warmup-file',
      paths.warmupFile,
      ...warmupArgs(options.warmup),
      ...(options.attached ? ['--exit-on-stdin-close'] : []),
    ];
    const child = spawn(javaBinary(process.env), args, {
      cwd: paths.dir,
      detached: !options.attached,
      stdio: [options.attached ? 'pipe' : 'ignore', log.fd, log.fd],
    });
    let exited: number | null | undefined;
    let spawnError: Error | undefined;
    child.on('exit', (code) => (exited = code));
    child.on('error', (error) => (spawnError = error));
    await log.close();
    if (options.attached) {
      // The pipe stays open for this process's life; when it ends, the launcher stops.
      child.stdin?.on('error', () => undefined);
      child.unref();
      (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    } else {
      child.unref();
    }

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await readState(paths);
      if (state && state.pid === child.pid) {
        return {
          uri: `bolt://127.0.0.1:${state.port}`,
          user: 'neo4j',
          password,
          pid: state.pid,
          version: state.version,
          startedHere: true,
        };
      }
      if (spawnError || exited !== undefined) {
        throw new CaselinkFailure({
          kind: 'ConnectionUnavailable',
          message: `The local Neo4j stopped while starting (exit code ${exited ?? 'none'}${spawnError ? `, ${spawnError.message}` : ''}).`,
          hint: `See ${paths.launcherLog} and ${join(paths.logsDir, 'debug.log')}. Last lines:\n${await tail(paths.launcherLog)}`,
        });
      }
      if (Date.now() > deadline) {
        child.kill('SIGTERM');
        throw new CaselinkFailure({
          kind: 'ConnectionUnavailable',
          message: `The local Neo4j did not accept connections within ${Math.round(timeoutMs / 1000)} s.`,
          hint: `See ${paths.launcherLog}.`,
        });
      }
      await sleep(200);
    }
  } finally {
    await release();
  }
}

export interface StopResult {
  stopped: boolean;
  pid?: number;
  /** The pid state.json named, when it was a live process other than Caselink's launcher: left alone. */
  stalePid?: number;
}

/**
 * Stops the local database cleanly (SIGTERM, then SIGKILL after `timeoutMs`). Signals only the
 * launcher of this CASELINK_HOME; a state file naming any other process is stale and is cleared.
 */
export async function stopLocalNeo4j(home: string, timeoutMs = 60_000): Promise<StopResult> {
  const paths = localNeo4jPaths(home);
  const file = await readStateFile(paths);
  if (file.kind !== 'running') {
    await rm(paths.stateFile, { force: true });
    return file.kind === 'stale' ? { stopped: false, stalePid: file.state.pid } : { stopped: false };
  }
  const { state } = file;
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(state.pid)) {
    if (Date.now() > deadline) {
      process.kill(state.pid, 'SIGKILL');
      await sleep(500);
      break;
    }
    await sleep(200);
  }
  await rm(paths.stateFile, { force: true });
  return { stopped: true, pid: state.pid };
}

/** What `caselink db stop` says about a {@link StopResult}. */
export function describeStop(result: StopResult): string {
  if (result.stopped) return `Stopped the local Neo4j (pid ${result.pid}).`;
  if (result.stalePid !== undefined) {
    return (
      `The local Neo4j was not running. Its state file was stale: pid ${result.stalePid} now belongs to another ` +
      "program, not Caselink's database launcher, and was left alone. Cleared the stale state."
    );
  }
  return 'The local Neo4j was not running.';
}

export async function localNeo4jStatus(home: string): Promise<LocalNeo4jStatus> {
  const paths = localNeo4jPaths(home);
  const state = await readState(paths);
  if (!state) return { running: false, home, logFile: paths.launcherLog };
  return {
    running: true,
    home,
    uri: `bolt://127.0.0.1:${state.port}`,
    pid: state.pid,
    version: state.version,
    startedAt: state.startedAt,
    logFile: paths.launcherLog,
    warmup: await readWarmup(paths, state.pid),
  };
}

/** The running launcher's warm-up; `pending` until it has written its first word. */
async function readWarmup(paths: LocalNeo4jPaths, pid: number): Promise<CacheWarmup> {
  try {
    const file = JSON.parse(await readFile(paths.warmupFile, 'utf8')) as CacheWarmup & { pid?: number };
    if (file.pid !== pid) return { state: 'pending' };
    const { pid: _pid, ...warmup } = file;
    return warmup;
  } catch {
    return { state: 'pending' };
  }
}

const WARMUP_ENDED: ReadonlySet<CacheWarmup['state']> = new Set(['done', 'full', 'stopped', 'failed', 'off']);

/**
 * Waits until the local database's warm-up has ended (done, page cache full, failed, or off), or
 * with `until: 'questions'` until it has asked its questions (it may still be reading the page
 * cache), and returns how far it got; fails when the database stops or `timeoutMs` passes.
 */
export async function awaitCacheWarmup(
  home: string,
  timeoutMs = 600_000,
  until: 'end' | 'questions' = 'end',
): Promise<CacheWarmup> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await localNeo4jStatus(home);
    if (!status.running || !status.warmup) {
      throw new CaselinkFailure({
        kind: 'ConnectionUnavailable',
        message: 'The local Neo4j stopped before its page-cache warm-up ended.',
        hint: `See ${status.logFile}.`,
      });
    }
    if (WARMUP_ENDED.has(status.warmup.state)) return status.warmup;
    if (until === 'questions' && status.warmup.state === 'warming' && status.warmup.phase === 'pages')
      return status.warmup;
    if (Date.now() > deadline) {
      throw new CaselinkFailure({
        kind: 'ConnectionUnavailable',
        message: `The local Neo4j's page-cache warm-up did not end within ${Math.round(timeoutMs / 1000)} s (${status.warmup.percent ?? 0} %).`,
        hint: `See ${status.logFile}.`,
      });
    }
    await sleep(100);
  }
}

const count = (n = 0) => n.toLocaleString('en-GB');
const mib = (bytes = 0) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} MiB`;

/** What `caselink db status` says about the page-cache warm-up. */
export function describeCacheWarmup(warmup: CacheWarmup): string {
  const took = warmup.seconds === undefined ? '' : ` in ${warmup.seconds.toFixed(1)} s`;
  const statements = (warmup.statements ?? '').split(',').filter(Boolean).length;
  const failed = warmup.questionsFailed ? `, ${count(warmup.questionsFailed)} of them failed` : '';
  const asked =
    warmup.questionSeconds === undefined
      ? ''
      : ` Asked first: ${count(warmup.questions)} of the workspace's questions (${statements} statements${failed}) in ${warmup.questionSeconds.toFixed(1)} s.`;
  switch (warmup.state) {
    case 'pending':
      return 'Page cache: warm-up about to start.';
    case 'warming':
      if (warmup.phase === 'questions')
        return `Warming up: asking the workspace's questions (search, expand, paths) so that Neo4j has planned and compiled them, ${count(warmup.questions)} of ${warmup.questionsPlanned === undefined ? '?' : count(warmup.questionsPlanned)}; queries are answered meanwhile, the first ones slower.`;
      return `Page cache: warming, ${warmup.percent ?? 0} % (${mib(warmup.bytes)} of ${mib(warmup.totalBytes)}); queries are answered meanwhile, the first ones slower.${asked}`;
    case 'done':
      return `Page cache: warm (${mib(warmup.bytes)} of store and indexes read${took}).${asked}`;
    case 'full':
      return `Page cache: full after ${mib(warmup.bytes)}${took}; the store (${mib(warmup.storeBytes)}) is larger than the page cache (${mib(warmup.pageCacheBytes)}): raise CASELINK_NEO4J_PAGECACHE to hold it.${asked}`;
    case 'stopped':
      return `Page cache: warm-up stopped at ${warmup.percent ?? 0} %.`;
    case 'failed':
      return `Page cache: warm-up failed (${warmup.message ?? 'see the log'}); queries work, the first ones slower.`;
    case 'off':
      return 'Page cache: not warmed (CASELINK_NEO4J_WARMUP=off); it fills as queries read.';
  }
}

/** The permission bits of the password file, for tests and `caselink db status`. */
export async function passwordFileMode(home: string): Promise<number> {
  return (await stat(localNeo4jPaths(home).passwordFile)).mode & 0o777;
}
