import { describe, expect, it } from 'vitest';
import type { DeliveryNotice } from '../../../../shared/contract';
import type { Delivery } from '../../../../shared/sync/protocol';
import { noticeView } from './notice-words';
import { tEn, tFr, tIt } from './test-i18n';

const notice = (d: Partial<Delivery>, title = 'Line A closed'): DeliveryNotice => ({
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
});

describe('noticeView', () => {
  it('says what happened, on which channel, to which update', () => {
    expect(noticeView(notice({}), 'Rome Mobility', tEn)).toEqual({
      text: 'Published on Rome Mobility: Line A closed',
      tone: 'ok',
    });
    expect(noticeView(notice({ state: 'withdrawn' }), 'Rome Mobility', tEn).text).toBe(
      'Withdrawn from Rome Mobility: Line A closed',
    );
  });

  it('gives a failure’s reason, and says when the hub gave none', () => {
    expect(
      noticeView(notice({ state: 'failed', reason: 'the bot is not an admin' }), 'Sport', tEn),
    ).toEqual({ text: 'Failed on Sport: the bot is not an admin', tone: 'error' });
    expect(noticeView(notice({ state: 'failed' }), 'Sport', tIt).text).toBe(
      'Non riuscito su Sport: nessun motivo indicato',
    );
    // A correction that did not reach the platform leaves the copy published, with a reason.
    expect(noticeView(notice({ reason: 'message to edit not found' }), 'Sport', tEn).tone).toBe(
      'error',
    );
  });

  it('calls a person to WhatsApp for a post, a correction or a deletion', () => {
    expect(noticeView(notice({ state: 'due', task: 'post' }), 'Roma', tEn)).toEqual({
      text: 'Time to post on WhatsApp — Roma: Line A closed',
      tone: 'task',
    });
    expect(noticeView(notice({ task: 'edit' }), 'Roma', tEn).text).toBe(
      'Correct the post on WhatsApp — Roma: Line A closed',
    );
    expect(noticeView(notice({ task: 'delete' }), 'Roma', tFr).text).toBe(
      'Supprimez le message sur WhatsApp — Roma : Line A closed',
    );
  });

  it('names an untitled update as the lists do', () => {
    expect(noticeView(notice({}, '  '), 'Roma', tEn).text).toBe('Published on Roma: (untitled)');
  });
});
