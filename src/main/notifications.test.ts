import { describe, expect, it, vi } from 'vitest';
import type { DeliveryNotice, InboxItem } from '../shared/contract';
import { SHELL_WORDS } from './menu-labels';
import {
  createMentionWatcher,
  newMentions,
  notificationFor,
  plainNotificationText,
} from './notifications';

const words = SHELL_WORDS.en.notice;
const away = { windowFocused: false, platform: 'win32' as const };

function notice(delivery: Partial<DeliveryNotice['delivery']>, title = 'Line A closed') {
  return {
    updateId: 'u1',
    storyId: 's1',
    channelId: 'c1',
    title,
    delivery: {
      state: 'published',
      at: '2026-11-21T10:00:00.000Z',
      publishedAt: null,
      url: null,
      reason: null,
      attempts: 1,
      editableUntil: null,
      deletableUntil: null,
      retainedUntil: null,
      task: null,
      ...delivery,
    },
  } as DeliveryNotice;
}

function mention(id: string, unread = true, extra: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    storyId: `story-${id}`,
    author: { id: 'p', name: 'Paola' },
    body: 'can you check the time?',
    mentions: [],
    at: '2026-11-21T10:00:00.000Z',
    storyTitle: 'Metro strike',
    unread,
    ...extra,
  };
}

const delivery = (n: DeliveryNotice, channelName = 'Rome Mobility') =>
  ({ kind: 'delivery', notice: n, channelName }) as const;

describe('notificationFor', () => {
  it('announces published, failed and due copies, opening their story', () => {
    expect(notificationFor(delivery(notice({})), words, away)).toEqual({
      title: 'Channel Desk',
      body: 'Published on Rome Mobility: Line A closed',
      storyId: 's1',
      tag: 'delivery:u1',
    });
    expect(
      notificationFor(delivery(notice({ state: 'failed', reason: 'bot blocked' })), words, away)
        ?.body,
    ).toBe('Failed on Rome Mobility: bot blocked');
    expect(notificationFor(delivery(notice({ state: 'failed' })), words, away)?.body).toBe(
      'Failed on Rome Mobility: no reason given',
    );
    expect(
      notificationFor(delivery(notice({ state: 'due', task: 'post' })), words, away)?.body,
    ).toBe('Time to post on Rome Mobility: Line A closed');
    expect(notificationFor(delivery(notice({}, '  ')), words, away)?.body).toBe(
      'Published on Rome Mobility: Untitled update',
    );
  });

  it('stays quiet for in-between states, and while the window is in front', () => {
    expect(notificationFor(delivery(notice({ state: 'publishing' })), words, away)).toBeNull();
    expect(notificationFor(delivery(notice({ state: 'withdrawn' })), words, away)).toBeNull();
    expect(
      notificationFor(delivery(notice({})), words, { ...away, windowFocused: true }),
    ).toBeNull();
  });

  it('announces an unread mention with who, where and what', () => {
    expect(notificationFor({ kind: 'mentioned', item: mention('m1') }, words, away)).toEqual({
      title: 'Channel Desk',
      body: 'Paola mentioned you on “Metro strike”: can you check the time?',
      storyId: 'story-m1',
      tag: 'mention:m1',
    });
    expect(
      notificationFor({ kind: 'mentioned', item: mention('m2', false) }, words, away),
    ).toBeNull();
  });

  it('speaks the language it is given', () => {
    expect(notificationFor(delivery(notice({})), SHELL_WORDS.it.notice, away)?.body).toBe(
      'Pubblicato su Rome Mobility: Line A closed',
    );
  });

  it('keeps untrusted titles, names and comments as plain text on every platform', () => {
    const evil = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>';
    const linux = notificationFor(delivery(notice({}, evil), '<b>chan</b>'), words, {
      windowFocused: false,
      platform: 'linux',
    });
    expect(linux?.body).not.toMatch(/[<>]/);
    expect(linux?.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(linux?.body).toContain('&lt;b&gt;chan&lt;/b&gt;');
    const mac = notificationFor(
      { kind: 'mentioned', item: mention('m3', true, { body: 'a\u202Egnp.exe\nline\u0007two' }) },
      words,
      { windowFocused: false, platform: 'darwin' },
    );
    expect(mac?.body).toBe('Paola mentioned you on “Metro strike”: a gnp.exe line two');
  });
});

describe('plainNotificationText', () => {
  it('cuts long text with an ellipsis, never inside a surrogate pair', () => {
    const text = plainNotificationText('😀'.repeat(300), 'win32', 10);
    expect([...text]).toHaveLength(10);
    expect(text.endsWith('😀…')).toBe(true);
  });

  it('escapes ampersands before angle brackets on Linux only', () => {
    expect(plainNotificationText('a & <b>', 'linux')).toBe('a &amp; &lt;b&gt;');
    expect(plainNotificationText('a & <b>', 'win32')).toBe('a & <b>');
  });
});

describe('mentions', () => {
  it('newMentions gives unread items not seen before', () => {
    const seen = new Set<string>();
    expect(
      newMentions(seen, { items: [mention('1'), mention('2', false)] }).map((m) => m.id),
    ).toEqual(['1']);
    expect(
      newMentions(seen, { items: [mention('3'), mention('1'), mention('2')] }).map((m) => m.id),
    ).toEqual(['3']);
  });

  it('the watcher does not replay what was there at start, then reports each new one once', async () => {
    let items = [mention('old')];
    const onMention = vi.fn();
    const watcher = createMentionWatcher({ fetchInbox: async () => ({ items }), onMention });
    await watcher.check();
    expect(onMention).not.toHaveBeenCalled();
    items = [mention('new'), mention('old')];
    await watcher.check();
    await watcher.check();
    expect(onMention.mock.calls.map(([m]) => (m as InboxItem).id)).toEqual(['new']);
  });

  it('the watcher shrugs off a hub that cannot be reached', async () => {
    const onMention = vi.fn();
    let fail = true;
    const watcher = createMentionWatcher({
      fetchInbox: async () => {
        if (fail) throw new Error('offline');
        return { items: [mention('a')] };
      },
      onMention,
    });
    await expect(watcher.check()).resolves.toBeUndefined();
    fail = false;
    await watcher.check();
    expect(onMention).not.toHaveBeenCalled();
  });
});
