import type { StateCreator } from 'zustand';
import type { AuditEventDto, AuditKind, CaselinkApi, CaselinkError } from '../../../main/contract/api';
import type { AppState } from './index';
import { settle } from './settle';

/** The most events one listing shows; the CSV export takes up to the API's own maximum. */
export const AUDIT_LIST_LIMIT = 500;
const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditSlice {
  auditOpen: boolean;
  /** The events with the current filters, newest first; null before the first answer. */
  auditEvents: AuditEventDto[] | null;
  auditLoading: boolean;
  auditError: CaselinkError | null;
  /** Only events of this kind; null for all. */
  auditKind: AuditKind | null;
  /** Only events on or after this date (YYYY-MM-DD); '' for all. */
  auditSince: string;
  auditExporting: boolean;

  openAudit(): void;
  closeAudit(): void;
  loadAudit(): Promise<void>;
  setAuditKind(kind: AuditKind | null): void;
  setAuditSince(date: string): void;
  /** The events with the current filters as a CSV file built by main; null when it failed (the error is kept). */
  exportAuditCsv(): Promise<{ fileName: string; csv: string } | null>;
}

export function createAuditSlice(api: CaselinkApi): StateCreator<AppState, [], [], AuditSlice> {
  let latest = 0;
  const filters = (state: AuditSlice) => ({
    ...(state.auditKind ? { kind: state.auditKind } : {}),
    ...(state.auditSince ? { since: state.auditSince } : {}),
  });
  return (set, get) => ({
    auditOpen: false,
    auditEvents: null,
    auditLoading: false,
    auditError: null,
    auditKind: null,
    auditSince: '',
    auditExporting: false,

    openAudit() {
      set({ auditOpen: true });
      void get().loadAudit();
    },
    closeAudit() {
      set({ auditOpen: false });
    },
    async loadAudit() {
      const request = ++latest;
      set({ auditLoading: true });
      const result = await settle(() => api.listAuditEvents({ ...filters(get()), limit: AUDIT_LIST_LIMIT }));
      if (request !== latest) return;
      if (result.ok) set({ auditEvents: result.value, auditLoading: false, auditError: null });
      else set({ auditLoading: false, auditError: result.error });
    },
    setAuditKind(kind) {
      set({ auditKind: kind });
      void get().loadAudit();
    },
    setAuditSince(date) {
      // A date input answers '' while a date is half typed; filter only on whole dates.
      if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
      set({ auditSince: date });
      void get().loadAudit();
    },
    async exportAuditCsv() {
      set({ auditExporting: true });
      const result = await settle(() => api.exportAuditCsv({ ...filters(get()), limit: AUDIT_EXPORT_LIMIT }));
      set({ auditExporting: false, ...(result.ok ? {} : { auditError: result.error }) });
      return result.ok ? result.value : null;
    },
  });
}
