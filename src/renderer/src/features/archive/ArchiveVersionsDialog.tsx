// One archived copy: exactly what was published, then every correction in order with what it
// changed, as the hub sent them. Offline, the copy's current text with a word on why.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit, PublishedVersion } from '../../../../shared/archive/protocol';
import type { Channel } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { Dialog } from '../../components/Dialog';
import { describeError, isDeskError } from '../../i18n/describe-error';
import { platformLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { archiveQueries } from './archive-queries';
import { titleOfText } from './archive-text';
import { wordDiff } from './word-diff';

interface ArchiveVersionsDialogProps {
  hit: ArchiveHit;
  channel?: Channel | undefined;
  onClose: () => void;
  onOpenStory: (storyId: string) => void;
}

/** A version's text; a correction marks the words it removed and added. */
function VersionText({ text, previous }: { text: string; previous: string | null }) {
  const { t } = useTranslation();
  if (previous === null || previous === text) return <p className="archive-version-text">{text}</p>;
  return (
    <p className="archive-version-text">
      {wordDiff(previous, text).map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} title={t('archive.added')}>
            {part.text}
          </ins>
        ) : (
          <del key={i} title={t('archive.removed')}>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}

function VersionItem({
  version,
  previous,
  correction,
}: {
  version: PublishedVersion;
  previous: PublishedVersion | null;
  correction: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label =
    version.kind === 'post'
      ? t('archive.posted')
      : version.kind === 'edit'
        ? t('archive.correction', { n: correction })
        : t('archive.withdrawnAt');
  return (
    <li className={`archive-version archive-version-${version.kind}`} data-testid="archive-version">
      <header>
        <strong>{label}</strong>{' '}
        <time dateTime={version.sentAt}>
          {formatInstant(version.sentAt, EDITOR_ZONE, locale, 'short')}
        </time>
        {version.by ? <span> · {version.by.name}</span> : null}
      </header>
      {version.kind === 'withdrawn' ? null : (
        <VersionText
          text={version.text}
          previous={version.kind === 'edit' ? (previous?.text ?? null) : null}
        />
      )}
      {version.poll ? (
        <p className="archive-version-poll">
          {version.poll.question}: {version.poll.options.join(' · ')}
        </p>
      ) : null}
    </li>
  );
}

/** The published versions of one copy. */
export function ArchiveVersionsDialog({
  hit,
  channel,
  onClose,
  onOpenStory,
}: ArchiveVersionsDialogProps) {
  const { t } = useTranslation();
  const query = useQuery(archiveQueries.versions(hit.updateId));
  const versions = query.data?.versions ?? [];
  const offline = isDeskError(query.error) && query.error.code === 'hub_unreachable';
  return (
    <Dialog
      title={titleOfText(hit.text) || t('archive.untitled')}
      onClose={onClose}
      className="archive-dialog"
      testId="archive-dialog"
      footer={
        <button
          type="button"
          className="button"
          onClick={() => onOpenStory(hit.storyId)}
          data-testid="archive-open-story"
          data-autofocus
        >
          {t('archive.openStory')}
        </button>
      }
    >
      <p className="archive-dialog-meta">
        {channel?.name ?? platformLabel(hit.platform, t)}
        {hit.expired ? (
          <span className="badge archive-expired">
            {t('archive.expiredOn', { platform: platformLabel(hit.platform, t) })}
          </span>
        ) : null}
      </p>
      {query.isPending ? <p role="status">{t('archive.loadingVersions')}</p> : null}
      {query.isError ? (
        <div className="archive-offline">
          <p role="alert" className="inline-error">
            {offline ? t('archive.offline') : describeError(query.error, t)}
          </p>
          <h3>{t('archive.currentText')}</h3>
          <p className="archive-version-text" data-testid="archive-current-text">
            {hit.text}
          </p>
        </div>
      ) : null}
      {query.data && versions.length === 0 ? <p>{t('archive.noVersions')}</p> : null}
      <ol className="archive-versions" data-testid="archive-versions">
        {versions.map((version, i) => (
          <VersionItem
            key={`${version.kind}-${version.sentAt}-${i}`}
            version={version}
            previous={i > 0 ? (versions[i - 1] ?? null) : null}
            correction={versions.slice(0, i + 1).filter((v) => v.kind === 'edit').length}
          />
        ))}
      </ol>
    </Dialog>
  );
}
