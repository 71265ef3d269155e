// How a copy will look on Telegram or WhatsApp, with the platform's length counter.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Platform, Poll } from '../../../../../shared/domain';
import {
  measureFor,
  parseSource,
  parseWhatsApp,
  toPlain,
  toWhatsApp,
} from '../../../../../shared/formatting';
import { PlatformIcon } from '../../../components/icons';
import { platformLabel } from '../../../i18n/labels';
import { intlTag, useLocale } from '../../../i18n/use-locale';
import { MediaThumb } from '../MediaThumb';
import { renderDoc } from './render-doc';

interface PlatformPreviewProps {
  platform: Platform;
  /** Whose copy this is: channel names, or the platform for the shared text. */
  heading: string;
  text: string;
  attachments: Attachment[];
  poll: Poll | null;
}

/** A chat-bubble preview and its counter. */
export function PlatformPreview({
  platform,
  heading,
  text,
  attachments,
  poll,
}: PlatformPreviewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hasMedia = attachments.length > 0;
  const { body, measure } = useMemo(() => {
    const doc = parseSource(text);
    const measure = measureFor(doc, platform, { hasMedia });
    switch (platform) {
      case 'telegram':
        return { body: renderDoc(doc, 'telegram'), measure };
      case 'whatsapp':
        // WhatsApp gets markup: show what that markup turns back into, so the preview is faithful.
        return { body: renderDoc(parseWhatsApp(toWhatsApp(doc)), 'whatsapp'), measure };
      default:
        // Webhooks and feeds carry plain text (the receiving site styles it).
        return { body: <p className="pv-p pv-plain">{toPlain(doc)}</p>, measure };
    }
  }, [text, platform, hasMedia]);
  const number = new Intl.NumberFormat(intlTag(locale));
  const name = platformLabel(platform, t);
  const state = measure.over ? 'over' : measure.nearLimit ? 'near' : 'ok';
  const images = attachments.filter((a) => a.kind !== 'document');
  const documents = attachments.filter((a) => a.kind === 'document');

  return (
    <figure className={`preview preview-${platform}`} data-testid={`preview-${platform}`}>
      <figcaption className="preview-caption">
        <PlatformIcon platform={platform} size={14} />
        <span>{t('preview.title', { platform: name })}</span>
        <span className="muted">· {heading}</span>
      </figcaption>
      <div className="preview-screen">
        <div className="bubble">
          {platform === 'telegram' ? <div className="bubble-author">{heading}</div> : null}
          {images.length > 0 ? (
            <div className={`bubble-media count-${Math.min(images.length, 4)}`}>
              {images.slice(0, 4).map((a) => (
                <MediaThumb key={a.hash} attachment={a} />
              ))}
            </div>
          ) : null}
          {documents.map((a) => (
            <div key={a.hash} className="bubble-doc">
              <MediaThumb attachment={a} />
              <span>{a.name}</span>
            </div>
          ))}
          {text.trim() ? (
            <div className="bubble-text">{body}</div>
          ) : (
            <p className="bubble-empty">{t('preview.empty')}</p>
          )}
          {poll ? (
            <div className="bubble-poll">
              <strong>{poll.question}</strong>
              <span className="muted small">
                {poll.quizCorrectOption !== null
                  ? t('preview.quiz')
                  : poll.multipleAnswers
                    ? t('preview.pollMultiple')
                    : t('preview.poll')}
              </span>
              <ul>
                {poll.options.map((o, i) => (
                  <li key={i}>
                    <span className="poll-dot" aria-hidden="true" />
                    {o}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>
      <p className={`counter counter-${state}`} data-testid={`counter-${platform}`}>
        <span>
          {number.format(measure.length)} / {number.format(measure.limit)}
        </span>
        {measure.kind === 'caption' ? <span className="badge">{t('preview.caption')}</span> : null}
      </p>
      {measure.over ? (
        <p className="counter-warning" data-testid={`counter-warning-${platform}`}>
          {measure.kind === 'caption'
            ? t('preview.overCaption', {
                platform: name,
                count: measure.length - measure.limit,
                n: number.format(measure.length - measure.limit),
                limit: number.format(measure.limit),
              })
            : t('preview.overText', {
                platform: name,
                count: measure.length - measure.limit,
                n: number.format(measure.length - measure.limit),
                limit: number.format(measure.limit),
              })}
        </p>
      ) : null}
    </figure>
  );
}
