/**
 * The app's import flow: files staged under CASELINK_HOME/uploads, mapping proposals and
 * previews, and import jobs that run in the background with progress and cancellation.
 *
 * Staged files are copies of what the analyst chose, kept only while they are needed: each job
 * removes its files when it ends (done, failed or cancelled), and `dispose` removes what is left
 * (files staged and never imported) when the app or `caselink serve` stops.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Profile } from '../../core/profile';
import type {
  ImportFileResultDto,
  ImportJobDto,
  ImportPlanDto,
  MappingProposalDto,
  SheetPreviewDto,
  StagedFile,
} from '../../contract/importTypes';
import { MAX_STAGED_FILE_BYTES } from '../../contract/api';
import { CaselinkFailure } from '../../contract/errors';
import type { Database } from '../../db/database';
import { importMany, type FileOutcome } from './importMany';
import { previewFile, proposeForFile } from './mapping';
import { nothingImported } from './nothingImported';
import { cardHasher, saveProfile, savedProfiles } from './profiles';
import { SUPPORTED_EXTENSIONS } from './readers';
import { describePlan, planImport } from './reimportPlan';

interface Job {
  dto: ImportJobDto;
  controller: AbortController;
  /** Settles when the job has ended and its staged files are gone. */
  ended: Promise<void>;
}

type Staged = StagedFile & { path: string };

/**
 * Staged copies this old belong to a run that stopped without disposing its workspace (a crash, a
 * power cut): nothing can import them any more. A day leaves alone the uploads of a Caselink still
 * running beside this one on the same home.
 */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

function toResult(outcome: FileOutcome, name: string): ImportFileResultDto {
  if (!outcome.ok) return { file: name, ok: false, error: outcome.error };
  const { summary: s } = outcome;
  return {
    file: s.file,
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
    problems: s.problems.slice(0, 100),
    reportPath: s.reportPath,
    seconds: s.seconds,
    nothingImported: nothingImported(s),
  };
}

export class ImportWorkspace {
  private readonly staged = new Map<string, Staged>();
  private readonly jobs = new Map<string, Job>();
  // Each workspace stages under a folder of its own: the app and `caselink serve` may share a home.
  private readonly session = randomBytes(8).toString('hex');
  private disposed = false;
  private swept = false;

  constructor(
    private readonly db: Database,
    private readonly home: string,
  ) {}

  private get uploads(): string {
    return join(this.home, 'uploads', this.session);
  }

  private file(id: string): Staged {
    const found = this.staged.get(id);
    if (!found)
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: 'That file is no longer staged.',
        hint: 'Choose the file again.',
      });
    return found;
  }

  /**
   * Stores an uploaded file in a folder of its own under a random name, keeping its file name: so
   * that the import records the name the analyst knows, and messages name it.
   */
  async stage(name: string, content: Buffer): Promise<StagedFile> {
    if (this.disposed) throw new CaselinkFailure({ kind: 'Cancelled', message: 'Caselink is stopping.' });
    // The name as the analyst's system shows it: no folders, no control characters.
    const real = basename(name.replace(/\\/g, '/')).replace(/\p{Cc}+/gu, '') || 'file';
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
    await this.sweepStale();
    const id = randomBytes(16).toString('hex');
    await mkdir(join(this.uploads, id), { recursive: true, mode: 0o700 });
    const path = join(this.uploads, id, clean);
    await writeFile(path, content, { mode: 0o600 });
    const file = { id, name: real, size: (await stat(path)).size, path };
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

  /** What importing the staged files with this profile will do, said before the import starts. */
  async plan(fileIds: string[], agency: string, profile: Profile): Promise<ImportPlanDto[]> {
    const plans: ImportPlanDto[] = [];
    for (const f of fileIds.map((id) => this.file(id))) {
      const plan = await planImport(this.db, { path: f.path, agency, profile, fileName: f.name });
      plans.push({ file: f.name, kind: plan.kind, message: describePlan(plan) });
    }
    return plans;
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
      ended: Promise.resolve(),
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
    const names = new Map(files.map((f) => [f.path, f.name]));
    job.ended = importMany(
      this.db,
      files.map((f) => ({
        path: f.path,
        fileName: f.name,
        agency,
        profile,
        profileSource: keepProfile ? 'saved' : 'app',
      })),
      {
        cardHash,
        reportDir: join(this.home, 'reports'),
        signal: job.controller.signal,
        onProgress: (p) => {
          job.dto.progress = p;
        },
      },
    )
      .then(
        (outcomes) => {
          job.dto.results = outcomes.map((o) => toResult(o, names.get(o.path) ?? basename(o.path)));
          const cancelled = outcomes.some((o) => !o.ok && o.error.kind === 'Cancelled');
          // A file the mapping does not read (nothing imported, refused) is a file not imported, as in the CLI.
          const allImported = job.dto.results.every((r) => r.ok && !r.nothingImported?.refused);
          job.dto.status = cancelled ? 'cancelled' : allImported ? 'done' : 'failed';
        },
        (error: unknown) => {
          job.dto.status = 'failed';
          job.dto.results = [
            {
              file: files.map((f) => f.name).join(', '),
              ok: false,
              error: { kind: 'Internal', message: String(error) },
            },
          ];
        },
      )
      // Whatever the outcome, the copies go: an imported file is in the graph with its SHA-256, and
      // a failed or cancelled one is chosen again from where the analyst keeps it.
      .finally(() => this.unstage(files))
      .finally(() => {
        job.dto.finishedAt = new Date().toISOString();
      });
    return job.dto;
  }

  /** Removes, once per workspace, uploads left over from runs that ended without disposing. */
  private async sweepStale(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    const root = join(this.home, 'uploads');
    const cutoff = Date.now() - STALE_UPLOAD_MS;
    for (const entry of await readdir(root).catch(() => [])) {
      if (entry === this.session) continue;
      const path = join(root, entry);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
    }
  }

  private async unstage(files: Staged[]): Promise<void> {
    for (const f of files) {
      this.staged.delete(f.id);
      await rm(join(this.uploads, f.id), { recursive: true, force: true });
    }
  }

  /** Waits until the job has ended and its staged files are removed. */
  async settled(id: string): Promise<ImportJobDto> {
    const job = this.jobs.get(id);
    if (!job) throw new CaselinkFailure({ kind: 'NotFound', message: 'No such import job.' });
    await job.ended;
    return job.dto;
  }

  /**
   * Stops the workspace: running jobs are cancelled (each ends after its batches in flight), and
   * every staged file, imported or not, is removed.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.allSettled(jobs.map((job) => job.ended));
    this.staged.clear();
    await rm(this.uploads, { recursive: true, force: true });
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
