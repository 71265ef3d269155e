import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('shows the words a correction replaced', () => {
    expect(wordDiff('The bridge opens at noon.', 'The bridge opens at 13:00.')).toEqual([
      { kind: 'same', text: 'The bridge opens at ' },
      { kind: 'removed', text: 'noon.' },
      { kind: 'added', text: '13:00.' },
    ]);
  });

  it('keeps added and removed words apart, and the same text whole', () => {
    expect(wordDiff('Roads closed today', 'Roads closed today')).toEqual([
      { kind: 'same', text: 'Roads closed today' },
    ]);
    expect(wordDiff('Roads closed', 'All roads closed again')).toEqual([
      { kind: 'removed', text: 'Roads ' },
      { kind: 'added', text: 'All roads ' },
      { kind: 'same', text: 'closed ' },
      { kind: 'added', text: 'again' },
    ]);
    expect(wordDiff('', 'New')).toEqual([{ kind: 'added', text: 'New' }]);
  });
});
