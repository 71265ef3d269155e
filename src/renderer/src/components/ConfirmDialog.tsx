// Asks before something that cannot be undone; the safe choice has the focus.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describe-error';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** A yes/no dialog that shows the error if the action fails. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} testId="confirm-dialog" className="dialog-small">
      <p>{message}</p>
      {error ? (
        <p role="alert" className="field-error">
          {describeError(error, t)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm()}
          disabled={busy}
          data-testid="confirm-yes"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
