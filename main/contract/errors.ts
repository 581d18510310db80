/**
 * The errors Caselink reports, as plain data. The renderer switches over `kind` exhaustively and
 * shows `message` and `hint` in plain words.
 */
import { ZodError } from 'zod';

export type CaselinkErrorKind =
  /** No Neo4j answers at the configured address, or the local one could not start. */
  | 'ConnectionUnavailable'
  /** Neo4j refused the user name or password, or `caselink serve` refused the page's token. */
  | 'AuthFailed'
  /** An input did not match what the method accepts. */
  | 'InvalidInput'
  /** A file could not be read or used; names file, sheet, row and column where known. */
  | 'FileRejected'
  /** Something asked for does not exist. */
  | 'NotFound'
  /** The user cancelled long work. */
  | 'Cancelled'
  /** The same work is running elsewhere (another analyst's resolution); try again when it ends. */
  | 'Busy'
  /** Neo4j answered with an error Caselink did not expect. */
  | 'DatabaseError'
  /** A fault in Caselink itself. */
  | 'Internal';

export interface CaselinkError {
  kind: CaselinkErrorKind;
  /** What went wrong, for a person. */
  message: string;
  /** What to do about it, where there is something to do. */
  hint?: string;
  /** The underlying code (a Neo4j status code, an errno), for a support request. */
  code?: string;
}

/** An exception carrying a {@link CaselinkError}, thrown inside main and turned into a Result at the door. */
export class CaselinkFailure extends Error {
  readonly error: CaselinkError;

  constructor(error: CaselinkError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = 'CaselinkFailure';
    this.error = error;
  }
}

/** Each zod issue as `path: message`, joined. */
export function describeIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}

/** A failed file-system call in plain words, by Node's error code; the code itself goes in `code`. */
const FILE_SYSTEM_ERRORS: Record<string, { said: string; hint: string }> = {
  ENOENT: { said: 'no such file or folder', hint: 'Check the path, and that its folder exists.' },
  ENOTDIR: { said: 'a part of this path is a file, not a folder', hint: 'Check the path.' },
  EISDIR: { said: 'a folder, not a file', hint: 'Give the name of a file.' },
  EACCES: { said: 'permission denied', hint: 'Check who may read or write it, or choose another place.' },
  EPERM: { said: 'permission denied', hint: 'Check who may read or write it, or choose another place.' },
  EROFS: { said: 'the disk is read-only', hint: 'Choose another place to write.' },
  ENOSPC: { said: 'no space left on the disk', hint: 'Free some disk space, or choose another disk.' },
  ENAMETOOLONG: { said: 'the name is too long', hint: 'Choose a shorter path.' },
};

/** Node's error for a file-system call (it carries `code`, `syscall` and `path`) as a person reads it. */
function fileSystemError(error: Error): CaselinkError | null {
  const { code, syscall, path } = error as Error & { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== 'string' || typeof syscall !== 'string' || typeof path !== 'string') return null;
  const plain = FILE_SYSTEM_ERRORS[code];
  return {
    kind: 'FileRejected',
    message: `${path}: ${plain?.said ?? `the file system refused (${syscall})`}.`,
    ...(plain ? { hint: plain.hint } : {}),
    code,
  };
}

/** Turns any thrown value into the error a person reads. */
export function toError(error: unknown): CaselinkError {
  if (error instanceof CaselinkFailure) return error.error;
  if (error instanceof ZodError) return { kind: 'InvalidInput', message: describeIssues(error) };
  if (error instanceof Error) return fileSystemError(error) ?? { kind: 'Internal', message: error.message };
  return { kind: 'Internal', message: String(error) };
}
