import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure, type CaselinkError } from '../../main/contract/errors';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { importFile } from '../../main/services/import/importFile';
import { LIMITS_VARIABLE } from '../../main/services/import/limits';
import { graphStats } from '../../main/services/statsService';
import { writeHostileFile, type HostileKind, type HostileOptions } from '../support/hostileFiles';
import { personProfile } from '../support/sheets';
import { openTestServices, type TestServices } from '../support/services';

const MiB = 1024 * 1024;

/** This process's peak resident memory (Linux's VmHWM), in bytes. */
function peakRss(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : process.resourceUsage().maxRSS * 1024;
}

describe('importing hostile files', () => {
  let services: TestServices;
  let dir: string;
  const savedLimits = process.env[LIMITS_VARIABLE];

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-hostile-import-'));
    await upsertAgency(services.db, { code: 'NGO', name: 'NGO', country: 'GB' });
    // Small enough for a test to reach in seconds; the kinds over them are the same as at full size.
    process.env[LIMITS_VARIABLE] = JSON.stringify({ maxRows: 100_000, workerHeapMb: 48 });
  });
  afterAll(async () => {
    if (savedLimits === undefined) delete process.env[LIMITS_VARIABLE];
    else process.env[LIMITS_VARIABLE] = savedLimits;
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  const attempt = async (kind: HostileKind, options: HostileOptions = {}): Promise<CaselinkError | string> => {
    const path = await writeHostileFile(dir, kind, options);
    try {
      await importFile(services.db, {
        path,
        agency: 'NGO',
        profile: parseProfile(personProfile('NGO', { Name: 'subject.fullName', Phone: 'subject.phone' })),
        profileSource: 'test',
        reportDir: join(dir, 'reports'),
        cardHash: (pan) => `h${pan.length}`,
      });
      return 'imported';
    } catch (error) {
      return error instanceof CaselinkFailure ? error.error : String(error);
    }
  };

  it('refuses each with a message naming the file and the limit, writes no Source, and stays within memory', async () => {
    const outcomes = {
      zipBomb: await attempt('zipBomb', { bombBytes: 600 * MiB }),
      randomBytes: await attempt('randomBytesXlsx'),
      textAsXlsx: await attempt('textAsXlsx'),
      pdfAsCsv: await attempt('pdfAsCsv'),
      manyRows: await attempt('manyRows', { rows: 110_000 }),
      tooBigForTheWorker: await attempt('largestAllowed', { rows: 60_000 }),
    };
    expect(outcomes).toEqual({
      zipBomb: expect.objectContaining({
        kind: 'FileRejected',
        message: 'zip-bomb.xlsx: inflates to more than 256 MiB, the limit (its zip directory declares 600.0 MiB).',
      }) as unknown,
      randomBytes: expect.objectContaining({
        kind: 'FileRejected',
        message: 'random.xlsx: is named .xlsx but its content is binary data, not a .xlsx workbook.',
      }) as unknown,
      textAsXlsx: expect.objectContaining({
        kind: 'FileRejected',
        message: 'export.xlsx: is named .xlsx but its content is plain text, not a .xlsx workbook.',
      }) as unknown,
      pdfAsCsv: expect.objectContaining({
        kind: 'FileRejected',
        message: 'statement.csv: is named .csv but its content is a PDF document, not delimited text.',
      }) as unknown,
      manyRows: expect.objectContaining({
        kind: 'FileRejected',
        message: 'many-rows.xlsx: sheet "Sheet1" has more than 100,000 rows, the limit (it reaches row 100,001).',
      }) as unknown,
      tooBigForTheWorker: expect.objectContaining({
        kind: 'FileRejected',
        message: 'largest-allowed.xlsx: needed more than the 48 MB of memory allowed for reading one workbook.',
      }) as unknown,
    });
    const stats = await graphStats(services.db);
    expect(stats.byAgency.map((a) => [a.agency, a.sources, a.records])).toEqual([['NGO', 0, 0]]);
    // The whole test process, Neo4j's driver and the workbook workers included, at its peak.
    expect(peakRss()).toBeLessThan(1.5 * 1024 * MiB);
  }, 120_000);
});
