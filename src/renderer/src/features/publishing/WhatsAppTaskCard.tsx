// Manual-assist publishing (WhatsApp Channels has no posting API): what the editor must do now —
// post, correct or delete — with the text ready to paste, the channel to open, the media to attach,
// and the button that records it done.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import type { Delivery } from '../../../../shared/sync/protocol';
import { desk } from '../../api/desk-client';
import { describeError, fieldErrors } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { copyText } from './clipboard';
import { isOverdue, taskWords } from './delivery-words';
import { MediaDownloads } from './MediaDownloads';
import { OverdueIcon, TaskIcon } from './PublishingIcons';
import { publishingKeys, publishingQueries } from './publishing-queries';
import { useClock } from './use-clock';
import { whatsAppText } from './whatsapp-text';

interface WhatsAppTaskCardProps {
  copy: Update;
  delivery: Delivery & { task: NonNullable<Delivery['task']> };
  channel: Channel;
}

type CopyOutcome = 'copied' | 'selected' | null;

/** The task card; shown while the hub waits for a person. */
export function WhatsAppTaskCard({ copy, delivery, channel }: WhatsAppTaskCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const { task } = delivery;
  const words = taskWords(task, t);
  const overdue = useClock((now) => isOverdue(delivery, now));
  const text = whatsAppText(copy);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<CopyOutcome>(null);
  const [url, setUrl] = useState('');
  const ids = { heading: useId(), text: useId(), url: useId(), status: useId() };
  const connector = useQuery(publishingQueries.connector(channel.id));
  const link = connector.data?.config.link;
  const channelLink = typeof link === 'string' && link ? link : null;

  const confirm = useMutation({
    mutationFn: () =>
      desk.confirmPublication({ updateId: copy.id, ...(url.trim() ? { url: url.trim() } : {}) }),
    onSuccess: (view) => {
      client.setQueryData(publishingKeys.publications(copy.id), view);
      void client.invalidateQueries({ queryKey: storyKeys.one(copy.storyId) });
      notices.info(words.done);
    },
  });
  const urlError = confirm.error ? fieldErrors(confirm.error, ['url'], t).url : undefined;

  const onCopy = async () => {
    const ok = await copyText(text, textRef.current);
    if (ok) setCopied('copied');
    else {
      // Refused: the text stays selected for Ctrl+C.
      textRef.current?.focus();
      textRef.current?.select();
      setCopied('selected');
    }
  };

  return (
    <section
      className={`whatsapp-task${overdue ? ' whatsapp-task-overdue' : ''}`}
      aria-labelledby={ids.heading}
      data-testid="whatsapp-task"
      data-task={task}
      data-update-id={copy.id}
    >
      <h3 id={ids.heading} className="whatsapp-task-title">
        {overdue ? <OverdueIcon size={16} /> : <TaskIcon size={16} />}
        <span>{words.title}</span>
        <span className="muted whatsapp-task-channel">{channel.name}</span>
      </h3>
      {delivery.state === 'due' ? (
        <p className={overdue ? 'field-error' : 'hint'} data-testid="whatsapp-task-since">
          {overdue
            ? t('whatsappTask.overdueSince', {
                when: formatInstant(delivery.at, channel.timeZone, locale, 'short'),
              })
            : t('whatsappTask.dueSince', {
                when: formatInstant(delivery.at, channel.timeZone, locale, 'short'),
              })}
        </p>
      ) : null}
      <p>{words.steps}</p>
      {task !== 'delete' ? (
        <div className="field">
          <label htmlFor={ids.text}>{t('whatsappTask.textLabel')}</label>
          <textarea
            id={ids.text}
            ref={textRef}
            className="whatsapp-text"
            value={text}
            readOnly
            rows={Math.min(8, Math.max(3, text.split('\n').length))}
            data-testid="whatsapp-text"
          />
        </div>
      ) : null}
      {task !== 'delete' && copy.poll ? (
        <div className="whatsapp-poll" data-testid="whatsapp-poll">
          <p>
            <strong>{t('whatsappTask.pollTitle')}</strong> {copy.poll.question}
          </p>
          <ol>
            {copy.poll.options.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ol>
          {copy.poll.multipleAnswers ? (
            <p className="hint">{t('whatsappTask.pollMultiple')}</p>
          ) : null}
        </div>
      ) : null}
      {task !== 'delete' && copy.attachments.length > 0 ? (
        <MediaDownloads attachments={copy.attachments} />
      ) : null}
      <div className="whatsapp-task-actions">
        {task !== 'delete' ? (
          <button
            type="button"
            className="button"
            onClick={() => void onCopy()}
            aria-describedby={copied ? ids.status : undefined}
            data-testid="whatsapp-copy"
          >
            {t('whatsappTask.copy')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={!channelLink}
          onClick={() => {
            if (channelLink) window.open(channelLink, '_blank', 'noopener,noreferrer');
          }}
          data-testid="whatsapp-open"
        >
          {t('whatsappTask.openChannel')}
        </button>
      </div>
      <p id={ids.status} role="status" className="hint" data-testid="whatsapp-copy-status">
        {copied === 'copied' ? t('whatsappTask.copied') : null}
        {copied === 'selected' ? t('whatsappTask.copyRefused') : null}
      </p>
      {connector.isError ? (
        <p className="hint" data-testid="whatsapp-link-error">
          {describeError(connector.error, t)}
        </p>
      ) : connector.isSuccess && !channelLink ? (
        <p className="hint" data-testid="whatsapp-no-link">
          {t('whatsappTask.noLink')}
        </p>
      ) : null}
      <form
        className="whatsapp-confirm"
        onSubmit={(e) => {
          e.preventDefault();
          if (!confirm.isPending) confirm.mutate();
        }}
        noValidate
      >
        {task === 'post' ? (
          <div className="field">
            <label htmlFor={ids.url}>{t('whatsappTask.linkLabel')}</label>
            <input
              id={ids.url}
              type="url"
              inputMode="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://whatsapp.com/channel/…"
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? `${ids.url}-error` : undefined}
              data-testid="whatsapp-link-input"
            />
            {urlError ? (
              <p id={`${ids.url}-error`} className="field-error">
                {urlError}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="dialog-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={confirm.isPending}
            data-testid="whatsapp-confirm"
          >
            {words.confirm}
          </button>
        </div>
        {confirm.error && !urlError ? (
          <p role="alert" className="field-error" data-testid="whatsapp-confirm-error">
            {describeError(confirm.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
