// "Withdraw everywhere": deletes every published copy of a story from its platform (a task for a
// person on WhatsApp), after a dialog that names each channel; what could not be withdrawn is
// listed with the hub's reasons.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawReport } from '../../../../shared/contract';
import type { Channel, Platform, Update } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { PlatformIcon } from '../../components/icons';
import { describeError } from '../../i18n/describe-error';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { publishingKeys } from './publishing-queries';
import { useNow } from './use-clock';

interface WithdrawStoryProps {
  storyId: string;
  copies: Update[];
  byId: Map<string, Channel>;
}

/** Copies that are on a platform now (the ones withdrawing would delete). */
export const publishedCopies = (copies: readonly Update[]): Update[] =>
  copies.filter((c) => c.deletedAt === null && c.delivery?.state === 'published');

/** What withdrawing does on each platform. */
function withdrawNote(platform: Platform, t: TFunction): string {
  switch (platform) {
    case 'telegram':
      return t('withdraw.noteTelegram');
    case 'whatsapp':
      return t('withdraw.noteWhatsApp');
    case 'webhook':
      return t('withdraw.noteWebhook');
    case 'feed':
      return t('withdraw.noteFeed');
  }
}

/** The header button and its dialog; nothing when no copy is published. */
export function WithdrawStory({ storyId, copies, byId }: WithdrawStoryProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const published = publishedCopies(copies).filter((c) => byId.has(c.channelId));
  if (published.length === 0 && !open) return null;
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="withdraw-story"
      >
        {t('withdraw.button')}
      </button>
      {open ? (
        <WithdrawDialog
          storyId={storyId}
          copies={published}
          byId={byId}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function WithdrawDialog({
  storyId,
  copies,
  byId,
  onClose,
}: WithdrawStoryProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const now = useNow();
  // The copies as they were when the dialog opened: the report names them after they changed.
  const [targets] = useState(copies);
  const [report, setReport] = useState<WithdrawReport | null>(null);
  const nameOf = (updateId: string) => {
    const copy = targets.find((c) => c.id === updateId);
    return (copy && byId.get(copy.channelId)?.name) ?? updateId;
  };

  const withdraw = useMutation({
    mutationFn: () => desk.withdrawStory({ storyId }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: storyKeys.one(storyId) });
      void client.invalidateQueries({ queryKey: publishingKeys.publicationsAll });
      if (r.refused.length === 0) {
        notices.info(t('withdraw.started', { count: r.withdrawing.length }));
        onClose();
      } else setReport(r);
    },
  });

  if (report) {
    return (
      // A new dialog (key) so the focus moves to its Close button.
      <Dialog
        key="report"
        title={t('withdraw.reportTitle')}
        onClose={onClose}
        testId="withdraw-dialog"
      >
        {report.withdrawing.length > 0 ? (
          <>
            <p>{t('withdraw.reportWithdrawing', { count: report.withdrawing.length })}</p>
            <ul className="withdraw-list" data-testid="withdraw-withdrawing">
              {report.withdrawing.map((id) => (
                <li key={id}>{nameOf(id)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>{t('withdraw.reportRefused', { count: report.refused.length })}</p>
        <ul className="withdraw-list withdraw-refused" data-testid="withdraw-refused">
          {report.refused.map((r) => (
            <li key={r.updateId}>
              <strong>{nameOf(r.updateId)}</strong> — <span>{r.reason}</span>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      key="confirm"
      title={t('withdraw.title')}
      onClose={onClose}
      testId="withdraw-dialog"
      className="dialog-small"
    >
      <p>{t('withdraw.intro', { count: targets.length })}</p>
      <ul className="withdraw-list" data-testid="withdraw-channels">
        {targets.map((c) => {
          const ch = byId.get(c.channelId)!;
          const until = c.delivery?.deletableUntil;
          const closed = until !== null && until !== undefined && Date.parse(until) <= now;
          return (
            <li key={c.id} data-channel-id={ch.id}>
              <span className="withdraw-channel">
                <PlatformIcon platform={ch.platform} size={13} />
                <strong>{ch.name}</strong>
              </span>
              <span className="hint">{withdrawNote(ch.platform, t)}</span>
              {closed ? <span className="warning-text">{t('withdraw.windowClosed')}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('withdraw.archiveNote')}</p>
      {withdraw.error ? (
        <p role="alert" className="field-error" data-testid="withdraw-error">
          {describeError(withdraw.error, t)}
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
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate()}
          data-testid="withdraw-confirm"
        >
          {withdraw.isPending ? t('withdraw.working') : t('withdraw.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
