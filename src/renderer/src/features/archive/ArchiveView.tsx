// The archive screen: every published copy, searchable by words, channel, topic, dates and author
// (on this desk, offline too), marked when its platform has forgotten it; opening one shows what
// was published and every correction, as the hub sent them.
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit } from '../../../../shared/archive/protocol';
import type { Channel } from '../../../../shared/domain';
import { addDays, formatInstant, wallTimeToInstant } from '../../../../shared/schedule';
import { ChannelFilter, DayFilter } from '../../components/FilterFields';
import { platformLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { PLATFORM } from '../../shell/ShortcutsHelp';
import { listStep } from '../../shell/shortcuts';
import { archiveQueries, useArchiveSearch } from './archive-queries';
import { ArchiveVersionsDialog } from './ArchiveVersionsDialog';
import { titleOfText } from './archive-text';
import '../../styles/archive.css';

const TYPING_PAUSE_MS = 200;
const PAGE_SIZE = 50;

interface ArchiveViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

function HitRow({
  hit,
  channel,
  onOpen,
}: {
  hit: ArchiveHit;
  channel?: Channel | undefined;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const platform = platformLabel(hit.platform, t);
  return (
    <li className="archive-hit-item">
      <button type="button" className="archive-hit" onClick={onOpen} data-testid="archive-hit">
        <span className="archive-hit-title">{titleOfText(hit.text) || t('archive.untitled')}</span>
        <span className="archive-hit-meta">
          <span>{channel?.name ?? platform}</span>
          <time dateTime={hit.publishedAt}>
            {formatInstant(hit.publishedAt, EDITOR_ZONE, locale, 'short')}
          </time>
          <span>{hit.author ? hit.author.name : t('archive.unknownAuthor')}</span>
          {hit.tags.length > 0 ? <span className="archive-tags">{hit.tags.join(', ')}</span> : null}
        </span>
        <span className="archive-badges">
          {hit.expired ? (
            <span className="badge archive-expired" data-testid="archive-expired">
              {t('archive.expiredOn', { platform })}
            </span>
          ) : null}
          {hit.withdrawn ? <span className="badge">{t('archive.withdrawn')}</span> : null}
          {hit.corrections > 0 ? (
            <span className="badge">{t('archive.corrected', { n: hit.corrections })}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}

/** The archive page. */
export function ArchiveView({ channels, onOpen }: ArchiveViewProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [channelId, setChannelId] = useState('');
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [authorId, setAuthorId] = useState('');
  // The page belongs to the filters it was chosen under: new filters start at the first page.
  const [paging, setPaging] = useState({ filters: '', page: 0 });
  const [opened, setOpened] = useState<ArchiveHit | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const ids = {
    text: useId(),
    tag: useId(),
    tags: useId(),
    author: useId(),
  };

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const filters = `${debounced}|${channelId}|${tag}|${from}|${to}|${authorId}`;
  const page = paging.filters === filters ? paging.page : 0;
  const setPage = (next: number) => setPaging({ filters, page: next });

  // Dates are whole days in the editor's zone; "to" includes its day.
  const fromIso = from ? wallTimeToInstant(`${from}T00:00`, EDITOR_ZONE) : null;
  const toStart = to ? wallTimeToInstant(`${to}T00:00`, EDITOR_ZONE) : null;
  const toIso = toStart ? addDays(toStart, 1, EDITOR_ZONE) : null;
  const badRange = fromIso !== null && toIso !== null && fromIso >= toIso;
  const query = useArchiveSearch({
    text: debounced,
    channelIds: channelId ? [channelId] : [],
    tag: tag.trim() || null,
    from: badRange ? null : fromIso,
    to: badRange ? null : toIso,
    authorId: authorId || null,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  const members = useQuery(archiveQueries.members());
  const hits = useMemo(() => query.data?.hits ?? [], [query.data]);
  const total = query.data?.total ?? 0;
  const byId = new Map(channels.map((c) => [c.id, c]));

  // Authors: the workspace's members when the hub answers, plus whoever wrote the hits shown.
  const authors = useMemo(() => {
    const out = new Map<string, string>();
    for (const m of members.data ?? []) out.set(m.id, m.name);
    for (const h of hits) if (h.author) out.set(h.author.id, h.author.name);
    return [...out].sort((a, b) => a[1].localeCompare(b[1]));
  }, [members.data, hits]);
  const topics = useMemo(() => {
    const out = new Set<string>();
    for (const c of channels) for (const tg of c.workflow?.tags ?? []) out.add(tg);
    for (const h of hits) for (const tg of h.tags) out.add(tg);
    return [...out].sort((a, b) => a.localeCompare(b));
  }, [channels, hits]);

  // J/K or the arrow keys move between hits; Enter (a focused button) opens one.
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const step = listStep(e, PLATFORM);
    if (step === 0) return;
    const buttons = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('.archive-hit') ?? []),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = step > 0 ? Math.min(buttons.length - 1, at + 1) : Math.max(0, at - 1);
    buttons[next]?.focus();
    e.preventDefault();
  };

  const first = page * PAGE_SIZE + 1;
  const last = page * PAGE_SIZE + hits.length;
  return (
    <section
      className="view view-archive"
      aria-labelledby="archive-title"
      data-testid="archive-view"
    >
      <header className="view-header">
        <h1 id="archive-title">{t('archive.title')}</h1>
      </header>
      <form className="archive-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor={ids.text}>{t('archive.text')}</label>
          <input
            id={ids.text}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('archive.placeholder')}
            data-testid="archive-search"
          />
        </div>
        <ChannelFilter
          label={t('archive.channel')}
          anyLabel={t('archive.anyChannel')}
          channels={channels}
          value={channelId}
          onChange={setChannelId}
          testId="archive-channel"
        />
        <div className="field">
          <label htmlFor={ids.tag}>{t('archive.topic')}</label>
          <input
            id={ids.tag}
            list={ids.tags}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            placeholder={t('archive.anyTopic')}
            data-testid="archive-topic"
          />
          <datalist id={ids.tags}>
            {topics.map((tg) => (
              <option key={tg} value={tg} />
            ))}
          </datalist>
        </div>
        <DayFilter
          label={t('archive.from')}
          value={from}
          onChange={setFrom}
          testId="archive-from"
        />
        <DayFilter label={t('archive.to')} value={to} onChange={setTo} testId="archive-to" />
        <div className="field">
          <label htmlFor={ids.author}>{t('archive.author')}</label>
          <select
            id={ids.author}
            value={authorId}
            onChange={(e) => setAuthorId(e.target.value)}
            data-testid="archive-author"
          >
            <option value="">{t('archive.anyAuthor')}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {badRange ? (
        <p role="alert" className="inline-error">
          {t('archive.badRange')}
        </p>
      ) : null}
      <p className="archive-summary" role="status" data-testid="archive-summary">
        {query.isFetching && !query.data
          ? t('archive.searching')
          : query.data
            ? total === 0
              ? t('archive.none')
              : t('archive.showing', { first, last, total })
            : ''}
      </p>
      {query.isError ? (
        <p role="alert" className="inline-error">
          {t('archive.failed')}
        </p>
      ) : null}
      <ul
        ref={listRef}
        className="archive-results"
        aria-label={t('archive.results')}
        data-testid="archive-results"
        onKeyDown={onListKey}
      >
        {hits.map((hit) => (
          <HitRow
            key={hit.updateId}
            hit={hit}
            channel={byId.get(hit.channelId)}
            onOpen={() => setOpened(hit)}
          />
        ))}
      </ul>
      {total > PAGE_SIZE ? (
        <nav className="archive-pages" aria-label={t('archive.pages')}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('archive.previous')}
          </button>
          <button
            type="button"
            disabled={last >= total}
            onClick={() => setPage(page + 1)}
            data-testid="archive-next"
          >
            {t('archive.next')}
          </button>
        </nav>
      ) : null}
      {opened ? (
        <ArchiveVersionsDialog
          hit={opened}
          channel={byId.get(opened.channelId)}
          onClose={() => setOpened(null)}
          onOpenStory={(storyId) => {
            setOpened(null);
            onOpen(storyId);
          }}
        />
      ) : null}
    </section>
  );
}
