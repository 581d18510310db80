import type { StateCreator } from 'zustand';
import type {
  AgencySummaryDto,
  CaselinkApi,
  CaselinkError,
  ImportJobDto,
  ImportPlanDto,
  Profile,
  SheetPreviewDto,
} from '../../../main/contract/api';
import { editProfile, readProfileJson, type ProfileEdit } from '../features/import/profileEdits';
import type { AppState } from './index';
import { settle } from './settle';

export type ImportStep = 'files' | 'mapping' | 'preview' | 'import';

/** A file the analyst chose, from reading it to being staged by main (or refused). */
export interface ImportFile {
  /** Unique within the dialog, for React keys and removal. */
  key: string;
  name: string;
  size: number;
  state: 'staging' | 'staged' | 'rejected';
  /** The staged file's id, once main has it. */
  fileId: string | null;
  error: CaselinkError | null;
}

/** Where the profile being edited came from. */
export interface ImportMapping {
  origin: 'saved' | 'proposed' | 'file';
  /** The profile file's name when it was opened from one. */
  fileName: string | null;
  /** The agency a profile file was written for, when it is not the chosen one. */
  otherAgency: string | null;
  reasons: Record<string, string>;
  unmapped: string[];
}

/** A file as the dialog hands it to the store: its name and size, and how to read its bytes. */
export interface ChosenFile {
  name: string;
  size: number;
  /** The file's bytes, base64-encoded. */
  read(): Promise<string>;
}

export interface ImportSlice {
  importOpen: boolean;
  importStep: ImportStep;
  agencies: AgencySummaryDto[] | null;
  agenciesError: CaselinkError | null;
  importAgency: string | null;
  importFiles: ImportFile[];
  importMapping: ImportMapping | null;
  mappingLoading: boolean;
  mappingError: CaselinkError | null;
  /** The profile as edited; null until proposed or opened. */
  importProfile: Profile | null;
  previews: SheetPreviewDto[] | null;
  previewLoading: boolean;
  previewError: CaselinkError | null;
  saveImportProfile: boolean;
  /** What the import will do with each file (imported before with this or another mapping), once asked. */
  importPlans: ImportPlanDto[] | null;
  importJob: ImportJobDto | null;
  importError: CaselinkError | null;

  openImport(): void;
  closeImport(): void;
  goToImportStep(step: ImportStep): void;
  loadAgencies(): Promise<void>;
  chooseImportAgency(code: string): void;
  stageImportFiles(files: ChosenFile[]): Promise<void>;
  removeImportFile(key: string): void;
  /** Asks main for the agency's saved profile, or a proposal from the first staged file. */
  proposeImportMapping(): Promise<void>;
  editImportProfile(edit: ProfileEdit): void;
  /** Opens a profile shared as JSON in place of the one being edited. */
  openImportProfile(fileName: string, text: string): void;
  refreshPreview(): Promise<void>;
  setSaveImportProfile(save: boolean): void;
  /** Asks main what importing the staged files with the profile will do, before it starts. */
  loadImportPlan(): Promise<void>;
  startImport(): Promise<void>;
  /** Asks for the running job's progress; refreshes the chart and status when it has ended. */
  refreshImportJob(): Promise<void>;
  cancelImport(): Promise<void>;
  /** Clears files, mapping and job for another import, keeping the agency. */
  resetImport(): void;
}

/** The first staged file, which the mapping is proposed from and previewed on. */
export function firstStagedFile(files: ImportFile[]): ImportFile | null {
  return files.find((f) => f.state === 'staged') ?? null;
}

const cleared = {
  importFiles: [],
  importMapping: null,
  mappingLoading: false,
  mappingError: null,
  importProfile: null,
  previews: null,
  previewLoading: false,
  previewError: null,
  importPlans: null,
  importJob: null,
  importError: null,
} satisfies Partial<ImportSlice>;

export function createImportSlice(api: CaselinkApi): StateCreator<AppState, [], [], ImportSlice> {
  let latestPreview = 0;
  let latestProposal = 0;
  let nextKey = 0;
  return (set, get) => {
    const patchFile = (key: string, patch: Partial<ImportFile>) =>
      set((state) => ({ importFiles: state.importFiles.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
    const forgetMapping = () => {
      latestProposal += 1;
      latestPreview += 1;
      set({ importMapping: null, importProfile: null, mappingError: null, previews: null, previewError: null });
    };

    return {
      importOpen: false,
      importStep: 'files',
      agencies: null,
      agenciesError: null,
      importAgency: null,
      saveImportProfile: false,
      ...cleared,

      openImport() {
        set({ importOpen: true });
        void get().loadAgencies();
      },
      closeImport() {
        set({ importOpen: false });
      },
      goToImportStep(step) {
        set({ importStep: step });
        if (step === 'import' && !get().importJob) void get().loadImportPlan();
      },
      async loadAgencies() {
        const result = await settle(() => api.listAgencies());
        set(result.ok ? { agencies: result.value, agenciesError: null } : { agenciesError: result.error });
      },
      chooseImportAgency(code) {
        if (code === get().importAgency) return;
        forgetMapping();
        set({ importAgency: code || null });
      },
      async stageImportFiles(files) {
        const wasFirst = firstStagedFile(get().importFiles);
        await Promise.all(
          files.map(async (file) => {
            const key = `f${++nextKey}`;
            set((state) => ({
              importFiles: [
                ...state.importFiles,
                { key, name: file.name, size: file.size, state: 'staging', fileId: null, error: null },
              ],
            }));
            let contentBase64: string;
            try {
              contentBase64 = await file.read();
            } catch (cause) {
              patchFile(key, {
                state: 'rejected',
                error: {
                  kind: 'FileRejected',
                  message: `${file.name} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`,
                  hint: 'Check that the file is not open elsewhere or moved, then choose it again.',
                },
              });
              return;
            }
            const result = await settle(() => api.stageFile({ name: file.name, contentBase64 }));
            patchFile(
              key,
              result.ok
                ? { state: 'staged', fileId: result.value.id, size: result.value.size }
                : { state: 'rejected', error: result.error },
            );
          }),
        );
        // A new first file may have other headers: what was proposed for the old one no longer holds.
        if (firstStagedFile(get().importFiles)?.key !== wasFirst?.key && get().importMapping?.origin === 'proposed') {
          forgetMapping();
        }
      },
      removeImportFile(key) {
        const first = firstStagedFile(get().importFiles);
        set((state) => ({ importFiles: state.importFiles.filter((f) => f.key !== key) }));
        if (first?.key === key && get().importMapping?.origin === 'proposed') forgetMapping();
      },
      async proposeImportMapping() {
        const { importAgency: agency, importFiles } = get();
        const file = firstStagedFile(importFiles);
        if (!agency || !file?.fileId) return;
        const fileId = file.fileId;
        const request = ++latestProposal;
        set({ mappingLoading: true, mappingError: null });
        const result = await settle(() => api.proposeMapping({ fileId, agency }));
        if (request !== latestProposal) return;
        if (!result.ok) {
          set({ mappingLoading: false, mappingError: result.error });
          return;
        }
        const { profile, origin, reasons, unmapped } = result.value;
        set({
          mappingLoading: false,
          importProfile: profile,
          importMapping: { origin, fileName: null, otherAgency: null, reasons, unmapped },
          previews: null,
        });
      },
      editImportProfile(edit) {
        const profile = get().importProfile;
        if (profile) set({ importProfile: editProfile(profile, edit) });
      },
      openImportProfile(fileName, text) {
        const agency = get().importAgency;
        if (!agency) return;
        const read = readProfileJson(text, agency);
        if (!read.ok) {
          set({
            mappingError: {
              kind: 'FileRejected',
              message: `${fileName}: ${read.reason}`,
              hint: 'Open a profile saved by Caselink (caselink profile save, or a colleague’s .json profile).',
            },
          });
          return;
        }
        latestProposal += 1;
        set({
          mappingLoading: false,
          mappingError: null,
          importProfile: read.profile,
          importMapping: {
            origin: 'file',
            fileName,
            otherAgency: read.otherAgency,
            reasons: {},
            unmapped: get().importMapping?.unmapped ?? [],
          },
        });
      },
      async refreshPreview() {
        const { importProfile: profile, importFiles } = get();
        const fileId = firstStagedFile(importFiles)?.fileId;
        if (!profile || !fileId) return;
        const request = ++latestPreview;
        set({ previewLoading: true });
        const result = await settle(() => api.previewMapping({ fileId, profile, rows: 12 }));
        if (request !== latestPreview) return;
        set(
          result.ok
            ? { previews: result.value, previewError: null, previewLoading: false }
            : { previewError: result.error, previewLoading: false },
        );
      },
      setSaveImportProfile(save) {
        set({ saveImportProfile: save });
      },
      async loadImportPlan() {
        const { importAgency: agency, importProfile: profile, importFiles } = get();
        const fileIds = importFiles.flatMap((f) => (f.state === 'staged' && f.fileId ? [f.fileId] : []));
        set({ importPlans: null });
        if (!agency || !profile || fileIds.length === 0) return;
        const result = await settle(() => api.planImport({ fileIds, agency, profile }));
        // The profile or the files may have changed while the question was out.
        if (get().importProfile !== profile) return;
        set({ importPlans: result.ok ? result.value : null });
      },
      async startImport() {
        const { importAgency: agency, importProfile: profile, importFiles, saveImportProfile } = get();
        const fileIds = importFiles.flatMap((f) => (f.state === 'staged' && f.fileId ? [f.fileId] : []));
        if (!agency || !profile || fileIds.length === 0) return;
        set({ importError: null, importStep: 'import' });
        const result = await settle(() =>
          api.startImport({ fileIds, agency, profile, saveProfile: saveImportProfile }),
        );
        set(result.ok ? { importJob: result.value } : { importError: result.error });
      },
      async refreshImportJob() {
        const job = get().importJob;
        if (!job || job.status !== 'running') return;
        const result = await settle(() => api.getImportJob({ jobId: job.id }));
        // The dialog may have been reset for another import while this request was out.
        if (get().importJob?.id !== job.id) return;
        if (!result.ok) {
          set({ importError: result.error });
          return;
        }
        set({ importJob: result.value, importError: null });
        if (result.value.status !== 'running') {
          void get().loadOverview();
          void get().refreshConnection();
          void get().loadAgencies();
        }
      },
      async cancelImport() {
        const job = get().importJob;
        if (!job || job.status !== 'running') return;
        const result = await settle(() => api.cancelImport({ jobId: job.id }));
        if (!result.ok) set({ importError: result.error });
      },
      resetImport() {
        latestProposal += 1;
        latestPreview += 1;
        set({ ...cleared, importStep: 'files', saveImportProfile: false });
      },
    };
  };
}
