import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskTransportTarget } from '../core/dispatch';
import type { DeskHandlers } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../preload/ipc-channels';
import { createInvokeHandler, registerDeskIpc } from './ipc';

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
