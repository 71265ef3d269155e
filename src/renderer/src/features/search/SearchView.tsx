// Search every copy by text, channel, status and date; results in a virtual list.
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../../shared/domain';
import type { Channel } from '../../../../shared/domain';
import { UPDATE_STATUSES } from '../../../../shared/domain';
import { addDays, wallTimeToInstant } from '../../../../shared/schedule';
import { ChannelFilter, DayFilter } from '../../components/FilterFields';
import { UpdateRow } from '../../components/UpdateRow';
import { statusLabel } from '../../i18n/labels';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { PLATFORM } from '../../shell/ShortcutsHelp';
import { listStep } from '../../shell/shortcuts';
import { searchQueries } from './search-queries';

const TYPING_PAUSE_MS = 200;
const RESULT_ROW_PX = 68;
const RESULT_LIMIT = 1000;

interface SearchViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
  /** Changes whenever the editor asks for the search field (Ctrl+F). */
  focusSignal: number;
}

/** The search page. */
export function SearchView({ channels, onOpen, focusSignal }: SearchViewProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [channelId, setChannelId] = useState('');
  const [status, setStatus] = useState<UpdateStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = { text: useId(), channel: useId(), status: useId(), from: useId(), to: useId() };

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    inputRef.current?.focus();
  }, [focusSignal]);

  // Dates are whole days in the editor's zone; "to" includes its day.
  const fromIso = from ? wallTimeToInstant(`${from}T00:00`, EDITOR_ZONE) : null;
  const toStart = to ? wallTimeToInstant(`${to}T00:00`, EDITOR_ZONE) : null;
  const toIso = toStart ? addDays(toStart, 1, EDITOR_ZONE) : null;
  const query = useQuery(
    searchQueries.results({
      text: debounced,
      channelId: channelId || null,
      status: status || null,
      from: fromIso,
      to: toIso,
      limit: RESULT_LIMIT,
    }),
  );
  const results = query.data?.results ?? [];
  const byId = new Map(channels.map((c) => [c.id, c]));

  // eslint-disable-next-line react-hooks/incompatible-library -- see TimelineView
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RESULT_ROW_PX,
    getItemKey: (i) => results[i]?.id ?? i,
    overscan: 8,
  });

  // J/K or the arrows move between results; Enter (handled by the row) opens one.
  const onRowKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const step = listStep(e, PLATFORM);
    if (step === 0) return;
    e.preventDefault();
    const at = results.findIndex((r) => r.id === e.currentTarget.dataset.updateId);
    const id = at < 0 ? undefined : results[at + step]?.id;
    if (id === undefined) return;
    virtualizer.scrollToIndex(at + step, { align: 'auto' });
    // A row beyond the rendered range is only there after the scroll: focus it on the next frame.
    const row = () => scrollRef.current?.querySelector<HTMLElement>(`[data-update-id="${id}"]`);
    const now = row();
    if (now) now.focus();
    else requestAnimationFrame(() => row()?.focus());
  };

  return (
    <section className="view view-search" aria-labelledby="search-title" data-testid="search-view">
      <header className="view-header">
        <h1 id="search-title">{t('search.title')}</h1>
      </header>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor={ids.text}>{t('search.text')}</label>
          <input
            ref={inputRef}
            id={ids.text}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('search.placeholder')}
            aria-keyshortcuts="Control+F Meta+F"
            data-testid="search-text"
          />
        </div>
        <ChannelFilter
          label={t('search.channel')}
          anyLabel={t('search.anyChannel')}
          channels={channels}
          value={channelId}
          onChange={setChannelId}
          testId="search-channel"
        />
        <div className="field">
          <label htmlFor={ids.status}>{t('search.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as UpdateStatus | '')}
            data-testid="search-status"
          >
            <option value="">{t('search.anyStatus')}</option>
            {UPDATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, t)}
              </option>
            ))}
          </select>
        </div>
        <DayFilter label={t('search.from')} value={from} onChange={setFrom} testId="search-from" />
        <DayFilter label={t('search.to')} value={to} onChange={setTo} testId="search-to" />
      </form>
      <p className="search-summary" role="status" data-testid="search-summary">
        {query.isFetching && !query.data
          ? t('search.searching')
          : query.data
            ? query.data.total > results.length
              ? t('search.countLimited', { total: query.data.total, shown: results.length })
              : t('search.count', { total: query.data.total })
            : ''}
      </p>
      {query.isError ? (
        <p role="alert" className="inline-error">
          {t('search.failed')}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        className="virtual-scroll"
        role="list"
        aria-label={t('search.results')}
        data-testid="search-results"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const s = results[v.index]!;
            return (
              <div
                key={v.key}
                className="virtual-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                <UpdateRow
                  summary={s}
                  channel={byId.get(s.channelId)}
                  showChannel
                  timeStyle="short"
                  onOpen={onOpen}
                  onKeyDown={onRowKey}
                  index={v.index}
                  size={results.length}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
