#!/usr/bin/env node
// `npm run audit:electron`: runs Doyensec's Electronegativity over the app's sources (main/,
// renderer/, package.json) and fails on any finding that security/electronegativity-allowlist.json
// does not justify, on a file it could not parse, and on an allow-list entry that no longer
// matches anything (so the list stays reviewed, not accumulated).
//
// Offline and quick: the check that downloads Electron's release list is left out (package.json
// pins the Electron version; Dependabot-style upgrades are a separate matter), and the tool's
// download of translations is answered "unavailable" at once instead of waiting on the network.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const allowListFile = join(root, 'security', 'electronegativity-allowlist.json');
const SCANNED = ['main', 'renderer', 'package.json'];
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Loads Electronegativity's runner with its HTTP client replaced by one that always fails. */
function loadRunner() {
  const require = createRequire(join(root, 'package.json'));
  const entry = require.resolve('@doyensec/electronegativity');
  const got = createRequire(join(dirname(entry), 'locales', 'i18n.js')).resolve('got');
  const offline = () => Promise.reject(new Error('no network in the audit'));
  offline.head = offline;
  require.cache[got] = { id: got, filename: got, loaded: true, exports: offline };
  return require(entry);
}

/** Scans a copy of the app's sources, so that tests, builds and scripts stay out of the report. */
async function scan(run) {
  const stage = mkdtempSync(join(tmpdir(), 'caselink-electronegativity-'));
  const { electron } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  const log = console.log;
  try {
    for (const path of SCANNED) cpSync(join(root, path), join(stage, path), { recursive: true });
    // The tool prints a line about translations; the report below says all there is to say.
    console.log = () => undefined;
    const result = await run({
      input: stage,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS,
      electronVersionOverride: electron,
      isRelative: false,
      parserPlugins: [],
    });
    const rel = (file) => (file === 'N/A' ? 'N/A' : relative(stage, file).split(sep).join('/'));
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((e) => ({ ...e, file: rel(e.file) })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: rel(issue.file),
        line: issue.location.line,
        sample: (issue.sample ?? '').trim(),
        severity: issue.severity.name,
        confidence: issue.confidence.name,
      })),
    };
  } finally {
    console.log = log;
    rmSync(stage, { recursive: true, force: true });
  }
}

const matches = (entry, finding) =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  (entry.sampleIncludes === undefined || finding.sample.includes(entry.sampleIncludes));

const allowList = JSON.parse(readFileSync(allowListFile, 'utf8'));
const malformed = allowList.filter((e) => !e.check || !e.file || typeof e.reason !== 'string' || e.reason.length < 20);
if (malformed.length) {
  process.stderr.write(`Allow-list entries without a check, a file or a reason: ${JSON.stringify(malformed)}\n`);
  process.exit(1);
}

const started = Date.now();
const { checks, errors, findings } = await scan(loadRunner());
const out = (line = '') => process.stdout.write(`${line}\n`);
const unjustified = [];
out(`Electronegativity: ${checks} checks over ${SCANNED.join(', ')}`);
for (const f of findings) {
  const entry = allowList.find((e) => matches(e, f));
  const where = `${f.check} ${f.file}:${f.line} (${f.severity}, ${f.confidence})`;
  if (entry) {
    out(`  allowed    ${where}\n             ${entry.reason}`);
  } else {
    unjustified.push(f);
    out(`  NOT ALLOWED ${where}\n             ${f.sample.slice(0, 160)}`);
  }
}
const unparsed = errors.filter((e) => !e.tolerable);
for (const e of unparsed) out(`  NOT SCANNED ${e.file}: ${e.message}`);
const stale = allowList.filter((e) => !findings.some((f) => matches(e, f)));
for (const e of stale) out(`  STALE      allow-list entry ${e.check} ${e.file} matches no finding: remove it`);

const failed = unjustified.length + unparsed.length + stale.length;
out(
  `${findings.length} findings, ${findings.length - unjustified.length} justified in ${relative(root, allowListFile)}; ` +
    `${failed ? `${failed} problems` : 'no problems'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(failed ? 1 : 0);
