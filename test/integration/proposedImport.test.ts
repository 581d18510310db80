import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { listIdentifiers } from '../../main/services/identifierService';
import { importFile } from '../../main/services/import/importFile';
import { proposeForFile } from '../../main/services/import/mapping';
import { openTestServices, type TestServices } from '../support/services';

const workbook = resolve(import.meta.dirname, '../../fixtures/city-pol/case-log.xlsx');

describe('importing a workbook with the profile proposed for it', () => {
  let services: TestServices;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-proposed-'));
    await upsertAgency(services.db, { code: 'PROPOSED-POL', name: 'PROPOSED-POL', country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads both sheets by their own columns: no column reported missing, the e-mails of the Contacts sheet imported', async () => {
    const proposal = await proposeForFile(workbook, 'PROPOSED-POL', 'GB');
    const summary = await importFile(services.db, {
      path: workbook,
      agency: 'PROPOSED-POL',
      profile: parseProfile(proposal.profile),
      profileSource: 'proposed',
      reportDir: join(dir, 'reports'),
      cardHash: (pan) => `h${pan.length}`,
    });
    const emails = (await listIdentifiers(services.db)).filter(
      (i) => i.label === 'Email' && i.agencies.includes('PROPOSED-POL'),
    );
    expect({
      sheets: summary.sheets.map((s) => ({ name: s.name, missing: s.missingColumns, read: s.rowsRead > 0 })),
      missingWarnings: summary.problems.filter((p) => p.reason.includes('not in this sheet')).length,
      emails: emails.length > 0,
    }).toEqual({
      sheets: [
        { name: 'Persons', missing: [], read: true },
        { name: 'Contacts', missing: [], read: true },
      ],
      missingWarnings: 0,
      emails: true,
    });
  });
});
