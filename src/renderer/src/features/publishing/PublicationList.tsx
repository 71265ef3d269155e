// The "Details" of a copy's delivery: every publication the hub made for it (post, corrections,
// withdrawal), newest first, with attempts, the platform's answers and the reasons. Read from the
// hub when opened; offline, it says so in the engine's words.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicationView } from '../../../../shared/publish/protocol';
import { formatInstant } from '../../../../shared/schedule';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { actionLabel, publicationStateLabel } from './delivery-words';
import { publishingQueries } from './publishing-queries';

interface PublicationListProps {
  updateId: string;
  /** The channel's zone: times read as the channel's other times. */
  zone: string;
}

function PublicationItem({ p, zone }: { p: PublicationView; zone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatInstant(iso, zone, locale, 'short');
  return (
    <li className={`publication publication-${p.state}`} data-testid="publication">
      <p className="publication-head">
        <strong>{actionLabel(p.action, t)}</strong>
        <span className={`badge publication-state-${p.state}`}>
          {publicationStateLabel(p.state, t)}
        </span>
      </p>
      <dl className="publication-facts">
        <dt>{t('delivery.details.due')}</dt>
        <dd>{when(p.dueAt)}</dd>
        {p.sentAt ? (
          <>
            <dt>{t('delivery.details.sent')}</dt>
            <dd>{when(p.sentAt)}</dd>
          </>
        ) : null}
        <dt>{t('delivery.details.attempts')}</dt>
        <dd>{p.attempts}</dd>
        {p.reason ? (
          <>
            <dt>{t('delivery.details.reason')}</dt>
            <dd>{p.reason}</dd>
          </>
        ) : null}
        {p.answer ? (
          <>
            <dt>{t('delivery.details.answer')}</dt>
            <dd className="publication-answer">{p.answer}</dd>
          </>
        ) : null}
        {p.url ? (
          <>
            <dt>{t('delivery.details.link')}</dt>
            <dd>
              <a href={p.url} target="_blank" rel="noreferrer noopener">
                {p.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/** The list, fetched while shown. */
export function PublicationList({ updateId, zone }: PublicationListProps) {
  const { t } = useTranslation();
  const query = useQuery(publishingQueries.publications(updateId));
  let body;
  if (query.isPending) body = <p className="muted">{t('delivery.details.loading')}</p>;
  else if (query.isError)
    body = (
      <p role="alert" className="field-error" data-testid="publications-error">
        {describeError(query.error, t)}
      </p>
    );
  else if (query.data.publications.length === 0)
    body = <p className="muted">{t('delivery.details.none')}</p>;
  else
    body = (
      <ol className="publication-list" data-testid="publication-list">
        {query.data.publications.map((p) => (
          <PublicationItem key={p.id} p={p} zone={zone} />
        ))}
      </ol>
    );
  return (
    <div aria-live="polite" aria-busy={query.isPending || undefined}>
      {body}
    </div>
  );
}
