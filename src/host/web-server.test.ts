import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { DeskTransportTarget } from '../core/dispatch';
import type { DeskEvents, DeskHandlers, EventName } from '../shared/contract';
import { DeskError, commandArgs } from '../shared/contract';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import { BODY_LIMIT_BYTES, TOKEN_HEADER, buildWebServer } from './web-server';

const TOKEN = 'test-token-0123456789';
const STORY_ID = 'story_123456';
const RENDERER_HTML = join(import.meta.dirname, '../renderer/index.html');

type Listener = (payload: unknown) => void;

/** An engine stand-in: recording handlers and an event emitter the test can fire. */
function fakeEngine() {
  const spies: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const name of Object.keys(commandArgs)) {
    spies[name] = vi.fn(async (arg: unknown) => ({ handled: name, arg }));
  }
  const listeners = new Map<string, Set<Listener>>();
  const engine: DeskTransportTarget = {
    handlers: spies as unknown as DeskHandlers,
    on(event, cb) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(cb as Listener);
      return () => set.delete(cb as Listener);
    },
  };
  const emit = <E extends EventName>(event: E, payload: DeskEvents[E]) => {
    for (const cb of listeners.get(event) ?? []) cb(payload);
  };
  const listenerCount = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { engine, spies, emit, listenerCount };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch will not let a test forge the Host header. */
function rawRequest(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

let staticDir: string;
let app: FastifyInstance;
let port: number;
let fake: ReturnType<typeof fakeEngine>;

async function start(dir = staticDir): Promise<void> {
  fake = fakeEngine();
  app = await buildWebServer({
    engine: fake.engine,
    token: TOKEN,
    bindHost: '127.0.0.1',
    staticDir: dir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
}

const invoke = (
  command: string,
  body: unknown,
  headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN },
) =>
  fetch(`http://127.0.0.1:${port}/api/invoke/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** The reply envelope, loosely typed for assertions. */
const replyOf = async (res: Response) =>
  (await res.json()) as { ok: boolean; value?: unknown; error: { code: string; message: string } };

beforeEach(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'desk-static-'));
  writeFileSync(join(staticDir, 'index.html'), readFileSync(RENDERER_HTML));
  await start();
});

afterEach(async () => {
  await app.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('POST /api/invoke/:command', () => {
  it('runs a command with the token and returns the reply envelope', async () => {
    const res = await invoke('getStory', { storyId: STORY_ID });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      value: { handled: 'getStory', arg: { storyId: STORY_ID } },
    });
  });

  it('accepts a request with no body for a command without fields', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/invoke/getStatus`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: TOKEN },
    });
    expect(res.status).toBe(200);
    expect(fake.spies.getStatus).toHaveBeenCalledWith({});
  });

  it.each([[{}], [{ [TOKEN_HEADER]: 'wrong' }], [{ [TOKEN_HEADER]: `${TOKEN}x` }]])(
    'refuses a request without the right token (%j) with 401',
    async (headers) => {
      const res = await invoke('getStatus', {}, headers);
      expect(res.status).toBe(401);
      expect(fake.spies.getStatus).not.toHaveBeenCalled();
    },
  );

  it('refuses a bad argument with invalid_argument and never reaches the handler', async () => {
    const res = await invoke('getStory', { storyId: '../../etc' });
    expect(res.status).toBe(400);
    const body = await replyOf(res);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_argument');
    expect(fake.spies.getStory).not.toHaveBeenCalled();
  });

  it('refuses an unknown command', async () => {
    const res = await invoke('dropDatabase', {});
    expect(res.status).toBe(404);
    expect((await replyOf(res)).error.code).toBe('unknown_command');
  });

  it('passes a DeskError from the engine through with a matching status', async () => {
    fake.spies.getStory!.mockRejectedValueOnce(new DeskError('not_found', 'gone'));
    const res = await invoke('getStory', { storyId: STORY_ID });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });

  it('refuses malformed JSON and non-JSON bodies as the caller’s mistake', async () => {
    const bad = await fetch(`http://127.0.0.1:${port}/api/invoke/getStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: '{"oops',
    });
    expect(bad.status).toBe(400);
    expect((await replyOf(bad)).error.code).toBe('invalid_argument');
    const text = await fetch(`http://127.0.0.1:${port}/api/invoke/getStatus`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: TOKEN },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect(fake.spies.getStatus).not.toHaveBeenCalled();
  });

  it('accepts a 50 MB attachment in base64 and refuses a body over the limit', async () => {
    const dataBase64 = Buffer.alloc(50 * 1024 * 1024, 7).toString('base64');
    const res = await invoke('addAttachment', {
      name: 'big.bin',
      mime: 'application/octet-stream',
      dataBase64,
    });
    expect(res.status).toBe(200);
    expect(fake.spies.addAttachment).toHaveBeenCalledTimes(1);
    const tooBig = await invoke('getStatus', { pad: 'x'.repeat(BODY_LIMIT_BYTES) });
    expect(tooBig.status).toBe(413);
  });
});

describe('who may connect', () => {
  it('refuses a request whose Host is not this server (DNS rebinding), even with the token', async () => {
    const res = await rawRequest(port, {
      method: 'POST',
      path: '/api/invoke/getStatus',
      headers: { host: `evil.example:${port}`, [TOKEN_HEADER]: TOKEN },
    });
    expect(res.status).toBe(403);
    expect(fake.spies.getStatus).not.toHaveBeenCalled();
    const page = await rawRequest(port, { path: '/', headers: { host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
  });

  it('refuses another site’s Origin and accepts its own', async () => {
    const evil = await invoke(
      'getStatus',
      {},
      { [TOKEN_HEADER]: TOKEN, origin: 'http://evil.example' },
    );
    expect(evil.status).toBe(403);
    const own = await invoke(
      'getStatus',
      {},
      { [TOKEN_HEADER]: TOKEN, origin: `http://localhost:${port}` },
    );
    expect(own.status).toBe(200);
  });
});

describe('the renderer page', () => {
  it('is served with the CSP header, which is its meta tag’s policy plus frame-ancestors', async () => {
    const res = await rawRequest(port, { path: '/', headers: { host: `127.0.0.1:${port}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(res.body);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('explains itself when the renderer is not built', async () => {
    await app.close();
    const empty = mkdtempSync(join(tmpdir(), 'desk-empty-'));
    try {
      await start(empty);
      const res = await rawRequest(port, { path: '/', headers: { host: `127.0.0.1:${port}` } });
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run web');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('GET /api/events (WebSocket)', () => {
  const connect = (query: string, headers: Record<string, string> = {}) =>
    new WebSocket(`ws://127.0.0.1:${port}/api/events${query}`, { headers });

  const refusedStatus = (ws: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('connection was accepted')));
      ws.on('error', () => undefined);
    });

  it('pushes every engine event as {event, payload}', async () => {
    const ws = connect(`?token=${TOKEN}`);
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const received = new Promise<unknown>((resolve) =>
      ws.on('message', (data) => resolve(JSON.parse(String(data)))),
    );
    fake.emit('changed', { channelIds: ['chan_123456'], storyIds: [STORY_ID] });
    expect(await received).toEqual({
      event: 'changed',
      payload: { channelIds: ['chan_123456'], storyIds: [STORY_ID] },
    });
    ws.close();
  });

  it('refuses a socket without the token', async () => {
    expect(await refusedStatus(connect(''))).toBe(401);
    expect(await refusedStatus(connect('?token=nope'))).toBe(401);
  });

  it('refuses a socket opened by another site', async () => {
    expect(await refusedStatus(connect(`?token=${TOKEN}`, { origin: 'http://evil.example' }))).toBe(
      403,
    );
  });

  it('stops listening to the engine when the server closes', async () => {
    expect(fake.listenerCount()).toBeGreaterThan(0);
    await app.close();
    expect(fake.listenerCount()).toBe(0);
    await start();
  });
});
