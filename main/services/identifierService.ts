import type { Database } from '../db/database';

export interface IdentifierUse {
  /** Node label: Phone, Email, Address, Account, Handle, Document, Vehicle. */
  label: string;
  key: string;
  /** Account kind, handle platform or document type. */
  subkind: string;
  country: string;
  display: string;
  /** Records that assert it. */
  records: number;
  agencies: string[];
}

/** Identifiers with how many records and agencies use them, most used first. */
export async function listIdentifiers(db: Database, limit = 1000): Promise<IdentifierUse[]> {
  const rows = await db.read('identifiers/list-identifiers', { limit });
  return rows.map((r) => ({
    label: r.get('label') as string,
    key: r.get('key') as string,
    subkind: r.get('subkind') as string,
    country: r.get('country') as string,
    display: r.get('display') as string,
    records: Number(r.get('records')),
    agencies: (r.get('agencies') as string[]).sort(),
  }));
}
