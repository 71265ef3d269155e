import { describe, expect, it, vi } from 'vitest';
import type { MinimalWebSocket } from './http-transport';
import { TOKEN_HEADER, createHttpTransport } from './http-transport';

describe('createHttpTransport invoke', () => {
  const jsonResponse = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('posts the argument as JSON with the token header', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: 1 }));
    const t = createHttpTransport({
      baseUrl: 'http://127.0.0.1:5178',
      token: 'tok',
      fetch: fetch as never,
    });
    expect(await t.invoke('getStory', { storyId: 'story_1' })).toEqual({ ok: true, value: 1 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:5178/api/invoke/getStory');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    expect(JSON.parse(String(init.body))).toEqual({ storyId: 'story_1' });
  });

  it('passes an error reply through whatever the HTTP status', async () => {
    const error = { code: 'internal', message: 'Not authorised' };
    const fetch = vi.fn(async () => jsonResponse(401, { ok: false, error }));
    const t = createHttpTransport({ baseUrl: 'http://h', token: null, fetch: fetch as never });
    expect(await t.invoke('getStatus', {})).toEqual({ ok: false, error });
  });

  it('turns a non-JSON answer and a network failure into internal replies', async () => {
    const html = vi.fn(async () => new Response('<html>', { status: 502 }));
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const a = await createHttpTransport({
      baseUrl: 'http://h',
      token: 't',
      fetch: html as never,
    }).invoke('getStatus', {});
    const b = await createHttpTransport({
      baseUrl: 'http://h',
      token: 't',
      fetch: down as never,
    }).invoke('getStatus', {});
    expect(a).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('502') },
    });
    expect(b).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('not reachable') },
    });
  });
});

describe('createHttpTransport events', () => {
  class FakeSocket implements MinimalWebSocket {
    static all: FakeSocket[] = [];
    onopen: ((ev: unknown) => void) | null = null;
    onmessage: ((ev: { data: unknown }) => void) | null = null;
    onclose: ((ev: unknown) => void) | null = null;
    onerror: ((ev: unknown) => void) | null = null;
    closed = false;
    constructor(readonly url: string) {
      FakeSocket.all.push(this);
    }
    close() {
      this.closed = true;
    }
    open() {
      this.onopen?.({});
    }
    drop() {
      this.onerror?.({});
      this.onclose?.({});
    }
    push(event: string, payload: unknown) {
      this.onmessage?.({ data: JSON.stringify({ event, payload }) });
    }
  }

  function setup() {
    FakeSocket.all = [];
    const timers: { fn: () => void; ms: number }[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:5178',
      token: 'a b',
      WebSocket: FakeSocket,
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
    });
    const fire = () => timers.shift()?.fn();
    return { transport, timers, fire, last: () => FakeSocket.all.at(-1)! };
  }

  it('opens one socket on first subscription, with the token in the query', () => {
    const { transport } = setup();
    expect(FakeSocket.all).toHaveLength(0);
    transport.on('changed', () => undefined);
    transport.on('storeProblem', () => undefined);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]?.url).toBe('ws://127.0.0.1:5178/api/events?token=a%20b');
  });

  it('delivers each event to its own listeners and ignores junk', () => {
    const { transport, last } = setup();
    const changed = vi.fn();
    const problems = vi.fn();
    const off = transport.on('changed', changed);
    transport.on('storeProblem', problems);
    last().open();
    last().push('changed', { channelIds: ['c'], storyIds: [] });
    last().onmessage?.({ data: 'not json' });
    last().push('somethingElse', 1);
    off();
    last().push('changed', { channelIds: ['d'], storyIds: [] });
    expect(changed.mock.calls).toEqual([[{ channelIds: ['c'], storyIds: [] }]]);
    expect(problems).not.toHaveBeenCalled();
  });

  it('reconnects with exponential backoff, keeps listeners and reports the reconnect', () => {
    const { transport, timers, fire, last } = setup();
    const changed = vi.fn();
    const reconnected = vi.fn();
    transport.on('changed', changed);
    transport.onReconnect?.(reconnected);
    last().open();
    expect(reconnected).not.toHaveBeenCalled();

    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      last().drop();
      delays.push(timers[0]!.ms);
      fire();
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(FakeSocket.all).toHaveLength(9);

    last().open();
    expect(reconnected).toHaveBeenCalledTimes(1);
    last().push('changed', { channelIds: ['x'], storyIds: [] });
    expect(changed).toHaveBeenCalledTimes(1);

    last().drop();
    expect(timers[0]!.ms).toBe(250);
  });

  it('stops reconnecting once closed', () => {
    const { transport, timers, last } = setup();
    transport.on('changed', () => undefined);
    const socket = last();
    transport.close();
    socket.drop();
    expect(socket.closed).toBe(true);
    expect(timers).toHaveLength(0);
  });
});
