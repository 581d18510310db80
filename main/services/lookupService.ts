/**
 * Whether what a command names is in the graph at all: records, person mentions and cases. A command that answers
 * "nothing links these" must first know that they exist, or a mistyped id reads as an answer.
 */
import type { Database } from '../db/database';

/** The ids among `ids` that are not records in the graph, in the order given. */
export async function missingRecords(db: Database, ids: string[]): Promise<string[]> {
  const rows = await db.read('records/existing-records', { ids: [...new Set(ids)] });
  const found = new Set(rows.map((r) => r.get('id') as string));
  return ids.filter((id) => !found.has(id));
}

/** The ids among `ids` that are not person mentions in the graph, in the order given. */
export async function missingPersons(db: Database, ids: string[]): Promise<string[]> {
  const rows = await db.read('records/existing-persons', { ids: [...new Set(ids)] });
  const found = new Set(rows.map((r) => r.get('id') as string));
  return ids.filter((id) => !found.has(id));
}

/** Whether the agency has a case with this reference, and how many records are about it. */
export async function findCase(
  db: Database,
  agency: string,
  ref: string,
): Promise<{ found: boolean; records: number }> {
  const [row] = await db.read('records/case-exists', { agency: agency.toUpperCase(), ref });
  return { found: row?.get('found') === true, records: Number(row?.get('records') ?? 0) };
}
