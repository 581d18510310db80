/**
 * The Connection dialog's service, and the one place that decides which database the running app
 * (or `caselink serve`) works on.
 *
 * Precedence: NEO4J_URI in the environment (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) wins
 * and fixes the connection for the run (the dialog can test but not save); otherwise the saved
 * settings; otherwise the local database Caselink runs itself.
 *
 * Switching databases: the new one is opened first (a failure leaves the old one in use); then
 * new calls go to the new one, running imports on the old one are cancelled (the services are
 * disposed), calls already in flight finish on the old one, and only then is the old driver closed
 * and, if this process started it, the local Neo4j stopped.
 */
import { configuredConnection, type Env, type ExternalConnection } from '../config/settings';
import type { PasswordStore, SavedConnection, SettingsStore } from '../config/connectionStore';
import { API_METHODS, type ApiMethod, type CaselinkApi, type Result } from '../contract/api';
import {
  connectionSettingsInput,
  type ConnectionSettingsInput,
  type ConnectionSettingsView,
  type ConnectionTestResult,
} from '../contract/connectionTypes';
import { CaselinkFailure, toError, type CaselinkError } from '../contract/errors';
import type { Database } from '../db/database';
import type { CaselinkServices } from './api';

/** What to connect to: the local database, or a server with its password. */
export type ConnectTarget = { local: true } | ExternalConnection;

/** An open database and how to let it go (what main/db/connect's `connect` answers). */
export interface OpenConnection {
  db: Database;
  close(): Promise<void>;
}

export interface ConnectionManagerOptions {
  env: Env;
  settings: SettingsStore;
  passwords: PasswordStore;
  /** Opens a database (and starts the local Neo4j when that is the target). */
  open(target: ConnectTarget): Promise<OpenConnection>;
  /** Tries a server without keeping the connection (main/db/connectionTest). */
  test(target: ExternalConnection): Promise<ConnectionTestResult>;
  /** The services over one database. */
  createServices(db: Database): CaselinkServices;
  /** A database already open (`caselink serve` connects before it listens), used until a save. */
  initial?: OpenConnection;
}

const CONNECTION_METHODS = ['getConnectionSettings', 'testConnection', 'saveConnectionSettings'] as const;
type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

interface Live {
  connection: OpenConnection;
  services: CaselinkServices;
  inFlight: number;
  drained: (() => void) | null;
}

async function answer<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}

function invalid(message: string): CaselinkFailure {
  return new CaselinkFailure({ kind: 'InvalidInput', message });
}

/**
 * Owns the app's database: connects on first use, answers the connection methods, swaps the
 * database on save, and closes it on {@link close}.
 */
export class ConnectionManager {
  readonly #options: ConnectionManagerOptions;
  #live: Promise<Live> | null = null;
  /** Serialises saves, so that two never race to swap. */
  #switching: Promise<unknown> = Promise.resolve();

  constructor(options: ConnectionManagerOptions) {
    this.#options = options;
    if (options.initial) this.#live = Promise.resolve(this.#wrap(options.initial));
  }

  /** The whole API: the data methods over the current database, and the connection methods. */
  api(): CaselinkApi {
    const api: Record<string, unknown> = {};
    for (const method of API_METHODS) {
      if ((CONNECTION_METHODS as readonly string[]).includes(method)) continue;
      api[method] = (input: unknown) => this.#call(method, input);
    }
    const own: Pick<CaselinkApi, ConnectionMethod> = {
      getConnectionSettings: () => answer(() => this.settings()),
      testConnection: (input) => answer(() => this.test(connectionSettingsInput.parse(input))),
      saveConnectionSettings: (input) => answer(() => this.save(connectionSettingsInput.parse(input))),
    };
    return { ...api, ...own } as CaselinkApi;
  }

  /** The settings in force, without the password. */
  async settings(): Promise<ConnectionSettingsView> {
    const { env, settings, passwords } = this.#options;
    const fromEnv = configuredConnection(env);
    const persistent = settings.persistent && passwords.persistent;
    if (fromEnv) {
      const { password: _password, ...visible } = fromEnv;
      return { ...visible, local: false, passwordStored: true, source: 'environment', canSave: false, persistent };
    }
    const saved = await settings.load();
    if (!saved || saved.local) return { local: true, source: saved ? 'saved' : 'default', canSave: true, persistent };
    return { ...saved, passwordStored: (await passwords.get()) !== null, source: 'saved', canSave: true, persistent };
  }

  /** Tries the given settings without changing anything. A left-out password means the stored one. */
  async test(input: ConnectionSettingsInput): Promise<ConnectionTestResult> {
    if (input.local) {
      try {
        const live = await this.#current();
        if (live.connection.db.settings.local) {
          return { ok: true, kind: 'ok', message: 'The local database is running and answers.' };
        }
      } catch {
        // Not connected yet: say what starting the local database involves rather than start it here.
      }
      return {
        ok: true,
        kind: 'ok',
        message: 'Caselink starts the local database itself when you save; it needs Java 17 or later.',
      };
    }
    return this.#options.test(await this.#target(input));
  }

  /** Keeps the settings and moves the app to that database. Refused while the environment fixes the connection. */
  save(input: ConnectionSettingsInput): Promise<ConnectionSettingsView> {
    const run = this.#switching.then(
      () => this.#save(input),
      () => this.#save(input),
    );
    this.#switching = run.catch(() => undefined);
    return run;
  }

  async #save(input: ConnectionSettingsInput): Promise<ConnectionSettingsView> {
    if (configuredConnection(this.#options.env)) {
      throw invalid(
        'NEO4J_URI is set in the environment, so it decides the connection for this run. Unset NEO4J_URI and start Caselink again to choose here.',
      );
    }
    if (input.local && (await this.#live?.catch(() => null))?.connection.db.settings.local) {
      // Already on the local database: opening it again and closing the old connection would stop
      // the Neo4j the new one uses.
      await this.#options.settings.save({ local: true });
      return this.settings();
    }
    const target: ConnectTarget = input.local ? { local: true } : await this.#target(input);
    if (!('local' in target)) {
      // A server that does not answer is not saved: the dialog says why, and the old one stays in use.
      const outcome = await this.#options.test(target);
      if (!outcome.ok) {
        throw new CaselinkFailure({
          kind: outcome.kind === 'wrongPassword' ? 'AuthFailed' : 'ConnectionUnavailable',
          message: outcome.message,
          ...(outcome.hint ? { hint: outcome.hint } : {}),
          ...(outcome.code ? { code: outcome.code } : {}),
        });
      }
    }
    const next = await this.#options.open(target);
    // The password is stored only once the server accepted it; a store that cannot keep it safely
    // refuses before anything is swapped.
    try {
      if (!input.local && input.password !== undefined) await this.#options.passwords.set(input.password);
      const saved: SavedConnection = input.local
        ? { local: true }
        : { local: false, uri: input.uri, user: input.user, database: input.database };
      await this.#options.settings.save(saved);
    } catch (error) {
      await next.close().catch(() => undefined);
      throw error instanceof CaselinkFailure
        ? error
        : new CaselinkFailure({
            kind: 'InvalidInput',
            message: error instanceof Error ? error.message : String(error),
          });
    }
    await this.#swap(next);
    return this.settings();
  }

  /** Cancels imports, waits for calls in flight, closes the database (and the local Neo4j this process started). */
  async close(): Promise<void> {
    const live = this.#live;
    this.#live = null;
    if (!live) return;
    const old = await live.catch(() => null);
    if (old) await this.#retire(old);
  }

  async #swap(next: OpenConnection): Promise<void> {
    const previous = this.#live;
    this.#live = Promise.resolve(this.#wrap(next));
    const old = await previous?.catch(() => null);
    if (old) await this.#retire(old);
  }

  async #retire(old: Live): Promise<void> {
    await old.services.dispose().catch(() => undefined);
    if (old.inFlight > 0) await new Promise<void>((resolve) => (old.drained = resolve));
    await old.connection.close().catch(() => undefined);
  }

  #wrap(connection: OpenConnection): Live {
    return { connection, services: this.#options.createServices(connection.db), inFlight: 0, drained: null };
  }

  /** The target for `input`, with the stored (or environment's) password when none is given. */
  async #target(input: Extract<ConnectionSettingsInput, { local: false }>): Promise<ExternalConnection> {
    let password = input.password;
    if (password === undefined) {
      const fromEnv = configuredConnection(this.#options.env);
      password = (fromEnv?.uri === input.uri ? fromEnv.password : await this.#options.passwords.get()) ?? undefined;
    }
    if (password === undefined) throw invalid('Type the password: none is stored for this server.');
    return { uri: input.uri, user: input.user, password, database: input.database };
  }

  async #startupTarget(): Promise<ConnectTarget> {
    const fromEnv = configuredConnection(this.#options.env);
    if (fromEnv) return fromEnv;
    const saved = await this.#options.settings.load();
    if (!saved || saved.local) return { local: true };
    const password = await this.#options.passwords.get();
    if (password === null) {
      throw new CaselinkFailure({
        kind: 'AuthFailed',
        message: `No password is stored for ${saved.uri}.`,
        hint: 'Open the Connection dialog (click the connection in the status bar) and type it again.',
      });
    }
    return { ...saved, password };
  }

  #current(): Promise<Live> {
    if (!this.#live) {
      const opening = this.#startupTarget()
        .then((target) => this.#options.open(target))
        .then((connection) => this.#wrap(connection));
      this.#live = opening;
      // A failed connect is reported to the caller; the next call tries again.
      opening.catch(() => {
        if (this.#live === opening) this.#live = null;
      });
    }
    return this.#live;
  }

  async #call(method: ApiMethod, input: unknown): Promise<Result<unknown>> {
    let live: Live;
    try {
      live = await this.#current();
    } catch (error) {
      return { ok: false, error: toError(error) satisfies CaselinkError };
    }
    live.inFlight += 1;
    try {
      const call = live.services[method] as (arg: unknown) => Promise<Result<unknown>>;
      return await call.call(live.services, input);
    } finally {
      live.inFlight -= 1;
      if (live.inFlight === 0) live.drained?.();
    }
  }
}
