import { useEffect } from 'react';
import { useAppStore } from '../../store';

/** How long the profile must stay unchanged before the preview asks again. */
export const PREVIEW_DEBOUNCE_MS = 350;

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 500;

/** Previews the profile on the first file whenever either changes, once edits pause. */
export function usePreviewRefresh(): void {
  const profile = useAppStore((state) => state.importProfile);
  const fileId = useAppStore((state) => state.importFiles.find((f) => f.state === 'staged')?.fileId ?? null);
  const refreshPreview = useAppStore((state) => state.refreshPreview);
  useEffect(() => {
    if (!profile || !fileId) return;
    const timer = window.setTimeout(() => void refreshPreview(), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [profile, fileId, refreshPreview]);
}

/** Polls the running import job every {@link IMPORT_POLL_MS} until it ends. */
export function useImportJobPolling(): void {
  const running = useAppStore((state) => state.importJob?.status === 'running');
  const refreshImportJob = useAppStore((state) => state.refreshImportJob);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => void refreshImportJob(), IMPORT_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, refreshImportJob]);
}
