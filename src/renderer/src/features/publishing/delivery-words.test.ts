import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../../shared/sync/protocol';
import {
  OVERDUE_AFTER_MS,
  badgeState,
  badgeWords,
  canRetry,
  isOverdue,
  taskWords,
} from './delivery-words';
import { tEn, tFr, tIt } from './test-i18n';

const DUE_AT = '2026-06-12T08:00:00.000Z';
const dueMs = Date.parse(DUE_AT);
const delivery = (d: Partial<Delivery> = {}): Delivery => ({
  state: 'due',
  at: DUE_AT,
  publishedAt: null,
  url: null,
  reason: null,
  attempts: 1,
  editableUntil: null,
  deletableUntil: null,
  retainedUntil: null,
  corrections: 0,
  task: 'post',
  ...d,
});

describe('the overdue rule', () => {
  it('turns a due post overdue only once it has waited more than ten minutes', () => {
    const d = delivery();
    expect(isOverdue(d, dueMs)).toBe(false);
    expect(isOverdue(d, dueMs + OVERDUE_AFTER_MS)).toBe(false);
    expect(isOverdue(d, dueMs + OVERDUE_AFTER_MS + 1)).toBe(true);
    expect(badgeState(d, dueMs + 9 * 60_000)).toBe('due');
    expect(badgeState(d, dueMs + 11 * 60_000)).toBe('overdue');
  });

  it('never marks other states overdue, however old', () => {
    for (const state of ['publishing', 'published', 'failed', 'withdrawn'] as const) {
      expect(badgeState(delivery({ state, task: null }), dueMs + 86_400_000)).toBe(state);
    }
  });

  it('does not call an unreadable time overdue', () => {
    expect(isOverdue(delivery({ at: 'not a time' }), dueMs + 86_400_000)).toBe(false);
  });
});

describe('badgeWords', () => {
  it('labels each state, and explains a failure with the hub’s reason', () => {
    const labels = (
      ['publishing', 'published', 'failed', 'due', 'overdue', 'withdrawn'] as const
    ).map((s) => badgeWords(delivery({ task: null }), s, tEn).label);
    expect(labels).toEqual([
      'Publishing…',
      'Published',
      'Failed',
      'Due on WhatsApp',
      'Overdue',
      'Withdrawn',
    ]);
    expect(badgeWords(delivery({ reason: 'bot is not an admin' }), 'failed', tEn).hint).toBe(
      'Publishing failed: bot is not an admin',
    );
  });

  it('says when a published WhatsApp post waits for a correction or a deletion by hand', () => {
    expect(badgeWords(delivery({ state: 'published', task: 'edit' }), 'published', tEn).label).toBe(
      'Correction due on WhatsApp',
    );
    expect(
      badgeWords(delivery({ state: 'published', task: 'delete' }), 'published', tIt).label,
    ).toBe('Eliminazione da fare su WhatsApp');
  });

  it('shows a retrying post’s reason while it is still publishing', () => {
    const d = delivery({ state: 'publishing', task: null, reason: 'Attempt 1 failed (timeout)' });
    expect(badgeWords(d, 'publishing', tEn).hint).toBe('Attempt 1 failed (timeout)');
  });
});

describe('taskWords', () => {
  it('names what a person must do on WhatsApp and the button that records it', () => {
    expect(taskWords('post', tEn)).toMatchObject({
      title: 'Time to post on WhatsApp',
      confirm: 'Mark as posted',
    });
    expect(taskWords('edit', tEn)).toMatchObject({
      title: 'Correct the post on WhatsApp',
      confirm: 'Mark as corrected',
    });
    expect(taskWords('delete', tFr)).toMatchObject({
      title: 'Supprimer le message sur WhatsApp',
      confirm: 'Marquer comme supprimé',
    });
  });
});

describe('canRetry', () => {
  it('offers a retry for a failed post and for a correction that did not reach the platform', () => {
    expect(canRetry(delivery({ state: 'failed', task: null }))).toBe(true);
    expect(
      canRetry(
        delivery({ state: 'published', task: null, reason: 'The correction did not reach…' }),
      ),
    ).toBe(true);
  });

  it('offers none while all is well or a person has the task', () => {
    expect(canRetry(delivery({ state: 'published', task: null }))).toBe(false);
    expect(canRetry(delivery({ state: 'published', task: 'edit', reason: 'x' }))).toBe(false);
    expect(canRetry(delivery())).toBe(false);
    expect(canRetry(delivery({ state: 'withdrawn', task: null }))).toBe(false);
  });
});
