import { API_METHODS, type CaselinkApi } from '../../main/contract/api';

/** A CaselinkApi for tests of the process boundary: the given methods, and "not used here" for the rest. */
export function fakeApi(methods: Partial<CaselinkApi>): CaselinkApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] =
      methods[method] ??
      (async () => ({ ok: false, error: { kind: 'Internal', message: `${method} is not used in this test` } }));
  }
  return api as unknown as CaselinkApi;
}
