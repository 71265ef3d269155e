import { describe, expect, it } from 'vitest';
import type { Story, Update } from '../../../../shared/domain';
import { isBlankStory } from './story-blank';

const copy = (u: Partial<Update> = {}): Update => ({
  id: 'u1xxxx',
  storyId: 's1xxxx',
  channelId: 'c1xxxx',
  customized: false,
  schedule: { kind: 'none' },
  status: 'draft',
  syncState: 'local',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  text: '',
  attachments: [],
  poll: null,
  ...u,
});
const story = (shared: Partial<Story['shared']> = {}, copies = [copy()]): Story => ({
  storyId: 's1xxxx',
  shared: { text: '', attachments: [], poll: null, ...shared },
  copies,
});

describe('isBlankStory', () => {
  it('is true only for an untouched story', () => {
    expect(isBlankStory(story({ text: '  \n' }))).toBe(true);
    expect(isBlankStory(story({ text: 'x' }))).toBe(false);
    expect(
      isBlankStory(
        story({
          poll: {
            question: 'q',
            options: ['a', 'b'],
            multipleAnswers: false,
            quizCorrectOption: null,
          },
        }),
      ),
    ).toBe(false);
    expect(isBlankStory(story({}, [copy({ customized: true, text: 'only here' })]))).toBe(false);
    expect(
      isBlankStory(
        story({}, [
          copy({ schedule: { kind: 'at', at: '2030-01-01T09:00:00.000Z', mode: 'exact' } }),
        ]),
      ),
    ).toBe(false);
  });
});
