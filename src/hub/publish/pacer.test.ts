import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';
import type { PaceRule } from './pacer';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const CHAT: PaceRule = { key: 'chat', perWindow: 3, windowMs: 60_000 };
const BOT: PaceRule = { key: 'bot', perWindow: 2, windowMs: 1000 };

describe('Pacer', () => {
  it('books up to perWindow in a window, then names the time the oldest booking leaves it', () => {
    const pacer = new Pacer();
    expect(pacer.reserve([CHAT], at(0))).toEqual({ ok: true });
    expect(pacer.reserve([CHAT], at(10_000))).toEqual({ ok: true });
    expect(pacer.reserve([CHAT], at(20_000))).toEqual({ ok: true });
    expect(pacer.reserve([CHAT], at(30_000))).toEqual({ ok: false, notBefore: at(60_000) });
    expect(pacer.reserve([CHAT], at(59_999)).ok).toBe(false);
    expect(pacer.reserve([CHAT], at(60_000))).toEqual({ ok: true });
    expect(pacer.reserve([CHAT], at(60_001))).toEqual({ ok: false, notBefore: at(70_000) });
  });

  it('keeps a minimum spacing between two bookings of a key', () => {
    const pacer = new Pacer();
    const spaced: PaceRule = { key: 'k', perWindow: 100, windowMs: 60_000, minSpacingMs: 3000 };
    expect(pacer.reserve([spaced], at(0)).ok).toBe(true);
    expect(pacer.reserve([spaced], at(1000))).toEqual({ ok: false, notBefore: at(3000) });
    expect(pacer.reserve([spaced], at(3000)).ok).toBe(true);
  });

  it('books every key or none: a full bot key leaves the chat key untouched', () => {
    const pacer = new Pacer();
    expect(pacer.reserve([BOT], at(0), 2).ok).toBe(true);
    expect(pacer.reserve([CHAT, BOT], at(500))).toEqual({ ok: false, notBefore: at(1000) });
    // The refused reservation booked nothing on the chat: three still fit in its minute.
    expect(pacer.reserve([CHAT], at(600), 3).ok).toBe(true);
  });

  it('answers the latest of all keys when several must wait', () => {
    const pacer = new Pacer();
    pacer.reserve([CHAT], at(0), 3);
    pacer.reserve([BOT], at(100), 2);
    expect(pacer.reserve([BOT, CHAT], at(200))).toEqual({ ok: false, notBefore: at(60_000) });
  });

  it('books a count of sends at once, and lets a count above perWindow take a whole window', () => {
    const pacer = new Pacer();
    expect(pacer.reserve([CHAT], at(0), 2).ok).toBe(true);
    expect(pacer.reserve([CHAT], at(1000), 2)).toEqual({ ok: false, notBefore: at(60_000) });
    expect(pacer.reserve([CHAT], at(1000), 1).ok).toBe(true);
    const fresh = new Pacer();
    expect(fresh.reserve([CHAT], at(0), 10).ok).toBe(true);
    expect(fresh.reserve([CHAT], at(1), 10)).toEqual({ ok: false, notBefore: at(60_000) });
  });

  it('blocks a key until a time (a 429 retry_after), and only that key', () => {
    const pacer = new Pacer();
    pacer.block('chat', at(30_000));
    expect(pacer.reserve([CHAT, BOT], at(0))).toEqual({ ok: false, notBefore: at(30_000) });
    expect(pacer.reserve([BOT], at(0)).ok).toBe(true);
    pacer.block('chat', at(10_000)); // an earlier block does not shorten the longer one
    expect(pacer.reserve([CHAT], at(29_999)).ok).toBe(false);
    expect(pacer.reserve([CHAT], at(30_000)).ok).toBe(true);
  });

  it('never books more than perWindow in any window, and a refusal names a time that works', () => {
    const rules = fc.constantFrom<PaceRule[]>(
      [CHAT],
      [BOT],
      [CHAT, BOT],
      [{ key: 'chat', perWindow: 3, windowMs: 60_000, minSpacingMs: 5000 }, BOT],
    );
    const op = fc.record({ gapMs: fc.nat(20_000), rules, count: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const pacer = new Pacer();
        const booked = new Map<string, number[]>();
        let t = 0;
        for (const { gapMs, rules: rs, count } of ops) {
          t += gapMs;
          let answer = pacer.reserve(rs, at(t), count);
          if (!answer.ok) {
            expect(answer.notBefore.getTime()).toBeGreaterThan(at(t).getTime());
            t = answer.notBefore.getTime() - at(0).getTime();
            answer = pacer.reserve(rs, at(t), count);
            expect(answer.ok).toBe(true);
          }
          for (const rule of rs) {
            const times = booked.get(rule.key) ?? [];
            for (let i = 0; i < Math.min(count, rule.perWindow); i++) times.push(t);
            booked.set(rule.key, times);
          }
        }
        for (const rule of [CHAT, BOT]) {
          const times = booked.get(rule.key) ?? [];
          for (const start of times) {
            const inWindow = times.filter((s) => s >= start && s < start + rule.windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(rule.perWindow);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
