/**
 * The audit trail: an append-only (:AuditEvent) in the graph for every import, resolution, match
 * decision, hub override and profile change, with who (OS user, Neo4j user, host, front end),
 * when, what and how it ended. Nothing in Caselink changes or deletes an event once written.
 */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { basename } from 'node:path';
import {
  AUDIT_KINDS,
  type AuditApp,
  type AuditEventDto,
  type AuditKind,
  type AuditOutcome,
} from '../contract/auditTypes';
import { csvDocument } from '../core/csv';
import { CaselinkFailure, type CaselinkError } from '../contract/errors';
import type { Database } from '../db/database';

export type { AuditEventDto, AuditKind, AuditOutcome };

type DetailValue = string | number | boolean | null;

/** An event as a service describes it; who and when are filled in by {@link recordEvent}. */
export interface AuditEventInput {
  kind: AuditKind;
  action: string;
  outcome: AuditOutcome;
  message?: string | null;
  details?: Record<string, DetailValue | undefined>;
}

/** Who acts: the account of this process, and which front end it is. */
export interface AuditActor {
  osUser: string;
  host: string;
  app: AuditApp;
}

let currentApp: AuditApp = 'cli';

/** Says which front end this process is (the CLI unless the app or `caselink serve` says otherwise). */
export function setAuditApp(app: AuditApp): void {
  currentApp = app;
}

/** The operating-system account this process runs under; containers without a passwd entry fall back to $USER. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** This process as an actor: OS user, host name and front end. */
export function currentActor(): AuditActor {
  return { osUser: osUserName(), host: hostname(), app: currentApp };
}

let lastMicros = 0;

/**
 * Now, in UTC with microseconds, strictly later than the last time this process gave: events
 * written one after another in the same millisecond still list in the order they happened.
 */
export function auditNow(): string {
  const micros = Math.max(Math.floor((performance.timeOrigin + performance.now()) * 1000), lastMicros + 1);
  lastMicros = micros;
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}

/**
 * A stored event time as {@link auditNow} wrote it: UTC with exactly six digits of the second.
 * Neo4j prints a datetime with its trailing zeros dropped (".11327Z" for .113270), so the trail
 * would list times of uneven length that neither sort nor read alike.
 */
function auditTimeText(stored: unknown): string {
  const text = String(stored);
  const at = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  return at ? `${at[1]}.${(at[2] ?? '').padEnd(6, '0').slice(0, 6)}Z` : text;
}

/** The event's properties as stored, without `at` (written as a Cypher datetime). */
export function eventProperties(
  db: Database,
  input: AuditEventInput,
  actor: AuditActor = currentActor(),
): Record<string, DetailValue> {
  const details = Object.fromEntries(Object.entries(input.details ?? {}).filter(([, v]) => v !== undefined));
  return {
    id: randomUUID(),
    kind: input.kind,
    action: input.action,
    outcome: input.outcome,
    osUser: actor.osUser,
    dbUser: db.settings.user,
    host: actor.host,
    app: actor.app,
    message: input.message ?? null,
    details: JSON.stringify(details),
  };
}

/** Appends one event to the audit trail; answers its id. */
export async function recordEvent(
  db: Database,
  input: AuditEventInput,
  actor: AuditActor = currentActor(),
): Promise<string> {
  const event = eventProperties(db, input, actor);
  await db.write('audit/record-event', { event, at: auditNow() });
  return event.id as string;
}

/**
 * Records a failure or cancellation. When the database itself is what failed, the event cannot be
 * written; that must not hide the error being reported, so a failure to record is dropped here.
 */
export async function recordFailure(
  db: Database,
  input: Omit<AuditEventInput, 'outcome' | 'message'>,
  error: CaselinkError,
  actor: AuditActor = currentActor(),
): Promise<void> {
  try {
    await recordEvent(
      db,
      { ...input, outcome: error.kind === 'Cancelled' ? 'cancelled' : 'failure', message: error.message },
      actor,
    );
  } catch {
    // The original error is what the user needs to see.
  }
}

const CORE_FIELDS = new Set(['id', 'at', 'kind', 'action', 'outcome', 'osUser', 'dbUser', 'host', 'app', 'message']);

function toDetail(value: unknown): DetailValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

/** An event node's properties as the contract's DTO: flat properties beside `details` join it. */
export function toAuditEvent(props: Record<string, unknown>): AuditEventDto {
  let details: Record<string, DetailValue>;
  try {
    details = JSON.parse(String(props.details ?? '{}')) as Record<string, DetailValue>;
  } catch {
    details = { details: String(props.details) };
  }
  for (const [key, value] of Object.entries(props)) {
    if (!CORE_FIELDS.has(key) && key !== 'details') details[key] = toDetail(value);
  }
  const sorted = Object.fromEntries(Object.entries(details).sort(([a], [b]) => a.localeCompare(b)));
  return {
    id: String(props.id),
    at: auditTimeText(props.at),
    kind: props.kind as AuditKind,
    action: String(props.action ?? ''),
    outcome: props.outcome as AuditOutcome,
    osUser: String(props.osUser ?? ''),
    dbUser: String(props.dbUser ?? ''),
    host: String(props.host ?? ''),
    app: props.app as AuditApp,
    message: (props.message as string | null | undefined) ?? null,
    details: sorted,
  };
}

export interface ListEventsOptions {
  /** An ISO date (`2026-11-01`) or date-time; events at or after it. */
  since?: string | null;
  kind?: AuditKind | null;
  limit?: number;
}

/** Reads a `since` value (a date, taken as midnight UTC, or an ISO date-time) as an ISO date-time in UTC. */
export function parseSince(since: string): string {
  const text = since.trim();
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time))
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `"${since}" is not a date: give YYYY-MM-DD or an ISO date-time.`,
    });
  // A date-time goes to Neo4j as written, keeping its microseconds and offset.
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text.replace(' ', 'T');
}

/** The audit trail, newest first. */
export async function listEvents(db: Database, options: ListEventsOptions = {}): Promise<AuditEventDto[]> {
  if (options.kind && !(AUDIT_KINDS as readonly string[]).includes(options.kind))
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `Unknown audit kind "${options.kind}": use one of ${AUDIT_KINDS.join(', ')}.`,
    });
  const rows = await db.read('audit/list-events', {
    since: options.since ? parseSince(options.since) : null,
    kinds: options.kind ? [options.kind] : [],
    limit: options.limit ?? 500,
  });
  return rows.map((r) => toAuditEvent(r.get('event') as Record<string, unknown>));
}

/** Every decision taken on a same-person pair, oldest first. */
export async function matchHistory(db: Database, a: string, b: string): Promise<AuditEventDto[]> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const rows = await db.read('audit/match-history', { a: first, b: second });
  return rows.map((r) => toAuditEvent(r.get('event') as Record<string, unknown>));
}

/** The columns of the audit CSV, in order. */
export const AUDIT_CSV_COLUMNS = [
  'at',
  'kind',
  'action',
  'outcome',
  'osUser',
  'dbUser',
  'host',
  'app',
  'message',
  'details',
  'id',
] as const;

/** One event as the cells of a CSV row, in {@link AUDIT_CSV_COLUMNS} order. */
export function auditCsvCells(event: AuditEventDto): string[] {
  return AUDIT_CSV_COLUMNS.map((c) => {
    const value = event[c];
    if (c === 'details') return JSON.stringify(value);
    return value === null ? '' : String(value);
  });
}

/** Events as a CSV document, one line each, in the order given. */
export function auditCsv(events: readonly AuditEventDto[]): string {
  return csvDocument(AUDIT_CSV_COLUMNS, events.map(auditCsvCells));
}

function errorOf(error: unknown): CaselinkError {
  if (error instanceof CaselinkFailure) return error.error;
  return { kind: 'Internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs `work` and appends its event: a success with the details `detailsOf` draws from the
 * answer, or a failure (or cancellation) with the error, which is then thrown on as it was.
 */
export async function audited<T>(
  db: Database,
  input: Omit<AuditEventInput, 'outcome' | 'message'>,
  work: () => Promise<T>,
  detailsOf?: (value: T) => Record<string, DetailValue | undefined>,
): Promise<T> {
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await recordFailure(db, input, errorOf(error));
    throw error;
  }
  await recordEvent(db, { ...input, outcome: 'success', details: { ...input.details, ...detailsOf?.(value) } });
  return value;
}

/** What an import of one file answered, as far as the audit trail needs it. */
export type ImportOutcomeForAudit =
  | {
      ok: true;
      summary: {
        file: string;
        sha256: string;
        agency: string;
        outcome: string;
        rowsRead: number;
        rowsImported: number;
        rowsRejected: number;
        newRecords: number;
        problemCount: number;
      };
    }
  | { ok: false; error: CaselinkError };

/** Appends the import of one file (its SHA-256, agency, profile and counts, or its error). */
export async function recordImport(
  db: Database,
  file: { path: string; fileName?: string; agency: string; profile: { name: string }; profileSource: string },
  outcome: ImportOutcomeForAudit,
): Promise<void> {
  const fileName = file.fileName ?? (outcome.ok ? outcome.summary.file : basename(file.path));
  const input = {
    kind: 'import' as const,
    action: `import ${file.agency} ${fileName}`,
    details: { file: fileName, agency: file.agency, profile: file.profile.name, profileSource: file.profileSource },
  };
  if (!outcome.ok) return recordFailure(db, input, outcome.error);
  const s = outcome.summary;
  await recordEvent(db, {
    ...input,
    outcome: 'success',
    details: {
      ...input.details,
      sha256: s.sha256,
      result: s.outcome,
      rowsRead: s.rowsRead,
      rowsImported: s.rowsImported,
      rowsRejected: s.rowsRejected,
      newRecords: s.newRecords,
      problems: s.problemCount,
    },
  });
}
