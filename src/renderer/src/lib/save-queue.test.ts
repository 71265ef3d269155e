import { describe, expect, it } from 'vitest';
import { createSaveQueue } from './save-queue';

type Patch = { text?: string; poll?: string | null };

/** A send function whose calls resolve or reject only when the test says so. */
function controlledSend() {
  const calls: { patch: Patch; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const send = (patch: Patch) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ patch, resolve, reject });
    });
  return { calls, send };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createSaveQueue', () => {
  it('keeps one request in flight and sends only the latest queued value', async () => {
    const { calls, send } = controlledSend();
    const states: string[] = [];
    const q = createSaveQueue<Patch>(send, (s) => states.push(s));
    q.push({ text: 'a' });
    q.push({ text: 'ab' });
    q.push({ text: 'abc' });
    expect(calls.map((c) => c.patch)).toEqual([{ text: 'a' }]);
    calls[0]!.resolve();
    await tick();
    expect(calls.map((c) => c.patch)).toEqual([{ text: 'a' }, { text: 'abc' }]);
    calls[1]!.resolve();
    await q.settled();
    expect(calls).toHaveLength(2);
    expect(q.state).toBe('idle');
    expect(states.at(-1)).toBe('idle');
  });

  it('merges different fields queued while a request is in flight', async () => {
    const { calls, send } = controlledSend();
    const q = createSaveQueue<Patch>(send, () => {});
    q.push({ text: 'x' });
    q.push({ poll: null });
    q.push({ text: 'xy' });
    calls[0]!.resolve();
    await tick();
    expect(calls[1]!.patch).toEqual({ poll: null, text: 'xy' });
  });

  it('keeps a failed patch and sends it merged with later typing', async () => {
    const { calls, send } = controlledSend();
    const errors: unknown[] = [];
    const q = createSaveQueue<Patch>(send, (s, e) => s === 'error' && errors.push(e));
    q.push({ text: 'one', poll: 'p' });
    calls[0]!.reject(new Error('disk full'));
    await tick();
    expect(q.state).toBe('error');
    expect((errors[0] as Error).message).toBe('disk full');
    q.push({ text: 'one two' });
    expect(calls[1]!.patch).toEqual({ text: 'one two', poll: 'p' });
    calls[1]!.resolve();
    await q.settled();
    expect(q.state).toBe('idle');
  });

  it('retries the failed patch on demand and discards on request', async () => {
    const { calls, send } = controlledSend();
    const q = createSaveQueue<Patch>(send, () => {});
    q.push({ text: 'a' });
    calls[0]!.reject(new Error('nope'));
    await tick();
    q.retry();
    expect(calls[1]!.patch).toEqual({ text: 'a' });
    calls[1]!.reject(new Error('nope'));
    await tick();
    q.discard();
    expect(q.state).toBe('idle');
    q.retry();
    expect(calls).toHaveLength(2);
  });
});
