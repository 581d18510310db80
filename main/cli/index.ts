/**
 * The `caselink` command line: the same services as the app, without Electron.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { caselinkHome, configuredConnection } from '../config/settings';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import { registerAuditCommands } from './auditCommands';
import { importManifest, registerImportCommands, saveSampleProfiles } from './importCommands';
import { plural } from './format';
import { agencyCode, country, EXIT, exitCodeOf, integerIn, nonEmpty } from './options';
import { registerLinkCommands, summariseLinks } from './linkCommands';
import { registerModelCommands } from './modelCommands';
import { registerSearchCommands } from './searchCommands';
import { registerWorkspaceCommands } from './workspaceCommands';
import { registerExportCommands } from './exportCommands';
import { toError } from '../contract/errors';

// Every command imports the modules it needs when it runs (the Neo4j driver, the import pipeline,
// PDF and PNG drawing, the app's server): loaded all at once they cost each run, `--help` included,
// over a second of CPU. Only what builds the program and checks option values is imported above.

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function rendererDir(): string {
  const dir = fileURLToPath(new URL('../renderer', import.meta.url));
  if (!existsSync(dir)) {
    throw new CaselinkFailure({
      kind: 'Internal',
      message: `The app is not built (${dir} is missing).`,
      hint: 'Run "npm run build".',
    });
  }
  return dir;
}

/** Runs until SIGINT/SIGTERM, then runs `cleanup`. */
function untilSignal(cleanup: () => Promise<void>): Promise<void> {
  return new Promise((resolveDone) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      out('\nStopping…');
      cleanup().finally(() => resolveDone());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function describeConnection(connection: Connection): Promise<void> {
  const { connectionStatus } = await import('../services/statusService');
  const status = await connectionStatus(connection.db);
  out(
    `Connected to ${status.serverAgent} (${status.edition}) at ${status.uri}, database "${status.database}"${status.local ? ' (local)' : ''}.`,
  );
  out(
    `Schema version ${status.schemaVersion ?? 'none'}; ${plural(status.nodeCount, 'node')}, ${plural(status.relationshipCount, 'relationship')}.`,
  );
}

/**
 * Runs one command against the database. A local database started for it keeps running
 * (detached) for the next command; "caselink db stop" stops it.
 */
async function withConnection(work: (connection: Connection) => Promise<void>): Promise<void> {
  const { connect } = await import('../db/connect');
  const connection = await connect({ attached: false });
  try {
    await work(connection);
  } finally {
    await connection.db.close();
  }
}

/** Serves the app until interrupted. */
async function serveApp(
  port: number,
  heading: string,
  before?: (connection: Connection) => Promise<void>,
): Promise<void> {
  const { memoryPasswordStore, memorySettingsStore } = await import('../config/connectionStore');
  const { connect } = await import('../db/connect');
  const { testNeo4jConnection } = await import('../db/connectionTest');
  const { startBridgeServer } = await import('../serve/server');
  const { createApi } = await import('../services/api');
  const { setAuditApp } = await import('../services/auditService');
  const { ConnectionManager } = await import('../services/connectionService');
  setAuditApp('serve');
  const connection = await connect({ attached: true });
  // The Connection dialog may move the server to another database; under `caselink serve` what it
  // saves, the password included, lives in memory only, until the server stops.
  const manager = new ConnectionManager({
    env: process.env,
    settings: memorySettingsStore(),
    passwords: memoryPasswordStore(),
    open: (target) => connect({ attached: true, target }),
    test: (target) => testNeo4jConnection(target),
    createServices: (db) => createApi(db, { home: caselinkHome() }),
    initial: connection,
  });
  try {
    await describeConnection(connection);
    await before?.(connection);
    const api = manager.api();
    const server = await startBridgeServer({
      api,
      rendererDir: rendererDir(),
      port,
    });
    // Listening for Ctrl+C before the address is out: whoever reads it may stop us at once.
    const stopped = untilSignal(async () => {
      await server.close();
      // Running imports are cancelled, staged uploads removed and calls in flight finished before the database goes.
      await manager.close();
    });
    out('');
    out(heading);
    out(`  ${server.url}`);
    out('');
    out('The address holds a token, valid until this server stops: keep it to yourself. Press Ctrl+C to stop.');
    await stopped;
  } catch (error) {
    await manager.close();
    throw error;
  }
}

const port = integerIn(0, 65_535);

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('caselink')
    .description('Cross-agency case linkage for human-trafficking investigations.')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) })
    // Usage errors come back to main() to end with status 2; subcommands inherit this.
    .exitOverride();

  const db = program.command('db').description('the local Neo4j that Caselink runs when NEO4J_URI is not set');
  db.command('start')
    .description('start the local Neo4j (it keeps running until "caselink db stop")')
    .action(async () => {
      const { localNeo4jPaths, startLocalNeo4j } = await import('../db/localNeo4j');
      const home = caselinkHome();
      const running = await startLocalNeo4j({ home, attached: false });
      const paths = localNeo4jPaths(home);
      out(
        `${running.startedHere ? 'Started' : 'Already running:'} Neo4j ${running.version} at ${running.uri} (pid ${running.pid}).`,
      );
      out(`Data and logs: ${paths.dir}`);
      out(`User neo4j; password in ${paths.passwordFile} (readable by you only).`);
    });
  db.command('stop')
    .description('stop the local Neo4j cleanly')
    .action(async () => {
      const { describeStop, stopLocalNeo4j } = await import('../db/localNeo4j');
      out(describeStop(await stopLocalNeo4j(caselinkHome())));
    });
  db.command('status')
    .description('say whether the local Neo4j runs, where, and which connection Caselink uses')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { describeCacheWarmup, localNeo4jStatus } = await import('../db/localNeo4j');
      const status = await localNeo4jStatus(caselinkHome());
      const external = configuredConnection();
      if (options.json) {
        out(
          JSON.stringify(
            {
              local: status,
              configured: external ? { uri: external.uri, user: external.user, database: external.database } : null,
            },
            null,
            2,
          ),
        );
        return;
      }
      out(
        status.running
          ? `Local Neo4j ${status.version} running at ${status.uri} (pid ${status.pid}) since ${status.startedAt}.`
          : 'Local Neo4j is not running.',
      );
      if (status.warmup) out(describeCacheWarmup(status.warmup));
      out(`Home: ${status.home}`);
      out(`Log: ${status.logFile}`);
      out(
        external
          ? `Caselink uses the configured Neo4j at ${external.uri} (NEO4J_URI), database "${external.database}".`
          : 'Caselink uses the local Neo4j (NEO4J_URI is not set).',
      );
      if (!status.running) process.exitCode = EXIT.noDatabase;
    });

  program
    .command('status')
    .description('connect to the database Caselink uses and show server, schema and graph size')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { connectionStatus } = await import('../services/statusService');
      await withConnection(async (connection) => {
        if (options.json) out(JSON.stringify(await connectionStatus(connection.db), null, 2));
        else await describeConnection(connection);
      });
    });

  program
    .command('schema')
    .description('apply the schema (idempotent) and list its constraints and indexes')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { describeSchema, SCHEMA_VERSION } = await import('../db/schema');
      await withConnection(async (connection) => {
        const schema = await describeSchema(connection.db);
        if (options.json) return out(JSON.stringify(schema, null, 2));
        out(`Schema version ${schema.version ?? 'none'} (this Caselink applies version ${SCHEMA_VERSION}).`);
        out(`Constraints (${schema.constraints.length}):`);
        for (const c of schema.constraints)
          out(`  ${c.name.padEnd(32)} ${c.type} ${c.labelsOrTypes.join('|')}(${c.properties.join(', ')})`);
        out(`Indexes (${schema.indexes.length}):`);
        for (const i of schema.indexes)
          out(
            `  ${i.name.padEnd(32)} ${i.type} ${i.labelsOrTypes.join('|')}(${i.properties.join(', ')}) ${i.state ?? ''}`,
          );
      });
    });

  const agency = program.command('agency').description('the agencies whose files Caselink imports');
  agency
    .command('add')
    .description('register an agency (or update its name and country)')
    .argument('<code>', 'the agency code: 2 to 32 letters, digits, "-" or "_"', agencyCode)
    .requiredOption('--name <name>', "the agency's full name", nonEmpty)
    .requiredOption(
      '--country <cc>',
      'ISO country code (or name): the default for its phone numbers and addresses',
      country,
    )
    .action(async (code: string, options: { name: string; country: string }) => {
      const { upsertAgency } = await import('../services/agencyService');
      await withConnection(async (connection) => {
        const saved = await upsertAgency(connection.db, { code, name: options.name, country: options.country });
        out(`Agency ${saved.code}: ${saved.name} (${saved.country}).`);
      });
    });
  agency
    .command('list')
    .description('list the agencies with the sources and records each has contributed')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listAgencies } = await import('../services/agencyService');
      await withConnection(async (connection) => {
        const agencies = await listAgencies(connection.db);
        if (options.json) return out(JSON.stringify(agencies, null, 2));
        if (agencies.length === 0)
          return out('No agencies yet. Add one with "caselink agency add CODE --name NAME --country CC".');
        for (const a of agencies)
          out(
            `${a.code.padEnd(12)} ${a.country}  ${a.name}  (${plural(a.sources, 'source')}, ${plural(a.records, 'record')})`,
          );
      });
    });

  registerImportCommands(program, out, withConnection);
  registerLinkCommands(program, out, withConnection);
  registerAuditCommands(program, out, withConnection);
  registerModelCommands(program, out, withConnection);
  registerSearchCommands(program, out, withConnection);
  registerWorkspaceCommands(program, out, withConnection);
  registerExportCommands(program, out, withConnection);

  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1, behind a token valid while it runs')
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default(0).argParser(port))
    .action(async (options: { port: number }) => {
      await serveApp(options.port, 'Open Caselink in your browser at:');
    });

  program
    .command('demo')
    .description(
      "start the local Neo4j, import the sample agencies (fixtures/agencies.json), keep their profiles for the next imports, write a PDF chart of the largest cross-agency network and serve the app; prints the chart's path and the app's address",
    )
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default(0).argParser(port))
    .action(async (options: { port: number }) => {
      await serveApp(options.port, 'Caselink demo is ready. Open:', async (connection) => {
        const manifest = fileURLToPath(new URL('../../fixtures/agencies.json', import.meta.url));
        out('');
        out(`Importing the sample agencies (${manifest})…`);
        await importManifest(connection.db, manifest, out);
        await saveSampleProfiles(connection.db, manifest, out);
        await summariseLinks(connection.db, out);
        const { writeDemoChart } = await import('./demoChart');
        await writeDemoChart(connection.db, join(caselinkHome(), 'exports'), out);
      });
    });

  return program;
}

/**
 * Output piped into a reader that stops early (`caselink links | head`) closes the pipe: that is
 * the reader's choice, not a failure, so the command ends quietly instead of with a stack trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
}

async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the problem and the usage; help asked for is not an error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const e = toError(error);
    process.stderr.write(`caselink: ${e.message}\n`);
    if (e.hint) process.stderr.write(`${e.hint}\n`);
    process.exitCode = exitCodeOf(e.kind);
  }
}

void main(process.argv);
