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
