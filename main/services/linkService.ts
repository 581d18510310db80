/**
 * The links between agencies' records: identifiers they share, the cases linked to a case, and
 * why two records are linked, down to agency, file, sheet, row and column on both sides.
 */
import type { LinkExplanationDto, LinkSideDto, SharedIdentifierDto } from '../contract/importTypes';
import type { Database } from '../db/database';

export const IDENTIFIER_LABELS = {
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  account: 'Account',
  handle: 'Handle',
  document: 'Document',
  vehicle: 'Vehicle',
} as const;
export type IdentifierKindName = keyof typeof IDENTIFIER_LABELS;

export type {
  LinkSideDto as LinkSide,
  SharedIdentifierDto as SharedIdentifierLink,
  LinkExplanationDto as LinkExplanation,
};

const side = (v: unknown): LinkSideDto => v as LinkSideDto;

/** Sides in a stable order: agency, file, sheet, row, column, who. */
const sideOrder = (s: LinkSideDto) =>
  [s.agency, s.fileName, s.sheet, String(s.row).padStart(9, '0'), s.column, s.owner].join('\u0000');

export async function sharedIdentifiers(
  db: Database,
  options: { agencies?: string[]; kinds?: IdentifierKindName[]; includeHubs?: boolean; limit?: number } = {},
): Promise<SharedIdentifierDto[]> {
  const rows = await db.read('links/shared-identifiers', {
    agencies: (options.agencies ?? []).map((a) => a.toUpperCase()),
    labels: (options.kinds ?? []).map((k) => IDENTIFIER_LABELS[k]),
    includeHubs: options.includeHubs ?? false,
    limit: options.limit ?? 10_000,
  });
  return rows.map((r) => ({
    label: r.get('label') as string,
    display: r.get('display') as string,
    key: r.get('key') as string,
    hub: r.get('hub') as boolean,
    agencies: (r.get('agencies') as string[]).sort(),
    sides: (r.get('sides') as unknown[])
      .map(side)
      .sort((x, y) => (sideOrder(x) < sideOrder(y) ? -1 : sideOrder(x) > sideOrder(y) ? 1 : 0)),
  }));
}

export async function explainLink(db: Database, a: string, b: string): Promise<LinkExplanationDto[]> {
  const rows = await db.read('links/explain-link', { a, b });
  return rows.map((r) => ({
    label: r.get('label') as string,
    display: r.get('display') as string,
    hub: r.get('hub') as boolean,
    left: side(r.get('left')),
    right: side(r.get('right')),
  }));
}

export interface LinkedCase {
  agency: string;
  ref: string;
  chain: { label: string; display: string; from: Partial<LinkSideDto>; to: Partial<LinkSideDto> }[];
}

export async function casesLinkedToCase(db: Database, agency: string, ref: string, limit = 100): Promise<LinkedCase[]> {
  const rows = await db.read('links/cases-linked-to-case', { agency: agency.toUpperCase(), ref, limit });
  return rows.map((r) => ({
    agency: r.get('agency') as string,
    ref: r.get('ref') as string,
    chain: r.get('chain') as LinkedCase['chain'],
  }));
}
