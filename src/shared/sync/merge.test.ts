// Field-level three-way merge of records: what changed, who wins, what is kept, what is stale.
import { describe, expect, it } from 'vitest';
import type { MergeOptions } from './merge';
import { changedFields, mergeChange, sameJson, staleWorkflowReason } from './merge';
import type { ChannelDoc, UpdateDoc } from './protocol';

const ANA = { id: 'user-ana', name: 'Ana' };
const BEN = { id: 'user-ben', name: 'Ben' };
const NOW = '2030-01-01T12:00:00.000Z';
const OPTS: MergeOptions = {
  incomingBy: BEN,
  currentBy: ANA,
  onTextConflict: 'conflict-copy',
  now: NOW,
};

const update = (over: Partial<UpdateDoc> = {}): UpdateDoc => ({
  id: 'update-1',
  storyId: 'story-1',
  channelId: 'channel-1',
  customized: false,
  schedule: { kind: 'none' },
  status: 'draft',
  createdAt: '2030-01-01T09:00:00.000Z',
  updatedAt: '2030-01-01T09:00:00.000Z',
  deletedAt: null,
  text: 'The council meets on Monday.',
  attachments: [],
  poll: null,
  shared: null,
  ...over,
});

const channel: ChannelDoc = {
  id: 'channel-1',
  name: 'News',
  platform: 'telegram',
  timeZone: 'Europe/Rome',
  language: 'it',
  description: '',
  slots: [],
  archived: false,
  createdAt: '2030-01-01T09:00:00.000Z',
  updatedAt: '2030-01-01T09:00:00.000Z',
};

const SCHEDULED: Partial<UpdateDoc> = {
  status: 'scheduled',
  schedule: { kind: 'at', at: '2030-01-02T08:00:00.000Z', mode: 'exact' },
};

describe('sameJson', () => {
  it('compares JSON values deeply, ignoring key order and undefined keys', () => {
    expect(sameJson({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});

describe('changedFields', () => {
  it('names every field of a creation, "deleted" for a deletion, and what an edit changed', () => {
    expect(changedFields('channel', null, channel)).toEqual([
      'name',
      'platform',
      'timeZone',
      'language',
      'description',
      'slots',
      'archived',
    ]);
    expect(changedFields('update', update(), null)).toEqual(['deleted']);
    expect(changedFields('update', null, null)).toEqual([]);
    const edited = update({ text: 'x', ...SCHEDULED, updatedAt: NOW });
    expect(changedFields('update', update(), edited)).toEqual(['schedule', 'status', 'text']);
  });
});

describe('mergeChange', () => {
  it('deletes, creates, and applies a change to an unchanged record as sent', () => {
    expect(mergeChange('update', update(), null, update(), OPTS)).toMatchObject({
      doc: null,
      fields: ['deleted'],
    });
    expect(mergeChange('update', null, update(), null, OPTS)).toMatchObject({
      doc: update(),
      outcome: 'applied',
    });
    const after = update({ text: 'New text.', updatedAt: NOW });
    expect(mergeChange('update', update(), after, update(), OPTS)).toEqual({
      doc: after,
      outcome: 'applied',
      fields: ['text'],
      overwrote: [],
    });
  });

  it('treats a creation meeting an existing record as a change from it', () => {
    const current = update({ text: 'Hub text.', deletedAt: NOW });
    const result = mergeChange('update', null, update(), current, OPTS);
    expect(result.doc).toMatchObject({ text: update().text, deletedAt: null });
    expect(result.fields).toEqual(['deletedAt', 'text']);
    expect(mergeChange('update', null, current, current, OPTS).fields).toEqual([]);
  });

  it('lets the last writer win on short fields and reports what it replaced', () => {
    const poll = (question: string) => ({
      question,
      options: ['Yes', 'No'],
      multipleAnswers: false,
      quizCorrectOption: null,
    });
    const current = update({ poll: poll('Hers?') });
    const result = mergeChange('update', update(), update({ poll: poll('His?') }), current, OPTS);
    expect(result.doc).toMatchObject({ poll: poll('His?') });
    expect(result.overwrote).toEqual([{ field: 'poll', value: poll('Hers?') }]);
    // Where theirs equals mine already, nothing was overwritten.
    const same = mergeChange('update', update(), current, current, OPTS);
    expect(same.overwrote).toEqual([]);
  });

  it('merges text changed on both sides in different words', () => {
    const current = update({ text: 'The council meets on Tuesday.' });
    const mine = update({ text: 'The city council meets on Monday.' });
    const result = mergeChange('update', update(), mine, current, OPTS);
    expect(result).toMatchObject({ outcome: 'merged', overwrote: [] });
    expect((result.doc as UpdateDoc).text).toBe('The city council meets on Tuesday.');
  });

  it('keeps the current text and records both when text does not merge', () => {
    const current = update({ text: 'The council meets on Tuesday.' });
    const mine = update({ text: 'The council meets on Friday.' });
    const result = mergeChange('update', update(), mine, current, OPTS);
    expect(result.outcome).toBe('conflict');
    expect(result.doc).toMatchObject({
      text: 'The council meets on Tuesday.',
      conflict: {
        field: 'text',
        base: 'The council meets on Monday.',
        kept: { text: 'The council meets on Tuesday.', by: ANA },
        incoming: { text: 'The council meets on Friday.', by: BEN },
        at: NOW,
      },
    });
    // The desk replaying its own pending edit keeps its text instead.
    const replay = mergeChange('update', update(), mine, current, {
      ...OPTS,
      onTextConflict: 'incoming',
    });
    expect(replay).toMatchObject({ outcome: 'applied', doc: { text: mine.text } });
  });

  it('never drops a pending conflict or a second text silently', () => {
    const earlier = mergeChange(
      'update',
      update(),
      update({ text: 'The council meets on Friday.' }),
      update({ text: 'The council meets on Tuesday.' }),
      OPTS,
    ).doc as UpdateDoc;
    const shared = (text: string) => ({ text, attachments: [], poll: null });
    const base = update({ customized: true, shared: shared('Shared on Monday.') });
    const current = {
      ...base,
      text: 'The council meets on Sunday.',
      shared: shared('Shared on Tuesday.'),
      conflict: earlier.conflict,
    };
    const mine = {
      ...base,
      text: 'The council meets on Saturday.',
      shared: shared('Shared on Friday.'),
    };
    const result = mergeChange('update', base, mine, current, OPTS);
    const doc = result.doc as UpdateDoc;
    expect(doc.conflict).toMatchObject({ field: 'text', incoming: { text: mine.text } });
    expect(doc.text).toBe(current.text);
    // The second text that did not merge takes the incoming text; the replaced one is reported.
    expect(doc.shared?.text).toBe('Shared on Friday.');
    expect(result.overwrote).toEqual([
      { field: 'shared.text', value: 'Shared on Tuesday.' },
      { field: 'conflict', value: earlier.conflict },
    ]);
  });

  it('merges a customised copy’s shared fields one by one', () => {
    const shared = { text: 'Shared text here.', attachments: [], poll: null };
    const base = update({ customized: true, shared });
    const current = { ...base, shared: { ...shared, text: 'Shared text there.' } };
    const mine = { ...base, shared: { ...shared, text: 'Better shared text here.' } };
    const result = mergeChange('update', base, mine, current, OPTS);
    expect(result).toMatchObject({ outcome: 'merged' });
    expect((result.doc as UpdateDoc).shared?.text).toBe('Better shared text there.');
  });

  it('keeps the later updatedAt, comparing instants rather than strings', () => {
    const current = update({ text: 'x', updatedAt: '2030-01-01T09:30:00Z' });
    const mine = update({ poll: null, updatedAt: '2030-01-01T11:00:00+02:00' });
    const result = mergeChange('update', update(), { ...mine, text: 'y' }, current, OPTS);
    expect((result.doc as UpdateDoc).updatedAt).toBe('2030-01-01T09:30:00Z');
  });

  it('merges channels field by field', () => {
    const current = { ...channel, description: 'Theirs' };
    const result = mergeChange('channel', channel, { ...channel, name: 'Mine' }, current, OPTS);
    expect(result.doc).toMatchObject({ name: 'Mine', description: 'Theirs' });
    expect(result.fields).toEqual(['name']);
  });
});

describe('staleWorkflowReason', () => {
  const scheduled = update(SCHEDULED);

  it('lets a step go ahead on a record that did not change, or that is not a workflow step', () => {
    expect(staleWorkflowReason('update', update(), scheduled, update(), 'Ana')).toBeNull();
    const edited = update({ text: 'Edited.' });
    expect(staleWorkflowReason('update', update(), edited, update({ text: 'x' }), 'Ana')).toBe(
      null,
    );
    expect(staleWorkflowReason('channel', channel, channel, channel, 'Ana')).toBeNull();
    expect(staleWorkflowReason('update', null, scheduled, update(), 'Ana')).toBeNull();
  });

  it('refuses a step when the schedule or the content changed meanwhile', () => {
    const rescheduled = update({
      status: 'scheduled',
      schedule: { kind: 'at', at: '2030-01-05T08:00:00.000Z', mode: 'queue' },
    });
    expect(staleWorkflowReason('update', update(), scheduled, rescheduled, 'Ana')).toMatch(
      /^Ana changed this copy's schedule on the hub first/,
    );
    expect(
      staleWorkflowReason('update', update(), scheduled, update({ text: 'Changed.' }), 'Ana'),
    ).toMatch(/^Ana changed this copy's content/);
    // The same step taken twice is not stale.
    expect(staleWorkflowReason('update', update(), scheduled, scheduled, 'Ana')).toBeNull();
  });
});
