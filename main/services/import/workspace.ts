/**
 * The app's import flow: files staged under CASELINK_HOME/uploads, mapping proposals and
 * previews, and import jobs that run in the background with progress and cancellation.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '../../core/profile';
import type {
  ImportFileResultDto,
  ImportJobDto,
  MappingProposalDto,
  SheetPreviewDto,
  StagedFile,
} from '../../contract/importTypes';
import { MAX_STAGED_FILE_BYTES } from '../../contract/api';
import { CaselinkFailure } from '../../contract/errors';
import type { Database } from '../../db/database';
import { importMany, type FileOutcome } from './importMany';
import { previewFile, proposeForFile } from './mapping';
import { cardHasher, saveProfile, savedProfiles } from './profiles';
import { SUPPORTED_EXTENSIONS } from './readers';

interface Job {
  dto: ImportJobDto;
  controller: AbortController;
}

function toResult(outcome: FileOutcome): ImportFileResultDto {
  const file = (outcome.path.split(/[\\/]/).pop() as string).replace(/^[a-f0-9]{32}-/, '');
  if (!outcome.ok) return { file, ok: false, error: outcome.error };
  const { summary: s } = outcome;
  return {
    file: s.file.replace(/^[a-f0-9]{32}-/, ''),
    ok: true,
    outcome: s.outcome,
    rowsRead: s.rowsRead,
    rowsImported: s.rowsImported,
    rowsWithWarnings: s.rowsWithWarnings,
    rowsRejected: s.rowsRejected,
    blankRows: s.blankRows,
    duplicateRows: s.duplicateRows,
    newRecords: s.newRecords,
    problemCount: s.problemCount,
    problems: s.problems.slice(0, 100).map((p) => ({ ...p, file: p.file.replace(/^[a-f0-9]{32}-/, '') })),
    reportPath: s.reportPath,
    seconds: s.seconds,
  };
}

export class ImportWorkspace {
  private readonly staged = new Map<string, StagedFile & { path: string }>();
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Database,
    private readonly home: string,
  ) {}

  private get uploads(): string {
    return join(this.home, 'uploads');
  }

  private file(id: string): StagedFile & { path: string } {
    const found = this.staged.get(id);
    if (!found)
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: 'That file is no longer staged.',
        hint: 'Choose the file again.',
      });
    return found;
  }

  /** Stores an uploaded file under a random name that keeps its extension. */
  async stage(name: string, content: Buffer): Promise<StagedFile> {
    const clean = name
      .replace(/[/\\]/g, '_')
      .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
      .slice(-200);
    const extension = clean.slice(clean.lastIndexOf('.')).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(extension)) {
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${name}: Caselink does not read ${extension} files.`,
        hint: `It reads ${SUPPORTED_EXTENSIONS.join(', ')}.`,
      });
    }
    if (content.length > MAX_STAGED_FILE_BYTES) {
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${name} is larger than the app accepts.`,
        hint: 'Import it with the command line: caselink import.',
      });
    }
    await mkdir(this.uploads, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    const path = join(this.uploads, `${id}-${clean}`);
    await writeFile(path, content, { mode: 0o600 });
    const file = { id, name: clean, size: (await stat(path)).size, path };
    this.staged.set(id, file);
    return { id, name: file.name, size: file.size };
  }

  async propose(fileId: string, agency: string, country: string): Promise<MappingProposalDto> {
    const saved = await savedProfiles(this.home, agency);
    if (saved[0]) return { profile: saved[0].profile, origin: 'saved', reasons: {}, unmapped: [] };
    const proposal = await proposeForFile(this.file(fileId).path, agency, country);
    return { profile: proposal.profile, origin: 'proposed', reasons: proposal.reasons, unmapped: proposal.unmapped };
  }

  async preview(fileId: string, profile: Profile, rows: number): Promise<SheetPreviewDto[]> {
    return previewFile(this.file(fileId).path, profile, await cardHasher(this.home), rows);
  }

  async start(fileIds: string[], agency: string, profile: Profile, keepProfile: boolean): Promise<ImportJobDto> {
    if (profile.agency !== agency)
      throw new CaselinkFailure({
        kind: 'InvalidInput',
        message: `The profile is for ${profile.agency}, not ${agency}.`,
      });
    const files = fileIds.map((id) => this.file(id));
    if (keepProfile) await saveProfile(this.home, profile, { db: this.db });
    const id = randomBytes(8).toString('hex');
    const job: Job = {
      controller: new AbortController(),
      dto: {
        id,
        status: 'running',
        progress: null,
        results: [],
        startedAt: new Date().toISOString(),
        finishedAt: null,
      },
    };
    this.jobs.set(id, job);
    const cardHash = await cardHasher(this.home);
    void importMany(
      this.db,
      files.map((f) => ({ path: f.path, agency, profile, profileSource: keepProfile ? 'saved' : 'app' })),
      {
        cardHash,
        reportDir: join(this.home, 'reports'),
        signal: job.controller.signal,
        onProgress: (p) => {
          job.dto.progress = { ...p, file: p.file.replace(/^[a-f0-9]{32}-/, '') };
        },
      },
    ).then(
      async (outcomes) => {
        job.dto.results = outcomes.map(toResult);
        const cancelled = outcomes.some((o) => !o.ok && o.error.kind === 'Cancelled');
        job.dto.status = cancelled ? 'cancelled' : outcomes.every((o) => o.ok) ? 'done' : 'failed';
        job.dto.finishedAt = new Date().toISOString();
        // Imported files are in the graph with their SHA-256; the uploaded copies can go.
        for (const f of files) {
          this.staged.delete(f.id);
          await rm(f.path, { force: true });
        }
      },
      (error: unknown) => {
        job.dto.status = 'failed';
        job.dto.results = [
          { file: files.map((f) => f.name).join(', '), ok: false, error: { kind: 'Internal', message: String(error) } },
        ];
        job.dto.finishedAt = new Date().toISOString();
      },
    );
    return job.dto;
  }

  job(id: string): ImportJobDto {
    const job = this.jobs.get(id);
    if (!job) throw new CaselinkFailure({ kind: 'NotFound', message: 'No such import job.' });
    return job.dto;
  }

  cancel(id: string): ImportJobDto {
    const job = this.jobs.get(id);
    if (!job) throw new CaselinkFailure({ kind: 'NotFound', message: 'No such import job.' });
    job.controller.abort();
    return job.dto;
  }
}
