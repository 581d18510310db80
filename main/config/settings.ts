/**
 * Where Caselink keeps its local state and how it finds its database.
 *
 * `CASELINK_HOME` overrides the folder for all local state (the local database, its password,
 * logs, settings); otherwise it is the user's data folder. A connection is "configured" when
 * `NEO4J_URI` is set (then `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE` go with it); when it
 * is not, Caselink uses the local Neo4j it starts itself.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CaselinkFailure } from '../contract/errors';

export type Env = Record<string, string | undefined>;

/**
 * The folder for all of Caselink's local state, as an absolute path: a relative CASELINK_HOME is
 * taken from the folder Caselink was started in (the local Neo4j runs in a folder of its own, where
 * a relative path would lead elsewhere).
 */
export function caselinkHome(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASELINK_HOME) return resolve(env.CASELINK_HOME);
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Caselink');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Caselink');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'caselink');
}

/** A connection to a Neo4j Caselink does not run itself (a shared server, a cluster, Aura). */
export interface ExternalConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

const SUPPORTED_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/**
 * A database address fit to print: whatever precedes the last `@` (a user and password, even one
 * holding `/`, `?` or `#`) becomes `***@`, and a query or fragment (which may carry tokens) becomes
 * `?***`. Works on malformed addresses too, since those are the ones echoed in errors.
 */
export function redactUri(uri: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(uri)?.[0] ?? '';
  let rest = uri.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const query = rest.search(/[?#]/);
  return `${scheme}${at >= 0 ? '***@' : ''}${query >= 0 ? `${rest.slice(0, query)}?***` : rest}`;
}

/** A setting in the environment that cannot be used: bad input (the CLI's usage exit code), not a fault. */
function settingError(message: string, hint?: string): CaselinkFailure {
  return new CaselinkFailure({ kind: 'InvalidInput', message, ...(hint ? { hint } : {}) });
}

/**
 * The configured connection, or null when none is configured and the local database is to be
 * used. Throws a CaselinkFailure (InvalidInput) with a plain message when the settings are
 * incomplete or malformed.
 */
export function configuredConnection(env: Env = process.env): ExternalConnection | null {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return null;
  const scheme = uri.split('://')[0] ?? '';
  if (!uri.includes('://') || !SUPPORTED_SCHEMES.includes(scheme)) {
    throw settingError(
      `NEO4J_URI "${redactUri(uri)}" is not a Neo4j address; use one of ${SUPPORTED_SCHEMES.map((s) => `${s}://`).join(', ')}.`,
    );
  }
  // A Neo4j address has no other use for `@`: refuse it wherever it is, rather than guess where a
  // password containing `/` or `?` ends.
  if (uri.includes('@')) {
    throw settingError(
      `NEO4J_URI "${redactUri(uri)}" must not contain a user or password; set NEO4J_USER and NEO4J_PASSWORD instead.`,
    );
  }
  const password = env.NEO4J_PASSWORD;
  if (password === undefined || password === '') {
    throw settingError(
      'NEO4J_URI is set but NEO4J_PASSWORD is not.',
      'Set NEO4J_PASSWORD to the password of the Neo4j at NEO4J_URI, or unset NEO4J_URI to use the local database.',
    );
  }
  return {
    uri,
    user: env.NEO4J_USER?.trim() || 'neo4j',
    password,
    database: env.NEO4J_DATABASE?.trim() || 'neo4j',
  };
}
