// Property tests: ranking and story summaries on generated engagement data checked against naive
// calculations written here (selection by repeated scan, sums per emoji). Seeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Update } from '../domain';
import {
  copiesArb,
  EMOJI,
  naivePosted,
  naiveResponses,
  RANGES,
  RUNS,
  SEED,
  wallOf,
} from './analytics-test-data';
import { summarizeStory } from './story-summary';
import { rankUpdates } from './update-ranking';

describe('ranking and story summary against a naive calculation', () => {
  it('ranking: best and worst by response rate, independent of input order', () => {
    const arb = fc
      .constantFrom(...RANGES)
      .chain((range) =>
        fc.tuple(
          fc.constant(range),
          copiesArb(range),
          fc.integer({ min: 0, max: 10 }),
          fc.integer(),
        ),
      );
    fc.assert(
      fc.property(arb, ([range, copies, n, shuffleSeed]) => {
        // Dates as 'YYYY-MM-DD' compare as strings.
        const inRange = (date: string): boolean => date >= range.from && date <= range.to;
        const rated = copies.filter((c) => {
          const at = naivePosted(c);
          return (
            at !== null && inRange(wallOf(at, range.zone).date) && (c.engagement?.views ?? 0) > 0
          );
        });
        // Selection by repeated scan: take the best remaining until n are taken.
        const rate = (c: Update): number => naiveResponses(c.engagement) / c.engagement!.views!;
        const pick = (better: (a: Update, b: Update) => boolean): string[] => {
          const left = [...rated];
          const out: string[] = [];
          while (out.length < n && left.length > 0) {
            let top = 0;
            for (let i = 1; i < left.length; i += 1) if (better(left[i]!, left[top]!)) top = i;
            out.push(left.splice(top, 1)[0]!.id);
          }
          return out;
        };
        const earlier = (a: Update, b: Update): boolean =>
          naivePosted(a)! < naivePosted(b)! || (naivePosted(a) === naivePosted(b) && a.id < b.id);
        const best = pick((a, b) => rate(a) > rate(b) || (rate(a) === rate(b) && earlier(a, b)));
        const worst = pick((a, b) => rate(a) < rate(b) || (rate(a) === rate(b) && earlier(a, b)));
        // A reversed and rotated input must give the same answer (ties are broken by data, not order).
        const shuffled = [...copies].reverse();
        const k = copies.length ? Math.abs(shuffleSeed) % copies.length : 0;
        const rotated = [...shuffled.slice(k), ...shuffled.slice(0, k)];
        for (const input of [copies, rotated]) {
          const ranking = rankUpdates(input, range, n);
          expect(ranking.best.map((r) => r.updateId)).toEqual(best);
          expect(ranking.worst.map((r) => r.updateId)).toEqual(worst);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('story summary: gathered numbers equal the per-copy sums; polls gathered only when alike', () => {
    fc.assert(
      fc.property(copiesArb(RANGES[0]!), (copies) => {
        for (const storyId of ['s1', 's2', 's3']) {
          const posts = copies.filter((c) => c.storyId === storyId && naivePosted(c) !== null);
          const summary = summarizeStory(storyId, copies, []);
          const g = summary.gathered;
          expect(summary.perChannel.map((r) => r.updateId).sort()).toEqual(
            posts.map((c) => c.id).sort(),
          );
          expect(g.posts).toBe(posts.length);
          const withViews = posts.filter((c) => c.engagement?.views != null);
          expect(g.postsWithViews).toBe(withViews.length);
          expect(g.views).toBe(
            withViews.length ? withViews.reduce((n, c) => n + c.engagement!.views!, 0) : null,
          );
          expect(g.forwards).toBe(posts.reduce((n, c) => n + (c.engagement?.forwards ?? 0), 0));
          for (const emoji of EMOJI) {
            const sum = posts.reduce((n, c) => n + (c.engagement?.reactions[emoji] ?? 0), 0);
            const anyHas = posts.some((c) => c.engagement && emoji in c.engagement.reactions);
            expect(g.reactions[emoji]).toBe(anyHas ? sum : undefined);
          }
          const views = withViews.reduce((n, c) => n + c.engagement!.views!, 0);
          const rated = withViews.reduce((n, c) => n + naiveResponses(c.engagement), 0);
          if (views > 0) expect(g.responseRate).toBeCloseTo(rated / views, 12);
          else expect(g.responseRate).toBeNull();
          const polled = posts.filter((c) => c.poll && c.engagement?.pollVotes);
          const kinds = new Set(
            polled.map((c) => JSON.stringify([c.poll!.question, c.poll!.options])),
          );
          expect(g.pollsDiffer).toBe(kinds.size > 1);
          if (kinds.size === 1) {
            const options = polled[0]!.poll!.options;
            const votes = options.map((_, i) =>
              polled.reduce((n, c) => n + (c.engagement!.pollVotes![i] ?? 0), 0),
            );
            expect(g.poll).toEqual({ question: 'Q?', options, votes });
          } else {
            expect(g.poll).toBeNull();
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
