import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A modal dialog: a backdrop and a dialog that takes the focus when it opens, so that its keys
 * work at once, and closes on Escape (unless `onClose` is null: nothing to close yet). Other keys
 * go to `onKeyDown`. The dialog's title element carries `titleId`.
 */
export function Modal({
  className,
  titleId,
  testId,
  onClose,
  onKeyDown,
  children,
}: {
  className: string;
  titleId: string;
  testId: string;
  onClose: (() => void) | null;
  onKeyDown?: (event: KeyboardEvent) => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.focus();
  }, []);

  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (onClose) {
        event.stopPropagation();
        onClose();
      }
      return;
    }
    onKeyDown?.(event);
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className={`modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={keyDown}
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}
