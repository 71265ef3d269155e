import { describe, expect, it } from 'vitest';
import type { Channel, Story, Update } from '../../../../shared/domain';
import { inQuietHours, initialChoices } from './breaking-choices';

const channel = (id: string, extra: Partial<Channel> = {}): Channel => ({
  id,
  name: id,
  platform: 'telegram',
  timeZone: 'Europe/Rome',
  language: 'it',
  description: '',
  slots: [],
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});
const copy = (channelId: string, extra: Partial<Update> = {}): Update => ({
  id: `u-${channelId}`,
  storyId: 's',
  channelId,
  text: 'x',
  attachments: [],
  poll: null,
  customized: false,
  schedule: { kind: 'none' },
  status: 'draft',
  syncState: 'local',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  ...extra,
});
const quiet = (from: string, to: string) => ({
  workflow: {
    approvalRequired: false,
    quietHours: { from, to },
    loudPerHour: null,
    loudPerDay: null,
    tags: [],
  },
});

describe('inQuietHours', () => {
  it('handles hours within a day and across midnight, end excluded', () => {
    expect(inQuietHours('13:00', '12:00', '14:00')).toBe(true);
    expect(inQuietHours('14:00', '12:00', '14:00')).toBe(false);
    expect(inQuietHours('23:30', '22:00', '07:00')).toBe(true);
    expect(inQuietHours('06:59', '22:00', '07:00')).toBe(true);
    expect(inQuietHours('07:00', '22:00', '07:00')).toBe(false);
    expect(inQuietHours('07:00', '07:00', '07:00')).toBe(false);
  });
});

describe('initialChoices', () => {
  it('ticks the story’s channels, keeps silent copies silent and silences channels in quiet hours', () => {
    const story: Story = {
      storyId: 's',
      shared: { text: 'x', attachments: [], poll: null },
      copies: [
        copy('a'),
        copy('b', { silent: true }),
        copy('gone', { deletedAt: '2026-01-02T00:00:00.000Z' }),
      ],
    };
    // 23:30 in Rome (CET): the night channel is in its quiet hours.
    const now = new Date('2026-03-04T22:30:00.000Z');
    const choices = initialChoices(
      story,
      [
        channel('a'),
        channel('b'),
        channel('night', quiet('22:00', '07:00')),
        channel('gone'),
        channel('old', { archived: true }),
      ],
      now,
    );
    expect(choices).toEqual([
      { channelId: 'a', chosen: true, silent: false, quietNow: false },
      { channelId: 'b', chosen: true, silent: true, quietNow: false },
      { channelId: 'night', chosen: false, silent: true, quietNow: true },
      { channelId: 'gone', chosen: false, silent: false, quietNow: false },
    ]);
  });
});
