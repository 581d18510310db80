import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure } from '../../main/contract/errors';
import { openDatabase } from '../../main/db/database';
import { applySchema } from '../../main/db/schema';
import {
  awaitCacheWarmup,
  describeCacheWarmup,
  localNeo4jPaths,
  localNeo4jStatus,
  passwordFileMode,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../main/db/localNeo4j';
import { emptyTestGraph, prepareTestGraph } from '../support/testGraph';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * How long a start may take here: a busy CI machine can take minutes, as the global setup allows
 * for, and the product's own "did not accept connections" error should come before the test's.
 */
const START = { attached: true, heap: '512m', pageCache: '128m', timeoutMs: 540_000 } as const;

// A second local database in its own CASELINK_HOME, started and stopped by this file, beside
// the one the global setup runs for the other tests. The tests follow on from each other: each
// finds the database as the one before left it.
describe('the local Neo4j', { timeout: 1_200_000 }, () => {
  let home: string;
  /** The password of the first start, which the restart must keep. */
  let beforeRestart = '';

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-lifecycle-'));
  });

  afterAll(async () => {
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  });

  // Started first without the warm-up, then again with it: each start costs seconds (tens of them on
  // a busy machine), so two starts serve the four behaviours.
  it('starts on a loopback port with authentication, answers, leaves the warm-up out when told to, and stops cleanly', async () => {
    expect(await localNeo4jStatus(home)).toMatchObject({ running: false });

    const running = await startLocalNeo4j({ home, ...START, warmup: false });
    expect(running.startedHere).toBe(true);
    expect(running.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(running.version).toMatch(/^5\.26\.\d+$/);

    const status = await localNeo4jStatus(home);
    expect(status).toMatchObject({ running: true, uri: running.uri, pid: running.pid });
    expect(await passwordFileMode(home)).toBe(0o600);
    expect(running.password).toBe((await readFile(localNeo4jPaths(home).passwordFile, 'utf8')).trim());
    expect(running.password.length).toBeGreaterThanOrEqual(24);

    // Told to leave the warm-up out: no page is read ahead, nor any of the workspace's questions asked.
    const skipped = await awaitCacheWarmup(home);
    expect(skipped.state).toBe('off');
    expect(skipped.questions).toBeUndefined();
    expect(describeCacheWarmup(skipped)).toMatch(/not warmed .*CASELINK_NEO4J_WARMUP=off/);

    const db = await openDatabase({
      uri: running.uri,
      user: 'neo4j',
      password: running.password,
      database: 'neo4j',
      local: true,
    });
    expect((await db.serverInfo()).agent).toMatch(/^Neo4j\/5\.26\./);
    // Data for the restart below, with the schema, whose indexes the warm-up's questions use.
    await applySchema(db);
    await db.write('agencies/merge-agency', {
      code: 'KEEP',
      name: 'Kept across restarts',
      country: 'GB',
      now: new Date().toISOString(),
    });
    await db.close();
    beforeRestart = running.password;

    // The default password was replaced: it no longer gets in.
    const refused = await openDatabase({
      uri: running.uri,
      user: 'neo4j',
      password: 'neo4j',
      database: 'neo4j',
      local: true,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CaselinkFailure);
    expect((refused as CaselinkFailure).error.kind).toBe('AuthFailed');

    // Starting again finds the running one instead of a second process.
    const again = await startLocalNeo4j({ home, attached: true });
    expect(again).toMatchObject({ startedHere: false, pid: running.pid, uri: running.uri });

    expect(await stopLocalNeo4j(home)).toEqual({ stopped: true, pid: running.pid });
    expect(isAlive(running.pid)).toBe(false);
    expect(existsSync(localNeo4jPaths(home).stateFile)).toBe(false);
    const stopped = await localNeo4jStatus(home);
    expect(stopped).toMatchObject({ running: false });
    // A stopped database has no warm-up to report.
    expect(stopped.warmup).toBeUndefined();
    expect(await readFile(join(localNeo4jPaths(home).logsDir, 'debug.log'), 'utf8')).toMatch(/Stopped|Shutdown|shut/i);
  });

  // The database the test above wrote to and stopped, started again with the warm-up.
  it("keeps its data and password across a restart, and warms the page cache and the workspace's questions", async () => {
    expect(beforeRestart).not.toBe('');
    const second = await startLocalNeo4j({ home, ...START });
    expect(second.startedHere).toBe(true);
    expect(second.password).toBe(beforeRestart);

    // The page cache was read in the background (readiness did not wait for it), then the
    // workspace's own questions (search, expand, paths) were asked, about values that find nothing
    // in a graph without persons, every one answered, in read transactions only: the checks below
    // find the graph as it was.
    const warmed = await awaitCacheWarmup(home);
    expect(warmed).toMatchObject({ state: 'done', percent: 100, questionsFailed: 0 });
    expect(warmed.questionError).toBeUndefined();
    // The store and its indexes were read (a new database's are well under a MiB).
    expect(warmed.bytes).toBeGreaterThan(0);
    expect(warmed.storeBytes).toBeGreaterThan(0);
    expect(describeCacheWarmup(warmed)).toMatch(
      /^Page cache: warm \(\d+ MiB of store and indexes read in [\d.]+ s\)\. Asked first: [\d,]+ of the workspace's questions \(\d+ statements.*\) in [\d.]+ s\.$/,
    );
    expect(warmed.questions).toBeGreaterThanOrEqual(25);
    const warmedStatements = (warmed.statements ?? '').split(',');
    for (const name of [
      'search/find-parties',
      'search/find-phones',
      'search/find-cases',
      'workspace/party-neighbours',
      'workspace/identifier-users',
      'workspace/shortest-paths-6',
    ])
      expect(warmedStatements).toContain(name);
    const log = await readFile(localNeo4jPaths(home).launcherLog, 'utf8');
    expect(log).toMatch(/caselink-neo4j warming the page cache: .* in \d+ files/);
    expect(log).toMatch(/caselink-neo4j page cache warm: \d+ MiB read in [\d.]+ s/);
    expect(log).toMatch(
      /caselink-neo4j warm-up: \d+ questions asked in [\d.]+ s \(0 failed\), \d+ statements: .*search\/find-parties x\d+/,
    );

    const reopened = await openDatabase({
      uri: second.uri,
      user: 'neo4j',
      password: second.password,
      database: 'neo4j',
      local: true,
    });
    const rows = await reopened.read('agencies/list-agencies');
    expect(rows.map((r) => r.get('name'))).toEqual(['Kept across restarts']);
    await reopened.close();
  });

  // This database, still running, holds data (the agency above) and no test-graph mark: it stands for a user's.
  it('is never cleared nor marked by the test helpers when it holds data without the mark', async () => {
    const running = await localNeo4jStatus(home);
    expect(running.running).toBe(true);
    const db = await openDatabase({
      uri: running.uri ?? '',
      user: 'neo4j',
      password: beforeRestart,
      database: 'neo4j',
      local: true,
    });
    try {
      const refusal = `Refusing to use the graph at ${running.uri} (database neo4j) for tests: it holds 1 node and is not marked as a test graph.`;
      await expect(emptyTestGraph(db)).rejects.toThrow(refusal);
      await expect(prepareTestGraph(db)).rejects.toThrow(refusal);
      expect((await db.read('agencies/list-agencies')).map((r) => r.get('name'))).toEqual(['Kept across restarts']);
      expect((await db.read('admin/test-graph-state'))[0]?.get('marked')).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('says so plainly when nothing answers at the address', async () => {
    const error = await openDatabase({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
      local: false,
    }).catch((e: unknown) => e);
    expect((error as CaselinkFailure).error).toMatchObject({
      kind: 'ConnectionUnavailable',
      message: 'No Neo4j answers at bolt://127.0.0.1:1.',
    });
  });
});
