// Interface language (saved by the engine, applied at once), where the data lives, and the hub.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain';
import { LOCALES } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { changeLocale } from '../../i18n/i18n-setup';
import { languageName } from '../../i18n/labels';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { HubFacts } from '../sync/HubFacts';
import { useSyncStatus } from '../sync/sync-queries';
import { settingsKeys, settingsQueries } from './settings-queries';

/** The settings page. */
export function SettingsView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const status = useQuery(settingsQueries.status());
  const langId = useId();
  const hubHeadingId = useId();
  const syncStatus = useSyncStatus();

  const setLocale = useMutation({
    mutationFn: async (next: Locale) => {
      // Applied first so the choice is visible at once; saving follows.
      await changeLocale(next);
      return desk.setSettings({ locale: next });
    },
    onSuccess: (s) => client.setQueryData(settingsKeys.settings, s),
    onError: notices.error,
  });
  const number = new Intl.NumberFormat(intlTag(locale));
  // The sync engine's own count, as the indicator shows it; the store's until that is known.
  const pending = syncStatus?.pending ?? status.data?.pendingCount ?? null;

  return (
    <section
      className="view view-settings"
      aria-labelledby="settings-title"
      data-testid="settings-view"
    >
      <header className="view-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-body scroll-area">
        <div className="field settings-field">
          <label htmlFor={langId}>{t('settings.language')}</label>
          <select
            id={langId}
            value={locale}
            onChange={(e) => setLocale.mutate(e.target.value as Locale)}
            data-testid="settings-language"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
          <p className="hint">{t('settings.languageHint')}</p>
        </div>
        <dl className="settings-facts">
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code data-testid="settings-data-dir">{status.data?.dataDir ?? '…'}</code>
          </dd>
          <dt>{t('settings.counts')}</dt>
          <dd>
            {status.data
              ? `${t('settings.channelCount', {
                  count: status.data.channelCount,
                  n: number.format(status.data.channelCount),
                })}, ${t('settings.updateCount', {
                  count: status.data.updateCount,
                  n: number.format(status.data.updateCount),
                })}`
              : '…'}
          </dd>
          <dt>{t('settings.pending')}</dt>
          <dd>
            {pending === null
              ? '…'
              : t('settings.pendingValue', { count: pending, n: number.format(pending) })}
          </dd>
        </dl>
        {syncStatus ? (
          <section
            className="settings-section"
            aria-labelledby={hubHeadingId}
            data-testid="settings-hub"
          >
            <h2 id={hubHeadingId}>{t('settings.hub')}</h2>
            <HubFacts status={syncStatus} />
          </section>
        ) : null}
      </div>
    </section>
  );
}
