import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { ImportWorkspace } from '../../main/services/import/workspace';
import { sharedIdentifiers } from '../../main/services/linkService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile } from '../support/sheets';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'));

const profile = (agency: string) =>
  parseProfile(personProfile(agency, { Ref: 'record.caseRef', Name: 'subject.fullName', Mobile: 'subject.phone' }));

/** Files (not folders) left anywhere under the home's uploads. */
async function stagedFiles(home: string): Promise<string[]> {
  const entries = await readdir(join(home, 'uploads'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe("the app's import workspace", () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await openTestServices();
    for (const code of ['WS-A', 'WS-B']) await upsertAgency(services.db, { code, name: code, country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
  });

  it('records the real file name of an upload, and removes the staged copy once imported', async () => {
    const workspace = new ImportWorkspace(services.db, services.home);
    const a = await workspace.stage(
      'Rută septembrie 2026.csv',
      csv([
        ['Ref', 'Name', 'Mobile'],
        ['A-1', 'Ion Rusu', '07911 555001'],
      ]),
    );
    const b = await workspace.stage(
      'C:\\Exports\\hotline.csv',
      csv([
        ['Ref', 'Name', 'Mobile'],
        ['B-1', 'Dan Rusu', '07911 555001'],
      ]),
    );
    expect([a.name, b.name]).toEqual(['Rută septembrie 2026.csv', 'hotline.csv']);
    const jobA = await workspace.start([a.id], 'WS-A', profile('WS-A'), false);
    const jobB = await workspace.start([b.id], 'WS-B', profile('WS-B'), false);
    const done = [await workspace.settled(jobA.id), await workspace.settled(jobB.id)];
    expect(done.map((j) => [j.status, j.results.map((r) => r.file)])).toEqual([
      ['done', ['Rută septembrie 2026.csv']],
      ['done', ['hotline.csv']],
    ]);
    const [shared] = await sharedIdentifiers(services.db, { agencies: ['WS-A'] });
    expect(shared?.sides.map((s) => s.fileName).sort()).toEqual(['Rută septembrie 2026.csv', 'hotline.csv']);
    expect(await stagedFiles(services.home)).toEqual([]);
    await workspace.dispose();
  });

  it('removes staged files of a failed import, and those never imported when it is disposed', async () => {
    const workspace = new ImportWorkspace(services.db, services.home);
    const rows = csv([
      ['Ref', 'Name', 'Mobile'],
      ['N-1', 'Ana Pop', '07911 555002'],
    ]);
    const failing = await workspace.stage('unregistered.csv', rows);
    const job = await workspace.start([failing.id], 'NOBODY', profile('NOBODY'), false);
    const failed = await workspace.settled(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      results: [{ file: 'unregistered.csv', ok: false, error: { kind: 'FileRejected' } }],
    });
    expect(await stagedFiles(services.home)).toEqual([]);

    await workspace.stage('chosen then abandoned.csv', rows);
    expect(await stagedFiles(services.home)).toEqual(['chosen then abandoned.csv']);
    await workspace.dispose();
    expect(await stagedFiles(services.home)).toEqual([]);
  });

  it('cancels a running import when disposed, and leaves no staged file behind', async () => {
    const workspace = new ImportWorkspace(services.db, services.home);
    const staged = await workspace.stage(
      'running.csv',
      csv([
        ['Ref', 'Name', 'Mobile'],
        ['R-1', 'Vlad Pop', '07911 555003'],
      ]),
    );
    const job = await workspace.start([staged.id], 'WS-A', profile('WS-A'), false);
    await workspace.dispose();
    expect(workspace.job(job.id).status).toBe('cancelled');
    expect(await stagedFiles(services.home)).toEqual([]);
  });

  it('removes uploads a crashed run left behind a day ago, and not those of a run still going', async () => {
    const uploads = join(services.home, 'uploads');
    const dayAndAHourAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await mkdir(join(uploads, 'crashed-session', 'f1'), { recursive: true });
    await writeFile(join(uploads, 'crashed-session', 'f1', 'left behind.csv'), 'Ref\r\n');
    await writeFile(join(uploads, '0123456789abcdef0123456789abcdef-older layout.csv'), 'Ref\r\n');
    for (const path of ['crashed-session', '0123456789abcdef0123456789abcdef-older layout.csv'])
      await utimes(join(uploads, path), dayAndAHourAgo, dayAndAHourAgo);
    await mkdir(join(uploads, 'running-session', 'f2'), { recursive: true });
    await writeFile(join(uploads, 'running-session', 'f2', 'in use.csv'), 'Ref\r\n');

    const workspace = new ImportWorkspace(services.db, services.home);
    await workspace.stage('new.csv', csv([['Ref'], ['X-1']]));
    expect((await stagedFiles(services.home)).sort()).toEqual(['in use.csv', 'new.csv']);
    await workspace.dispose();
    expect(await stagedFiles(services.home)).toEqual(['in use.csv']);
  });
});
