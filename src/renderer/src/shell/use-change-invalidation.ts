// Keeps every cached query fresh from the engine's pushed `changed` events.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { desk } from '../api/desk-client';
import { channelKeys } from '../features/channels/channel-queries';
import { storyKeys } from '../features/composer/story-queries';
import { searchKeys } from '../features/search/search-queries';
import { settingsKeys } from '../features/settings/settings-queries';
import { timelineKeys } from '../features/timeline/timeline-queries';
import { trashKeys } from '../features/trash/trash-queries';
import { rangeKeys } from '../features/week/week-queries';

/** Typing sends a change per keystroke; lists refetch at most this often. */
const INVALIDATE_BATCH_MS = 200;

/** Subscribes to `changed` and invalidates the queries each batch of changes touches. */
export function useChangeInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    let channels = new Set<string>();
    let stories = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      timer = null;
      const c = channels;
      const s = stories;
      channels = new Set();
      stories = new Set();
      void client.invalidateQueries({ queryKey: channelKeys.all });
      if (c.size === 0) void client.invalidateQueries({ queryKey: timelineKeys.all });
      for (const id of c) void client.invalidateQueries({ queryKey: timelineKeys.channel(id) });
      for (const id of s) void client.invalidateQueries({ queryKey: storyKeys.one(id) });
      void client.invalidateQueries({ queryKey: rangeKeys.all });
      void client.invalidateQueries({ queryKey: searchKeys.all });
      void client.invalidateQueries({ queryKey: trashKeys.all });
      void client.invalidateQueries({ queryKey: settingsKeys.status });
    };

    const off = desk.on('changed', ({ channelIds, storyIds }) => {
      for (const id of channelIds) channels.add(id);
      for (const id of storyIds) stories.add(id);
      if (!timer) timer = setTimeout(flush, INVALIDATE_BATCH_MS);
    });
    // Events may have been missed while the stream was down: refetch everything once.
    const offReconnect = desk.onReconnect(() => void client.invalidateQueries());
    return () => {
      off();
      offReconnect();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
}
