// A modal built on the native <dialog>: the browser makes the page behind it inert (the focus
// stays inside), and Esc closes it through the `cancel` event.
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../shell/Notices';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  footer?: ReactNode;
  className?: string;
  testId?: string;
  /** Extra controls in the title bar, before the close button. */
  headerExtra?: ReactNode;
}

/** A modal dialog that is open while mounted. */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  className,
  testId,
  headerExtra,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { registerHost } = useNotices();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before the dialog opens, when nothing inside can take the focus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const unregister = hostRef.current ? registerHost(hostRef.current) : () => {};
    return () => {
      unregister();
      if (dialog.open) dialog.close();
      // The dialog leaves the DOM before it closes, so the browser cannot hand the focus back.
      if (opener?.isConnected && !opener.closest('dialog:not([open])')) opener.focus();
    };
  }, [registerHost]);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        // React passes the event on to the dialogs this one sits in (the composer behind an
        // embargo dialog): one Esc closes one dialog.
        e.stopPropagation();
        onCloseRef.current();
      }}
      onClose={() => {
        // The browser may close a dialog on its own (a second Esc); keep React's state in step.
        // A dialog that is open again (a remount in development) ignores the stale event.
        if (!ref.current?.open) onCloseRef.current();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-header-extra">
          {headerExtra}
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.close')}
            onClick={() => onCloseRef.current()}
          >
            ×
          </button>
        </div>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
      <div ref={hostRef} />
    </dialog>
  );
}
