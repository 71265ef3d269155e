import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './ipc-channels';

const exposed = new Map<string, unknown>();
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async () => ({ ok: true, value: 1 })),
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

describe('preload', () => {
  it('exposes exactly window.desk with invoke and on', () => {
    expect([...exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
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
});
