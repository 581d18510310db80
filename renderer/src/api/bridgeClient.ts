import type { CaselinkApi, CaselinkError, Result } from '../../../main/contract/api';

const REOPEN_HINT =
  'Open the address that caselink serve printed when it started (it carries the session token), or restart caselink serve and open the new address.';

/**
 * A {@link CaselinkApi} that talks to `caselink serve` over HTTP (see main/contract/bridge.ts).
 *
 * The method names are not listed here: a Proxy turns any method called on it into
 * `POST /api/<method>`, so the interface stays the only list and the server refuses unknown names.
 */
export function createBridgeClient(token: string | null): CaselinkApi {
  const call = (method: string, input: unknown): Promise<Result<unknown>> => callBridge(method, input, token);
  return new Proxy(Object.create(null) as object, {
    get(_target, property) {
      // Symbols and `then` are asked for by runtimes probing the object (e.g. await on it), not
      // by callers of the API; answering them would make the client look like a promise.
      if (typeof property !== 'string' || property === 'then') return undefined;
      return (input?: unknown) => call(property, input);
    },
  }) as CaselinkApi;
}

async function callBridge(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ input }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return failure({
      kind: 'ConnectionUnavailable',
      message: 'Caselink’s local bridge does not answer.',
      hint: 'Check that caselink serve is still running, then press Refresh.',
    });
  }

  if (response.status === 401 || response.status === 403) {
    return failure({
      kind: 'AuthFailed',
      message: 'The Caselink bridge refused this page’s session token.',
      hint: REOPEN_HINT,
      code: `HTTP ${response.status}`,
    });
  }
  if (!response.ok) {
    return failure({
      kind: 'Internal',
      message: `The Caselink bridge answered ${method} with HTTP ${response.status}.`,
      code: `HTTP ${response.status}`,
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!isResult(body)) {
    return failure({
      kind: 'Internal',
      message: `The Caselink bridge sent an answer to ${method} that is not a result.`,
    });
  }
  return body;
}

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function failure(error: CaselinkError): Result<never> {
  return { ok: false, error };
}
