// Deleted stories: restore them, or delete them for ever after a confirmation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLocale } from '../../i18n/use-locale';
import { channelColour } from '../../lib/channel-colour';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { trashKeys, trashQueries } from './trash-queries';

interface TrashedStory {
  storyId: string;
  title: string;
  deletedAt: string;
  copies: UpdateSummary[];
}

/** Groups trashed copies by story, most recently deleted first. */
function byStory(items: UpdateSummary[]): TrashedStory[] {
  const map = new Map<string, TrashedStory>();
  for (const s of items) {
    const entry = map.get(s.storyId);
    if (entry) entry.copies.push(s);
    else
      map.set(s.storyId, {
        storyId: s.storyId,
        title: s.title,
        deletedAt: s.deletedAt ?? s.updatedAt,
        copies: [s],
      });
  }
  return [...map.values()].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** The trash page. */
export function TrashView({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery(trashQueries.list());
  const [purging, setPurging] = useState<TrashedStory | null>(null);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const stories = byStory(query.data ?? []);

  const restore = useMutation({
    mutationFn: (storyId: string) => desk.restoreStory({ storyId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: trashKeys.all });
      notices.info(t('trash.restored'));
    },
    onError: notices.error,
  });

  return (
    <section className="view view-trash" aria-labelledby="trash-title" data-testid="trash-view">
      <header className="view-header">
        <div>
          <h1 id="trash-title">{t('trash.title')}</h1>
          <p className="view-subtitle">{t('trash.subtitle')}</p>
        </div>
      </header>
      {query.isError ? (
        <p role="alert" className="inline-error">
          {t('trash.loadFailed')}
        </p>
      ) : null}
      {query.isSuccess && stories.length === 0 ? (
        <div className="empty-state">
          <p>{t('trash.empty')}</p>
        </div>
      ) : null}
      <ul className="trash-list scroll-area" aria-label={t('trash.title')}>
        {stories.map((s) => (
          <li
            key={s.storyId}
            className="trash-item"
            data-testid="trash-item"
            data-story-id={s.storyId}
          >
            <div className="row-main">
              <strong>{s.title || t('row.untitled')}</strong>
              <p className="row-excerpt">
                {t('trash.deletedAt', {
                  when: formatInstant(s.deletedAt, EDITOR_ZONE, locale, 'short'),
                })}
              </p>
            </div>
            <div className="row-badges">
              {s.copies.map((c) => {
                const ch = byId.get(c.channelId);
                return (
                  <span key={c.id} className="badge badge-channel">
                    <span
                      className="channel-dot"
                      style={{ background: channelColour(c.channelId) }}
                    />
                    {ch?.name ?? '—'}
                  </span>
                );
              })}
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="button button-small"
                disabled={restore.isPending}
                onClick={() => restore.mutate(s.storyId)}
                data-testid="trash-restore"
              >
                {t('trash.restore')}
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => setPurging(s)}
                data-testid="trash-purge"
              >
                {t('trash.purge')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {purging ? (
        <ConfirmDialog
          title={t('trash.purgeTitle')}
          message={t('trash.purgeMessage', { title: purging.title || t('row.untitled') })}
          confirmLabel={t('trash.purge')}
          onConfirm={async () => {
            await desk.purgeStory({ storyId: purging.storyId });
            void client.invalidateQueries({ queryKey: trashKeys.all });
            notices.info(t('trash.purged'));
          }}
          onClose={() => setPurging(null)}
        />
      ) : null}
    </section>
  );
}
