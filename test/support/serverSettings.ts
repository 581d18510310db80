import type { Database } from '../../main/db/database';

/** The values of the named server settings, as Neo4j reports them (`SHOW SETTINGS`). */
export async function serverSettings(db: Database, names: string[]): Promise<Record<string, string>> {
  const records = await db.read('db/list-settings', { names });
  return Object.fromEntries(records.map((r) => [String(r.get('name')), String(r.get('value'))]));
}
