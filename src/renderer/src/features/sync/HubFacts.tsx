// Who the desk syncs with (mode, hub, signed-in user) and the way out or in: sign out of a team hub,
// or move from solo mode to a newsroom's hub. Shown in the sync panel and in the settings.
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConnectHubDialog } from './ConnectHubDialog';
import { syncKeys } from './sync-queries';

/** The words for a sync mode. */
function modeLabel(mode: SyncStatus['mode'], t: TFunction): string {
  switch (mode) {
    case 'none':
      return t('hubFacts.modeNone');
    case 'solo':
      return t('hubFacts.modeSolo');
    case 'team':
      return t('hubFacts.modeTeam');
  }
}

/** Mode, hub and user as a definition list, with the sign-out or connect action under it. */
export function HubFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'connect' | 'sign-out' | null>(null);

  const signOut = async () => {
    const next = await desk.disconnectHub({});
    client.setQueryData(syncKeys.status, next);
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync' });
  };

  return (
    <div className="hub-facts" data-testid="hub-facts">
      <dl className="settings-facts">
        <dt>{t('hubFacts.mode')}</dt>
        <dd data-testid="hub-mode">{modeLabel(status.mode, t)}</dd>
        {/* Solo mode's hub is the built-in one, which the mode's own words already name. */}
        {status.hub && status.mode !== 'solo' ? (
          <>
            <dt>{t('hubFacts.hub')}</dt>
            <dd data-testid="hub-label">{status.hub}</dd>
          </>
        ) : null}
        {status.mode === 'team' ? (
          <>
            <dt>{t('hubFacts.user')}</dt>
            <dd data-testid="hub-user">{status.user?.name ?? t('hubFacts.noUser')}</dd>
          </>
        ) : null}
      </dl>
      <div className="hub-actions">
        {status.mode === 'solo' ? (
          <button
            type="button"
            className="button"
            onClick={() => setDialog('connect')}
            data-testid="hub-connect-open"
          >
            {t('hubActions.connectOpen')}
          </button>
        ) : null}
        {status.mode === 'team' && status.state === 'signed-out' ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog('connect')}
            data-testid="hub-sign-in-again"
          >
            {t('hubActions.signInAgain')}
          </button>
        ) : null}
        {status.mode === 'team' ? (
          <button
            type="button"
            className="button button-danger"
            onClick={() => setDialog('sign-out')}
            data-testid="hub-sign-out"
          >
            {t('hubActions.signOut')}
          </button>
        ) : null}
      </div>
      {dialog === 'connect' ? (
        <ConnectHubDialog movesLocalWork={status.mode === 'solo'} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'sign-out' ? (
        <ConfirmDialog
          title={t('hubActions.signOutTitle')}
          message={t('hubActions.signOutMessage', { hub: status.hub ?? '' })}
          confirmLabel={t('hubActions.signOutConfirm')}
          onConfirm={signOut}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
