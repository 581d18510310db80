/**
 * The neo4j-driver adapter: one driver per connection, statements run by name through
 * `executeRead` / `executeWrite` (so routing and retries work on a cluster or Aura), each
 * transaction tagged with the statement's name, and driver errors mapped to CaselinkErrors.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { CaselinkFailure, type CaselinkError } from '../contract/errors';
import { statement, type CypherStatement } from './cypher';

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True for the local database Caselink starts itself. */
  local: boolean;
}

export type Params = Record<string, unknown>;

/**
 * One result row as plain data: integers as numbers (strings past 2^53), temporal values as ISO
 * strings, nodes and maps as plain objects. Services never see a driver type. Asking for a
 * column the statement does not return is a fault and throws, naming the statement; the typed
 * getters also check the value's type, so a statement and the code reading it cannot drift apart
 * silently.
 */
export class Row {
  readonly #statement: string;
  readonly #values: ReadonlyMap<string, unknown>;

  constructor(statement: string, values: Iterable<[string, unknown]>) {
    this.#statement = statement;
    this.#values = new Map(values);
  }

  /** The columns the statement returned. */
  get keys(): string[] {
    return [...this.#values.keys()];
  }

  /** Whether the statement returned this column. */
  has(key: string): boolean {
    return this.#values.has(key);
  }

  get(key: string): unknown {
    if (!this.#values.has(key)) throw new Error(`cypher/${this.#statement}.cypher returns no column "${key}"`);
    return this.#values.get(key);
  }

  /** The row as an object keyed by column. */
  toObject(): Record<string, unknown> {
    return Object.fromEntries(this.#values);
  }

  string(key: string): string {
    return this.#typed(key, 'a string', (v): v is string => typeof v === 'string');
  }

  stringOrNull(key: string): string | null {
    return this.#typed(key, 'a string or null', (v): v is string | null => v === null || typeof v === 'string');
  }

  number(key: string): number {
    return this.#typed(key, 'a number', (v): v is number => typeof v === 'number');
  }

  boolean(key: string): boolean {
    return this.#typed(key, 'a boolean', (v): v is boolean => typeof v === 'boolean');
  }

  strings(key: string): string[] {
    return this.#typed(
      key,
      'a list of strings',
      (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'),
    );
  }

  #typed<T>(key: string, what: string, check: (value: unknown) => value is T): T {
    const value = this.get(key);
    if (!check(value)) {
      throw new Error(`cypher/${this.#statement}.cypher: column "${key}" is not ${what} (${JSON.stringify(value)})`);
    }
    return value;
  }
}

/** A driver record as a {@link Row} of plain values. */
export function toRow(statement: string, record: Neo4jRecord): Row {
  return new Row(
    statement,
    record.keys.map((key) => [String(key), toPlain(record.get(key))]),
  );
}

/** What services need from the database; tests and the app compose services over it alike. */
export interface Database {
  readonly settings: Omit<ConnectionSettings, 'password'>;
  /** Runs a `read` statement and returns its rows. */
  read(name: string, params?: Params): Promise<Row[]>;
  /**
   * Runs `work` as one read transaction: every `read` statement it runs through `run` goes over
   * one connection, and statements run side by side are pipelined, so a question that takes
   * several statements pays for one transaction (its begin and commit) instead of one each.
   * Retried whole on a transient error: `work` must have no other side effects.
   */
  readWork<T>(label: string, work: (run: (name: string, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T>;
  /** Runs a `write` statement in its own retried transaction (as `writeWork`) and returns its rows. */
  write(name: string, params?: Params): Promise<Row[]>;
  /**
   * Runs `work` as one write transaction, retried whole on a transient error or on a uniqueness
   * race (see {@link retryConstraintRace}): every `write` statement it runs through `run`
   * applies, or none does. A `read` statement may run in it too, to decide on what the
   * transaction holds (its own writes, its locks, and what others committed before them). `work`
   * may look at one statement's records before choosing the next; it must not have other side
   * effects, being run again on retry.
   */
  writeWork<T>(label: string, work: (run: (name: string, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T>;
  /**
   * Runs an `autocommit` statement (one that batches its own transactions). Not retried: such a
   * statement must be safe to run again after a failure.
   */
  runAutoCommit(name: string, params?: Params): Promise<Row[]>;
  /**
   * Runs the statements of a `schema` file (`only` those that create constraints, or those that
   * create indexes, when given), each in its own transaction, `parallel` at a time (one unless
   * told), or all in one transaction with `together`.
   */
  applySchemaFile(name: string, options?: SchemaRun): Promise<void>;
  /** The server's agent string and protocol, checking that the server answers. */
  serverInfo(): Promise<{ agent: string; address: string }>;
  close(): Promise<void>;
}

const APP_METADATA = { app: 'caselink' };

/** How {@link Database.applySchemaFile} runs a schema file's statements. */
export interface SchemaRun {
  only?: 'constraints' | 'indexes';
  parallel?: number;
  together?: boolean;
}

/** Whether a schema statement creates a constraint (which fills and checks its index before it returns) or an index. */
export function schemaKind(text: string): 'constraints' | 'indexes' {
  const code = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join(' ');
  return /^\s*CREATE\s+CONSTRAINT\b/i.test(code) ? 'constraints' : 'indexes';
}

/**
 * Runs `work` with a view of `db` whose reads (and nested `readWork`s) all run in one read
 * transaction (see {@link Database.readWork}), so that services written against `Database` answer
 * a question in one transaction. Writes still go through `db`, each in its own transaction. Every
 * promise `work` starts must be awaited or caught: when one statement fails, the others of the
 * transaction fail with it.
 */
export function inOneRead<T>(db: Database, label: string, work: (db: Database) => Promise<T>): Promise<T> {
  return db.readWork(label, (read) =>
    work({
      settings: db.settings,
      read,
      readWork: (_label, inner) => inner(read),
      write: db.write.bind(db),
      writeWork: db.writeWork.bind(db),
      runAutoCommit: db.runAutoCommit.bind(db),
      applySchemaFile: db.applySchemaFile.bind(db),
      serverInfo: db.serverInfo.bind(db),
      // The view lives as long as the transaction; closing the database is its owner's call.
      close: async () => undefined,
    }),
  );
}

function expectMode(st: CypherStatement, mode: CypherStatement['mode']): void {
  if (st.mode !== mode) {
    throw new Error(`cypher/${st.name}.cypher is a ${st.mode} statement, not ${mode}`);
  }
}

/**
 * JavaScript has one number type and Cypher two: a whole JS number would arrive as a float, which
 * LIMIT, SKIP and integer properties refuse. Whole numbers go as Cypher integers, others as floats.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCypherParams(v);
    return out;
  }
  return value;
}

async function run(tx: ManagedTransaction, st: CypherStatement, params: Params): Promise<Row[]> {
  const result = await tx.run(st.texts[0] as string, toCypherParams(params) as Params);
  return result.records.map((record) => toRow(st.name, record));
}

const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Attempts of a transaction that keeps losing uniqueness races before the error is reported. */
export const CONSTRAINT_RACE_ATTEMPTS = 6;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again when it fails on a uniqueness constraint. Two transactions that each find
 * a record missing and create it (two imports of overlapping exports at once) both pass their
 * check, and the one that commits second fails with ConstraintValidationFailed, which the
 * driver's own retry leaves alone as a client error. Caselink's writes are idempotent, so the
 * whole transaction runs again and now finds what the other wrote. The pause grows and is
 * jittered, so that the two do not collide again in step; a violation that persists is real and
 * is reported after {@link CONSTRAINT_RACE_ATTEMPTS} attempts.
 */
export async function retryConstraintRace<T>(
  attempt: () => Promise<T>,
  attempts = CONSTRAINT_RACE_ATTEMPTS,
  random: () => number = Math.random,
): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      if (code !== CONSTRAINT_VIOLATION || n >= attempts) throw error;
      await pause(25 * 2 ** n * (0.5 + random()));
    }
  }
}

export interface DriverOptions {
  /** How long a failed transaction is retried before the error is reported (default 30 s). */
  maxTransactionRetryTimeMs?: number;
}

/** Opens a driver and checks that the server answers; throws a CaselinkFailure otherwise. */
export async function openDatabase(settings: ConnectionSettings, options: DriverOptions = {}): Promise<Database> {
  const driver: Driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    userAgent: 'caselink/0.1',
    disableLosslessIntegers: false,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 30_000,
  });
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (cause) {
    await driver.close();
    throw new CaselinkFailure(toCaselinkError(cause, settings.uri, settings.local), { cause });
  }
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database: settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (cause) {
      if (cause instanceof CaselinkFailure) throw cause;
      throw new CaselinkFailure(toCaselinkError(cause, settings.uri, settings.local), { cause });
    }
  };

  const { password: _password, ...visible } = settings;
  return {
    settings: visible,
    read: (name, params = {}) =>
      guard(async () => {
        const st = statement(name);
        expectMode(st, 'read');
        const s = session('READ');
        try {
          return await s.executeRead((tx) => run(tx, st, params), { metadata: { ...APP_METADATA, query: name } });
        } finally {
          await s.close();
        }
      }),
    readWork: (label, work) =>
      guard(async () => {
        const s = session('READ');
        try {
          return await s.executeRead(
            (tx) =>
              work(async (name, params = {}) => {
                const st = statement(name);
                expectMode(st, 'read');
                return run(tx, st, params);
              }),
            { metadata: { ...APP_METADATA, query: label } },
          );
        } finally {
          await s.close();
        }
      }),
    write: (name, params = {}) =>
      guard(async () => {
        const st = statement(name);
        expectMode(st, 'write');
        const s = session('WRITE');
        try {
          return await retryConstraintRace(() =>
            s.executeWrite((tx) => run(tx, st, params), { metadata: { ...APP_METADATA, query: name } }),
          );
        } finally {
          await s.close();
        }
      }),
    writeWork: (label, work) =>
      guard(async () => {
        const s = session('WRITE');
        try {
          return await retryConstraintRace(() =>
            s.executeWrite(
              (tx) =>
                work((name, params = {}) => {
                  const st = statement(name);
                  if (st.mode !== 'read') expectMode(st, 'write');
                  return run(tx, st, params);
                }),
              { metadata: { ...APP_METADATA, query: label } },
            ),
          );
        } finally {
          await s.close();
        }
      }),
    runAutoCommit: (name, params = {}) =>
      guard(async () => {
        const st = statement(name);
        expectMode(st, 'autocommit');
        const s = session('WRITE');
        try {
          const result = await s.run(st.texts[0] as string, toCypherParams(params) as Params, {
            metadata: { ...APP_METADATA, query: name },
          });
          return result.records.map((record) => toRow(name, record));
        } finally {
          await s.close();
        }
      }),
    applySchemaFile: (name, options = {}) =>
      guard(async () => {
        const st = statement(name);
        expectMode(st, 'schema');
        const texts = st.texts.filter((text) => options.only === undefined || schemaKind(text) === options.only);
        const metadata = { metadata: { ...APP_METADATA, query: name } };
        if (options.together) {
          if (texts.length === 0) return;
          const s = session('WRITE');
          try {
            await s.executeWrite(async (tx) => {
              for (const text of texts) await tx.run(text);
            }, metadata);
          } finally {
            await s.close();
          }
          return;
        }
        let next = 0;
        const lane = async () => {
          const s = session('WRITE');
          try {
            while (next < texts.length) {
              const text = texts[next++] as string;
              await s.executeWrite((tx) => tx.run(text), metadata);
            }
          } finally {
            await s.close();
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel ?? 1, texts.length)) }, lane));
      }),
    serverInfo: () =>
      guard(async () => {
        const info = await driver.getServerInfo({ database: settings.database });
        return { agent: info.agent ?? 'unknown', address: info.address ?? settings.uri };
      }),
    close: () => driver.close(),
  };
}

/**
 * Maps a driver or network error to the error a person reads. `local`: the database is the local
 * one Caselink starts (`caselink db start` helps), not one NEO4J_URI names.
 */
export function toCaselinkError(cause: unknown, uri: string, local = false): CaselinkError {
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause
      ? String((cause as { code: unknown }).code)
      : undefined;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return {
      kind: 'AuthFailed',
      message: `Neo4j at ${uri} refused the user name or password.`,
      hint: 'Check NEO4J_USER and NEO4J_PASSWORD. For the local database, the password is in CASELINK_HOME/neo4j/password.',
      code,
    };
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'ECONNREFUSED' ||
    /connect|ECONNREFUSED|ENOTFOUND/i.test(message)
  ) {
    return {
      kind: 'ConnectionUnavailable',
      message: `No Neo4j answers at ${uri}.`,
      hint: local
        ? 'Start the local database with "caselink db start".'
        : 'Check NEO4J_URI and that the Neo4j server it names is running and reachable.',
      code,
    };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return {
      kind: 'NotFound',
      message: `The database named in NEO4J_DATABASE does not exist on ${uri}.`,
      hint: 'Neo4j Community has one user database, usually "neo4j".',
      code,
    };
  }
  return { kind: 'DatabaseError', message, ...(code ? { code } : {}) };
}

/** Converts a driver value to a plain JSON-safe value (integers to numbers, or strings past 2^53). */
export function toPlain(value: unknown): unknown {
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isDuration(value)
    ) {
      return value.toString();
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
