/**
 * Connection settings as the API carries them: what the Connection dialog edits, tests and saves.
 * A password travels only towards main (to test or save); nothing main answers ever holds one.
 */
import { z } from 'zod';

/** The URI schemes neo4j-driver speaks: direct (bolt) or routing (neo4j), plain, TLS, or TLS trusting any certificate. */
export const CONNECTION_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

const SCHEME_PATTERN = /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/([^/?#@\s]+)\/?$/;

/** A Neo4j address: one of {@link CONNECTION_SCHEMES}, a host (and port), no user, path or query. */
export const neo4jUri = z
  .string()
  .trim()
  .min(1, 'Give the server address, such as neo4j+s://db.example.org or bolt://localhost:7687.')
  .max(2048)
  .refine((uri) => !uri.includes('@'), {
    message: 'Put the user name and password in their own fields, not in the address.',
  })
  .refine((uri) => SCHEME_PATTERN.test(uri), {
    message: `Start the address with ${CONNECTION_SCHEMES.map((s) => `${s}://`).join(', ')} and give only a host and port.`,
  });

/** A Neo4j database name (letters, digits, dots and dashes; Neo4j's own rule, loosely). */
const databaseName = z
  .string()
  .trim()
  .min(1, 'Give the database name; Neo4j Community has one, usually "neo4j".')
  .max(63)
  .regex(
    /^[A-Za-z][A-Za-z0-9.\-_]*$/,
    'A database name starts with a letter and holds letters, digits, ".", "-" or "_".',
  );

/** A server Caselink does not run itself. `password` left out keeps the stored one (when saving). */
export const externalConnectionInput = z
  .object({
    local: z.literal(false),
    uri: neo4jUri,
    user: z.string().trim().min(1, 'Give the user name.').max(256),
    password: z.string().min(1).max(1024).optional(),
    database: databaseName,
  })
  .strict();

/** Either the local database Caselink runs, or another server. */
export const connectionSettingsInput = z.discriminatedUnion('local', [
  z.object({ local: z.literal(true) }).strict(),
  externalConnectionInput,
]);
export type ConnectionSettingsInput = z.infer<typeof connectionSettingsInput>;

/** Where the settings in force came from. */
export type ConnectionSource = 'environment' | 'saved' | 'default';

/** The settings in force, without the password. */
export type ConnectionSettingsView =
  | { local: true; source: ConnectionSource; canSave: boolean; persistent: boolean }
  | {
      local: false;
      uri: string;
      user: string;
      database: string;
      /** Whether a password is stored (or given in the environment) for this server. */
      passwordStored: boolean;
      source: ConnectionSource;
      /** False when the environment (NEO4J_URI) fixes the connection for this run. */
      canSave: boolean;
      /** False in `caselink serve`: what is saved lasts until the server stops. */
      persistent: boolean;
    };

/** What a connection test found, in a word a program can switch on. */
export type ConnectionOutcomeKind =
  | 'ok'
  | 'unreachable'
  | 'wrongPassword'
  | 'databaseNotFound'
  | 'tls'
  | 'notNeo4j'
  | 'serverTooOld'
  | 'timeout'
  | 'other';

/** The answer to a connection test, in plain words, with what to do. Never holds the password. */
export interface ConnectionTestResult {
  ok: boolean;
  kind: ConnectionOutcomeKind;
  message: string;
  hint?: string;
  /** The server's agent string when it answered, e.g. `Neo4j/5.26.0`. */
  serverAgent?: string;
  /** The underlying code (a Neo4j status code, an errno), for a support request. */
  code?: string;
}
