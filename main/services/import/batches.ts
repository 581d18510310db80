/**
 * What one write transaction holds, and how it is written. The import fills a batch from mapped
 * rows and writes it whole; resolution ("caselink resolve --relink") fills one from the raw cells
 * stored on records and rewrites their identifier links with the same statements.
 */
import type { Profile } from '../../core/profile';
import { partySearchName } from '../../core/searchText';
import type { MappedIdentifier, MappedRow, RawCell } from '../../core/rowMapper';
import type { Database } from '../../db/database';

/** The batch's list of links of each identifier kind. */
const LINK_LISTS = {
  phone: 'phones',
  email: 'emails',
  address: 'addresses',
  account: 'accounts',
  handle: 'handles',
  document: 'documents',
  vehicle: 'vehicles',
} as const satisfies Record<MappedIdentifier['kind'], string>;

type LinkList = (typeof LINK_LISTS)[MappedIdentifier['kind']];

/** The statement that writes each kind's links. */
const LINK_STATEMENTS = {
  phones: 'links/link-phones',
  emails: 'links/link-emails',
  addresses: 'links/link-addresses',
  accounts: 'links/link-accounts',
  handles: 'links/link-handles',
  documents: 'links/link-documents',
  vehicles: 'links/link-vehicles',
} as const satisfies Record<LinkList, string>;

/** One use of an identifier: by a record or one of its parties (`owner`), in a record. */
export interface BatchLink {
  owner: string;
  record: string;
  key: string;
  subkind: string;
  country: string;
  display: string;
  props: Record<string, unknown>;
}

interface BatchParty {
  record: string;
  id: string;
  props: Record<string, unknown>;
}

/**
 * Rows of one write transaction, flattened into what each write statement takes: records (by id:
 * a row twice in the file is one record with two locations), the cases they are about, the parties
 * they mention and the identifiers used, by kind.
 */
export interface Batch {
  records: Map<string, { id: string; locations: { sheet: string; row: number }[]; props: Record<string, unknown> }>;
  cases: { record: string; ref: string }[];
  persons: BatchParty[];
  organizations: BatchParty[];
  links: Record<LinkList, BatchLink[]>;
}

/**
 * A record's raw cells as stored (JSON of [header, text] pairs in column order). Records written
 * before duplicate headers were kept hold an object of header → text instead; it reads the same.
 */
export function storedRawCells(json: string): RawCell[] {
  const parsed: unknown = JSON.parse(json);
  const cells = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? Object.entries(parsed) : null;
  if (!cells?.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string'))
    throw new Error(`stored raw cells are not a list of [header, text] pairs: ${json.slice(0, 80)}`);
  return cells as RawCell[];
}

/** An empty batch. */
export const newBatch = (): Batch => ({
  records: new Map(),
  cases: [],
  persons: [],
  organizations: [],
  links: { phones: [], emails: [], addresses: [], accounts: [], handles: [], documents: [], vehicles: [] },
});

function gradingProps(g: MappedIdentifier['grading']) {
  return {
    gradingSystem: g.system,
    sourceEvaluation: g.source,
    informationAssessment: g.information,
    handlingCode: g.handling,
    ...(g.conditions ? { handlingConditions: g.conditions } : {}),
  };
}

/**
 * Adds a mapped row under its record id: a new record with its case, parties and links, or (when
 * the batch holds the record already) one more location of it.
 */
export function addToBatch(
  batch: Batch,
  row: MappedRow,
  id: string,
  ctx: { agency: string; fileName: string; profile: Profile; now: string },
): void {
  const known = batch.records.get(id);
  if (known) {
    known.locations.push({ sheet: row.sheet, row: row.row });
    return;
  }
  batch.records.set(id, {
    id,
    locations: [{ sheet: row.sheet, row: row.row }],
    props: {
      agency: ctx.agency,
      fileName: ctx.fileName,
      sheet: row.sheet,
      row: row.row,
      caseRef: row.caseRef,
      recordRef: row.recordRef,
      eventDate: row.eventDate,
      freeText: row.freeText,
      location: row.location,
      raw: JSON.stringify(row.raw),
      warnings: row.warnings.map((w) => `${w.column}: ${w.reason}`),
      importedAt: ctx.now,
      ...gradingProps(ctx.profile.grading),
    },
  });
  if (row.caseRef) batch.cases.push({ record: id, ref: row.caseRef });
  const partyIds = new Map<string, string>();
  for (const party of row.parties) {
    const partyId = `${id}:${party.entity}`;
    partyIds.set(party.entity, partyId);
    // Grading travels with the record the person is mentioned in (MENTIONS); not repeated here.
    (party.kind === 'person' ? batch.persons : batch.organizations).push({
      record: id,
      id: partyId,
      // searchName: every name the party is written under, in Latin letters, for the search box.
      props: { ...party, agency: ctx.agency, record: id, searchName: partySearchName(party) },
    });
  }
  for (const identifier of row.identifiers) {
    batch.links[LINK_LISTS[identifier.kind]].push({
      owner: partyIds.get(identifier.owner) ?? id,
      record: id,
      key: identifier.key,
      subkind: identifier.subkind ?? '',
      country: identifier.country ?? '',
      display: identifier.display,
      props: {
        record: id,
        column: identifier.column,
        raw: identifier.raw,
        agency: ctx.agency,
        // A phone's extension belongs to this use of the number, not to the number everyone shares.
        ...(identifier.extension ? { extension: identifier.extension } : {}),
        // A link carries its own grading only where the column overrides the row's.
        ...(identifier.grading === ctx.profile.grading ? {} : gradingProps(identifier.grading)),
      },
    });
  }
}

type Run = Parameters<Parameters<Database['writeWork']>[1]>[0];

/**
 * Writes the identifier links of a batch, kind by kind, leaving out those of records `skip`
 * names. Sorted by key, so that two batches in flight take the identifiers' locks in one order.
 */
export async function writeLinks(run: Run, links: Batch['links'], skip?: Set<string>): Promise<void> {
  for (const [kind, name] of Object.entries(LINK_STATEMENTS) as [LinkList, string][]) {
    const list = skip?.size ? links[kind].filter((l) => !skip.has(l.record)) : links[kind];
    if (list.length === 0) continue;
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await run(name, { links: list });
  }
}

/**
 * Writes a batch as one transaction: all of it, or (on failure) none of it. Rows whose record
 * exists already only gain their locations; the rest become records with their cases, parties
 * and links. Answers the records created.
 */
export async function writeBatch(db: Database, batch: Batch, source: string, agency: string): Promise<number> {
  const rows = [...batch.records.values()];
  return db.writeWork('imports/write-batch', async (run) => {
    const found = await run('imports/known-records', {
      source,
      rows: rows.map((r) => ({ id: r.id, locations: r.locations })),
    });
    const known = new Set(found.map((r) => r.get('id') as string));
    const fresh = (list: { record: string }[]) => (known.size ? list.filter((x) => !known.has(x.record)) : list);
    const created = known.size ? rows.filter((r) => !known.has(r.id)) : rows;
    if (created.length === 0) return 0;
    await run('imports/create-records', { source, rows: created });
    const cases = fresh(batch.cases);
    if (cases.length) await run('imports/link-cases', { agency, cases });
    const persons = fresh(batch.persons);
    if (persons.length) await run('imports/create-persons', { parties: persons });
    const organizations = fresh(batch.organizations);
    if (organizations.length) await run('imports/create-organizations', { parties: organizations });
    await writeLinks(run, batch.links, known);
    return created.length;
  });
}
