// The preload exposes the desk contract as `window.desk` — two functions, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CommandName, DeskEvents, DeskReply, EventName } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './ipc-channels';

interface EventMessage {
  event: string;
  payload: unknown;
}

const bridge = {
  /** Runs a command in the engine; always resolves to a reply envelope. */
  invoke(name: CommandName, arg: unknown): Promise<DeskReply<unknown>> {
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, arg) as Promise<DeskReply<unknown>>;
  },
  /** Calls `cb` for each pushed event of this name; returns the unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: DeskEvents[E]) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('desk.on needs a callback');
    const listener = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) cb(message.payload as DeskEvents[E]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
