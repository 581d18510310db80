/**
 * Option and argument parsers for the command line: every value is checked when commander reads
 * it, before any file is opened or the database is asked, and a bad one ends the command with a
 * message naming the option and exit status 2.
 */
import { InvalidArgumentError } from 'commander';
import { countryCode } from '../core/countries';
import type { CaselinkErrorKind } from '../contract/errors';
import { agencyCode as agencyCodeSchema } from '../services/agencyService';

/**
 * Exit statuses, one per kind of outcome, so that a script can tell them apart. Documented in
 * the README's "Command line" section.
 */
export const EXIT = {
  ok: 0,
  /** The work failed: a file not imported, a database error, a fault in Caselink. */
  failed: 1,
  /** The command was not used as it should be: an unknown option, a bad value, a missing argument. */
  usage: 2,
  /** No database to work with. */
  noDatabase: 3,
  /** Something named on the command line (a record, case, agency, identifier) is not in the graph. */
  notFound: 4,
  /** The same work is running elsewhere (a resolution started by another analyst); run it again later. */
  busy: 5,
} as const;

/** The exit status for an error that ended a command. */
export function exitCodeOf(kind: CaselinkErrorKind): number {
  switch (kind) {
    case 'InvalidInput':
      return EXIT.usage;
    case 'ConnectionUnavailable':
      return EXIT.noDatabase;
    case 'NotFound':
      return EXIT.notFound;
    case 'Busy':
      return EXIT.busy;
    default:
      return EXIT.failed;
  }
}

/** A whole number from `min` to `max`, written in digits ("abc", "1.5", "1e3" are refused). */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const text = value.trim();
    const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        `Give a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}.`,
      );
    }
    return n;
  };
}

/** A decimal number from `min` to `max` (a score, say). */
export function numberIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const text = value.trim();
    const n = /^-?(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`Give a number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** A country as ISO 3166-1 alpha-2, alpha-3 or its name ("GB", "GBR", "Romania"), to alpha-2. */
export function country(value: string): string {
  const code = countryCode(value);
  if (!code) throw new InvalidArgumentError(`"${value}" is not a country: give its ISO code, such as GB or RO.`);
  return code;
}

/** An agency code, upper-cased: 2–32 letters, digits, "-" and "_" (the rule the graph keeps). */
export function agencyCode(value: string): string {
  const parsed = agencyCodeSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(
      `"${value}" is not an agency code: 2 to 32 letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  return parsed.data;
}

/** The same parser, for an option that may be given several times. */
export function repeatable<T>(parse: (value: string) => T): (value: string, previous?: T[]) => T[] {
  return (value, previous = []) => [...previous, parse(value)];
}

/** One of a fixed list of words (the list is printed when the value is not on it). */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value))
      throw new InvalidArgumentError(`Choose one of: ${choices.join(', ')}.`);
    return value as T;
  };
}

/** A calendar date or date-time in ISO 8601 ("2026-03-01", "2026-03-01T09:30:00Z"), as written. */
export function isoDate(value: string): string {
  const text = value.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  // Date.UTC rolls 2026-02-30 over to March: a date that comes back different did not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    !match ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    Number(match[4] ?? 0) > 23 ||
    Number(match[5] ?? 0) > 59 ||
    Number(match[6] ?? 0) > 59
  ) {
    throw new InvalidArgumentError(`"${value}" is not a date: write it as YYYY-MM-DD (ISO 8601).`);
  }
  return text;
}

/** Text that is not empty once trimmed (a case reference, a user name). */
export function nonEmpty(value: string): string {
  const text = value.trim();
  if (text === '') throw new InvalidArgumentError('Give a value that is not empty.');
  return text;
}
