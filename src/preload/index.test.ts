import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SHELL_EVENT_CHANNEL,
  IPC_SHELL_MESSAGE_CHANNEL,
} from './ipc-channels';

const exposed = new Map<string, unknown>();
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async () => ({ ok: true, value: 1 })),
  send: vi.fn(),
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

await import('./index');

interface Bridge {
  invoke(name: string, arg: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}
const desk = exposed.get('desk') as Bridge;
interface ShellBridge {
  on(event: string, cb: (payload: unknown) => void): () => void;
  tell(message: unknown): void;
}
const deskShell = exposed.get('deskShell') as ShellBridge;

describe('preload', () => {
  it('exposes exactly window.desk (invoke, on) and window.deskShell (on, tell)', () => {
    expect([...exposed.keys()]).toEqual(['desk', 'deskShell']);
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
    expect(Object.keys(deskShell).sort()).toEqual(['on', 'tell']);
  });

  it('sends commands over desk:invoke', async () => {
    expect(await desk.invoke('getStatus', {})).toEqual({ ok: true, value: 1 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'getStatus', {});
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = desk.on('changed', (payload) => seen.push(payload));
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { event: 'storeProblem', payload: 'p' });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { event: 'changed', payload: 'c1' });
    off();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { event: 'changed', payload: 'c2' });
    expect(seen).toEqual(['c1']);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a callback that is not a function', () => {
    expect(() => desk.on('changed', 'nope' as never)).toThrow(TypeError);
  });

  it('delivers shell events from their own channel only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = deskShell.on('menu', (payload) => seen.push(payload));
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { event: 'menu', payload: 'not a shell event' });
    ipcRenderer.emit(IPC_SHELL_EVENT_CHANNEL, {}, { event: 'openStory', payload: 's' });
    ipcRenderer.emit(IPC_SHELL_EVENT_CHANNEL, {}, { event: 'menu', payload: { action: 'import' } });
    off();
    ipcRenderer.emit(IPC_SHELL_EVENT_CHANNEL, {}, { event: 'menu', payload: { action: 'export' } });
    expect(seen).toEqual([{ action: 'import' }]);
    expect(ipcRenderer.listenerCount(IPC_SHELL_EVENT_CHANNEL)).toBe(0);
  });

  it('sends shell messages one-way on their channel', () => {
    deskShell.tell({ kind: 'spellcheck', language: 'it' });
    expect(ipcRenderer.send).toHaveBeenCalledWith(IPC_SHELL_MESSAGE_CHANNEL, {
      kind: 'spellcheck',
      language: 'it',
    });
  });
});
