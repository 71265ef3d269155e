// Keeps every cached query fresh from the engine's pushed events: `changed` refreshes lists and
// stories; `syncStatus` feeds the sync indicator and, when rows' sync states moved, the lists too.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { desk } from '../api/desk-client';
import { analyticsKeys } from '../features/analytics/analytics-queries';
import { archiveKeys } from '../features/archive/archive-queries';
import { channelKeys } from '../features/channels/channel-queries';
import { storyKeys } from '../features/composer/story-queries';
import { publishingKeys } from '../features/publishing/publishing-queries';
import { reviewKeys } from '../features/review/review-queries';
import { searchKeys } from '../features/search/search-queries';
import { settingsKeys } from '../features/settings/settings-queries';
import { statusAffectsRows } from '../features/sync/sync-status-view';
import { subscribeSyncStatus } from '../features/sync/sync-queries';
import { timelineKeys } from '../features/timeline/timeline-queries';
import { trashKeys } from '../features/trash/trash-queries';
import { rangeKeys } from '../features/week/week-queries';

/** Typing sends a change per keystroke; lists refetch at most this often. */
const INVALIDATE_BATCH_MS = 200;

/** Subscribes to the events and invalidates the queries each batch of changes touches. */
export function useChangeInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    let channels = new Set<string>();
    let stories = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** A sync round moved rows between local · pending · synced · failed: refresh every list. */
    let everything = false;

    const flush = () => {
      timer = null;
      const c = channels;
      const s = stories;
      channels = new Set();
      stories = new Set();
      const all = everything;
      everything = false;
      void client.invalidateQueries({ queryKey: channelKeys.all });
      if (all) void client.invalidateQueries({ queryKey: storyKeys.all });
      if (c.size === 0 || all) void client.invalidateQueries({ queryKey: timelineKeys.all });
      for (const id of c) void client.invalidateQueries({ queryKey: timelineKeys.channel(id) });
      for (const id of s) void client.invalidateQueries({ queryKey: storyKeys.one(id) });
      void client.invalidateQueries({ queryKey: rangeKeys.all });
      void client.invalidateQueries({ queryKey: searchKeys.all });
      void client.invalidateQueries({ queryKey: trashKeys.all });
      // Built from the copies too: the review queue, archive results and analytics (only the
      // ones on screen refetch).
      void client.invalidateQueries({ queryKey: reviewKeys.queue });
      void client.invalidateQueries({ queryKey: archiveKeys.search });
      void client.invalidateQueries({ queryKey: analyticsKeys.all });
      void client.invalidateQueries({ queryKey: settingsKeys.status });
      // A copy's publications change with its delivery; only open "Details" refetch.
      void client.invalidateQueries({ queryKey: publishingKeys.publicationsAll });
    };

    const off = desk.on('changed', ({ channelIds, storyIds }) => {
      for (const id of channelIds) channels.add(id);
      for (const id of storyIds) stories.add(id);
      if (!timer) timer = setTimeout(flush, INVALIDATE_BATCH_MS);
    });
    const offSync = subscribeSyncStatus(client, (prev, next) => {
      if (!statusAffectsRows(prev, next)) return;
      everything = true;
      if (!timer) timer = setTimeout(flush, INVALIDATE_BATCH_MS);
    });
    // Events may have been missed while the stream was down: refetch everything once.
    const offReconnect = desk.onReconnect(() => void client.invalidateQueries());
    return () => {
      off();
      offSync();
      offReconnect();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
}
