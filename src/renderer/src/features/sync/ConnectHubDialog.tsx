// "Connect to a newsroom hub…" from solo mode (or signing in again): the connect form in a dialog.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useNotices } from '../../shell/Notices';
import { HubForm } from './HubForm';

interface ConnectHubDialogProps {
  /** Solo mode: the desk's local work will move to the hub, and the dialog says so. */
  movesLocalWork: boolean;
  onClose: () => void;
}

/** A modal around HubForm that closes once connected. */
export function ConnectHubDialog({ movesLocalWork, onClose }: ConnectHubDialogProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const connected = (status: SyncStatus) => {
    notices.info(t('hubActions.connected', { hub: status.hub ?? '' }));
    onClose();
  };
  return (
    <Dialog
      title={t('hubActions.connectTitle')}
      onClose={onClose}
      className="dialog-small"
      testId="connect-hub-dialog"
    >
      <HubForm
        intro={
          movesLocalWork ? (
            <p className="callout" data-testid="hub-move-note">
              {t('hubActions.moveNote')}
            </p>
          ) : null
        }
        onConnected={connected}
        onCancel={onClose}
      />
    </Dialog>
  );
}
