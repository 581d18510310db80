#!/usr/bin/env node
// Installs what Caselink needs and is missing, and does nothing when all of it is there:
//   deps      npm packages (npm ci when package-lock.json changed since the last install), and
//             the published list of given names' familiar forms (PyPI's corp-names, with pip)
//   neo4j     Neo4j Community 5.26 and the launcher, from Maven Central with mvn
//   chromium  Debian's chromium for the end-to-end tests (apt-get, when running as root)
//   poppler   Debian's poppler-utils (pdftoppm, pdftotext), which the export tests read PDFs with
//   readers   the real readers the export tests check files with (networkx, in .cache/venv-readers)
//   build     the app (electron-vite build) when its sources changed
// Usage: node scripts/ensure.mjs deps neo4j chromium build
// Only Node's own modules here: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => process.stdout.write(`[ensure] ${text}\n`);

function fail(text) {
  process.stderr.write(`[ensure] ${text}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Installs one Debian package with apt-get, as root only. Another apt-get (a second terminal, the
 * machine's own daily update) holding apt's lists or archives lock makes apt-get give up at once
 * ("Could not get lock"; its DPkg::Lock::Timeout covers dpkg's lock alone), so each step is tried
 * again while that is the reason, every 5 s for up to 10 minutes, saying so once.
 */
function aptInstall(pkg, why) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail(`${why}: sudo apt-get install -y ${pkg}`);
  say(`installing Debian's ${pkg} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const steps = [
    ['update', '-qq'],
    ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-qq', '--no-install-recommends', pkg],
  ];
  for (const args of steps) {
    let told = false;
    for (let attempt = 1; ; attempt++) {
      const result = spawnSync('apt-get', args, {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'pipe'],
        encoding: 'utf8',
      });
      if (result.error) fail(`could not run apt-get: ${result.error.message}`);
      if (result.status === 0) {
        if (result.stderr) process.stderr.write(result.stderr);
        break;
      }
      if (!/Could not get lock/.test(result.stderr ?? '') || attempt === 120) {
        if (result.stderr) process.stderr.write(result.stderr);
        fail(`apt-get ${args.join(' ')} exited with ${result.status}`);
      }
      if (!told) say(`another apt-get holds apt's lock; waiting for it (up to 10 minutes)…`);
      told = true;
      Atomics.wait(pause, 0, 0, 5000);
    }
  }
}

// CSI escape sequences (colours, cursor moves) and the OSC ones some tools send for titles.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/**
 * Runs a tool whose output is passed on without escape codes: Maven (its Jansi console) writes
 * colour resets even in batch mode and with colour off, which garble a log or a terminal after it.
 */
function runPlain(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.stdout) process.stdout.write(result.stdout.replace(ANSI, ''));
  if (result.stderr) process.stderr.write(result.stderr.replace(ANSI, ''));
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** A hash over files (paths relative to root) and folders, walked in a stable order. */
function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const info = statSync(full);
    if (info.isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(join(path, name));
    } else {
      hash.update(relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  paths.forEach(visit);
  return hash.digest('hex');
}

/** Runs `work` unless the stamp file already holds `hash`; then records it. */
function once(name, stampFile, hash, work) {
  const stamp = join(root, stampFile);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    say(`${name}: up to date`);
    return;
  }
  work();
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hash);
}

/**
 * The published list that given names' familiar forms come from (main/core/names.ts): the name
 * data of PyPI's corp-names (MIT), which merges carltonnorthern/nicknames (Apache-2.0) and two
 * public-domain lists of English diminutives with equivalents across European languages. Pinned
 * by version and hash; written to .cache/, never into git.
 */
const FAMILIAR_FORMS = {
  requirement: 'corp-names==0.3.3',
  wheel: 'corp_names-0.3.3-py3-none-any.whl',
  sha256: '4354774195d6dda6fe54cc42acae2f1324bbaba126ef476b4650b100e75a12a9',
  member: 'corp_names/data/nicknames.json',
  out: '.cache/familiar-forms/forms.json',
};

/** A name as names.ts compares it: lower case, Latin letters without diacritics, or null. */
function latinName(name) {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae');
  return /^[a-z]+$/.test(plain) ? plain : null;
}

function familiarForms() {
  // The stamp alone would not notice the list itself gone (a cleaned cache).
  if (!existsSync(join(root, FAMILIAR_FORMS.out)))
    rmSync(join(root, '.cache/familiar-forms/.caselink-fetched'), { force: true });
  once('familiar forms', '.cache/familiar-forms/.caselink-fetched', JSON.stringify(FAMILIAR_FORMS), () => {
    const python = ['python3', 'python'].find(has);
    if (!python)
      fail("Python's pip is needed to fetch the list of familiar forms from PyPI. Debian: apt-get install python3-pip");
    const dir = join(root, '.cache/familiar-forms');
    mkdirSync(dir, { recursive: true });
    say(`fetching the list of familiar forms (${FAMILIAR_FORMS.requirement}, PyPI)…`);
    run(python, [
      '-m',
      'pip',
      'download',
      '-q',
      '--no-deps',
      '--only-binary=:all:',
      '-d',
      dir,
      FAMILIAR_FORMS.requirement,
    ]);
    const wheel = join(dir, FAMILIAR_FORMS.wheel);
    const sha256 = createHash('sha256').update(readFileSync(wheel)).digest('hex');
    if (sha256 !== FAMILIAR_FORMS.sha256) fail(`${FAMILIAR_FORMS.wheel} has SHA-256 ${sha256}, not the pinned one`);
    const read = spawnSync(
      python,
      [
        '-c',
        'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))',
        wheel,
        FAMILIAR_FORMS.member,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    if (read.status !== 0) fail(`could not read ${FAMILIAR_FORMS.member} from ${FAMILIAR_FORMS.wheel}`);
    // Each familiar form or equivalent with the name it is a form of ("sasha" → "alexander").
    const forms = {};
    for (const [name, entry] of Object.entries(JSON.parse(read.stdout.toString('utf8')))) {
      const form = latinName(name);
      const of = entry && typeof entry.canonical === 'string' ? latinName(entry.canonical) : null;
      if (form && of && form !== of) forms[form] = of;
    }
    const sorted = Object.fromEntries(Object.entries(forms).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(
      join(root, FAMILIAR_FORMS.out),
      `${JSON.stringify({ source: FAMILIAR_FORMS.requirement, forms: sorted }, null, 0)}\n`,
    );
    say(`familiar forms: ${Object.keys(sorted).length} names`);
  });
}

/** What the export tests read GraphML with (pinned). */
const READERS = ['networkx==3.6.1'];

const steps = {
  deps() {
    once('npm packages', 'node_modules/.caselink-installed', hashOf(['package-lock.json', 'package.json']), () => {
      say('installing npm packages (npm ci)…');
      // Electron's runtime is downloaded from outside the npm registry; `npm start` needs it,
      // nothing else does. Set CASELINK_ELECTRON_DOWNLOAD=1 to fetch it.
      const env = { ...process.env };
      if (!env.CASELINK_ELECTRON_DOWNLOAD) env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
      run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { env });
    });
    familiarForms();
  },
  neo4j() {
    once('Neo4j', 'neo4j/target/.caselink-built', hashOf(['neo4j/pom.xml', 'neo4j/src']), () => {
      if (!has('mvn')) fail('Maven (mvn) is needed to fetch Neo4j from Maven Central. Debian: apt-get install maven');
      if (!has('java') && !process.env.JAVA_HOME)
        fail('Java 17+ is needed for the local Neo4j. Debian: apt-get install openjdk-17-jdk-headless');
      say('fetching Neo4j Community and its offline importer, and building the launcher with Maven…');
      // Built beside the current build and moved into place only once Maven has succeeded: a local
      // Neo4j running from neo4j/target (another process's tests) keeps its jars, and a failed
      // build leaves the working one alone.
      const next = join(root, 'neo4j', 'target-next');
      const old = join(root, 'neo4j', 'target-old');
      rmSync(next, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
      runPlain('mvn', [
        '-B',
        '-q',
        '--no-transfer-progress',
        '-Dstyle.color=never',
        `-Dcaselink.buildDirectory=${next}`,
        '-f',
        'neo4j/pom.xml',
        'package',
      ]);
      const target = join(root, 'neo4j', 'target');
      if (existsSync(target)) renameSync(target, old);
      renameSync(next, target);
      rmSync(old, { recursive: true, force: true });
    });
  },
  chromium() {
    if (has('chromium')) {
      say('chromium: present');
      return;
    }
    aptInstall('chromium', "The end-to-end tests need Debian's chromium");
  },
  poppler() {
    // The export tests read the PDF charts back as pages (pdftoppm) and text (pdftotext).
    if (has('pdftoppm') && has('pdftotext')) {
      say('poppler-utils: present');
      return;
    }
    aptInstall('poppler-utils', "The export tests need Debian's poppler-utils");
  },
  readers() {
    // GraphML is checked by the reader Gephi's and yEd's users script with, not by ours.
    const venv = '.cache/venv-readers';
    const python = join(root, venv, 'bin', 'python');
    if (!existsSync(python)) rmSync(join(root, venv, '.caselink-installed'), { force: true });
    once('export readers', `${venv}/.caselink-installed`, READERS.join(' '), () => {
      const system = ['python3', 'python'].find(has);
      if (!system)
        fail('Python 3 with venv and pip is needed for the export tests. Debian: apt-get install python3-venv');
      say(`installing the export tests' readers (${READERS.join(', ')}, PyPI) into ${venv}…`);
      run(system, ['-m', 'venv', join(root, venv)]);
      run(python, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', ...READERS]);
    });
  },
  build() {
    const sources = [
      'main',
      'renderer',
      'cypher',
      'electron.vite.config.ts',
      'package-lock.json',
      'tsconfig.base.json',
    ];
    once('app build', 'out/.caselink-built', hashOf(sources), () => {
      say('building the app (electron-vite build)…');
      run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
    });
  },
};

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Runs `work` holding a lock that other runs of this script in this folder wait on: two `npm ci`
 * at once (`npm run demo` in one terminal, `npm test` in another) empty each other's
 * node_modules, and two builds write one out/. The lock is a folder made atomically under .cache/,
 * holding its owner's pid; one whose owner has died is taken over. Each waiting run checks the
 * stamps again once it holds the lock, so what the first run installed is not installed twice.
 */
function withLock(work) {
  const lock = join(root, '.cache', 'ensure.lock');
  const pidFile = join(lock, 'pid');
  mkdirSync(dirname(lock), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = null;
    try {
      owner = Number(readFileSync(pidFile, 'utf8'));
    } catch {
      // Made but not yet written: its owner is between two calls, or died there.
    }
    const stale =
      owner === null
        ? Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000
        : !(Number.isInteger(owner) && owner > 0 && isAlive(owner));
    if (stale) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) say(`waiting for another run of ensure.mjs (pid ${owner ?? 'starting'}) to finish…`);
    told = true;
    Atomics.wait(pause, 0, 0, 500);
  }
  writeFileSync(pidFile, String(process.pid));
  // fail() exits the process: the lock goes with it.
  const release = () => rmSync(lock, { recursive: true, force: true });
  process.on('exit', release);
  try {
    work();
  } finally {
    process.off('exit', release);
    release();
  }
}

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!steps[name]) fail(`unknown step "${name}"; known: ${Object.keys(steps).join(', ')}`);
}
withLock(() => {
  for (const name of wanted) steps[name]();
});
