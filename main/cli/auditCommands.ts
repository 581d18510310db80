/**
 * `caselink audit` (the audit trail: who did what, when, and how it ended) and
 * `caselink match-history` (every decision on one same-person pair).
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { AUDIT_KINDS, type AuditEventDto, type AuditKind } from '../contract/auditTypes';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import { integerIn, isoDate, oneOf } from './options';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

function describeDetails(details: AuditEventDto['details']): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join(' ');
}

/** One event on one line, then its error and details indented. */
export function describeEvent(e: AuditEventDto): string[] {
  const lines = [`${e.at}  ${e.outcome.padEnd(9)} ${e.osUser}@${e.host} (${e.app}, neo4j ${e.dbUser})  ${e.action}`];
  if (e.message) lines.push(`    ${e.message}`);
  const details = describeDetails(e.details);
  if (details) lines.push(`    ${details}`);
  return lines;
}

export function registerAuditCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('audit')
    .description(
      'the audit trail: imports, resolutions, match decisions, hub overrides and profile changes, newest first',
    )
    .addOption(new Option('--since <date>', 'only events at or after this date (YYYY-MM-DD or ISO)').argParser(isoDate))
    .addOption(
      new Option('--kind <kind>', `only events of this kind: ${AUDIT_KINDS.join(', ')}`).argParser(oneOf(AUDIT_KINDS)),
    )
    .addOption(new Option('--limit <n>', 'how many events').default(500).argParser(integerIn(1, 100_000)))
    .option('--json', 'print JSON')
    .option('--csv <file>', 'write the events to a CSV file (every field quoted, formula starts neutralised)')
    .action(async (options: { since?: string; kind?: AuditKind; limit: number; json?: boolean; csv?: string }) => {
      const { auditCsv, listEvents } = await import('../services/auditService');
      await withConnection(async (connection) => {
        const events = await listEvents(connection.db, {
          since: options.since ?? null,
          kind: options.kind ?? null,
          limit: options.limit,
        });
        if (options.csv) {
          await writeFile(options.csv, auditCsv(events), { mode: 0o600 });
          if (!options.json) out(`${events.length} event${events.length === 1 ? '' : 's'} written to ${options.csv}.`);
        }
        if (options.json) return out(JSON.stringify(events, null, 2));
        if (options.csv) return;
        if (events.length === 0) return out('No audit events match.');
        for (const e of events) describeEvent(e).forEach((line) => out(line));
      });
    });

  program
    .command('match-history <personA> <personB>')
    .description('every decision taken on a same-person pair, oldest first, with who took it')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      const { matchHistory } = await import('../services/auditService');
      const { missingPersons } = await import('../services/lookupService');
      await withConnection(async (connection) => {
        const events = await matchHistory(connection.db, a, b);
        // The trail outlives the mentions it names: a pair with a history answers with it.
        const missing = events.length ? [] : await missingPersons(connection.db, [...new Set([a, b])]);
        if (missing.length)
          throw new CaselinkFailure({
            kind: 'NotFound',
            message: `No person ${missing.join(' and no person ')} in the graph.`,
            hint: 'Person ids are listed by "caselink matches" (in brackets).',
          });
        if (options.json) return out(JSON.stringify(events, null, 2));
        if (events.length === 0) return out('No decision has been taken on this pair.');
        for (const e of events) {
          const d = e.details;
          const name = d.reviewerName ? ` (${String(d.reviewerName)})` : '';
          out(`${e.at}  ${String(d.fromStatus)} → ${String(d.toStatus)}  by ${e.osUser}${name}@${e.host} (${e.app})`);
          if (d.note) out(`    ${String(d.note)}`);
        }
      });
    });
}
