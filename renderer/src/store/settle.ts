import type { Result } from '../../../main/contract/api';

/**
 * Awaits an API call. The API answers with a Result and does not throw, but a broken channel
 * (a preload out of step with main, a crashed bridge) can still reject; that becomes an error too.
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (cause) {
    return {
      ok: false,
      error: {
        kind: 'Internal',
        message: `Caselink’s services did not answer: ${cause instanceof Error ? cause.message : String(cause)}`,
        hint: 'Restart Caselink. If it happens again, report it with this message.',
      },
    };
  }
}
