// A story's topics and areas. Adding one adds the channels the workspace mapped to it (routing),
// and "Queue on them" puts each new, unscheduled copy in its channel's next free slot.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Story, Update } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { knownTags, routedChannels, storyTags } from './workflow-view';

interface TopicsControlProps {
  story: Story;
  copies: Update[];
  channels: Channel[];
}

export function TopicsControl({ story, copies, channels }: TopicsControlProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const inputId = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const tags = storyTags(copies);
  const saved = (s: Story) => client.setQueryData(storyKeys.one(story.storyId), s);

  const setTags = useMutation({
    mutationFn: async (next: string[]) => {
      let s = await desk.setStoryTags({ storyId: story.storyId, tags: next });
      const have = new Set(copies.map((c) => c.channelId));
      const added = routedChannels(next, channels).filter((c) => !have.has(c.id));
      if (added.length > 0) {
        s = await desk.setStoryChannels({
          storyId: story.storyId,
          channelIds: [...have, ...added.map((c) => c.id)],
        });
      }
      return { story: s, added };
    },
    onSuccess: ({ story: s, added }) => {
      saved(s);
      if (added.length > 0) {
        notices.info(t('workflow.routedAdded', { channels: added.map((c) => c.name).join(', ') }));
      }
    },
    onError: notices.error,
  });
  const routed = routedChannels(tags, channels);
  const unqueued = copies.filter(
    (c) =>
      c.schedule.kind === 'none' && routed.some((r) => r.id === c.channelId && r.slots.length > 0),
  );
  const queue = useMutation({
    mutationFn: async () => {
      for (const c of unqueued) {
        await desk.scheduleCopy({ updateId: c.id, schedule: { kind: 'queue' } });
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: storyKeys.one(story.storyId) });
      notices.info(t('workflow.queued', { count: unqueued.length }));
    },
    onError: notices.error,
  });

  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    setDraft('');
    if (tags.some((x) => x.toLocaleLowerCase() === tag.toLocaleLowerCase())) return;
    setTags.mutate([...tags, tag]);
  };

  return (
    <span className="topics-control" data-testid="topics">
      <label htmlFor={inputId}>{t('workflow.topics')}</label>
      <ul className="tag-list" aria-label={t('workflow.topics')}>
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={t('workflow.removeTopic', { tag })}
              onClick={() => setTags.mutate(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        list={listId}
        value={draft}
        maxLength={40}
        placeholder={t('workflow.topicPlaceholder')}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
        data-testid="topic-input"
      />
      <datalist id={listId}>
        {knownTags(channels).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {unqueued.length > 0 ? (
        <button
          type="button"
          className="button button-small"
          disabled={queue.isPending}
          onClick={() => queue.mutate()}
          data-testid="topics-queue"
        >
          {t('workflow.queueRouted', { count: unqueued.length })}
        </button>
      ) : null}
    </span>
  );
}
