// Browser mode end to end: the real engine in a temp folder, served by the real host, driven over
// HTTP and WebSocket (and through the renderer's own client).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WebHost } from '../../src/host/web-host';
import { startWebHost } from '../../src/host/web-host';
import { TOKEN_HEADER } from '../../src/host/web-server';
import type { MinimalWebSocket } from '../../src/renderer/src/api/http-transport';
import { createDeskClient } from '../../src/renderer/src/api/desk-client-core';
import {
  TOKEN_HEADER as CLIENT_TOKEN_HEADER,
  createHttpTransport,
} from '../../src/renderer/src/api/http-transport';
import type { Channel } from '../../src/shared/domain';
import { DeskError } from '../../src/shared/contract';

const RENDERER_HTML = join(import.meta.dirname, '../../src/renderer/index.html');
const ROME = {
  name: 'Roma Mobilità',
  platform: 'telegram',
  timeZone: 'Europe/Rome',
  language: 'it',
};

let dataDir: string;
let staticDir: string;
let host: WebHost;

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; issues?: { path: string }[] };
}

async function call(command: string, arg: unknown, token: string | null = host.token) {
  const res = await fetch(`${host.origin}/api/invoke/${command}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { [TOKEN_HEADER]: token }),
    },
    body: JSON.stringify(arg),
  });
  return { status: res.status, reply: (await res.json()) as Reply };
}

const channelCount = async () => ((await call('listChannels', {})).reply.value as Channel[]).length;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-web-data-'));
  staticDir = mkdtempSync(join(tmpdir(), 'desk-web-static-'));
  copyFileSync(RENDERER_HTML, join(staticDir, 'index.html'));
  host = await startWebHost({ dataDir, port: 0, staticDir });
});

afterEach(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

describe('browser mode host', () => {
  it('listens on loopback and hands out a tokenised URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(CLIENT_TOKEN_HEADER).toBe(TOKEN_HEADER);
  });

  it('runs commands over HTTP against the real engine', async () => {
    const created = await call('createChannel', ROME);
    expect(created.status).toBe(200);
    expect(created.reply.ok).toBe(true);
    const channel = created.reply.value as Channel;
    expect(channel).toMatchObject({
      name: 'Roma Mobilità',
      timeZone: 'Europe/Rome',
      archived: false,
    });

    const listed = await call('listChannels', {});
    expect((listed.reply.value as Channel[]).map((c) => c.id)).toEqual([channel.id]);
    const status = await call('getStatus', {});
    expect(status.reply.value).toMatchObject({ dataDir, channelCount: 1 });
  });

  it('pushes engine events over the WebSocket', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api/events?token=${host.token}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const message = new Promise<{ event: string; payload: { channelIds: string[] } }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const channel = (await call('createChannel', ROME)).reply.value as Channel;
    const received = await message;
    expect(received.event).toBe('changed');
    expect(received.payload.channelIds).toContain(channel.id);
    ws.close();
  });

  it('refuses a request without the token (401) and changes nothing', async () => {
    const refused = await call('createChannel', ROME, null);
    expect(refused.status).toBe(401);
    expect(refused.reply.ok).toBe(false);
    expect((await call('createChannel', ROME, 'guessed-token')).status).toBe(401);
    expect(await channelCount()).toBe(0);
  });

  it('refuses a bad argument with invalid_argument and changes nothing', async () => {
    const bad = await call('createChannel', { ...ROME, timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.reply.error?.code).toBe('invalid_argument');
    expect(bad.reply.error?.issues?.map((i) => i.path)).toEqual(['timeZone']);
    expect(await channelCount()).toBe(0);
    expect((await call('getStatus', {})).reply.value).toMatchObject({
      channelCount: 0,
      updateCount: 0,
    });
  });

  it('refuses an unknown command', async () => {
    const unknown = await call('formatDisk', {});
    expect(unknown.status).toBe(404);
    expect(unknown.reply.error?.code).toBe('unknown_command');
  });

  it('serves the page with the CSP header', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('works through the renderer’s own client, events included', async () => {
    let markOpen!: () => void;
    const socketOpen = new Promise<void>((resolve) => (markOpen = resolve));
    // ws's WebSocket, noting when the event stream is up so the test causes events only after.
    class TrackedSocket extends WebSocket {
      constructor(url: string) {
        super(url);
        this.once('open', () => markOpen());
      }
    }
    const transport = createHttpTransport({
      baseUrl: host.origin,
      token: host.token,
      WebSocket: TrackedSocket as unknown as new (url: string) => MinimalWebSocket,
    });
    const desk = createDeskClient(() => transport);
    try {
      const changed = new Promise<string[]>((resolve) => {
        const off = desk.on('changed', ({ storyIds }) => {
          if (storyIds.length === 0) return;
          off();
          resolve(storyIds);
        });
      });
      await socketOpen;
      const channel = await desk.createChannel(ROME as Parameters<typeof desk.createChannel>[0]);
      const story = await desk.createStory({
        channelIds: [channel.id],
        text: 'Metro A closed tonight',
      });
      expect(await changed).toContain(story.storyId);
      const error = await desk.getStory({ storyId: 'bad' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskError);
      expect((error as DeskError).code).toBe('invalid_argument');
    } finally {
      transport.close();
    }
  });

  it('keeps data and settings across a restart on the same folder', async () => {
    await call('createChannel', ROME);
    expect((await call('setSettings', { locale: 'fr' })).reply.value).toEqual({ locale: 'fr' });
    await host.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      locale: 'fr',
    });

    host = await startWebHost({ dataDir, port: 0, staticDir });
    expect(await channelCount()).toBe(1);
    expect((await call('getSettings', {})).reply.value).toEqual({ locale: 'fr' });
  });
});
