/**
 * The services composed into the one {@link CaselinkApi}. Every method validates its input with
 * the contract's zod schema and answers with a Result; no exception crosses this line.
 */
import { ZodError } from 'zod';
import { API_INPUTS, type ApiMethod, type CaselinkApi, type Result } from '../contract/api';
import { CaselinkFailure, type CaselinkError } from '../contract/errors';
import type { Database } from '../db/database';
import { overview } from './graphService';
import { connectionStatus } from './statusService';

/** Turns any thrown value into the error a person reads. */
export function toError(error: unknown): CaselinkError {
  if (error instanceof CaselinkFailure) return error.error;
  if (error instanceof ZodError) return { kind: 'InvalidInput', message: describeIssues(error) };
  return { kind: 'Internal', message: error instanceof Error ? error.message : String(error) };
}

async function answer<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}

function describeIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}

/** Parses `input` with the method's schema; a bad input becomes an InvalidInput Result. */
export function parseInput<M extends ApiMethod>(method: M, input: unknown): Result<unknown> {
  const parsed = API_INPUTS[method].safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      kind: 'InvalidInput',
      message: `${method}: ${describeIssues(parsed.error)}`,
    },
  };
}

export function createApi(db: Database): CaselinkApi {
  return {
    getConnectionStatus: () => answer(() => connectionStatus(db)),
    getOverview: (input) => answer(() => overview(db, input)),
  };
}

/**
 * Calls `method` on `api` with an untrusted input (from IPC or HTTP): parses it first, so a
 * handler only ever sees what the contract allows.
 */
export async function dispatch(api: CaselinkApi, method: ApiMethod, input: unknown): Promise<Result<unknown>> {
  const parsed = parseInput(method, input);
  if (!parsed.ok) return parsed;
  const call = api[method] as (arg: unknown) => Promise<Result<unknown>>;
  try {
    return await call.call(api, parsed.value);
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}
