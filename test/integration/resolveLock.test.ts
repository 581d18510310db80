import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure } from '../../main/contract/errors';
import { parseProfile } from '../../main/core/profile';
import type { Database } from '../../main/db/database';
import { upsertAgency } from '../../main/services/agencyService';
import { claimGraphLock } from '../../main/services/graphLock';
import { importFile } from '../../main/services/import/importFile';
import { resolve } from '../../main/services/resolveService';
import { graphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';

const IN_PROGRESS = /^A resolution run is in progress \(started by .+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC on .+\)\.$/;

/** The same twelve people in two agencies' files, with the same birth dates and phones. */
const PEOPLE = Array.from({ length: 12 }, (_, i) => [
  ['Ion', 'Ana', 'Mihai', 'Elena', 'Vasile', 'Maria'][i % 6] +
    ` ${['Popescu', 'Lungu'][i % 2]}${'escu'.slice(0, i % 4)}`,
  `${String(1 + i).padStart(2, '0')}/03/19${70 + i}`,
  `+44 7700 900${String(100 + i)}`,
]);

async function failureOf(work: Promise<unknown>): Promise<CaselinkFailure | null> {
  return work.then(
    () => null,
    (error: unknown) => {
      if (error instanceof CaselinkFailure) return error;
      throw error;
    },
  );
}

describe('one resolution at a time', () => {
  let services: TestServices;
  let dir: string;
  const candidates = async () => (await graphStats(services.db)).relationshipsByType.SAME_AS ?? 0;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-resolve-lock-'));
    for (const agency of ['CITY-POL', 'BORDER']) {
      await upsertAgency(services.db, { code: agency, name: agency, country: 'GB' });
      const path = join(dir, `${agency}.csv`);
      await writeDelimited(path, [['Name', 'DOB', 'Phone'], ...PEOPLE], ',');
      await importFile(services.db, {
        path,
        agency,
        profile: parseProfile(
          personProfile(agency, { Name: 'subject.fullName', DOB: 'subject.birthDate', Phone: 'subject.phone' }),
        ),
        profileSource: 'test',
        reportDir: join(dir, 'reports'),
        cardHash: (pan) => pan,
      });
    }
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a second run while one runs, naming who runs it, and keeps the first run's candidates", async () => {
    // The first run stops just before it withdraws stale candidates, until the second has tried.
    let reachPrune!: () => void;
    let carryOn!: () => void;
    const atPrune = new Promise<void>((r) => (reachPrune = r));
    const gate = new Promise<void>((r) => (carryOn = r));
    const paused: Database = {
      ...services.db,
      write: async (name, params) => {
        if (name === 'resolve/prune-candidates') {
          reachPrune();
          await gate;
        }
        return services.db.write(name, params);
      },
    };
    const first = resolve(paused);
    await atPrune;
    const second = await failureOf(resolve(services.db));
    carryOn();
    const summary = await first;

    expect(second?.error.kind).toBe('Busy');
    expect(second?.error.message).toMatch(IN_PROGRESS);
    expect(second?.error.hint).toContain('Run resolve again when it has finished');
    expect(summary.candidates).toBeGreaterThan(0);
    expect(await candidates()).toBe(summary.candidates);
    // Released: the next run goes ahead, and no lock is left in the graph.
    expect((await resolve(services.db)).candidates).toBe(summary.candidates);
    expect((await graphStats(services.db)).nodesByLabel.CaselinkLock).toBeUndefined();
  });

  it('lets two runs started at once end with every candidate in place', async () => {
    const expected = await candidates();
    const outcomes = await Promise.all([failureOf(resolve(services.db)), failureOf(resolve(services.db))]);
    for (const failure of outcomes) if (failure) expect(failure.error.message).toMatch(IN_PROGRESS);
    expect(await candidates()).toBe(expected);
  });

  it('says who holds the lock, and takes over the claim of a run that crashed once it expires', async () => {
    const other = await claimGraphLock(services.db, 'resolve', 'another-run', { user: 'alice', host: 'ws-7' });
    expect(other.ok).toBe(true);
    const refused = await failureOf(resolve(services.db));
    expect(refused?.error.message).toMatch(/^A resolution run is in progress \(started by alice at .+ on ws-7\)\.$/);
    if (other.ok) await other.lock.release();

    // A crashed run: its claim is never renewed nor released.
    const crashed = await claimGraphLock(services.db, 'resolve', 'crashed-run', {
      ttlMs: 0,
      user: 'bob',
      host: 'ws-9',
    });
    expect(crashed.ok).toBe(true);
    expect((await resolve(services.db)).candidates).toBeGreaterThan(0);
  });
});
