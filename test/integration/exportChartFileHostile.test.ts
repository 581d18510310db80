/**
 * Hostile `.caselink.json` chart files handed to `caselink export --chart` (the built CLI, run as
 * a user runs it, against the test run's real Neo4j): a file past the size limit, nesting a
 * hundred thousand levels deep, fields of the wrong type, references to nodes the graph does not
 * hold, Cypher written into every text field, a selection of a million nodes. Each is refused
 * with an error that names the file and what is wrong, in bounded time and memory (the CLI runs
 * with a 256 MB heap), writes nothing, leaves the graph as it was, and is recorded in the audit
 * trail as a failed export. Needs `electron-vite build` (out/main/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { listEvents } from '../../main/services/auditService';
import { graphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';
import { testProcessEnv } from '../support/testNeo4j';
import { loadWorkspaceGraph } from '../support/workspaceGraph';

const cli = join(__dirname, '../../out/main/cli.js');
/**
 * What one refusal may take, the CLI's start (seconds on its own when eight jobs share two cores)
 * and its connection included; memory is bounded by the 256 MB heap the CLI runs with here.
 */
const REFUSAL_SECONDS = 120;
const P1 = nodeRef('phone', ['+447700900123']);

describe('caselink export --chart with a hostile chart file', () => {
  let services: TestServices;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`No ${cli}: run \`npx electron-vite build\` first.`);
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-hostile-chart-'));
    await loadWorkspaceGraph(services.db);
    env = testProcessEnv({ CASELINK_HOME: dir });
  }, 600_000);
  afterAll(async () => {
    await services?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Exports `file` as a chart file; answers the exit code, stderr, how long it took, whether the
   * output exists, and the failed export events the audit trail gained.
   */
  async function exportChartFile(name: string, format = 'json') {
    const file = join(dir, name);
    const out = join(dir, `${name}.out`);
    const before = (await listEvents(services.db, { kind: 'export' })).length;
    const stats = await graphStats(services.db);
    const started = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=256', cli, 'export', '--chart', file, '--format', format, '-o', out],
      { env, encoding: 'utf8', timeout: REFUSAL_SECONDS * 1000 },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // Newest first: what this export added.
    const after = await listEvents(services.db, { kind: 'export' });
    const events = after.slice(0, after.length - before);
    expect(await graphStats(services.db), 'the graph is as it was').toEqual(stats);
    return {
      status: child.status,
      stderr: child.stderr,
      stdout: child.stdout,
      seconds,
      written: existsSync(out),
      failures: events.filter((e) => e.outcome === 'failure'),
      file,
    };
  }

  function expectRefused(r: Awaited<ReturnType<typeof exportChartFile>>, message: RegExp, namesFile = true) {
    expect(r.stderr).toMatch(message);
    if (namesFile) expect(r.stderr).toContain(r.file);
    expect(r.status, r.stderr).toBe(2);
    expect(r.seconds).toBeLessThan(REFUSAL_SECONDS);
    expect(r.written).toBe(false);
    expect(r.failures).toHaveLength(1);
    if (namesFile) expect(r.failures[0]?.message).toContain(r.file);
  }

  it('refuses a file past 64 MB without reading it', async () => {
    const handle = await open(join(dir, 'huge.caselink.json'), 'w');
    // A sparse file: its size is what the CLI sees, no disk is spent on it.
    await handle.truncate(65 * 1024 * 1024);
    await handle.close();
    expectRefused(await exportChartFile('huge.caselink.json'), /larger than 64 MB is refused/);
  });

  it('refuses nesting a hundred thousand levels deep, in a clear message rather than a stack overflow', async () => {
    const depth = 100_000;
    await writeFile(
      join(dir, 'deep.caselink.json'),
      `{"selection":["${P1}"],"styles":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    );
    const r = await exportChartFile('deep.caselink.json');
    expectRefused(r, /nest|deep/i);
    expect(r.stderr).not.toMatch(/call stack|RangeError/);
  });

  it('names the fields of the wrong type', async () => {
    await writeFile(
      join(dir, 'types.caselink.json'),
      JSON.stringify({ selection: P1, hops: 'two', title: 5, positions: [1, 2], redaction: { enabled: 'yes' } }),
    );
    const r = await exportChartFile('types.caselink.json');
    expectRefused(r, /not a chart definition/);
    for (const field of ['selection', 'hops', 'title', 'positions', 'redaction.enabled'])
      expect(r.stderr).toContain(`${field}:`);
  });

  it('refuses a chart none of whose nodes the graph holds, naming them', async () => {
    const unknown = [nodeRef('phone', ['+15550000000']), nodeRef('person', ['0'.repeat(32) + ':subject'])];
    await writeFile(join(dir, 'unknown.caselink.json'), JSON.stringify({ selection: unknown }));
    const r = await exportChartFile('unknown.caselink.json');
    // Read and understood: what is wrong is the graph's answer, not the file.
    expectRefused(r, /Nothing to export, nothing written: 2 nodes of the chart are not in the graph/, false);
    expect(r.stderr).toContain(unknown[0]);
  });

  it('treats Cypher written into its fields as text: the graph is untouched and the text is written as it is', async () => {
    const cypher = "x'}) MATCH (n) DETACH DELETE n //";
    await writeFile(
      join(dir, 'cypher.caselink.json'),
      JSON.stringify({
        title: cypher,
        marking: '"; CALL dbms.killQueries([]) //',
        selection: [P1, nodeRef('person', ["' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"])],
        styles: { [cypher]: cypher },
      }),
    );
    const r = await exportChartFile('cypher.caselink.json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Note: 1 nodes? of the chart (is|are) not in the graph/);
    expect(r.failures).toEqual([]);
  });

  it('refuses a selection of a million nodes in bounded time and memory', async () => {
    const refs = Array.from(
      { length: 1_000_000 },
      (_, i) => `"${nodeRef('phone', [`+44770${String(i).padStart(7, '0')}`])}"`,
    );
    await writeFile(join(dir, 'million.caselink.json'), `{"selection":[${refs.join(',')}]}`);
    const r = await exportChartFile('million.caselink.json');
    expectRefused(r, /selection: .*5000/);
  });
});
