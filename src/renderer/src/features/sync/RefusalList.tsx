// Changes the hub refused, each with its reason and the text it would have written, so nothing
// typed is lost: the editor copies the text back and dismisses the refusal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRefusal } from '../../../../shared/contract';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { syncKeys } from './sync-queries';

/** Puts `text` on the clipboard; the selection of `fallback` and execCommand where that is refused. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    // Plain-HTTP pages and some embedders have no async clipboard.
    if (!fallback) throw err;
    fallback.focus();
    fallback.select();
    if (!document.execCommand('copy')) throw err;
  }
}

function RefusalItem({ refusal }: { refusal: SyncRefusal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const notices = useNotices();
  const textId = useId();
  const dismiss = useMutation({
    mutationFn: () => desk.dismissRefusal({ id: refusal.id }),
    onSuccess: (status) => client.setQueryData(syncKeys.status, status),
    onError: notices.error,
  });
  const copy = () => {
    const box = document.getElementById(textId) as HTMLTextAreaElement | null;
    copyText(refusal.text ?? '', box).then(
      () => notices.info(t('refusals.copied')),
      (err: unknown) => notices.error(err),
    );
  };

  return (
    <li className="refusal" data-testid="refusal" data-refusal-id={refusal.id}>
      <p className="refusal-reason">{refusal.reason}</p>
      <p className="hint">
        {refusal.kind === 'channel'
          ? t('refusals.channelAt', {
              when: formatInstant(refusal.at, EDITOR_ZONE, locale, 'short'),
            })
          : t('refusals.updateAt', {
              when: formatInstant(refusal.at, EDITOR_ZONE, locale, 'short'),
            })}
      </p>
      {refusal.text !== null ? (
        <div className="field">
          <label htmlFor={textId}>{t('refusals.text')}</label>
          <textarea
            id={textId}
            className="refusal-text"
            readOnly
            value={refusal.text}
            rows={Math.min(8, refusal.text.split('\n').length + 1)}
            data-testid="refusal-text"
          />
        </div>
      ) : null}
      <div className="dialog-actions">
        {refusal.text !== null ? (
          <button type="button" className="button button-small" onClick={copy}>
            {t('refusals.copy')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate()}
          data-testid="refusal-dismiss"
        >
          {t('refusals.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** The refusals, newest first, under a heading with their count. */
export function RefusalList({ refusals }: { refusals: SyncRefusal[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (refusals.length === 0) return null;
  return (
    <section className="refusals" aria-labelledby={headingId} data-testid="refusals">
      <h3 id={headingId}>{t('refusals.title', { count: refusals.length })}</h3>
      <p className="hint">{t('refusals.hint')}</p>
      <ul className="refusal-list">
        {refusals.map((r) => (
          <RefusalItem key={r.id} refusal={r} />
        ))}
      </ul>
    </section>
  );
}
