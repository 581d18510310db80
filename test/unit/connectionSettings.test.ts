import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  encryptedPasswordStore,
  fileSettingsStore,
  memoryPasswordStore,
  memorySettingsStore,
  safeStorageCipher,
  type SecretCipher,
} from '../../main/config/connectionStore';
import type { Result } from '../../main/contract/api';
import { connectionSettingsInput } from '../../main/contract/connectionTypes';
import type { Database } from '../../main/db/database';
import { describeConnectionFailure } from '../../main/db/connectionTest';
import type { CaselinkServices } from '../../main/services/api';
import { ConnectionManager, type ConnectTarget, type OpenConnection } from '../../main/services/connectionService';

const SECRET = 'correct horse battery staple';

describe('connection settings input', () => {
  const server = (uri: string) =>
    connectionSettingsInput.safeParse({ local: false, uri, user: 'neo4j', password: SECRET, database: 'neo4j' });

  it.each([
    'bolt://localhost:7687',
    'bolt+s://db.example.org:7687',
    'bolt+ssc://10.0.0.5',
    'neo4j://cluster.example.org',
    'neo4j+s://abcd1234.databases.neo4j.io',
    'neo4j+ssc://db.internal:7687/',
  ])('accepts %s', (uri) => {
    expect(server(uri).success).toBe(true);
  });

  it.each([
    ['http://localhost:7474', 'Start the address with'],
    ['https://db.example.org', 'Start the address with'],
    ['localhost:7687', 'Start the address with'],
    ['bolt://neo4j:secret@localhost:7687', 'not in the address'],
    ['bolt://localhost:7687/neo4j', 'only a host and port'],
    ['bolt://localhost:7687?token=x', 'only a host and port'],
    ['', 'Give the server address'],
  ])('refuses %s with a plain reason', (uri, reason) => {
    const parsed = server(uri);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(' ')).toContain(reason);
  });

  it('takes the local database alone, and refuses a database name that is not one', () => {
    expect(connectionSettingsInput.safeParse({ local: true }).success).toBe(true);
    expect(connectionSettingsInput.safeParse({ local: true, uri: 'bolt://x' }).success).toBe(false);
    expect(
      connectionSettingsInput.safeParse({ local: false, uri: 'bolt://x', user: 'u', database: 'my db; DROP' }).success,
    ).toBe(false);
  });
});

describe('what a failed connection means', () => {
  const target = { uri: 'neo4j+s://db.example.org', user: 'analyst', database: 'cases', password: SECRET };
  const cases: [string, Neo4jError | Error, string, RegExp][] = [
    [
      'wrong password',
      new Neo4jError(
        'The client is unauthorized due to authentication failure.',
        'Neo.ClientError.Security.Unauthorized',
        'GQL',
        'x',
      ),
      'wrongPassword',
      /Wrong password/,
    ],
    [
      'locked out',
      new Neo4jError(
        'The client has provided incorrect authentication details too many times in a row.',
        'Neo.ClientError.Security.AuthenticationRateLimit',
        'GQL',
        'x',
      ),
      'wrongPassword',
      /too many wrong passwords/,
    ],
    [
      'no such database',
      new Neo4jError(
        "Database does not exist. Database name: 'cases'.",
        'Neo.ClientError.Database.DatabaseNotFound',
        'GQL',
        'x',
      ),
      'databaseNotFound',
      /no database named "cases"/,
    ],
    [
      'refused',
      new Neo4jError(
        'Failed to connect to server. Please ensure that your database is listening on the correct host and port and that you have compatible encryption settings both on Neo4j server and driver. Note that the default encryption setting has changed in Neo4j 4.0. Caused by: connect ECONNREFUSED 127.0.0.1:7687',
        'ServiceUnavailable',
        'GQL',
        'x',
      ),
      'unreachable',
      /Cannot reach/,
    ],
    [
      'unknown host',
      new Neo4jError(
        'Could not perform discovery. No routing servers available. Known routing table: ... Caused by: getaddrinfo ENOTFOUND db.example.org',
        'ServiceUnavailable',
        'GQL',
        'x',
      ),
      'unreachable',
      /Cannot reach/,
    ],
    [
      'self-signed certificate',
      new Neo4jError(
        'Failed to connect to server. ... Caused by: self-signed certificate',
        'ServiceUnavailable',
        'GQL',
        'x',
      ),
      'tls',
      /certificate/,
    ],
    [
      'TLS to a plain server',
      new Neo4jError(
        'Failed to connect to server. ... Caused by: Client network socket disconnected before secure TLS connection was established',
        'ServiceUnavailable',
        'GQL',
        'x',
      ),
      'tls',
      /secure connection/,
    ],
    [
      'the HTTP port',
      new Neo4jError(
        'Server responded HTTP. Make sure you are not trying to connect to the http endpoint (HTTP defaults to port 7474 whereas BOLT defaults to port 7687)',
        'N/A',
        'GQL',
        'x',
      ),
      'notNeo4j',
      /web server/,
    ],
    ['an old server', new Neo4jError('Unknown Bolt protocol version: 0', 'N/A', 'GQL', 'x'), 'serverTooOld', /too old/],
    [
      'a timeout',
      new Neo4jError('Failed to establish connection in 5000ms', 'ServiceUnavailable', 'GQL', 'x'),
      'timeout',
      /did not answer within 5 seconds/,
    ],
  ];

  it.each(cases)('%s', (_name, error, kind, words) => {
    const outcome = describeConnectionFailure(error, target);
    expect(outcome.ok).toBe(false);
    expect(outcome.kind).toBe(kind);
    expect(outcome.message).toMatch(words);
    expect(outcome.hint).toBeTruthy();
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('never repeats the password, even when a server quotes it back', () => {
    const outcome = describeConnectionFailure(
      new Neo4jError(`Something odd about ${SECRET}`, 'Neo.DatabaseError.General.UnknownError', 'GQL', 'x'),
      target,
    );
    expect(outcome.kind).toBe('other');
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});

describe('password stores', () => {
  const reversing = (reason: string | null = null): SecretCipher => ({
    unavailableReason: () => reason,
    encrypt: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decrypt: (bytes) => {
      const text = bytes.toString();
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return [...text.slice(4)].reverse().join('');
    },
  });

  it('keeps the password encrypted, readable by the user only, and never in connection.json', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-conn-'));
    const store = encryptedPasswordStore(home, reversing());
    await store.set(SECRET);
    expect(await store.get()).toBe(SECRET);
    const file = join(home, 'connection-password.bin');
    expect((await readFile(file)).toString()).not.toContain(SECRET);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    await fileSettingsStore(home).save({ local: false, uri: 'bolt://h:7687', user: 'u', database: 'neo4j' });
    expect(await readFile(join(home, 'connection.json'), 'utf8')).not.toContain(SECRET);
    expect(await fileSettingsStore(home).load()).toEqual({
      local: false,
      uri: 'bolt://h:7687',
      user: 'u',
      database: 'neo4j',
    });
  });

  it('refuses to keep a password without a keyring, and says what to do instead', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-conn-'));
    const cipher = safeStorageCipher(
      {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'basic_text',
        encryptString: (t) => Buffer.from(t),
        decryptString: (b) => b.toString(),
      },
      'linux',
    );
    await expect(encryptedPasswordStore(home, cipher).set(SECRET)).rejects.toThrow(/NEO4J_PASSWORD/);
    expect(cipher.unavailableReason()).toMatch(/keyring/);
    const mac = safeStorageCipher(
      { isEncryptionAvailable: () => true, encryptString: (t) => Buffer.from(t), decryptString: (b) => b.toString() },
      'darwin',
    );
    expect(mac.unavailableReason()).toBeNull();
  });

  it('reads a password it cannot decrypt as none, so the dialog asks again', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-conn-'));
    await encryptedPasswordStore(home, reversing()).set(SECRET);
    const other: SecretCipher = {
      ...reversing(),
      decrypt: () => {
        throw new Error('other keyring');
      },
    };
    expect(await encryptedPasswordStore(home, other).get()).toBeNull();
  });
});

/** A database that records whether it was closed; its services answer a status after `gate` opens. */
function fakeConnection(name: string, log: string[]) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const db = { settings: { uri: name, user: 'neo4j', database: 'neo4j', local: name === 'local' } } as Database;
  const connection: OpenConnection = {
    db,
    close: async () => {
      log.push(`closed ${name}`);
    },
  };
  const services = {
    dispose: async () => {
      log.push(`disposed ${name}`);
    },
    getConnectionStatus: async () => {
      await gate;
      log.push(`answered ${name}`);
      return { ok: true, value: { uri: name } } as unknown as Result<never>;
    },
  } as unknown as CaselinkServices;
  return { connection, services, open: () => open() };
}

function manager(env: Record<string, string> = {}) {
  const log: string[] = [];
  const made = new Map<string, ReturnType<typeof fakeConnection>>();
  const opened: ConnectTarget[] = [];
  const m = new ConnectionManager({
    env,
    settings: memorySettingsStore(),
    passwords: memoryPasswordStore(),
    open: async (target) => {
      opened.push(target);
      const name = 'local' in target ? 'local' : target.uri;
      const fake = fakeConnection(name, log);
      made.set(name, fake);
      return fake.connection;
    },
    test: async (target) =>
      target.password === SECRET
        ? { ok: true, kind: 'ok', message: 'Connected.' }
        : { ok: false, kind: 'wrongPassword', message: 'Wrong password or user name.' },
    createServices: (db) => made.get(db.settings.uri)!.services,
  });
  return { m, log, made, opened };
}

describe('the connection manager', () => {
  const server = { local: false as const, uri: 'bolt://shared:7687', user: 'analyst', database: 'neo4j' };

  it('uses the local database by default, then the saved server; never answers the password', async () => {
    const { m, opened } = manager();
    expect(await m.settings()).toMatchObject({ local: true, source: 'default', canSave: true, persistent: false });
    const saved = await m.save({ ...server, password: SECRET });
    expect(saved).toEqual({ ...server, passwordStored: true, source: 'saved', canSave: true, persistent: false });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(opened).toEqual([{ uri: server.uri, user: 'analyst', database: 'neo4j', password: SECRET }]);
  });

  it('keeps the old database when the new one refuses the password', async () => {
    const { m, opened } = manager();
    const api = m.api();
    await expect(m.save({ ...server, password: 'wrong' })).rejects.toThrow('Wrong password');
    expect(opened).toEqual([]);
    const res = await api.saveConnectionSettings({ ...server, password: 'wrong' });
    expect(res.ok ? null : res.error.kind).toBe('AuthFailed');
  });

  it('lets a call in flight finish on the old database before closing it; new calls go to the new one', async () => {
    const { m, log, made } = manager();
    const api = m.api();
    const first = api.getConnectionStatus();
    await new Promise((resolve) => setImmediate(resolve));
    const saving = m.save({ ...server, password: SECRET });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['disposed local']);
    made.get(server.uri)!.open();
    const second = await api.getConnectionStatus();
    expect(second.ok && second.value.uri).toBe(server.uri);
    made.get('local')!.open();
    expect((await first).ok && (await first).ok).toBe(true);
    await saving;
    expect(log).toEqual(['disposed local', `answered ${server.uri}`, 'answered local', 'closed local']);
  });

  it('a saved server without a stored password is tested with the stored one, and refused without', async () => {
    const { m } = manager();
    await expect(m.test(server)).rejects.toThrow(/Type the password/);
    await m.save({ ...server, password: SECRET });
    expect((await m.test(server)).ok).toBe(true);
  });

  it('saving the local database while on it keeps the running one', async () => {
    const { m, log, opened, made } = manager();
    const api = m.api();
    const first = api.getConnectionStatus();
    await new Promise((resolve) => setImmediate(resolve));
    made.get('local')!.open();
    await first;
    expect(await m.save({ local: true })).toMatchObject({ local: true, source: 'saved' });
    expect(opened).toEqual([{ local: true }]);
    expect(log).toEqual(['answered local']);
  });

  it('lets NEO4J_URI decide: the dialog may test but not save', async () => {
    const { m } = manager({ NEO4J_URI: 'neo4j+s://tf.example.org', NEO4J_PASSWORD: SECRET, NEO4J_USER: 'tf' });
    const view = await m.settings();
    expect(view).toMatchObject({
      local: false,
      uri: 'neo4j+s://tf.example.org',
      user: 'tf',
      source: 'environment',
      canSave: false,
    });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    await expect(m.save({ local: true })).rejects.toThrow(/NEO4J_URI is set/);
    expect((await m.test({ local: false, uri: 'neo4j+s://tf.example.org', user: 'tf', database: 'neo4j' })).ok).toBe(
      true,
    );
  });
});
