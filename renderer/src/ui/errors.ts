import type { CaselinkError } from '../../../main/contract/api';

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
