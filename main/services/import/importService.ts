/**
 * Importing one agency file: read, find the header, map every row through the profile, and
 * write in batches, each batch one transaction of MERGEs on constrained keys. A file already
 * imported is recognised by its SHA-256 and left alone; a file that failed half-way is finished
 * by running the import again, without duplicates.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cellText, isBlank, type Cell } from '../../core/cells';
import { findHeaderRow, headerTexts, HEADER_SCAN_ROWS } from '../../core/headers';
import type { Profile } from '../../core/profile';
import { mapRow, resolveColumns, type MappedIdentifier, type MappedRow, type RowContext } from '../../core/rowMapper';
import { CaselinkFailure } from '../../contract/errors';
import type { Database } from '../../db/database';
import { toPlain } from '../../db/database';
import { openAgencyFile, type OpenedFile } from './readers';
import { ProblemReport, type Problem } from './report';

/**
 * Rows per write transaction. A row becomes about ten graph writes (record, location, case, two
 * or three parties, their identifiers and links), so 1,000 rows is some 10,000 writes: enough that
 * the round trips and the commit cost little per row, small enough that a transaction stays well
 * inside the local database's 1 GiB heap and that a retry repeats little work. Measured on the
 * 100k-row fixture set with two in flight: 500 rows 2,035 rows/s, 1,000 rows 2,298, 2,000 rows
 * 1,915, 5,000 rows 1,651 (Neo4j commits one transaction at a time; a bigger one likely keeps the
 * other waiting longer, though that is not measured).
 */
export const DEFAULT_BATCH_SIZE = 1_000;

/**
 * Write transactions in flight at once. Neo4j runs each transaction on one core; two keep both
 * cores of a small machine busy while this process maps the next rows. Batches never create the
 * same node (rows are content-addressed and repeats are held back), and shared nodes are MERGEd
 * under Neo4j's locks, so concurrent batches cannot duplicate anything; a deadlock between two
 * is retried by the driver.
 */
export const DEFAULT_CONCURRENCY = 2;

export interface ImportProgress {
  file: string;
  phase: 'hashing' | 'reading' | 'writing' | 'done';
  rowsRead: number;
  rowsWritten: number;
  /** Rows read per second since the start. */
  rowsPerSecond: number;
  /** Estimated seconds left, when the size of the work is known. */
  secondsLeft: number | null;
}

export interface ImportRequest {
  path: string;
  agency: string;
  profile: Profile;
  /** Where the profile came from (file path or "saved" or "proposed"), kept on the Source. */
  profileSource: string;
  /** Folder for the error report; none written when absent. */
  reportDir?: string;
  batchSize?: number;
  /** Write transactions in flight at once. */
  concurrency?: number;
  /** Keyed hash for full card numbers. */
  cardHash: (pan: string) => string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

export interface SheetSummary {
  name: string;
  headerRow: number | null;
  missingColumns: string[];
  rowsRead: number;
}

export interface ImportSummary {
  file: string;
  path: string;
  sha256: string;
  agency: string;
  /** `imported`, or `unchanged` when this exact file was imported before. */
  outcome: 'imported' | 'unchanged';
  rowsRead: number;
  blankRows: number;
  rowsImported: number;
  rowsWithWarnings: number;
  rowsRejected: number;
  /** Rows that stand twice in the file (same content); imported once, both locations kept. */
  duplicateRows: number;
  /** Records not known from an earlier file. */
  newRecords: number;
  sheets: SheetSummary[];
  /** The first problems, for display; all of them are in the report. */
  problems: Problem[];
  problemCount: number;
  reportPath: string | null;
  seconds: number;
  timings: { readSeconds: number; mapSeconds: number; writeSeconds: number };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function throwIfCancelled(signal: AbortSignal | undefined, rows: number): void {
  if (signal?.aborted) {
    throw new CaselinkFailure({
      kind: 'Cancelled',
      message: `Import cancelled after ${rows} rows. Every batch written is complete; none is half-written.`,
      hint: 'Run the same import again to finish it; rows already written are not duplicated.',
    });
  }
}

/** A record's identity: the profile's row key, or the row's content. */
export function recordId(agency: string, sheet: string | null, row: MappedRow, rowKey: string[] | undefined): string {
  const hash = createHash('sha256')
    .update(agency)
    .update('\0')
    .update(sheet ?? '')
    .update('\0');
  if (rowKey?.length) {
    for (const column of rowKey) hash.update(row.raw[column] ?? '').update('\0');
  } else {
    for (const [header, value] of Object.entries(row.raw).sort(([a], [b]) => (a < b ? -1 : 1))) {
      hash.update(header).update('\u0001').update(value).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 32);
}

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
      props: { ...party, agency: ctx.agency, record: id },
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
async function writeBatch(db: Database, batch: Batch, source: string, agency: string): Promise<number> {
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

/** Imports one file. Throws CaselinkFailure (FileRejected, Cancelled, ConnectionUnavailable…). */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportSummary> {
  const now = request.now ?? (() => new Date());
  const started = performance.now();
  const batchSize = request.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = Math.max(1, request.concurrency ?? DEFAULT_CONCURRENCY);
  const fileName = request.path.split(/[\\/]/).pop() as string;
  const progress = (p: Omit<ImportProgress, 'file' | 'rowsPerSecond'>) => {
    const seconds = (performance.now() - started) / 1000;
    request.onProgress?.({ ...p, file: fileName, rowsPerSecond: seconds > 0 ? Math.round(p.rowsRead / seconds) : 0 });
  };
  progress({ phase: 'hashing', rowsRead: 0, rowsWritten: 0, secondsLeft: null });
  const sha256 = await sha256File(request.path);

  // A file may be read by several profiles (one per sheet layout): each pair is one source.
  const profileHash = createHash('sha256').update(JSON.stringify(request.profile)).digest('hex').slice(0, 16);
  const source = `${sha256}:${profileHash}`;
  const [known] = await db.read('imports/source-status', { source });
  const summary: ImportSummary = {
    file: fileName,
    path: request.path,
    sha256,
    agency: request.agency,
    outcome: 'imported',
    rowsRead: 0,
    blankRows: 0,
    rowsImported: 0,
    rowsWithWarnings: 0,
    rowsRejected: 0,
    duplicateRows: 0,
    newRecords: 0,
    sheets: [],
    problems: [],
    problemCount: 0,
    reportPath: null,
    seconds: 0,
    timings: { readSeconds: 0, mapSeconds: 0, writeSeconds: 0 },
  };
  if (known && known.get('status') === 'complete') {
    const count = (key: string) => Number(toPlain(known.get(key) ?? 0));
    progress({ phase: 'done', rowsRead: 0, rowsWritten: 0, secondsLeft: 0 });
    return {
      ...summary,
      outcome: 'unchanged',
      agency: String(known.get('agency')),
      rowsRead: count('rowsRead'),
      rowsImported: count('rowsImported'),
      rowsWithWarnings: count('rowsWithWarnings'),
      rowsRejected: count('rowsRejected'),
      blankRows: count('blankRows'),
      duplicateRows: count('duplicateRows'),
      seconds: (performance.now() - started) / 1000,
    };
  }

  const readStarted = performance.now();
  const file: OpenedFile = await openAgencyFile(request.path, {
    sheets: request.profile.sheets,
    encoding: request.profile.encoding,
    delimiter: request.profile.delimiter,
  });
  summary.timings.readSeconds += (performance.now() - readStarted) / 1000;

  const begun = await db.write('imports/begin-source', {
    source,
    sha256,
    profileHash,
    // Kept so that "caselink resolve" can read the rows again under newer rules.
    profileJson: JSON.stringify(request.profile),
    fileName,
    size: file.size,
    agency: request.agency,
    profile: request.profileSource,
    profileName: request.profile.name,
    grading: request.profile.grading,
    now: now().toISOString(),
  });
  if (begun.length === 0) {
    throw new CaselinkFailure({
      kind: 'FileRejected',
      message: `${fileName}: the agency ${request.agency} is not registered.`,
      hint: `Register it first: caselink agency add ${request.agency} --name "…" --country CC (an import manifest registers its agencies).`,
    });
  }

  const problems = new ProblemReport(request.reportDir, fileName, now().toISOString().replace(/[:.]/g, '-'));
  const report = (p: Omit<Problem, 'file'>) => problems.add({ file: fileName, ...p });
  const totalRows = file.sheets.reduce<number | null>(
    (n, s) => (n === null || s.rowCount === null ? null : n + s.rowCount),
    0,
  );
  const seenIds = new Set<string>();
  const contentOfKey = new Map<string, { content: string; row: number }>();
  // A row that repeats one already sent in an earlier batch only adds a location, written once
  // every batch is in: the earlier batch may still be in flight.
  const lateLocations: { id: string; sheet: string; row: number }[] = [];
  let batch: Batch = newBatch();
  let batchRows = 0;
  const inFlight = new Set<Promise<void>>();
  let rowsWritten = 0;
  const drain = async (limit: number) => {
    while (inFlight.size > limit) await Promise.race(inFlight);
  };
  const flush = async () => {
    const toWrite = batch;
    const toWriteRows = batchRows;
    batch = newBatch();
    batchRows = 0;
    await drain(concurrency - 1);
    throwIfCancelled(request.signal, summary.rowsRead);
    const write = (async () => {
      const t = performance.now();
      const created = await writeBatch(db, toWrite, source, request.agency);
      summary.newRecords += created;
      summary.timings.writeSeconds += (performance.now() - t) / 1000;
      rowsWritten += toWriteRows;
      const elapsed = (performance.now() - started) / 1000;
      const fraction = totalRows ? summary.rowsRead / totalRows : file.size ? file.bytesRead() / file.size : null;
      progress({
        phase: 'writing',
        rowsRead: summary.rowsRead,
        rowsWritten,
        secondsLeft: fraction && fraction > 0 ? Math.max(0, Math.round(elapsed / fraction - elapsed)) : null,
      });
    })();
    const tracked = write.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    // A failed write surfaces at the next drain rather than as an unhandled rejection.
    tracked.catch(() => undefined);
  };

  const nowIso = now().toISOString();
  try {
    for (const sheet of file.sheets) {
      const sheetSummary: SheetSummary = { name: sheet.name, headerRow: null, missingColumns: [], rowsRead: 0 };
      summary.sheets.push(sheetSummary);
      const iterator = sheet.rows[Symbol.asyncIterator]();
      const head: { row: number; cells: Cell[] }[] = [];
      let t = performance.now();
      while (head.length < HEADER_SCAN_ROWS) {
        const next = await iterator.next();
        if (next.done) break;
        head.push(next.value);
      }
      summary.timings.readSeconds += (performance.now() - t) / 1000;
      if (head.length === 0) continue;
      const headerIndex = request.profile.headerRow
        ? head.findIndex((r) => r.row === request.profile.headerRow)
        : findHeaderRow(
            head.map((r) => r.cells),
            request.profile.columns.map((c) => c.column),
          );
      const headerRow = head[headerIndex];
      if (!headerRow) {
        report({
          sheet: sheet.name,
          row: null,
          column: null,
          value: '',
          severity: 'rejected',
          reason: 'no header row found',
        });
        continue;
      }
      sheetSummary.headerRow = headerRow.row;
      const header = headerTexts(headerRow.cells);
      const { mappings, missing } = resolveColumns(request.profile, header);
      sheetSummary.missingColumns = missing;
      if (mappings.length === 0) {
        report({
          sheet: sheet.name,
          row: headerRow.row,
          column: null,
          value: header.join(' | '),
          severity: 'rejected',
          reason: `none of the profile's columns is in this sheet (the profile expects ${request.profile.columns.map((c) => `"${c.column}"`).join(', ')})`,
        });
        continue;
      }
      for (const column of missing) {
        report({
          sheet: sheet.name,
          row: headerRow.row,
          column,
          value: '',
          severity: 'warning',
          reason: 'column named in the profile is not in this sheet',
        });
      }
      const ctx: RowContext = { profile: request.profile, sheet: sheet.name, header, cardHash: request.cardHash };
      const idSheet = file.format === 'delimited' ? null : sheet.name;

      const handle = async (row: number, cells: Cell[]) => {
        if (cells.every(isBlank)) {
          summary.blankRows += 1;
          return;
        }
        summary.rowsRead += 1;
        sheetSummary.rowsRead += 1;
        const tm = performance.now();
        const mapped = mapRow(ctx, mappings, cells, row);
        summary.timings.mapSeconds += (performance.now() - tm) / 1000;
        if (mapped.rejected) {
          summary.rowsRejected += 1;
          const value = cells
            .map(cellText)
            .filter((v) => v !== '')
            .join(' | ');
          report({ sheet: sheet.name, row, column: null, value, severity: 'rejected', reason: mapped.rejected });
          return;
        }
        for (const w of mapped.warnings)
          report({ sheet: sheet.name, row, column: w.column, value: w.value, severity: 'warning', reason: w.reason });
        summary.rowsImported += 1;
        let id = recordId(request.agency, idSheet, mapped, request.profile.rowKey);
        if (request.profile.rowKey?.length) {
          // A row key must name one row: a second row under the same key with other content is
          // kept as a row of its own, and said.
          const content = recordId(request.agency, idSheet, mapped, undefined);
          const earlier = contentOfKey.get(id);
          if (earlier === undefined) contentOfKey.set(id, { content, row });
          else if (earlier.content !== content) {
            mapped.warnings.push({
              column: request.profile.rowKey.join(' + '),
              value: request.profile.rowKey.map((c) => mapped.raw[c] ?? '').join(' / '),
              reason: `the row key repeats row ${earlier.row} with other content; kept as a row of its own`,
            });
            report({
              sheet: sheet.name,
              row,
              column: request.profile.rowKey.join(' + '),
              value: '',
              severity: 'warning',
              reason: `the row key repeats row ${earlier.row} with other content; kept as a row of its own`,
            });
            id = content;
          }
        }
        if (mapped.warnings.length) summary.rowsWithWarnings += 1;
        if (seenIds.has(id)) {
          summary.duplicateRows += 1;
          if (!batch.records.has(id)) {
            lateLocations.push({ id, sheet: mapped.sheet, row: mapped.row });
            return;
          }
        }
        seenIds.add(id);
        addToBatch(batch, mapped, id, { agency: request.agency, fileName, profile: request.profile, now: nowIso });
        batchRows += 1;
        if (batchRows >= batchSize) await flush();
        if (summary.rowsRead % 1000 === 0) {
          throwIfCancelled(request.signal, summary.rowsRead);
          progress({ phase: 'reading', rowsRead: summary.rowsRead, rowsWritten, secondsLeft: null });
        }
      };
      for (const r of head.slice(headerIndex + 1)) await handle(r.row, r.cells);
      t = performance.now();
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        summary.timings.readSeconds += (performance.now() - t) / 1000;
        await handle(next.value.row, next.value.cells);
        t = performance.now();
      }
    }
    if (batchRows > 0) await flush();
    await drain(0);
    if (lateLocations.length) await db.write('imports/add-locations', { source, locations: lateLocations });
  } catch (error) {
    await Promise.allSettled(inFlight);
    await problems.close().catch(() => null);
    throw error;
  }

  summary.problems = problems.first;
  summary.problemCount = problems.count;
  summary.reportPath = await problems.close();
  await db.write('imports/complete-source', {
    source,
    now: now().toISOString(),
    summary: {
      rowsRead: summary.rowsRead,
      rowsImported: summary.rowsImported,
      rowsWithWarnings: summary.rowsWithWarnings,
      rowsRejected: summary.rowsRejected,
      blankRows: summary.blankRows,
      duplicateRows: summary.duplicateRows,
      newRecords: summary.newRecords,
      reportPath: summary.reportPath,
    },
  });
  summary.seconds = (performance.now() - started) / 1000;
  progress({ phase: 'done', rowsRead: summary.rowsRead, rowsWritten, secondsLeft: 0 });
  return summary;
}
