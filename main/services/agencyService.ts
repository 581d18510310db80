import { z } from 'zod';
import type { Database } from '../db/database';

/** An agency code: short, upper-case, safe in file names and exports (e.g. `MET-POL`, `UKBF`). */
export const agencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'an agency code is 2 to 32 letters, digits, "-" or "_"');

export const agencyInput = z.object({
  code: agencyCode,
  name: z.string().trim().min(1).max(200),
  /** ISO 3166-1 alpha-2, the default country for the agency's phone numbers and addresses. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code such as GB'),
});
export type AgencyInput = z.input<typeof agencyInput>;

export interface Agency {
  code: string;
  name: string;
  country: string;
}

export interface AgencySummary extends Agency {
  sources: number;
  records: number;
}

/** Registers an agency or updates its name and country. */
export async function upsertAgency(db: Database, input: AgencyInput, now = new Date()): Promise<Agency> {
  const agency = agencyInput.parse(input);
  const [row] = await db.write('agencies/merge-agency', { ...agency, now: now.toISOString() });
  return { code: row?.get('code') as string, name: row?.get('name') as string, country: row?.get('country') as string };
}

export async function listAgencies(db: Database): Promise<AgencySummary[]> {
  const rows = await db.read('agencies/list-agencies');
  return rows.map((row) => ({
    code: row.get('code') as string,
    name: row.get('name') as string,
    country: row.get('country') as string,
    sources: Number(row.get('sources')),
    records: Number(row.get('records')),
  }));
}
