/**
 * A small graph for review tests: two agencies' people imported from CSV, and same-person pairs
 * between them proposed with scores the test chooses, so review is tested apart from the scorer.
 */
import { join } from 'node:path';
import { parseProfile } from '../../main/core/profile';
import type { Database } from '../../main/db/database';
import { upsertAgency } from '../../main/services/agencyService';
import { importMany } from '../../main/services/import/importMany';
import { personProfile, writeDelimited } from './sheets';

/** A proposed pair: the two mentions by name, its score and reasons. */
export interface SeedPair {
  a: string;
  b: string;
  score: number;
  reasons?: string[];
}

const COLUMNS = { Case: 'record.caseRef', Name: 'subject.fullName', DOB: 'subject.birthDate' };

/** Imports one row per name for each agency (names must be unique), from CSV files written in `dir`. */
export async function importPeople(db: Database, dir: string, people: Record<string, string[]>): Promise<void> {
  const files = [];
  for (const [agency, names] of Object.entries(people)) {
    await upsertAgency(db, { code: agency, name: agency, country: 'GB' });
    const path = join(dir, `${agency.toLowerCase()}.csv`);
    await writeDelimited(
      path,
      [['Case', 'Name', 'DOB'], ...names.map((name, i) => [`${agency}-${i + 1}`, name, `0${(i % 9) + 1}/03/1990`])],
      ',',
    );
    files.push({ path, agency, profile: parseProfile(personProfile(agency, COLUMNS)), profileSource: 'test' });
  }
  const outcomes = await importMany(db, files, { cardHash: (pan) => pan.slice(-4), reportDir: join(dir, 'reports') });
  const failed = outcomes.filter((o) => !o.ok || o.summary.outcome !== 'imported');
  if (failed.length) throw new Error(`import failed: ${JSON.stringify(failed)}`);
}

/** Proposes `pairs` as a resolution would; answers each pair's stored ids (a < b). */
export async function seedPairs(db: Database, pairs: SeedPair[]): Promise<{ a: string; b: string }[]> {
  const rows = await db.write('admin/seed-match-pairs', {
    pairs: pairs.map((p) => ({ ...p, reasons: p.reasons ?? [`seeded ${p.a} ~ ${p.b}`] })),
    now: new Date().toISOString(),
  });
  if (rows.length !== pairs.length) throw new Error(`seeded ${rows.length} of ${pairs.length} pairs`);
  return rows.map((r) => ({ a: r.get('a') as string, b: r.get('b') as string }));
}
