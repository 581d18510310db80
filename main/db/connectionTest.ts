/**
 * The Connection dialog's Test: connect with a short timeout, run a trivial read, and say in plain
 * words what happened. The password goes to the driver and nowhere else: no message, hint or log
 * line built here holds it (messages name the address, redacted, and the user only).
 */
import neo4j from 'neo4j-driver';
import type { ConnectionOutcomeKind, ConnectionTestResult } from '../contract/connectionTypes';
import { redactUri } from '../config/settings';
import { statement } from './cypher';

export interface TestTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** How long a test waits for a server before saying it cannot reach it. */
export const CONNECTION_TEST_TIMEOUT_MS = 5_000;

const TLS_PATTERN =
  /certificate|self[- ]signed|CERT_|ERR_TLS|ERR_SSL|SSL routines|wrong version number|secure TLS connection|EPROTO|altnames/i;
const UNREACHABLE_PATTERN =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ECONNRESET|Failed to connect|Could not perform discovery|No routing servers|closed by server/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== 'N/A' ? code : undefined;
}

function messageOf(error: unknown): string {
  const own = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` ${error.cause.message}` : '';
  return own + cause;
}

/**
 * What a failed connection means for a person, from the driver's error code and message. Pure:
 * the unit tests feed it the errors neo4j-driver raises. `password` is scrubbed from anything
 * echoed, should a server ever quote it back.
 */
export function describeConnectionFailure(
  error: unknown,
  target: { uri: string; user: string; database: string; password?: string },
): ConnectionTestResult {
  const code = codeOf(error);
  const message = messageOf(error);
  const where = redactUri(target.uri);
  const result = (kind: ConnectionOutcomeKind, text: string, hint?: string): ConnectionTestResult => ({
    ok: false,
    kind,
    message: text,
    ...(hint ? { hint } : {}),
    ...(code ? { code } : {}),
  });
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return result(
      'wrongPassword',
      `Wrong password or user name: Neo4j at ${where} refused the user "${target.user}".`,
      'Check the user name and type the password again; ask the server’s administrator if you do not know it.',
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return result(
      'wrongPassword',
      `Neo4j at ${where} refused too many wrong passwords in a row and is locking the user "${target.user}" out for a while.`,
      'Wait a few minutes, then try again with the right password.',
    );
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return result(
      'wrongPassword',
      `The password of "${target.user}" on ${where} has expired.`,
      'Change it with Neo4j Browser or cypher-shell, then try again.',
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return result(
      'databaseNotFound',
      `The server at ${where} has no database named "${target.database}".`,
      'Check the database name; Neo4j Community has one user database, usually "neo4j".',
    );
  }
  if (code === 'Neo.ClientError.Security.Forbidden' || code === 'Neo.ClientError.Security.AuthorizationExpired') {
    return result(
      'other',
      `The user "${target.user}" may not read the database "${target.database}" on ${where}.`,
      'Ask the server’s administrator to grant this user access to the database.',
    );
  }
  if (/Server responded HTTP/i.test(message)) {
    return result(
      'notNeo4j',
      `${where} answered as a web server, not as Neo4j's Bolt connector.`,
      'Use the Bolt port (7687 by default), not the browser port 7474.',
    );
  }
  if (/Unknown Bolt protocol version|does not support (multiple databases|transaction configuration)/i.test(message)) {
    return result(
      'serverTooOld',
      `The Neo4j at ${where} is too old for Caselink.`,
      'Caselink needs Neo4j 5; ask for the server to be upgraded, or use the local database.',
    );
  }
  if (TLS_PATTERN.test(message)) {
    return result(
      'tls',
      `The secure connection to ${where} failed: the server's certificate was not accepted, or the server does not speak TLS.`,
      'If the server uses a certificate your organisation issued itself, use bolt+ssc:// or neo4j+ssc://; if it does not use TLS, use bolt:// or neo4j://.',
    );
  }
  if (/Failed to establish connection in \d+ms|timed out|ETIMEDOUT/i.test(message)) {
    return result(
      'timeout',
      `Cannot reach ${where}: it did not answer within ${CONNECTION_TEST_TIMEOUT_MS / 1000} seconds.`,
      'Check the host name and port, that the server is running, and that no firewall or VPN stands in between.',
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || UNREACHABLE_PATTERN.test(message)) {
    return result(
      'unreachable',
      `Cannot reach a Neo4j server at ${where}.`,
      /ENOTFOUND|EAI_AGAIN/.test(message)
        ? 'The host name is not known: check its spelling, and your network or VPN.'
        : 'Check the host name and port, and that the server is running.',
    );
  }
  if (/not a valid protocol|Unknown scheme|URL/i.test(message) && code === undefined) {
    return result('other', `"${where}" is not a Neo4j address.`, 'Use bolt://host:7687 or neo4j+s://host.');
  }
  const scrubbed = target.password ? message.split(target.password).join('***') : message;
  return result('other', `Neo4j at ${where} answered with an error: ${scrubbed}`);
}

/**
 * Connects to `target`, runs `RETURN 1` in a read transaction, and closes. Never throws: every
 * outcome is a {@link ConnectionTestResult}.
 */
export async function testNeo4jConnection(
  target: TestTarget,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestResult> {
  let driver: ReturnType<typeof neo4j.driver>;
  try {
    driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      userAgent: 'caselink/0.1 connection-test',
      connectionTimeout: timeoutMs,
      connectionAcquisitionTimeout: timeoutMs,
      maxTransactionRetryTime: 0,
      maxConnectionPoolSize: 1,
    });
  } catch (error) {
    return describeConnectionFailure(error, target);
  }
  try {
    const probe = statement('db/test-connection');
    const session = driver.session({ database: target.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run(probe.texts[0] as string), { timeout: timeoutMs });
    } finally {
      await session.close();
    }
    const info = await driver.getServerInfo({ database: target.database });
    const agent = info.agent ?? 'Neo4j';
    const version = /^Neo4j\/(\d+)/.exec(agent);
    if (version && Number(version[1]) < 5) {
      return {
        ok: false,
        kind: 'serverTooOld',
        message: `${redactUri(target.uri)} runs ${agent}; Caselink needs Neo4j 5.`,
        hint: 'Ask for the server to be upgraded, or use the local database.',
        serverAgent: agent,
      };
    }
    return {
      ok: true,
      kind: 'ok',
      message: `Connected to ${agent} at ${redactUri(target.uri)}, database "${target.database}", as "${target.user}".`,
      serverAgent: agent,
    };
  } catch (error) {
    return describeConnectionFailure(error, target);
  } finally {
    await driver.close().catch(() => undefined);
  }
}
