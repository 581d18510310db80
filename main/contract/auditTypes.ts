/**
 * The audit trail as it crosses the process boundary: who did what, when, from where, and how it
 * ended. Events are appended and never changed.
 */

/** What an audit event is about. `search` and `export` are recorded as those features arrive. */
export const AUDIT_KINDS = [
  'import',
  'resolve',
  'match-decision',
  'hub-override',
  'model-change',
  'profile-change',
  'search',
  'export',
  'investigation',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'cancelled'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Which Caselink front end did it: the command line, the desktop app, or `caselink serve`. */
export type AuditApp = 'cli' | 'app' | 'serve';

export interface AuditEventDto {
  id: string;
  /** When, as an ISO 8601 date-time in UTC with microseconds. */
  at: string;
  kind: AuditKind;
  /** What was done, in a few words (e.g. `import CITY-POL cases.xlsx`). */
  action: string;
  outcome: AuditOutcome;
  /** The operating-system account Caselink ran under: the accountable person. */
  osUser: string;
  /** The Neo4j user Caselink connected as. */
  dbUser: string;
  host: string;
  app: AuditApp;
  /** The error, for a failure or cancellation. */
  message: string | null;
  /** What the action concerned and what it did (counts, keys, statuses), as flat values. */
  details: Record<string, string | number | boolean | null>;
}
