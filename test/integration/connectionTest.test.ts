import { createServer } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryPasswordStore, memorySettingsStore } from '../../main/config/connectionStore';
import { connect } from '../../main/db/connect';
import { testNeo4jConnection } from '../../main/db/connectionTest';
import { createApi } from '../../main/services/api';
import { ConnectionManager } from '../../main/services/connectionService';
import { openTestDatabase } from '../support/services';
import { testNeo4j } from '../support/testNeo4j';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Only the test run's own Neo4j is used here (never NEO4J_URI's), and no more than two wrong
// passwords are tried, under Neo4j's lock-out after three.
describe('testing a connection against a real Neo4j', () => {
  const neo = testNeo4j();
  const target = { uri: neo.uri, user: neo.user, password: neo.password, database: neo.database };

  it('connects with the right password and names the server', async () => {
    const outcome = await testNeo4jConnection(target);
    expect(outcome).toMatchObject({ ok: true, kind: 'ok' });
    expect(outcome.message).toMatch(/^Connected to Neo4j\/5\./);
  });

  it('says "wrong password" with a wrong one, without repeating it', async () => {
    const outcome = await testNeo4jConnection({ ...target, password: 'not-the-password-42' });
    expect(outcome).toMatchObject({ ok: false, kind: 'wrongPassword' });
    expect(outcome.message).toMatch(/^Wrong password/);
    expect(JSON.stringify(outcome)).not.toContain('not-the-password-42');
  });

  it('says it cannot reach a closed port', async () => {
    const outcome = await testNeo4jConnection({ ...target, uri: `bolt://127.0.0.1:${await closedPort()}` });
    expect(outcome).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(outcome.message).toMatch(/^Cannot reach/);
  });

  it('says the database does not exist', async () => {
    const outcome = await testNeo4jConnection({ ...target, database: 'nosuchdatabase' });
    expect(outcome).toMatchObject({ ok: false, kind: 'databaseNotFound' });
  });

  it('moves `caselink serve` to a server only once it accepts the password', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-conn-'));
    const initialDb = await openTestDatabase();
    const manager = new ConnectionManager({
      env: {},
      settings: memorySettingsStore(),
      passwords: memoryPasswordStore(),
      open: (to) => connect({ attached: true, target: to, env: { CASELINK_HOME: home } }),
      test: (to) => testNeo4jConnection(to),
      createServices: (db) => createApi(db, { home }),
      initial: { db: initialDb, close: () => initialDb.close() },
    });
    try {
      const api = manager.api();
      const input = { local: false as const, uri: neo.uri, user: neo.user, database: neo.database };
      const refused = await api.saveConnectionSettings({ ...input, password: 'still-not-the-password' });
      expect(refused.ok ? null : refused.error).toMatchObject({ kind: 'AuthFailed' });
      expect((await api.getConnectionSettings()).ok && (await api.getConnectionSettings())).toMatchObject({
        value: { local: true, source: 'default' },
      });
      const saved = await api.saveConnectionSettings({ ...input, password: neo.password });
      expect(saved).toMatchObject({ ok: true, value: { uri: neo.uri, passwordStored: true, source: 'saved' } });
      const status = await api.getConnectionStatus();
      expect(status).toMatchObject({ ok: true, value: { uri: neo.uri } });
    } finally {
      await manager.close();
    }
  });
});
