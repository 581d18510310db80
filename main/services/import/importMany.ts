/**
 * Importing several files in one go (a CLI call with several files, or a manifest): agencies
 * registered first, then each file on its own, so a bad file stops only itself.
 */
import type { Profile } from '../../core/profile';
import type { Database } from '../../db/database';
import { upsertAgency, type AgencyInput } from '../agencyService';
import { recordImport } from '../auditService';
import { toError, type CaselinkError } from '../../contract/errors';
import { importFile, type ImportProgress, type ImportSummary } from './importFile';

export interface FileToImport {
  path: string;
  /** The file's own name when `path` is a copy (an upload staged by the app). */
  fileName?: string;
  agency: string;
  profile: Profile;
  profileSource: string;
}

export type FileOutcome =
  { path: string; ok: true; summary: ImportSummary } | { path: string; ok: false; error: CaselinkError };

export interface ImportManyOptions {
  agencies?: AgencyInput[];
  reportDir?: string;
  batchSize?: number;
  cardHash: (pan: string) => string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress & { fileIndex: number; fileCount: number }) => void;
}

export async function importMany(
  db: Database,
  files: FileToImport[],
  options: ImportManyOptions,
): Promise<FileOutcome[]> {
  for (const agency of options.agencies ?? []) await upsertAgency(db, agency);
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    let outcome: FileOutcome;
    try {
      const summary = await importFile(db, {
        ...file,
        cardHash: options.cardHash,
        ...(options.reportDir ? { reportDir: options.reportDir } : {}),
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onProgress?.({ ...p, fileIndex: index, fileCount: files.length }),
      });
      outcome = { path: file.path, ok: true, summary };
    } catch (error) {
      outcome = { path: file.path, ok: false, error: toError(error) };
    }
    outcomes.push(outcome);
    await recordImport(db, file, outcome);
    // Cancelling, or losing the database, ends the whole batch; a bad file ends only itself.
    const kind = outcome.ok ? null : outcome.error.kind;
    if (kind === 'Cancelled' || kind === 'ConnectionUnavailable' || kind === 'AuthFailed') break;
  }
  return outcomes;
}
