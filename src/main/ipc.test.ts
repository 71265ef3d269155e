import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskTransportTarget } from '../core/dispatch';
import type { DeskHandlers } from '../shared/contract';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SHELL_EVENT_CHANNEL,
  IPC_SHELL_MESSAGE_CHANNEL,
} from '../preload/ipc-channels';
import { createInvokeHandler, registerDeskIpc, registerShellIpc, sendShellEvent } from './ipc';

const APP_URL = 'file:///app/out/renderer/index.html';
const isAppUrl = (url: string) => url.startsWith(APP_URL);

function fakeEngine() {
  const getStatus = vi.fn(async () => ({ channelCount: 3 }));
  const listeners = new Map<string, (payload: unknown) => void>();
  const engine = {
    handlers: { getStatus } as unknown as DeskHandlers,
    on: vi.fn((event: string, cb: (payload: unknown) => void) => {
      listeners.set(event, cb);
      return () => listeners.delete(event);
    }),
  } as unknown as DeskTransportTarget;
  return { engine, getStatus, listeners };
}

const frame = (url: string) => ({ senderFrame: { url } }) as never;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createInvokeHandler', () => {
  it('dispatches a command from the app’s own page', async () => {
    const { engine, getStatus } = fakeEngine();
    const handler = createInvokeHandler(engine, isAppUrl);
    expect(await handler(frame(`${APP_URL}#/timeline`), 'getStatus', {})).toEqual({
      ok: true,
      value: { channelCount: 3 },
    });
    expect(getStatus).toHaveBeenCalledTimes(1);
  });

  it.each([['https://evil.example/'], ['file:///tmp/evil.html']])(
    'refuses a frame at %s without running the command',
    async (url) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { engine, getStatus } = fakeEngine();
      const handler = createInvokeHandler(engine, isAppUrl);
      await expect(handler(frame(url), 'getStatus', {})).rejects.toThrow(/own page/);
      expect(getStatus).not.toHaveBeenCalled();
    },
  );

  it('refuses a frame that is gone', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { engine, getStatus } = fakeEngine();
    const handler = createInvokeHandler(engine, isAppUrl);
    await expect(handler({ senderFrame: null } as never, 'getStatus', {})).rejects.toThrow();
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('returns validation failures as replies', async () => {
    const { engine } = fakeEngine();
    const reply = await createInvokeHandler(engine, isAppUrl)(frame(APP_URL), 'getStory', {
      storyId: 1,
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_argument');
  });
});

describe('registerDeskIpc', () => {
  function contents(url: string, destroyed = false) {
    return { send: vi.fn(), getURL: () => url, isDestroyed: () => destroyed };
  }

  it('registers desk:invoke and forwards engine events to app windows only', () => {
    const { engine, listeners } = fakeEngine();
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const app = contents(APP_URL);
    const stranger = contents('https://evil.example/');
    const dead = contents(APP_URL, true);
    const dispose = registerDeskIpc({
      ipcMain,
      engine,
      isAppUrl,
      targets: () => [app, stranger, dead] as never,
    });

    expect(ipcMain.handle).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, expect.any(Function));
    expect([...listeners.keys()].sort()).toEqual([
      'changed',
      'delivery',
      'exportProgress',
      'importProgress',
      'storeProblem',
      'syncStatus',
    ]);
    listeners.get('changed')?.({ channelIds: ['c'], storyIds: [] });
    expect(app.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, {
      event: 'changed',
      payload: { channelIds: ['c'], storyIds: [] },
    });
    expect(stranger.send).not.toHaveBeenCalled();
    expect(dead.send).not.toHaveBeenCalled();

    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
    expect(listeners.size).toBe(0);
  });
});

describe('registerShellIpc', () => {
  function setup() {
    let listener: ((event: unknown, raw: unknown) => void) | undefined;
    const ipcMain = {
      on: vi.fn((channel: string, fn: typeof listener) => {
        expect(channel).toBe(IPC_SHELL_MESSAGE_CHANNEL);
        listener = fn;
      }),
      removeListener: vi.fn(),
    };
    const onMessage = vi.fn();
    const dispose = registerShellIpc({ ipcMain: ipcMain as never, isAppUrl, onMessage });
    const send = (url: string | null, raw: unknown) =>
      listener?.({ senderFrame: url === null ? null : { url } }, raw);
    return { ipcMain, onMessage, dispose, send, listener: () => listener };
  }

  it('passes on valid messages from the app’s own page', () => {
    const { onMessage, send } = setup();
    send(APP_URL, { kind: 'spellcheck', language: 'fr' });
    send(`${APP_URL}#/x`, { kind: 'language', language: 'it' });
    expect(onMessage.mock.calls).toEqual([
      [{ kind: 'spellcheck', language: 'fr' }],
      [{ kind: 'language', language: 'it' }],
    ]);
  });

  it('drops messages from other frames and malformed ones', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { onMessage, send } = setup();
    send('https://evil.example/', { kind: 'language', language: 'it' });
    send(null, { kind: 'language', language: 'it' });
    send(APP_URL, { kind: 'language', language: 'de' });
    send(APP_URL, { kind: 'spellcheck', language: 'it', extra: 1 });
    send(APP_URL, 'language');
    expect(onMessage).not.toHaveBeenCalled();
  });

  it('stops listening when disposed', () => {
    const { ipcMain, dispose, listener } = setup();
    dispose();
    expect(ipcMain.removeListener).toHaveBeenCalledWith(IPC_SHELL_MESSAGE_CHANNEL, listener());
  });
});

describe('sendShellEvent', () => {
  it('sends to the app’s own live pages only, on the shell channel', () => {
    const make = (url: string, destroyed = false) => ({
      send: vi.fn(),
      getURL: () => url,
      isDestroyed: () => destroyed,
    });
    const app = make(APP_URL);
    const stranger = make('https://evil.example/');
    const dead = make(APP_URL, true);
    sendShellEvent([app, stranger, dead] as never, isAppUrl, 'openStory', { storyId: 's1' });
    expect(app.send).toHaveBeenCalledWith(IPC_SHELL_EVENT_CHANNEL, {
      event: 'openStory',
      payload: { storyId: 's1' },
    });
    expect(stranger.send).not.toHaveBeenCalled();
    expect(dead.send).not.toHaveBeenCalled();
  });
});
