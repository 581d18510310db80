/**
 * What Caselink says before an import, against the real database: a new file, the same file with
 * the same profile, with another profile (a second source of the same file), for another agency;
 * and whether the records and cases a command names exist.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile, type Profile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { importFile } from '../../main/services/import/importFile';
import { describePlan, planImport } from '../../main/services/import/reimportPlan';
import { listAgencies } from '../../main/services/agencyService';
import { findCase, missingRecords } from '../../main/services/lookupService';
import { openTestServices, type TestServices } from '../support/services';

const profileNamed = (name: string, agency = 'PLAN-A'): Profile =>
  parseProfile({
    version: 1,
    agency,
    name,
    country: 'GB',
    grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
    columns: [
      { column: 'Case', entity: 'record', field: 'caseRef' },
      { column: 'Phone', entity: 'record', field: 'phone' },
    ],
  });

describe('saying what an import will do', () => {
  let services: TestServices;
  let dir: string;
  let file: string;
  const cardHash = (pan: string) => pan;
  const importWith = (profile: Profile, agency = 'PLAN-A') =>
    importFile(services.db, { path: file, agency, profile, profileSource: 'test', cardHash });

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-plan-'));
    file = join(dir, 'visits.csv');
    await writeFile(file, 'Case,Phone\nC-1,07911 123456\nC-2,020 7946 0018\n');
    for (const code of ['PLAN-A', 'PLAN-B']) await upsertAgency(services.db, { code, name: code, country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says nothing of a file never imported, and that the same file and mapping change nothing', async () => {
    const first = profileNamed('Visits');
    const before = await planImport(services.db, { path: file, agency: 'PLAN-A', profile: first });
    expect(before).toEqual({ kind: 'new', file: 'visits.csv' });
    expect(describePlan(before)).toBeNull();

    await importWith(first);
    const again = await planImport(services.db, { path: file, agency: 'PLAN-A', profile: first });
    expect(again.kind).toBe('unchanged');
    expect(describePlan(again)).toMatch(
      /^visits\.csv was imported with this mapping on \d{4}-\d{2}-\d{2}: importing it again changes nothing\.$/,
    );
    expect((await importWith(first)).outcome).toBe('unchanged');
  });

  it('says that another mapping adds a second source, and the import does just that', async () => {
    const changed = profileNamed('Visits, second look');
    const plan = await planImport(services.db, { path: file, agency: 'PLAN-A', profile: changed });
    expect(plan).toMatchObject({
      kind: 'another-mapping',
      earlier: [{ agency: 'PLAN-A', profileName: 'Visits', complete: true, rowsImported: 2 }],
    });
    expect(describePlan(plan)).toContain('Importing it with this mapping adds a second source of the same file');

    const sourcesBefore = (await listAgencies(services.db)).find((a) => a.code === 'PLAN-A');
    const summary = await importWith(changed);
    expect(summary.outcome).toBe('imported');
    expect(summary.newRecords).toBe(0);
    expect((await listAgencies(services.db)).find((a) => a.code === 'PLAN-A')).toEqual({
      ...sourcesBefore,
      sources: (sourcesBefore?.sources ?? 0) + 1,
    });
  });

  it("says that the file for another agency adds its rows again as that agency's records", async () => {
    const plan = await planImport(services.db, {
      path: file,
      agency: 'PLAN-B',
      profile: profileNamed('Visits', 'PLAN-B'),
    });
    expect(plan.kind).toBe('another-mapping');
    expect(describePlan(plan)).toContain("Importing it for PLAN-B adds its rows again, as PLAN-B's records.");
  });

  it('tells the records and cases that exist from those that do not', async () => {
    expect(await findCase(services.db, 'plan-a', 'C-1')).toEqual({ found: true, records: 1 });
    expect(await findCase(services.db, 'PLAN-A', 'C-9')).toEqual({ found: false, records: 0 });
    expect(await missingRecords(services.db, ['nope1', 'nope2'])).toEqual(['nope1', 'nope2']);
  });
});
