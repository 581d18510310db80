import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { eventProperties, listEvents, matchHistory, type AuditEventDto } from '../../main/services/auditService';
import { importMany } from '../../main/services/import/importMany';
import { saveProfile } from '../../main/services/import/profiles';
import { decideMatch, listMatches } from '../../main/services/matchService';
import { resolve, setHubOverride } from '../../main/services/resolveService';
import { graphStats } from '../../main/services/statsService';
import { connectionStatus } from '../../main/services/statusService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';
import { testNeo4j } from '../support/testNeo4j';

const cardHash = (pan: string) => `h${pan.length}-${pan.slice(-2)}`;
const COLUMNS = { Case: 'record.caseRef', Name: 'subject.fullName', DOB: 'subject.birthDate', Phone: 'subject.phone' };

describe('the audit trail', () => {
  let services: TestServices;
  let dir: string;
  const me = { osUser: userInfo().username, host: hostname(), app: 'cli' };

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-audit-'));
    for (const code of ['CITY-POL', 'BORDER']) await upsertAgency(services.db, { code, name: code, country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sha256 = async (path: string) =>
    createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  const who = (e: AuditEventDto) => ({ osUser: e.osUser, host: e.host, app: e.app, dbUser: e.dbUser });

  it('records imports, a resolution, decisions, a hub override and a profile change, in order, with who did them', async () => {
    const city = join(dir, 'city.csv');
    const border = join(dir, 'border.csv');
    await writeDelimited(
      city,
      [
        ['Case', 'Name', 'DOB', 'Phone'],
        ['C-1', 'Ion POPESCU', '04/03/1991', '07700 900456'],
        ['C-2', 'Maria Ionescu', '12/08/1985', '07700 900789'],
      ],
      ',',
    );
    await writeDelimited(
      border,
      [
        ['Case', 'Name', 'DOB', 'Phone'],
        ['B-7', 'Popescu Ion', '04/03/1991', '+44 7700 900456'],
      ],
      ',',
    );
    const cityProfile = parseProfile(personProfile('CITY-POL', COLUMNS));
    const borderProfile = parseProfile(personProfile('BORDER', COLUMNS));

    await saveProfile(services.home, cityProfile, { db: services.db });
    const outcomes = await importMany(
      services.db,
      [
        { path: city, agency: 'CITY-POL', profile: cityProfile, profileSource: 'saved' },
        { path: border, agency: 'BORDER', profile: borderProfile, profileSource: 'border.json' },
        { path: join(dir, 'missing.csv'), agency: 'BORDER', profile: borderProfile, profileSource: 'border.json' },
      ],
      { cardHash, reportDir: join(dir, 'reports') },
    );
    expect(outcomes.map((o) => (o.ok ? o.summary.outcome : o.error.message))).toEqual([
      'imported',
      'imported',
      expect.stringContaining('missing.csv'),
    ]);
    await resolve(services.db);
    const [pair] = await listMatches(services.db, { minScore: 0 });
    if (!pair) throw new Error('the two POPESCU rows should be proposed as one person');
    await decideMatch(services.db, {
      a: pair.a.id,
      b: pair.b.id,
      status: 'confirmed',
      reviewerName: 'DC Morgan',
      note: 'same phone and date of birth',
    });
    await decideMatch(services.db, { a: pair.b.id, b: pair.a.id, status: 'rejected' });
    await setHubOverride(services.db, 'Phone', '+447700900456', true);

    const events = await listEvents(services.db);
    expect(events.map((e) => [e.kind, e.outcome])).toEqual([
      ['hub-override', 'success'],
      ['match-decision', 'success'],
      ['match-decision', 'success'],
      ['resolve', 'success'],
      ['import', 'failure'],
      ['import', 'success'],
      ['import', 'success'],
      ['profile-change', 'success'],
    ]);
    for (const e of events) expect(who(e)).toEqual({ ...me, dbUser: testNeo4j().user });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.map((e) => e.at)).toEqual(
      events
        .map((e) => e.at)
        .sort()
        .reverse(),
    );

    const [hub, , , resolved, failed, borderImport, cityImport, profileChange] = events as AuditEventDto[];
    expect(cityImport).toMatchObject({
      action: 'import CITY-POL city.csv',
      message: null,
      details: {
        file: 'city.csv',
        agency: 'CITY-POL',
        profile: 'CITY-POL test profile',
        profileSource: 'saved',
        sha256: await sha256(city),
        result: 'imported',
        rowsRead: 2,
        rowsImported: 2,
        rowsRejected: 0,
        newRecords: 2,
      },
    });
    expect(borderImport?.details).toMatchObject({ sha256: await sha256(border), rowsRead: 1, agency: 'BORDER' });
    expect(failed).toMatchObject({
      action: 'import BORDER missing.csv',
      message: expect.stringContaining('missing.csv'),
      details: { file: 'missing.csv', agency: 'BORDER', profile: 'BORDER test profile' },
    });
    expect(resolved?.details).toMatchObject({ hubThreshold: 25, relink: false, persons: 3 });
    expect(hub).toMatchObject({
      action: 'hub on Phone +447700900456',
      details: { label: 'Phone', key: '+447700900456', setting: 'on', identifiers: 1, hubNow: true },
    });
    expect(profileChange).toMatchObject({
      action: 'save profile CITY-POL CITY-POL test profile',
      details: { agency: 'CITY-POL', previousSha256: null, changed: true },
    });

    expect(await listEvents(services.db, { kind: 'import' })).toHaveLength(3);
    expect(await listEvents(services.db, { limit: 2 })).toEqual(events.slice(0, 2));
    expect(await listEvents(services.db, { since: '2999-01-01' })).toEqual([]);
    expect(await listEvents(services.db, { since: events[1]?.at as string })).toEqual(events.slice(0, 2));
  });

  it('keeps every decision on a pair, not only the last, with the OS user and the typed name', async () => {
    const [pair] = await listMatches(services.db, { statuses: ['rejected'], minScore: 0 });
    if (!pair) throw new Error('the pair was rejected in the test before');
    expect([pair.decidedBy, pair.reviewerName, pair.note]).toEqual([me.osUser, null, null]);

    const history = await matchHistory(services.db, pair.b.id, pair.a.id);
    expect(history.map((e) => ({ osUser: e.osUser, ...e.details }))).toEqual([
      {
        osUser: me.osUser,
        fromStatus: 'candidate',
        toStatus: 'confirmed',
        note: 'same phone and date of birth',
        personA: pair.a.id,
        personB: pair.b.id,
        reviewerName: 'DC Morgan',
      },
      {
        osUser: me.osUser,
        fromStatus: 'confirmed',
        toStatus: 'rejected',
        note: null,
        personA: pair.a.id,
        personB: pair.b.id,
        reviewerName: null,
      },
    ]);
  });

  it('records a hub override that names no identifier in the graph as a failure, and changes nothing', async () => {
    await expect(
      setHubOverride(services.db, 'Phone', '+440000000000', true, 25, ['+440000000001']),
    ).rejects.toMatchObject({
      error: { kind: 'NotFound', message: 'No phone +440000000000 in the graph.' },
    });
    const [latest] = await listEvents(services.db, { kind: 'hub-override', limit: 1 });
    expect(latest).toMatchObject({ action: 'hub on Phone +440000000000', outcome: 'failure' });
    expect(latest?.message).toContain('No phone +440000000000 in the graph.');
    // The value as typed reads to a key the graph holds: that identifier is set, in one event.
    expect(await setHubOverride(services.db, 'Phone', '07700 900456', false, 25, ['+447700900456'])).toEqual([
      { display: expect.any(String) as string, hub: false },
    ]);
    const [set] = await listEvents(services.db, { kind: 'hub-override', limit: 1 });
    expect(set).toMatchObject({ outcome: 'success', details: { identifiers: 1, hubNow: false } });
  });

  it('writes an event once when a committed write is run again (a retried transaction)', async () => {
    const before = await graphStats(services.db);
    const sizeBefore = await connectionStatus(services.db);
    const event = eventProperties(services.db, { kind: 'export', action: 'export chart', outcome: 'success' });
    const at = new Date().toISOString();
    await services.db.write('audit/record-event', { event, at });
    await services.db.write('audit/record-event', { event: { ...event, outcome: 'failure' }, at });
    expect((await listEvents(services.db, { kind: 'export' })).map((e) => [e.id, e.outcome])).toEqual([
      [event.id, 'success'],
    ]);
    // The trail is not part of the investigation graph: counts, status and chart leave it out.
    expect(await graphStats(services.db)).toEqual(before);
    expect(await connectionStatus(services.db)).toEqual(sizeBefore);
    const overview = await services.api.getOverview({ limit: 5000 });
    expect(overview.ok && overview.value.nodes.filter((n) => n.data.kind === 'AuditEvent')).toEqual([]);
  });

  it('lists and exports through the API, refusing an unknown kind', async () => {
    const listed = await services.api.listAuditEvents({ kind: 'match-decision' });
    expect(listed.ok && listed.value.map((e) => e.details.toStatus)).toEqual(['rejected', 'confirmed']);
    const refused = await services.api.listAuditEvents({ kind: 'imports' as 'import' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });

    const exported = await services.api.exportAuditCsv({ kind: 'import' });
    if (!exported.ok) throw new Error(exported.error.message);
    const lines = exported.value.csv.split('\r\n');
    expect(exported.value.fileName).toMatch(/^caselink-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('"at","kind","action","outcome","osUser","dbUser","host","app","message","details","id"');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^"\d{4}-[^"]+Z","import","import BORDER missing.csv","failure",/);
  });
});
