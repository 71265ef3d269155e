// Three-way text merge: what merges, what conflicts, that disjoint edits always merge exactly, and
// that long texts merge fast (the old LCS took 80 s for 4,000 words).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EDIT_TOKENS, mergeText } from './text-merge';

const BASE = 'The council meets on Monday to vote on the new bridge.';

describe('mergeText', () => {
  it('takes the only side that changed, or the change both made', () => {
    const mine = BASE.replace('Monday', 'Tuesday');
    expect(mergeText(BASE, mine, BASE)).toEqual({ clean: true, text: mine });
    expect(mergeText(BASE, BASE, mine)).toEqual({ clean: true, text: mine });
    expect(mergeText(BASE, mine, mine)).toEqual({ clean: true, text: mine });
  });

  it('merges changes to different words, punctuation and whitespace', () => {
    const mine = BASE.replace('Monday', 'Tuesday');
    const theirs = BASE.replace('new bridge.', 'old bridge!');
    expect(mergeText(BASE, mine, theirs)).toEqual({
      clean: true,
      text: 'The council meets on Tuesday to vote on the old bridge!',
    });
    const spaced = BASE.replace('The council', 'The  council');
    expect(mergeText(BASE, spaced, theirs)).toEqual({
      clean: true,
      text: 'The  council meets on Monday to vote on the old bridge!',
    });
  });

  it('merges an insertion at the start with one at the end', () => {
    expect(mergeText(BASE, `Breaking: ${BASE}`, `${BASE} More soon.`)).toEqual({
      clean: true,
      text: `Breaking: ${BASE} More soon.`,
    });
  });

  it('makes the same change once and two different changes to one word a conflict', () => {
    const tuesday = BASE.replace('Monday', 'Tuesday');
    const both = mergeText(BASE, tuesday + ' Yes.', tuesday);
    expect(both).toEqual({ clean: true, text: tuesday + ' Yes.' });
    expect(mergeText(BASE, tuesday, BASE.replace('Monday', 'Friday'))).toEqual({ clean: false });
    expect(mergeText(BASE, `${BASE} A.`, `${BASE} B.`)).toEqual({ clean: false });
    // A deletion meeting an edit inside what it deleted.
    expect(mergeText(BASE, 'The council meets.', tuesday)).toEqual({ clean: false });
  });

  it('treats letters of every script and emoji as words', () => {
    const base = 'Città di Perù 🎉 oggi';
    expect(mergeText(base, 'Città di Lima 🎉 oggi', 'Città di Perù 🎉 domani')).toEqual({
      clean: true,
      text: 'Città di Lima 🎉 domani',
    });
  });

  it('is symmetric', () => {
    const word = fc.constantFrom('a', 'b', 'c', ' ', ',', 'dd', '\n');
    const text = fc.array(word, { maxLength: 14 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, text, (o, a, b) => {
        expect(mergeText(o, a, b)).toEqual(mergeText(o, b, a));
      }),
      { numRuns: 3000 },
    );
  });

  it('merges edits to disjoint words exactly (property)', () => {
    const vocabulary = ['the', 'a', 'vote', 'bridge', 'council', 'on', 'of', 'and', 'new', 'city'];
    const arbitrary = fc
      .array(fc.constantFrom(...vocabulary), { minLength: 2, maxLength: 40 })
      .chain((words) =>
        fc.record({
          words: fc.constant(words),
          // Each word: kept (0), replaced by mine (1), by theirs (2), or deleted by mine (3).
          edits: fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: words.length,
            maxLength: words.length,
          }),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ words: repeated, edits }) => {
        // Deleting one of several equal words is ambiguous; numbered words are not.
        const words = edits.includes(3) ? repeated.map((w, i) => `${w}${i}`) : repeated;
        const render = (pick: (w: string, i: number) => string | null) =>
          words
            .map(pick)
            .filter((w) => w !== null)
            .join(' ');
        const base = words.join(' ');
        const mine = render((w, i) => (edits[i] === 1 ? `M${i}` : edits[i] === 3 ? null : w));
        const theirs = render((w, i) => (edits[i] === 2 ? `T${i}` : w));
        const both = render((w, i) =>
          edits[i] === 1 ? `M${i}` : edits[i] === 2 ? `T${i}` : edits[i] === 3 ? null : w,
        );
        const merged = mergeText(base, mine, theirs);
        // A deletion also takes a space, which may be the one next to the other side's edit:
        // a run of my edits holding a deletion, right next to theirs, may be judged a conflict.
        const touching = edits.some((e, i) => {
          if (e !== 3) return false;
          let from = i;
          let to = i;
          while (edits[from - 1] === 1 || edits[from - 1] === 3) from--;
          while (edits[to + 1] === 1 || edits[to + 1] === 3) to++;
          return edits[from - 1] === 2 || edits[to + 1] === 2;
        });
        if (merged.clean || !touching) expect(merged).toEqual({ clean: true, text: both });
      }),
      { numRuns: 3000 },
    );
  });

  it('merges edits at both ends of a 100,000-character text in well under a second', () => {
    const words = Array.from({ length: 16_000 }, (_, i) => `w${i % 997}`);
    const base = words.join(' ');
    const started = performance.now();
    const merged = mergeText(base, `START ${base}`, `${base} END`);
    const scattered = mergeText(
      base,
      words.map((w, i) => (i % 100 === 0 ? 'M' : w)).join(' '),
      words.map((w, i) => (i % 100 === 50 ? 'T' : w)).join(' '),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(merged).toEqual({ clean: true, text: `START ${base} END` });
    expect(scattered.clean).toBe(true);
  });

  it('gives up quickly (keeping both texts) when one side rewrote more than it can follow', () => {
    const base = Array.from({ length: 16_000 }, (_, i) => `w${i % 997}`).join(' ');
    const rewrite = Array.from({ length: MAX_EDIT_TOKENS }, (_, i) => `q${i}`).join(' ');
    const started = performance.now();
    expect(mergeText(base, rewrite, `${base} END`)).toEqual({ clean: false });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
