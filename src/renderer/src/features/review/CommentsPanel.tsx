// A story's internal discussion in the composer: the thread, and a box to add to it with an
// @-mention picker (type @, choose with the arrows and Enter; Ctrl+Enter posts). Never published.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoryComment } from '../../../../shared/contract';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { describeError, isDeskError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import type { Mentionable, MentionQuery } from './mention-text';
import { insertMention, matchMembers, mentionQueryAt, mentionedIds } from './mention-text';
import { reviewKeys, reviewQueries } from './review-queries';

// Mirrors the hub's limit, so the counter warns before the hub refuses.
const MAX_COMMENT_CHARS = 4000;

interface CommentsPanelProps {
  storyId: string;
}

/** The discussion of one story, for the composer. */
export function CommentsPanel({ storyId }: CommentsPanelProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ids = useId();
  const thread = useQuery(reviewQueries.comments(storyId));
  const members = useQuery(reviewQueries.members());
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);

  const matches = mention ? matchMembers(members.data ?? [], mention.query) : [];
  const pickerOpen = mention !== null && matches.length > 0;
  const length = text.trim().length;

  const post = useMutation({
    mutationFn: () =>
      desk.addComment({ storyId, body: text, mentions: mentionedIds(text, picked) }),
    onSuccess: (added) => {
      client.setQueryData<StoryComment[]>(reviewKeys.comments(storyId), (old) => [
        ...(old ?? []),
        added,
      ]);
      setText('');
      setPicked([]);
      setMention(null);
    },
  });

  // Right after a name is chosen the caret sits behind "@Name ", which still reads as a query for
  // that very name: that mention is finished, so the picker stays closed.
  const queryAt = (value: string, caret: number): MentionQuery | null => {
    const next = mentionQueryAt(value, caret);
    return next && picked.some((p) => next.query === `${p.name} `) ? null : next;
  };

  const follow = (value: string, caret: number) => {
    setText(value);
    const next = queryAt(value, caret);
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  };

  const choose = (member: Mentionable) => {
    const el = box.current;
    if (!el || !mention) return;
    const done = insertMention(text, mention, el.selectionStart, member.name);
    setText(done.text);
    setPicked((p) => [...p, member]);
    setMention(null);
    caretAfterRender.current = done.caret;
  };
  // Behind the chosen name, as soon as React has put the new text in and before the next key
  // is handled (a frame later, fast typing would already have gone to the end of the text).
  const caretAfterRender = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    const caret = caretAfterRender.current;
    if (!el || caret === null) return;
    caretAfterRender.current = null;
    el.focus();
    el.setSelectionRange(caret, caret);
  });

  const canPost = length > 0 && length <= MAX_COMMENT_CHARS && !post.isPending;

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (pickerOpen) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        choose(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
      if (e.key === 'Escape') {
        // Closes the picker, not the composer around it.
        e.preventDefault();
        e.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (canPost) post.mutate();
    }
  };

  const offline = isDeskError(thread.error) && thread.error.code === 'hub_unreachable';
  const comments = thread.data ?? [];

  return (
    <section
      className="comments-panel"
      aria-labelledby={`${ids}-title`}
      data-testid="comments-panel"
    >
      <h3 id={`${ids}-title`}>{t('review.comments.title')}</h3>
      <p className="hint small">{t('review.comments.internal')}</p>
      {thread.isError ? (
        <p role="alert" className="inline-error">
          {offline ? t('review.comments.offline') : describeError(thread.error, t)}
        </p>
      ) : null}
      {thread.isSuccess && comments.length === 0 ? (
        <p className="muted small">{t('review.comments.empty')}</p>
      ) : null}
      <ol className="comment-list" aria-label={t('review.comments.title')}>
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ol>
      <div className="field">
        <label htmlFor={`${ids}-box`}>{t('review.comments.label')}</label>
        <textarea
          id={`${ids}-box`}
          ref={box}
          rows={3}
          value={text}
          placeholder={t('review.comments.placeholder')}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={pickerOpen}
          aria-controls={`${ids}-picker`}
          aria-activedescendant={pickerOpen ? `${ids}-option-${active}` : undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onChange={(e) => follow(e.target.value, e.target.selectionStart)}
          onSelect={(e) => {
            const el = e.currentTarget;
            setMention(queryAt(el.value, el.selectionStart));
          }}
          onBlur={() => setMention(null)}
          onKeyDown={onKeyDown}
          disabled={offline}
          data-testid="comment-box"
        />
        <ul
          id={`${ids}-picker`}
          role="listbox"
          aria-label={t('review.comments.pickerLabel')}
          className="mention-picker"
          hidden={!pickerOpen}
          data-testid="mention-picker"
        >
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${ids}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'mention-option mention-option-active' : 'mention-option'}
              // Chosen before the box loses focus (a click would blur it first).
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name}
            </li>
          ))}
        </ul>
      </div>
      <div className="row-actions">
        <span className={length > MAX_COMMENT_CHARS ? 'counter counter-over' : 'counter'}>
          {t('review.comments.counter', { n: length, max: MAX_COMMENT_CHARS })}
        </span>
        <button
          type="button"
          className="button button-primary button-small"
          disabled={!canPost || offline}
          onClick={() => post.mutate()}
          data-testid="comment-post"
        >
          {t('review.comments.post')}
        </button>
      </div>
      {post.isError ? (
        <p role="alert" className="inline-error">
          {describeError(post.error, t)}
        </p>
      ) : null}
    </section>
  );
}

function CommentItem({ comment }: { comment: StoryComment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="comment" data-testid="comment">
      <div className="comment-head small">
        <strong>{comment.author?.name || t('review.comments.formerMember')}</strong>{' '}
        <time className="muted" dateTime={comment.at}>
          {formatInstant(comment.at, EDITOR_ZONE, locale, 'short')}
        </time>
      </div>
      <p className="comment-body" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </p>
    </li>
  );
}
