import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../main/db/database';
import { applySchema, describeSchema, SCHEMA_VERSION } from '../../main/db/schema';
import { openTestServices, type TestServices } from '../support/services';

describe('the schema', () => {
  let services: TestServices;
  let db: Database;

  beforeAll(async () => {
    services = await openTestServices();
    db = services.db;
  });
  afterAll(() => services.close());

  it('applies twice with no change, and records its version', async () => {
    await applySchema(db);
    const first = await describeSchema(db);
    await applySchema(db, () => new Date('2030-01-01T00:00:00Z'));
    const second = await describeSchema(db);

    expect(second).toEqual(first);
    expect(first.version).toBe(SCHEMA_VERSION);
    expect(first.indexes.every((i) => i.state === 'ONLINE')).toBe(true);
    const byName = Object.fromEntries(first.constraints.map((c) => [c.name, c]));
    expect(byName.phone_e164).toMatchObject({ type: 'UNIQUENESS', labelsOrTypes: ['Phone'], properties: ['e164'] });
    expect(byName.case_agency_ref).toMatchObject({ labelsOrTypes: ['Case'], properties: ['agency', 'ref'] });
    expect(Object.keys(byName).sort()).toEqual([
      'account_kind_key',
      'address_key',
      'agency_code',
      'audit_event_id',
      'case_agency_ref',
      'caselink_lock_name',
      'caselink_meta_key',
      'document_kind_country_number',
      'email_key',
      'handle_platform_key',
      'investigation_id',
      'organization_id',
      'party_id',
      'person_id',
      'phone_e164',
      'record_id',
      'source_id',
      'vehicle_country_plate',
    ]);
  });

  it('merges a repeated agency into the one node its key allows', async () => {
    await db.write('agencies/merge-agency', {
      code: 'DUP',
      name: 'First',
      country: 'GB',
      now: new Date().toISOString(),
    });
    await db.write('agencies/merge-agency', {
      code: 'DUP',
      name: 'Second',
      country: 'GB',
      now: new Date().toISOString(),
    });
    const rows = await db.read('agencies/list-agencies');
    expect(rows.filter((r) => r.get('code') === 'DUP').map((r) => r.get('name'))).toEqual(['Second']);
  });
});
