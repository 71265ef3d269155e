// The footer of a dialog that sends something: Cancel, then the one action, disabled while it
// cannot be taken (an empty note, an unreadable time) or while it is on its way.
import { useTranslation } from 'react-i18next';

interface DialogFooterProps {
  actionLabel: string;
  disabled: boolean;
  onAction: () => void;
  onCancel: () => void;
  testId: string;
}

export function DialogFooter({
  actionLabel,
  disabled,
  onAction,
  onCancel,
  testId,
}: DialogFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled}
        onClick={onAction}
        data-testid={testId}
      >
        {actionLabel}
      </button>
    </>
  );
}
