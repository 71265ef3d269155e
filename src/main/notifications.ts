// OS notifications from the desktop app: which events deserve one, and their words. Titles, names
// and comments are other people's text: they go out as plain text, never as markup.
import type { DeliveryNotice, Inbox, InboxItem } from '../shared/contract';
import type { ShellWords } from './menu-labels';
import { fillWords } from './menu-labels';

/** Something that happened that may be worth an OS notification. */
export type NativeNoticeEvent =
  | { kind: 'delivery'; notice: DeliveryNotice; channelName: string }
  | { kind: 'mentioned'; item: InboxItem };

/** An OS notification to show; clicking it opens `storyId`. */
export interface NativeNotification {
  title: string;
  body: string;
  storyId: string;
  /** Replaces an earlier notification about the same thing. */
  tag: string;
}

export interface NotifyContext {
  /** While the desk's window is in front, its own notices are enough. */
  windowFocused: boolean;
  /** Linux notification servers read a little HTML in the body; elsewhere it is shown as typed. */
  platform: NodeJS.Platform;
}

/** The longest body shown; platforms cut long ones anyway, mid-word. */
export const MAX_NOTIFICATION_TEXT = 200;

// Control characters and the bidirectional overrides that can make a name read backwards.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Untrusted text made fit for a notification: control characters out, whitespace folded to single
 * spaces, cut at `max` characters with an ellipsis, and on Linux `& < >` escaped so a title such as
 * `<a href=…>` is shown as those characters rather than read as markup.
 */
export function plainNotificationText(
  text: string,
  platform: NodeJS.Platform,
  max = MAX_NOTIFICATION_TEXT,
): string {
  let plain = text.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  if (chars.length > max) plain = `${chars.slice(0, max - 1).join('')}…`;
  if (platform !== 'linux') return plain;
  return plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The notification for an event, or null: published, failed and due-on-WhatsApp deliveries, and
 * new mentions of me — only while the window is not in front.
 */
export function notificationFor(
  event: NativeNoticeEvent,
  words: ShellWords['notice'],
  context: NotifyContext,
): NativeNotification | null {
  if (context.windowFocused) return null;
  // Each value is cleaned on its own, then the filled template once more (for its length).
  const clean = (s: string) => plainNotificationText(s, 'darwin', 80);
  const finish = (text: string) => plainNotificationText(text, context.platform);
  if (event.kind === 'mentioned') {
    const { item } = event;
    if (!item.unread) return null;
    const body = fillWords(words.mentioned, {
      author: clean(item.author?.name ?? '?'),
      title: clean(item.storyTitle) || words.untitled,
      body: clean(item.body),
    });
    return {
      title: 'Channel Desk',
      body: finish(body),
      storyId: item.storyId,
      tag: `mention:${item.id}`,
    };
  }
  const { notice, channelName } = event;
  const d = notice.delivery;
  const values = { channel: clean(channelName), title: clean(notice.title) || words.untitled };
  let text: string;
  if (d.task === 'post' || d.state === 'due') text = fillWords(words.due, values);
  else if (d.task) return null;
  else if (d.state === 'failed' || (d.state === 'published' && d.reason))
    text = fillWords(words.failed, {
      ...values,
      reason: clean(d.reason ?? '') || words.noReason,
    });
  else if (d.state === 'published') text = fillWords(words.published, values);
  else return null;
  return {
    title: 'Channel Desk',
    body: finish(text),
    storyId: notice.storyId,
    tag: `delivery:${notice.updateId}`,
  };
}

/** Unread mentions in `inbox` not seen before; adds every item's id to `seen`. */
export function newMentions(seen: Set<string>, inbox: Pick<Inbox, 'items'>): InboxItem[] {
  const fresh = inbox.items.filter((item) => item.unread && !seen.has(item.id));
  for (const item of inbox.items) seen.add(item.id);
  return fresh;
}

export interface MentionWatcherOptions {
  /** The first page of my inbox (throws while the hub cannot be reached). */
  fetchInbox: () => Promise<Pick<Inbox, 'items'>>;
  onMention: (item: InboxItem) => void;
}

/**
 * Asks the hub for mentions of me now and then (the hub does not push comments). The first
 * answer only records what is already there: starting the app does not replay old mentions.
 */
export function createMentionWatcher(options: MentionWatcherOptions) {
  const seen = new Set<string>();
  let primed = false;
  let running = false;
  return {
    /** One look at the inbox; failures (offline, signed out) wait for the next look. */
    async check(): Promise<void> {
      if (running) return;
      running = true;
      try {
        const inbox = await options.fetchInbox();
        const fresh = newMentions(seen, inbox);
        if (primed) for (const item of fresh) options.onMention(item);
        primed = true;
      } catch {
        // The inbox needs the hub; the next look tries again.
      } finally {
        running = false;
      }
    },
  };
}
