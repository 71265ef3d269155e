// A notice's words with every injection payload as the channel's name, the update's title and
// the failure's reason: the payload is carried as the same characters (React and the desktop
// notification show it as text), never escaped into entities or dropped.
import { describe, expect, it } from 'vitest';
import type { DeliveryNotice } from '../../../../shared/contract';
import type { Delivery } from '../../../../shared/sync/protocol';
import { INJECTION_PAYLOADS } from '../../../../../tests/support/injection-corpus';
import { noticeView } from './notice-words';
import { tEn, tIt } from './test-i18n';

function notice(title: string, d: Partial<Delivery>): DeliveryNotice {
  return {
    updateId: 'u1',
    storyId: 's1',
    channelId: 'c1',
    title,
    delivery: {
      state: 'published',
      at: '2026-06-12T08:00:00.000Z',
      publishedAt: '2026-06-12T08:00:00.000Z',
      url: null,
      reason: null,
      attempts: 1,
      editableUntil: null,
      deletableUntil: null,
      retainedUntil: null,
      corrections: 0,
      task: null,
      ...d,
    },
  };
}

describe('untrusted text in delivery notices', () => {
  it.each(INJECTION_PAYLOADS.map((p) => [p.name, p.text] as const))('%s', (_, text) => {
    for (const t of [tEn, tIt]) {
      const published = noticeView(notice(text, {}), text, t).text;
      // The channel's name as given, the title trimmed (as every title is).
      expect(published).toContain(text);
      expect(published).toContain(text.trim());
      expect(published).not.toMatch(
        /&(?:lt|gt|amp|quot);/.test(text) ? /^$/ : /&(?:lt|gt|amp|quot);/,
      );
      const failed = noticeView(notice('x', { state: 'failed', reason: text }), text, t).text;
      expect(failed.indexOf(text)).not.toBe(failed.lastIndexOf(text));
    }
  });
});
