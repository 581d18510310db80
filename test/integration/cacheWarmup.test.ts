import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import {
  awaitCacheWarmup,
  describeCacheWarmup,
  localNeo4jPaths,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../main/db/localNeo4j';

/** As in localNeo4j.test.ts: a busy machine can take minutes to start a database. */
const START = { attached: true, heap: '512m', pageCache: '128m', timeoutMs: 540_000 } as const;

// A local database of its own, in its own CASELINK_HOME, beside the one the global setup runs.
describe("the local Neo4j's page-cache warm-up", { timeout: 1_200_000 }, () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-warmup-'));
  });

  afterAll(async () => {
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  });

  it('reads the store into the page cache after start, says how far it got, and ends', async () => {
    const running = await startLocalNeo4j({ home, ...START });
    // Readiness does not wait for it: status says it is coming or under way.
    const early = await localNeo4jStatus(home);
    expect(early.warmup?.state).toMatch(/^(pending|warming|done)$/);

    // Queries are answered while it runs.
    const db = await openDatabase({
      uri: running.uri,
      user: 'neo4j',
      password: running.password,
      database: 'neo4j',
      local: true,
    });
    await db.write('agencies/merge-agency', {
      code: 'WARM',
      name: 'Warm',
      country: 'GB',
      now: new Date().toISOString(),
    });
    await db.close();

    const ended = await awaitCacheWarmup(home);
    expect(ended.state).toBe('done');
    expect(ended.percent).toBe(100);
    // The store and its indexes were read (a new database's are well under a MiB).
    expect(ended.bytes).toBeGreaterThan(0);
    expect(ended.storeBytes).toBeGreaterThan(0);

    const status = await localNeo4jStatus(home);
    expect(status.warmup?.state).toBe('done');
    expect(describeCacheWarmup(status.warmup!)).toMatch(
      /^Page cache: warm \(\d+ MiB of store and indexes read in [\d.]+ s\)\.$/,
    );
    const log = await readFile(localNeo4jPaths(home).launcherLog, 'utf8');
    expect(log).toMatch(/caselink-neo4j warming the page cache: .* in \d+ files/);
    expect(log).toMatch(/caselink-neo4j page cache warm: \d+ MiB read in [\d.]+ s/);
    await stopLocalNeo4j(home);
  });

  it('is left out when turned off, and says so', async () => {
    await stopLocalNeo4j(home);
    expect((await startLocalNeo4j({ home, ...START, warmup: false })).startedHere).toBe(true);
    const ended = await awaitCacheWarmup(home);
    expect(ended.state).toBe('off');
    expect(describeCacheWarmup(ended)).toMatch(/not warmed .*CASELINK_NEO4J_WARMUP=off/);
    await stopLocalNeo4j(home);
    // A stopped database has no warm-up to report.
    expect((await localNeo4jStatus(home)).warmup).toBeUndefined();
  });
});
