/**
 * What an import of a file with a profile will do to the graph, said before it runs. A Source is
 * one file read with one profile (`sha256:profileHash`), so the same file with a changed mapping
 * is a second Source of the same file, not an update of the first: the user is told so, in the
 * CLI and in the app's import wizard, before anything is written.
 */
import type { Profile } from '../../core/profile';
import type { Database } from '../../db/database';
import { sha256File, sourceKey } from './source';

/** An earlier import of the same file (same SHA-256), with whichever profile. */
export interface EarlierImport {
  agency: string;
  profileName: string;
  /** ISO date-time the import completed (or started, if it never completed). */
  importedAt: string;
  complete: boolean;
  rowsImported: number;
}

export type ImportPlan =
  /** The file was never imported. */
  | { kind: 'new'; file: string }
  /** Imported before with this very profile: nothing will change. */
  | { kind: 'unchanged'; file: string; earlier: EarlierImport }
  /** Imported with this profile before, but stopped half-way: the import finishes it. */
  | { kind: 'resume'; file: string; earlier: EarlierImport }
  /** Imported before with other profiles only: a second source of the same file. */
  | { kind: 'another-mapping'; file: string; earlier: EarlierImport[]; agency: string };

/** Looks up the file's earlier imports and says what importing it with `profile` will do. */
export async function planImport(
  db: Database,
  request: { path: string; agency: string; profile: Profile; fileName?: string },
): Promise<ImportPlan> {
  const file = request.fileName ?? (request.path.split(/[\\/]/).pop() as string);
  const { sha256, profileHash } = sourceKey(await sha256File(request.path), request.profile);
  const rows = await db.read('imports/sources-of-file', { sha256 });
  const sources = rows.map((r) => ({
    profileHash: r.get('profileHash') as string,
    earlier: {
      agency: r.get('agency') as string,
      profileName: (r.get('profileName') as string | null) ?? 'unnamed',
      importedAt: (r.get('importedAt') as string | null) ?? '',
      complete: r.get('status') === 'complete',
      rowsImported: Number(r.get('rowsImported') ?? 0),
    },
  }));
  const same = sources.find((s) => s.profileHash === profileHash);
  if (same) return { kind: same.earlier.complete ? 'unchanged' : 'resume', file, earlier: same.earlier };
  if (sources.length === 0) return { kind: 'new', file };
  return { kind: 'another-mapping', file, earlier: sources.map((s) => s.earlier), agency: request.agency };
}

/** `2026-11-29` from an ISO date-time (the day is what a person remembers an import by). */
const day = (iso: string) => iso.slice(0, 10) || 'an earlier date';

/**
 * The plan in plain words, or null when there is nothing to warn about (a file never imported).
 * True to what the import does: a record is identified by its agency, sheet and cells (or the
 * profile's row key), not by the mapping, so rows already in the graph are not read again.
 */
export function describePlan(plan: ImportPlan): string | null {
  switch (plan.kind) {
    case 'new':
      return null;
    case 'unchanged':
      return `${plan.file} was imported with this mapping on ${day(plan.earlier.importedAt)}: importing it again changes nothing.`;
    case 'resume':
      return `An import of ${plan.file} with this mapping stopped before the end (started ${day(plan.earlier.importedAt)}): this import finishes it, without writing twice the rows already in.`;
    case 'another-mapping': {
      const before = plan.earlier
        .map(
          (e) =>
            `on ${day(e.importedAt)}, mapping "${e.profileName}"${e.agency === plan.agency ? '' : ` for ${e.agency}`}`,
        )
        .join('; ');
      const sameAgency = plan.earlier.some((e) => e.agency === plan.agency);
      return sameAgency
        ? `${plan.file} was imported before with another mapping (${before}). Importing it with this mapping adds a second source of the same file: rows already in the graph are kept as the earlier mapping read them and gain this file as a second source; only rows not yet in the graph are read with this mapping, so columns the new mapping adds or changes add nothing to rows imported before.`
        : `${plan.file} was imported before for another agency (${before}). Importing it for ${plan.agency} adds its rows again, as ${plan.agency}'s records.`;
    }
  }
}
