import { SCHEMA_VERSION } from '../../main/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAgencies, upsertAgency } from '../../main/services/agencyService';
import { openTestServices, type TestServices } from '../support/services';

describe('a parameterised write and read through the services', () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await openTestServices();
  });
  afterAll(() => services.close());

  it('stores text exactly as given, whatever it contains', async () => {
    const hostile = "Poliția Română'}) DETACH DELETE n // $code \\u0000 «Полиция»";
    await upsertAgency(services.db, { code: 'ro-pol', name: hostile, country: 'ro' });
    await upsertAgency(services.db, { code: 'UKBF', name: 'UK Border Force', country: 'GB' });

    expect(await listAgencies(services.db)).toEqual([
      { code: 'RO-POL', name: hostile, country: 'RO', sources: 0, records: 0 },
      { code: 'UKBF', name: 'UK Border Force', country: 'GB', sources: 0, records: 0 },
    ]);
  });

  it('rejects an agency code that could not be a file-safe key', async () => {
    await expect(upsertAgency(services.db, { code: 'a b/c', name: 'x', country: 'GB' })).rejects.toThrow(/agency code/);
  });

  it('answers the status bar with the server, database, schema and graph size', async () => {
    const result = await services.api.getConnectionStatus();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      database: 'neo4j',
      serverVersion: expect.stringMatching(/^5\.26\.\d+$/),
      serverAgent: expect.stringMatching(/^Neo4j\/5\.26\./),
      edition: 'community',
      schemaVersion: SCHEMA_VERSION,
      nodeCount: 2,
      relationshipCount: 0,
      matchThreshold: 0.8,
    });
  });

  it('shows the graph as Cytoscape-shaped elements, agencies first', async () => {
    const result = await services.api.getOverview({ limit: 1 });
    expect(result).toEqual({
      ok: true,
      value: {
        nodes: [
          {
            group: 'nodes',
            data: {
              id: expect.any(String),
              kind: 'Agency',
              label: expect.any(String),
              properties: expect.objectContaining({
                code: expect.stringMatching(/^(RO-POL|UKBF)$/),
                createdAt: expect.any(String),
              }),
            },
          },
        ],
        edges: [],
        truncated: true,
      },
    });
  });

  it('answers a bad input with InvalidInput, not an exception', async () => {
    const { dispatch } = await import('../../main/services/api');
    const result = await dispatch(services.api, 'getOverview', { limit: -5 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    const extra = await dispatch(services.api, 'getOverview', { limit: 5, cypher: 'MATCH (n) DETACH DELETE n' });
    expect(extra).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
  });
});
