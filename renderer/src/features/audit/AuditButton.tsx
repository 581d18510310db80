import { useAppStore } from '../../store';

/** The top bar's way into the audit trail. */
export function AuditButton() {
  const open = useAppStore((state) => state.openAudit);
  return (
    <button type="button" className="topbar-button" onClick={open} data-testid="audit-open">
      Audit trail
    </button>
  );
}
