/**
 * A file's provenance in the graph: its SHA-256, the profile it was read with, and the Source
 * node that holds both. A Source is `importing` until every row of the file is in, then
 * `complete`; a file seen complete before is not read again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Profile } from '../../core/profile';
import { CaselinkFailure } from '../../contract/errors';
import type { Database } from '../../db/database';

/** The counts a finished import keeps on its Source. */
export interface SourceCounts {
  rowsRead: number;
  rowsImported: number;
  rowsWithWarnings: number;
  rowsRejected: number;
  blankRows: number;
  duplicateRows: number;
  newRecords: number;
}

/** One file read with one profile. */
export interface SourceKey {
  /** `sha256:profileHash`: a file may be read by several profiles (one per sheet layout). */
  id: string;
  sha256: string;
  profileHash: string;
}

/**
 * Hashes of files read lately, by what identifies their content on disk (device, inode, size,
 * change and modification times to the nanosecond): an import planned and then run (the CLI and
 * the wizard say first what it will do) reads a large file once, not twice, and a file changed in
 * between is hashed again.
 */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 64;

/** The SHA-256 of a file, read in 1 MiB chunks. */
export async function sha256File(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  const identity = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${path}`;
  const known = recentHashes.get(identity);
  if (known) return known;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  if (recentHashes.size >= RECENT_HASHES) recentHashes.delete(recentHashes.keys().next().value as string);
  recentHashes.set(identity, digest);
  return digest;
}

/** The Source of a file (by its SHA-256) read with a profile. */
export function sourceKey(sha256: string, profile: Profile): SourceKey {
  const profileHash = createHash('sha256').update(JSON.stringify(profile)).digest('hex').slice(0, 16);
  return { id: `${sha256}:${profileHash}`, sha256, profileHash };
}

/** The agency and counts of a Source imported completely before; null when it is not. */
export async function completedImport(
  db: Database,
  source: SourceKey,
): Promise<{ agency: string; counts: Omit<SourceCounts, 'newRecords'> } | null> {
  const [known] = await db.read('imports/source-status', { source: source.id });
  if (!known || known.get('status') !== 'complete') return null;
  const count = (key: string) => Number(known.get(key) ?? 0);
  return {
    agency: String(known.get('agency')),
    counts: {
      rowsRead: count('rowsRead'),
      rowsImported: count('rowsImported'),
      rowsWithWarnings: count('rowsWithWarnings'),
      rowsRejected: count('rowsRejected'),
      blankRows: count('blankRows'),
      duplicateRows: count('duplicateRows'),
    },
  };
}

export interface SourceStart {
  source: SourceKey;
  /** The file's name as its owner knows it (not a staging name). */
  fileName: string;
  size: number;
  agency: string;
  profile: Profile;
  /** Where the profile came from (file path, "saved", "app"…). */
  profileSource: string;
  now: string;
}

/**
 * Registers the file as `importing` under its agency (or continues a Source left importing by a
 * run that failed). Throws FileRejected when the agency is not registered.
 */
export async function beginSource(db: Database, start: SourceStart): Promise<void> {
  const begun = await db.write('imports/begin-source', {
    source: start.source.id,
    sha256: start.source.sha256,
    profileHash: start.source.profileHash,
    // Kept so that "caselink resolve" can read the rows again under newer rules.
    profileJson: JSON.stringify(start.profile),
    fileName: start.fileName,
    size: start.size,
    agency: start.agency,
    profile: start.profileSource,
    profileName: start.profile.name,
    grading: start.profile.grading,
    now: start.now,
  });
  if (begun.length === 0) {
    throw new CaselinkFailure({
      kind: 'FileRejected',
      message: `${start.fileName}: the agency ${start.agency} is not registered.`,
      hint: `Register it first: caselink agency add ${start.agency} --name "…" --country CC (an import manifest registers its agencies).`,
    });
  }
}

/** Marks the Source complete, with its counts: only once every row of the file is in the graph. */
export async function completeSource(
  db: Database,
  source: SourceKey,
  now: string,
  summary: SourceCounts & { reportPath: string | null },
): Promise<void> {
  await db.write('imports/complete-source', { source: source.id, now, summary });
}
