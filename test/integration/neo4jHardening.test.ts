import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaselinkFailure } from '../../main/contract/errors';
import { openDatabase, type Database } from '../../main/db/database';
import { localNeo4jPaths, startLocalNeo4j, stopLocalNeo4j, type RunningLocalNeo4j } from '../../main/db/localNeo4j';
import { serverSettings } from '../support/serverSettings';

// What the local database exposes, read back from the running server. It runs in its own
// CASELINK_HOME: the global setup's database may be another server, configured elsewhere.
describe('the local Neo4j, hardened', () => {
  let home: string;
  let running: RunningLocalNeo4j;
  let db: Database;
  const open = (password: string) =>
    openDatabase({ uri: running.uri, user: 'neo4j', password, database: 'neo4j', local: true });

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-hardening-'));
    running = await startLocalNeo4j({ home, attached: true, heap: '512m', pageCache: '64m', warmup: false });
    db = await open(running.password);
  });

  afterAll(async () => {
    await db?.close();
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  });

  it('sends no usage report, serves Bolt on loopback only, with no HTTP connector and no lockout', async () => {
    expect(
      await serverSettings(db, [
        'dbms.usage_report.enabled',
        'dbms.security.auth_enabled',
        'dbms.security.auth_max_failed_attempts',
        'server.bolt.listen_address',
        'server.http.enabled',
        'server.https.enabled',
        'server.directories.import',
        'dbms.security.allow_csv_import_from_file_urls',
      ]),
    ).toEqual({
      'dbms.usage_report.enabled': 'false',
      'dbms.security.auth_enabled': 'true',
      'dbms.security.auth_max_failed_attempts': '0',
      // Port 0: a free port chosen at each start, found by Caselink in state.json.
      'server.bolt.listen_address': '127.0.0.1:0',
      'server.http.enabled': 'false',
      'server.https.enabled': 'false',
      'server.directories.import': localNeo4jPaths(home).importDir,
      'dbms.security.allow_csv_import_from_file_urls': 'true',
    });
  });

  it('lets LOAD CSV read only the import folder', async () => {
    const params = (url: string) => ({
      url,
      source: 'hardening',
      agency: 'TEST',
      caseColumns: [],
      nameColumns: [],
      phoneColumns: [],
      addressColumns: [],
      emailColumns: [],
    });
    const failure = (url: string) =>
      db.runAutoCommit('bench/load-csv-baseline', params(url)).then(
        () => 'read',
        (e: unknown) => (e as CaselinkFailure).error.message,
      );
    expect(await failure('file:///etc/passwd')).toMatch(/Couldn't load the external resource/);
    expect(await failure('file:///../../../../../../../../etc/passwd')).not.toBe('read');

    await writeFile(join(localNeo4jPaths(home).importDir, 'rows.csv'), 'Name\nA\nB\n');
    const [result] = await db.runAutoCommit('bench/load-csv-baseline', params('file:///rows.csv'));
    expect(Number(result?.get('rows'))).toBe(2);
  });

  it('keeps letting Caselink in after wrong passwords, and writes no password to its logs', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const refused = await open(`wrong-${attempt}`).catch((e: unknown) => e);
      expect((refused as CaselinkFailure).error.kind).toBe('AuthFailed');
    }
    const again = await open(running.password);
    expect((await again.serverInfo()).agent).toMatch(/^Neo4j\/5\.26\./);
    await again.close();

    const logsDir = localNeo4jPaths(home).logsDir;
    const logs = await Promise.all((await readdir(logsDir)).map((name) => readFile(join(logsDir, name), 'utf8')));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.filter((text) => text.includes(running.password) || text.includes('wrong-0'))).toEqual([]);
  });
});
