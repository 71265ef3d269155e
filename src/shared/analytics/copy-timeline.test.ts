// A copy's timeline from the hub's history (mutation names as the hub writes them) and offline.
import { describe, expect, it } from 'vitest';
import { post } from './analytics-test-data';
import type { TimelineHistoryEntry } from './copy-timeline';
import { timelineFromCopy, timelineFromHistory } from './copy-timeline';

const ANNA = { id: 'u-anna', name: 'Anna' };
const HUB = { id: '', name: 'Hub' };
const NOW_MS = Date.parse('2026-07-01T00:00:00Z');

function entry(
  version: number,
  mutation: string,
  at: string,
  fields: string[] = ['text'],
  outcome: TimelineHistoryEntry['outcome'] = 'applied',
): TimelineHistoryEntry {
  const by = mutation.startsWith('hub:') ? HUB : ANNA;
  return { version, by, at, mutation, outcome, fields };
}

const published = () =>
  post('u1', '2026-05-01T10:00:00.000Z', {
    review: { state: 'approved', by: ANNA, at: '2026-04-30T09:00:00.000Z', note: null },
  });

describe('copy timeline from the hub history', () => {
  it('names each step, in time order, with who took it', () => {
    const copy = published();
    copy.delivery!.retainedUntil = '2026-05-31T10:00:00.000Z';
    // Given newest first, as the hub answers, with steps that are no step mixed in.
    const history = [
      entry(9, 'hub:engagement-telegram', '2026-05-02T10:00:00.000Z', ['engagement']),
      entry(8, 'hub:corrected', '2026-05-01T12:00:00.000Z', ['delivery']),
      entry(7, 'hub:published', '2026-05-01T10:00:01.000Z', ['delivery']),
      entry(6, 'hub:publishing', '2026-05-01T10:00:00.000Z', ['delivery']),
      entry(5, 'scheduleCopy', '2026-04-30T10:00:00.000Z', ['schedule', 'status']),
      entry(4, 'reviewStory', '2026-04-30T09:00:00.000Z', ['review']),
      entry(3, 'reviewStory', '2026-04-29T09:00:00.000Z', ['review']),
      entry(2, 'submitStory', '2026-04-28T09:00:00.000Z', ['review']),
      entry(1, 'editCopy', '2026-04-27T09:30:00.000Z', ['text']),
      entry(0, 'createStory', '2026-04-27T09:00:00.000Z', ['text', 'schedule']),
    ];
    const timeline = timelineFromHistory(copy, history, NOW_MS);
    expect(timeline.fromHistory).toBe(true);
    expect(timeline.steps.map((s) => s.kind)).toEqual([
      'created',
      'submitted',
      'reviewed',
      'approved',
      'scheduled',
      'publishing',
      'published',
      'corrected',
      'expired',
    ]);
    expect(timeline.steps[1]).toEqual({
      kind: 'submitted',
      at: '2026-04-28T09:00:00.000Z',
      by: ANNA,
      byHub: false,
    });
    expect(timeline.steps[6]).toMatchObject({ kind: 'published', by: null, byHub: true });
    expect(timeline.steps[8]).toEqual({
      kind: 'expired',
      at: '2026-05-31T10:00:00.000Z',
      by: null,
      byHub: false,
    });
  });

  it('reads the last review as changes asked, leaves out refused changes and unscheduling moves', () => {
    const copy = post('u1', null, {
      delivery: null,
      review: { state: 'changes_requested', by: ANNA, at: '2026-04-29T09:00:00Z', note: 'x' },
    });
    const history = [
      entry(1, 'setStoryChannels', '2026-04-27T09:00:00.000Z', ['text']),
      entry(2, 'reviewStory', '2026-04-29T09:00:00.000Z', ['review']),
      entry(3, 'scheduleCopy', '2026-04-29T10:00:00.000Z', ['text'], 'refused'),
      entry(4, 'reorderQueue', '2026-04-29T11:00:00.000Z', ['schedule']),
      entry(5, 'hub:failed', '2026-04-29T12:00:00.000Z', ['delivery']),
      entry(6, 'hub:held', '2026-04-29T13:00:00.000Z', ['delivery']),
      entry(7, 'setEmbargo', '2026-04-29T14:00:00.000Z', ['embargoUntil']),
      entry(8, 'hub:confirmed', '2026-04-29T14:30:00.000Z', ['delivery']),
      entry(9, 'hub:withdrawn', '2026-04-29T15:00:00.000Z', ['delivery']),
    ];
    expect(timelineFromHistory(copy, history, NOW_MS).steps.map((s) => s.kind)).toEqual([
      'created',
      'changes_requested',
      'failed',
      'failed',
      'embargoed',
      'published',
      'withdrawn',
    ]);
  });

  it('does not call a post expired before the platform forgets it', () => {
    const copy = published();
    copy.delivery!.retainedUntil = '2026-08-01T00:00:00.000Z';
    const history = [entry(1, 'createStory', '2026-04-27T09:00:00.000Z')];
    expect(timelineFromHistory(copy, history, NOW_MS).steps.map((s) => s.kind)).toEqual([
      'created',
    ]);
  });
});

describe('copy timeline offline', () => {
  it('tells what the copy knows: creation, review, publication, corrections, state, expiry', () => {
    const copy = published();
    copy.delivery!.state = 'withdrawn';
    copy.delivery!.at = '2026-05-03T10:00:00.000Z';
    copy.delivery!.corrections = 2;
    copy.delivery!.retainedUntil = '2026-05-31T10:00:00.000Z';
    const timeline = timelineFromCopy(copy, NOW_MS);
    expect(timeline.fromHistory).toBe(false);
    expect(timeline.steps.map((s) => [s.kind, s.at])).toEqual([
      ['created', '2026-01-01T00:00:00.000Z'],
      ['approved', '2026-04-30T09:00:00.000Z'],
      ['published', '2026-05-01T10:00:00.000Z'],
      ['withdrawn', '2026-05-03T10:00:00.000Z'],
      ['expired', '2026-05-31T10:00:00.000Z'],
      ['corrected', null],
      ['corrected', null],
    ]);
  });

  it('shows a draft as created only, and a submitted one as submitted', () => {
    const draft = post('u1', null, { delivery: null });
    expect(timelineFromCopy(draft, NOW_MS).steps.map((s) => s.kind)).toEqual(['created']);
    const submitted = post('u1', null, {
      delivery: null,
      review: { state: 'in_review', by: ANNA, at: '2026-04-29T09:00:00Z', note: null },
    });
    expect(timelineFromCopy(submitted, NOW_MS).steps.map((s) => s.kind)).toEqual([
      'created',
      'submitted',
    ]);
  });
});
