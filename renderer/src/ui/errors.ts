import type { CaselinkError, CaselinkErrorKind } from '../../../main/contract/api';

/** A short heading for an error, in plain words; the error's own message and hint follow it. */
export function errorHeading(error: CaselinkError): string {
  switch (error.kind) {
    case 'ConnectionUnavailable':
      return 'Cannot reach the database';
    case 'AuthFailed':
      return 'Access refused';
    case 'InvalidInput':
      return 'Request not accepted';
    case 'FileRejected':
      return 'File not usable';
    case 'NotFound':
      return 'Not found';
    case 'Cancelled':
      return 'Cancelled';
    case 'Busy':
      return 'Already running';
    case 'DatabaseError':
      return 'Database error';
    case 'Internal':
      return 'Caselink error';
    default:
      return assertNever(error.kind);
  }
}

function assertNever(kind: never): string {
  return String(kind);
}

const KINDS: Record<CaselinkErrorKind, true> = {
  ConnectionUnavailable: true,
  AuthFailed: true,
  InvalidInput: true,
  FileRejected: true,
  NotFound: true,
  Cancelled: true,
  Busy: true,
  DatabaseError: true,
  Internal: true,
};

/** An error whose kind arrived as a plain string (an import file result); an unknown kind reads as Internal. */
export function asCaselinkError(error: { kind: string; message: string; hint?: string }): CaselinkError {
  const kind = error.kind in KINDS ? (error.kind as CaselinkErrorKind) : 'Internal';
  return { ...error, kind };
}
