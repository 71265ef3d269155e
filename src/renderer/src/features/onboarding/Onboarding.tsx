// The first-run screen, shown instead of the workspace until the desk knows how it works: alone on
// this computer (the built-in hub) or with a newsroom's hub.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';
import { describeError } from '../../i18n/describe-error';
import { HubForm } from '../sync/HubForm';
import { SyncToneIcon } from '../sync/SyncIcons';
import { syncKeys } from '../sync/sync-queries';

interface OnboardingProps {
  /** The status that sent the desk here (its error, if any, is shown). */
  status: SyncStatus;
  /** Told while a choice is being carried out, so the screen stays until it is done. */
  onBusyChange: (busy: boolean) => void;
}

/** Two choices; the second opens the sign-in form. */
export function Onboarding({ status, onBusyChange }: OnboardingProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<'pick' | 'team'>('pick');
  const teamButton = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    // Back from the form: the focus goes where the editor left for it.
    if (choice === 'pick' && returning.current) teamButton.current?.focus();
    returning.current = false;
  }, [choice]);

  const solo = useMutation({
    mutationFn: () => desk.startSolo({}),
    onMutate: () => onBusyChange(true),
    onSettled: () => onBusyChange(false),
    onSuccess: (next) => {
      client.setQueryData(syncKeys.status, next);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync' });
    },
  });
  // The engine could not start the hub chosen before (a damaged hub folder, say): say why.
  const engineError = status.state === 'error' ? status.error : null;

  return (
    <main className="onboarding" id="main" data-testid="onboarding">
      <div className="onboarding-card">
        <p className="brand">{t('app.name')}</p>
        <h1>{t('onboarding.title')}</h1>
        <p className="muted">{t('onboarding.intro')}</p>
        {engineError ? (
          <p role="alert" className="field-error" data-testid="onboarding-engine-error">
            {engineError}
          </p>
        ) : null}
        {choice === 'pick' ? (
          <div className="onboarding-choices">
            <section className="onboarding-choice" aria-labelledby="onboarding-solo">
              <h2 id="onboarding-solo">{t('onboarding.soloTitle')}</h2>
              <p>{t('onboarding.soloText')}</p>
              <button
                type="button"
                className="button button-primary"
                disabled={solo.isPending}
                aria-busy={solo.isPending || undefined}
                onClick={() => solo.mutate()}
                data-testid="onboarding-solo"
              >
                {t('onboarding.soloButton')}
              </button>
              {solo.isPending ? (
                <p className="onboarding-progress" role="status" data-testid="onboarding-starting">
                  <SyncToneIcon tone="busy" />
                  <span>{t('onboarding.soloStarting')}</span>
                </p>
              ) : null}
              {solo.error ? (
                <p role="alert" className="field-error" data-testid="onboarding-solo-error">
                  {describeError(solo.error, t)}
                </p>
              ) : null}
            </section>
            <section className="onboarding-choice" aria-labelledby="onboarding-team">
              <h2 id="onboarding-team">{t('onboarding.teamTitle')}</h2>
              <p>{t('onboarding.teamText')}</p>
              <button
                ref={teamButton}
                type="button"
                className="button"
                disabled={solo.isPending}
                onClick={() => setChoice('team')}
                data-testid="onboarding-team"
              >
                {t('onboarding.teamButton')}
              </button>
            </section>
          </div>
        ) : (
          <section className="onboarding-form" aria-labelledby="onboarding-team-form">
            <h2 id="onboarding-team-form">{t('onboarding.teamTitle')}</h2>
            <HubForm
              intro={<p className="hint">{t('onboarding.teamFormHint')}</p>}
              onConnected={() => undefined}
              onBusyChange={onBusyChange}
              cancelLabel={t('onboarding.back')}
              onCancel={() => {
                returning.current = true;
                setChoice('pick');
              }}
            />
          </section>
        )}
      </div>
    </main>
  );
}
