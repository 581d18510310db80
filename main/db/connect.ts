/**
 * Opens the database Caselink works on: the configured one (NEO4J_URI ...) or, when none is
 * configured, the local Neo4j, started if it is not running. Applies the schema on connect.
 */
import { caselinkHome, configuredConnection, type Env, type ExternalConnection } from '../config/settings';
import { openDatabase, type Database } from './database';
import { startLocalNeo4j, stopLocalNeo4j, type RunningLocalNeo4j } from './localNeo4j';
import { applySchema } from './schema';

export interface Connection {
  db: Database;
  /** The local database, when that is what Caselink connected to. */
  local: RunningLocalNeo4j | null;
  /** Closes the driver, and stops the local database if this connection started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  env?: Env;
  /** Whether a local database started here stops when this process exits. Default true. */
  attached?: boolean;
  /** The database to open, instead of the one the environment names (the Connection dialog's choice). */
  target?: ExternalConnection | { local: true };
}

export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const env = options.env ?? process.env;
  const external = options.target ? ('local' in options.target ? null : options.target) : configuredConnection(env);
  const home = caselinkHome(env);
  let local: RunningLocalNeo4j | null = null;
  let db: Database;
  if (external) {
    db = await openDatabase({ ...external, local: false });
  } else {
    local = await startLocalNeo4j({ home, attached: options.attached ?? true });
    try {
      db = await openDatabase({
        uri: local.uri,
        user: local.user,
        password: local.password,
        database: 'neo4j',
        local: true,
      });
    } catch (error) {
      if (local.startedHere) await stopLocalNeo4j(home);
      throw error;
    }
  }
  try {
    await applySchema(db);
  } catch (error) {
    await db.close();
    if (local?.startedHere) await stopLocalNeo4j(home);
    throw error;
  }
  return {
    db,
    local,
    close: async () => {
      await db.close();
      if (local?.startedHere) await stopLocalNeo4j(home);
    },
  };
}
