// The media of a manual-assist task, each with a download button: the editor attaches them by hand
// in WhatsApp. The bytes are read from the engine only when asked for (a video can be large).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/domain';
import { describeError } from '../../i18n/describe-error';
import { formatBytes } from '../../i18n/labels';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { MediaThumb } from '../composer/MediaThumb';
import { storyQueries } from '../composer/story-queries';

/** Saves a data: URL under `name` through a temporary link (the browser's own download). */
function saveAs(dataUrl: string, name: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

function MediaItem({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveAs(await client.fetchQuery(storyQueries.media(attachment.hash)), attachment.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="media-download" data-testid="whatsapp-media">
      <MediaThumb attachment={attachment} className="media-download-thumb" />
      <span className="media-download-name">
        {attachment.name}
        <span className="muted small"> · {formatBytes(attachment.size, intlTag(locale))}</span>
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void download()}
        aria-label={t('whatsappTask.downloadNamed', { name: attachment.name })}
        data-testid="whatsapp-media-download"
      >
        {busy ? t('whatsappTask.downloading') : t('whatsappTask.download')}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {describeError(error, t)}
        </span>
      ) : null}
    </li>
  );
}

/** The attachments as a list to download. */
export function MediaDownloads({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  return (
    <div className="media-downloads">
      <p>
        <strong>{t('whatsappTask.mediaTitle', { count: attachments.length })}</strong>
      </p>
      <ul>
        {attachments.map((a) => (
          <MediaItem key={a.hash} attachment={a} />
        ))}
      </ul>
    </div>
  );
}
