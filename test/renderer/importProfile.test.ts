import { describe, expect, it } from 'vitest';
import type { AgencySummaryDto, CaselinkApi, Profile, Result } from '../../main/contract/api';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EntitiesTable } from '../../renderer/src/features/import/MappingStep';
import {
  editProfile,
  joinKeyChoices,
  readProfileJson,
  unmappedHeaders,
} from '../../renderer/src/features/import/profileEdits';
import * as core from '../../main/core/profile';
import {
  fieldsFor,
  IDENTIFIER_FIELDS,
  PARTY_FIELDS,
  RECORD_FIELDS,
} from '../../renderer/src/features/import/vocabulary';
import { createAppStore } from '../../renderer/src/store';

const profile: Profile = {
  version: 1,
  agency: 'NGO',
  name: 'Hotline tips',
  encoding: 'auto',
  delimiter: 'auto',
  country: 'GB',
  dateOrder: 'DMY',
  grading: { system: '3x5x2', source: '2', information: 'C', handling: 'C', conditions: 'Caller identity protected' },
  entities: { caller: { kind: 'person', role: 'reporter' } },
  columns: [
    { column: 'Tip No', entity: 'record', field: 'recordRef' },
    { column: 'Caller Name', entity: 'caller', field: 'fullName' },
    { column: 'Caller Phone', entity: 'caller', field: 'phone' },
  ],
};

describe('editing a mapping profile', () => {
  it('removes a column mapping and maps an unmapped header as free text once', () => {
    const removed = editProfile(profile, { type: 'removeColumn', index: 0 });
    expect(removed.columns.map((c) => c.column)).toEqual(['Caller Name', 'Caller Phone']);
    const added = editProfile(removed, { type: 'addColumn', column: 'Action Taken' });
    expect(added.columns.at(-1)).toEqual({ column: 'Action Taken', entity: 'record', field: 'freeText' });
    expect(editProfile(added, { type: 'addColumn', column: ' action taken ' })).toBe(added);
    expect(profile.columns).toHaveLength(3);
  });

  it('keeps a field the new entity can have and replaces one it cannot', () => {
    const phone = editProfile(profile, { type: 'setColumnEntity', index: 2, entity: 'record' });
    expect(phone.columns[2]).toEqual({ column: 'Caller Phone', entity: 'record', field: 'phone' });
    const name = editProfile(profile, { type: 'setColumnEntity', index: 1, entity: 'record' });
    expect(name.columns[1]).toEqual({ column: 'Caller Name', entity: 'record', field: 'caseRef' });
    expect(fieldsFor('record')).not.toContain('fullName');
    expect(fieldsFor('caller')).not.toContain('caseRef');
  });

  it('names added entities by role and numbers a second one', () => {
    const one = editProfile(profile, { type: 'addEntity', kind: 'person', role: 'victim' });
    const two = editProfile(one, { type: 'addEntity', kind: 'organization', role: 'victim' });
    expect(two.entities).toEqual({
      caller: { kind: 'person', role: 'reporter' },
      victim: { kind: 'person', role: 'victim' },
      'victim-2': { kind: 'organization', role: 'victim' },
    });
  });

  it('drops an entity’s name columns with it and keeps its identifiers on the record', () => {
    const edited = editProfile(profile, { type: 'removeEntity', name: 'caller' });
    expect(edited.entities).toEqual({});
    expect(edited.columns).toEqual([
      { column: 'Tip No', entity: 'record', field: 'recordRef' },
      { column: 'Caller Phone', entity: 'record', field: 'phone' },
    ]);
  });

  it('switches grading schemes to codes the new scheme allows', () => {
    const g = editProfile(profile, { type: 'setGradingSystem', system: '5x5x5' }).grading;
    expect(g).toEqual({
      system: '5x5x5',
      source: 'B',
      information: '2',
      handling: '1',
      conditions: 'Caller identity protected',
    });
    const back = editProfile(profile, { type: 'setGradingCode', part: 'information', code: 'A' });
    expect(back.grading.information).toBe('A');
    expect(editProfile(profile, { type: 'setGradingConditions', conditions: ' ' }).grading).not.toHaveProperty(
      'conditions',
    );
  });

  it('sets the default country in capitals and the date order', () => {
    const edited = editProfile(editProfile(profile, { type: 'setCountry', country: 'ro' }), {
      type: 'setDateOrder',
      dateOrder: 'YMD',
    });
    expect([edited.country, edited.dateOrder]).toEqual(['RO', 'YMD']);
  });

  it('offers every field the profile schema knows, in the same groups (the renderer keeps its own copy)', () => {
    const sorted = (fields: readonly string[]) => [...fields].sort();
    expect({
      record: sorted(RECORD_FIELDS),
      party: sorted(PARTY_FIELDS),
      identifier: sorted(IDENTIFIER_FIELDS),
    }).toEqual({
      record: sorted(core.RECORD_FIELDS),
      party: sorted(core.PARTY_FIELDS),
      identifier: sorted(core.IDENTIFIER_FIELDS),
    });
  });

  it('lists headers no column reads, ignoring case and blanks', () => {
    expect(unmappedHeaders(profile, ['TIP NO', 'Caller Name', '', 'Relationship'])).toEqual(['Relationship']);
  });
});

describe('opening a shared profile file', () => {
  it('re-points a profile written for another agency at the chosen one, and says so', () => {
    const read = readProfileJson(JSON.stringify({ ...profile, agency: 'CITY-POL' }), 'NGO');
    expect(read).toEqual({ ok: true, profile, otherAgency: 'CITY-POL' });
  });

  it('says why a file is not a profile', () => {
    expect(readProfileJson('{', 'NGO')).toEqual({ ok: false, reason: 'The file is not JSON.' });
    expect(readProfileJson('{"version":2}', 'NGO')).toEqual({
      ok: false,
      reason: 'The file is not a version 1 mapping profile.',
    });
    expect(readProfileJson(JSON.stringify({ ...profile, columns: [] }), 'NGO')).toEqual({
      ok: false,
      reason: 'The profile maps no columns.',
    });
  });
});

describe('the import slice', () => {
  const ngo: AgencySummaryDto = { code: 'NGO', name: 'Hotline', country: 'GB', sources: 0, records: 0 };

  function api(overrides: Partial<Record<keyof CaselinkApi, (input: never) => Promise<Result<unknown>>>>) {
    return overrides as unknown as CaselinkApi;
  }

  it('stages each file, shows a refusal with its hint, and proposes from the first staged file', async () => {
    const calls: unknown[] = [];
    const store = createAppStore(
      api({
        listAgencies: async () => ({ ok: true, value: [ngo] }),
        stageFile: async (input: { name: string }) =>
          input.name.endsWith('.pdf')
            ? { ok: false, error: { kind: 'FileRejected', message: 'no pdf', hint: 'It reads .xlsx' } }
            : { ok: true, value: { id: 'a'.repeat(32), name: input.name, size: 12 } },
        proposeMapping: async (input: never) => {
          calls.push(input);
          return { ok: true, value: { profile, origin: 'proposed', reasons: { 'Tip No': 'header' }, unmapped: ['X'] } };
        },
      }),
    );
    await store.getState().loadAgencies();
    store.getState().chooseImportAgency('NGO');
    await store.getState().stageImportFiles([
      { name: 'notes.pdf', size: 3, read: async () => 'AAAA' },
      { name: 'tips.ods', size: 12, read: async () => 'AAAA' },
    ]);
    expect(store.getState().importFiles.map((f) => [f.name, f.state, f.error?.hint ?? null])).toEqual([
      ['notes.pdf', 'rejected', 'It reads .xlsx'],
      ['tips.ods', 'staged', null],
    ]);
    await store.getState().proposeImportMapping();
    expect(calls).toEqual([{ fileId: 'a'.repeat(32), agency: 'NGO' }]);
    expect(store.getState().importMapping).toEqual({
      origin: 'proposed',
      fileName: null,
      otherAgency: null,
      reasons: { 'Tip No': 'header' },
      unmapped: ['X'],
    });
    store.getState().editImportProfile({ type: 'removeColumn', index: 0 });
    expect(store.getState().importProfile?.columns).toHaveLength(2);
  });

  it('refreshes the chart and the status once a polled job has ended', async () => {
    const called: string[] = [];
    const job = { id: '0123456789abcdef', progress: null, results: [], startedAt: '', finishedAt: null };
    const store = createAppStore(
      api({
        getImportJob: async () => ({ ok: true, value: { ...job, status: 'done', finishedAt: 'now' } }),
        getOverview: async () => (
          called.push('getOverview'),
          { ok: true, value: { nodes: [], edges: [], truncated: false } }
        ),
        getConnectionStatus: async () => (
          called.push('getConnectionStatus'),
          { ok: false, error: { kind: 'Internal', message: '-' } }
        ),
        listAgencies: async () => (called.push('listAgencies'), { ok: true, value: [] }),
      }),
    );
    store.setState({ importJob: { ...job, status: 'running' } });
    await store.getState().refreshImportJob();
    expect(store.getState().importJob?.status).toBe('done');
    expect(called.sort()).toEqual(['getConnectionStatus', 'getOverview', 'listAgencies']);
  });
});

describe('a person’s join key in the mapping step', () => {
  function api(overrides: Partial<Record<keyof CaselinkApi, (input: never) => Promise<Result<unknown>>>>) {
    return overrides as unknown as CaselinkApi;
  }
  const workbook: Profile = {
    ...profile,
    agency: 'CITY-POL',
    entities: {
      subject: { kind: 'person', role: 'subject' },
      employer: { kind: 'organization', role: 'employer' },
    },
    columns: [
      { column: 'Surname', sheet: 'Persons', entity: 'subject', field: 'familyName' },
      { column: 'Phone', sheet: 'Contacts', entity: 'subject', field: 'phone' },
      { column: 'Employer', sheet: 'Persons', entity: 'employer', field: 'fullName' },
    ],
  };

  it('sets a person’s join key to one header or several, clears it, and gives none to an organisation', () => {
    const one = editProfile(workbook, { type: 'setJoinKey', name: 'subject', columns: ['Person ID'] });
    expect(one.entities.subject).toEqual({ kind: 'person', role: 'subject', joinKey: 'Person ID' });
    const two = editProfile(one, { type: 'setJoinKey', name: 'subject', columns: ['Person ID', ' ID persoana ', ''] });
    expect(two.entities.subject?.joinKey).toEqual(['Person ID', 'ID persoana']);
    expect(editProfile(two, { type: 'setJoinKey', name: 'subject', columns: [] }).entities.subject).toEqual({
      kind: 'person',
      role: 'subject',
    });
    expect(editProfile(workbook, { type: 'setJoinKey', name: 'employer', columns: ['Company no'] })).toBe(workbook);
    expect(editProfile(workbook, { type: 'setJoinKey', name: 'nobody', columns: ['Person ID'] })).toBe(workbook);
    // What the app saves passes the services' own check of a profile.
    expect(core.parseProfile(one).entities.subject?.joinKey).toBe('Person ID');
  });

  it('shows each person’s join key, offering the file’s headers, and none for an organisation', () => {
    const joined = editProfile(workbook, { type: 'setJoinKey', name: 'subject', columns: ['Person ID'] });
    const html = renderToStaticMarkup(
      createElement(EntitiesTable, { profile: joined, headers: ['Person ID', 'Surname', 'Phone'], edit: () => {} }),
    );
    // One select, on the person: the organisation has no join key to choose.
    expect(html.match(/data-testid="join-key"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Join key of subject"');
    expect(html).toMatch(/<option value="Person ID" selected="">Person ID<\/option>/);
    expect(html).toContain('<option value="">none</option>');
    expect(joinKeyChoices(joined, ['Person ID', 'surname', ''])).toEqual(['Person ID', 'surname', 'Phone', 'Employer']);
    const several = editProfile(joined, { type: 'setJoinKey', name: 'subject', columns: ['Person ID', 'Subject no.'] });
    const shown = renderToStaticMarkup(createElement(EntitiesTable, { profile: several, headers: [], edit: () => {} }));
    expect(shown).toContain(
      `<option value="Person ID${'\u0000'}Subject no." selected="">Person ID or Subject no.</option>`,
    );
  });

  it('keeps a proposed join key through edits and sends it with the import', async () => {
    const proposed = {
      ...workbook,
      entities: { ...workbook.entities, subject: { ...workbook.entities.subject!, joinKey: 'Person ID' } },
    };
    const started: { profile: Profile }[] = [];
    const store = createAppStore(
      api({
        listAgencies: async () => ({
          ok: true,
          value: [{ code: 'CITY-POL', name: 'City', country: 'GB', sources: 0, records: 0 }],
        }),
        stageFile: async (input: { name: string }) => ({
          ok: true,
          value: { id: 'b'.repeat(32), name: input.name, size: 12 },
        }),
        proposeMapping: async () => ({
          ok: true,
          value: { profile: proposed, origin: 'proposed', reasons: {}, unmapped: ['Person ID'] },
        }),
        startImport: async (input: { profile: Profile }) => {
          started.push(input);
          return { ok: false, error: { kind: 'Internal', message: 'stop here' } };
        },
      }),
    );
    await store.getState().loadAgencies();
    store.getState().chooseImportAgency('CITY-POL');
    await store.getState().stageImportFiles([{ name: 'persons.xlsx', size: 12, read: async () => 'AAAA' }]);
    await store.getState().proposeImportMapping();
    expect(store.getState().importProfile?.entities.subject?.joinKey).toBe('Person ID');
    store.getState().editImportProfile({ type: 'setJoinKey', name: 'subject', columns: ['Subject no.'] });
    await store.getState().startImport();
    expect(started.map((s) => s.profile.entities.subject?.joinKey)).toEqual(['Subject no.']);
  });
});
