/**
 * What the import flow sends across the process boundary: staged files, mapping proposals,
 * previews, import jobs and their progress. Plain data only.
 */
import type { Profile } from '../core/profile';
import type { MappedRow } from '../core/rowMapper';

export type { Profile, MappedRow };

/** A file handed to Caselink for import (uploaded by the browser, or read by the app). */
export interface StagedFile {
  id: string;
  name: string;
  size: number;
}

export interface AgencySummaryDto {
  code: string;
  name: string;
  country: string;
  sources: number;
  records: number;
}

export interface MappingProposalDto {
  profile: Profile;
  /** Where the profile came from: the agency's saved profile, or proposed from the file now. */
  origin: 'saved' | 'proposed';
  /** Why each column was mapped as it was (proposals only). */
  reasons: Record<string, string>;
  /** Headers left unmapped. */
  unmapped: string[];
}

export interface SheetPreviewDto {
  sheet: string;
  headerRow: number | null;
  header: string[];
  missingColumns: string[];
  rows: MappedRow[];
}

export interface ImportProgressDto {
  file: string;
  fileIndex: number;
  fileCount: number;
  phase: 'hashing' | 'reading' | 'writing' | 'done';
  rowsRead: number;
  rowsWritten: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
}

export interface ImportProblemDto {
  file: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string;
  severity: 'rejected' | 'warning';
  reason: string;
}

export interface ImportFileResultDto {
  file: string;
  ok: boolean;
  /** When the file could not be imported. */
  error?: { kind: string; message: string; hint?: string };
  outcome?: 'imported' | 'unchanged';
  rowsRead?: number;
  rowsImported?: number;
  rowsWithWarnings?: number;
  rowsRejected?: number;
  blankRows?: number;
  duplicateRows?: number;
  newRecords?: number;
  problemCount?: number;
  /** The first problems; the rest are in the report file. */
  problems?: ImportProblemDto[];
  reportPath?: string | null;
  seconds?: number;
  /**
   * Set when the file gave no row to import, with why; `refused` when the mapping does not read it
   * (no sheet gave its columns, or every row was rejected), else a header with no row below it.
   */
  nothingImported?: { refused: boolean; why: string } | null;
}

export interface ImportJobDto {
  id: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ImportProgressDto | null;
  results: ImportFileResultDto[];
  startedAt: string;
  finishedAt: string | null;
}

export interface GraphStatsDto {
  byAgency: {
    agency: string;
    name: string;
    sources: number;
    completeSources: number;
    records: number;
    cases: number;
    persons: number;
    organizations: number;
    identifiers: number;
  }[];
  nodesByLabel: Record<string, number>;
  relationshipsByType: Record<string, number>;
}

/** One side of a link: where a record asserts an identifier. */
export interface LinkSideDto {
  record: string;
  agency: string;
  fileName: string;
  sheet: string;
  row: number;
  column: string;
  raw: string;
  /** A phone's extension as this record gives it ("14" of "0113 496 0104 ext 14"), else null. */
  extension: string | null;
  caseRef: string | null;
  /** Who used it: a person's or organisation's name, or "the record itself". */
  owner: string;
}

export interface SharedIdentifierDto {
  label: string;
  display: string;
  key: string;
  hub: boolean;
  agencies: string[];
  sides: LinkSideDto[];
}

export interface LinkExplanationDto {
  label: string;
  display: string;
  hub: boolean;
  left: LinkSideDto;
  right: LinkSideDto;
}

export interface MatchSideDto {
  id: string;
  name: string | null;
  nameLatin: string | null;
  birthDate: string | null;
  nationality: string | null;
  gender: string | null;
  role: string | null;
  agency: string;
  fileName: string;
  sheet: string;
  row: number;
  caseRef: string | null;
}

export interface MatchPairDto {
  status: 'candidate' | 'confirmed' | 'rejected';
  score: number;
  /** Why, in plain words, one sentence each. */
  reasons: string[];
  /** The OS user who decided: the accountable person. */
  decidedBy: string | null;
  /** The name the reviewer typed in the app (or gave with --user), kept beside the OS user. */
  reviewerName: string | null;
  decidedAt: string | null;
  note: string | null;
  a: MatchSideDto;
  b: MatchSideDto;
}

export interface ResolveSummaryDto {
  /** Records whose identifier links were rebuilt under the current rules (0 when not asked). */
  relinked: number;
  /** Identifier nodes no longer asserted by anything, removed. */
  removedIdentifiers: number;
  identifiers: number;
  hubs: number;
  persons: number;
  /** Pairs of person mentions compared (the union of the blocking rules' blocks). */
  compared: number;
  /** Blocks over the size cap (a common name, date or postcode), dropped: their pairs are left to other rules. */
  droppedBlocks: number;
  candidates: number;
  withdrawn: number;
  /**
   * Set when only what files imported since the last resolution added was matched (incremental):
   * their person mentions, the mentions whose pairs were scored again, and the persons read from
   * the graph in full (the others' stored match views were read); `identifiers` and `hubs` then
   * count the identifiers those files assert.
   */
  incremental?: { newPersons: number; rescored: number; readInFull: number };
  seconds: number;
}

/**
 * What importing a staged file with a profile will do, said before it starts: a file imported
 * before with this mapping changes nothing; with another mapping it becomes a second source of
 * the same file (rows already in the graph are not read again).
 */
export interface ImportPlanDto {
  file: string;
  kind: 'new' | 'unchanged' | 'resume' | 'another-mapping';
  /** The plan in plain words; null for a file never imported. */
  message: string | null;
}
