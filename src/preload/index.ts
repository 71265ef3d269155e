// The preload exposes the desk contract as `window.desk` — two functions — and the desktop shell's
// few messages (menu actions, notification clicks, languages) as `window.deskShell`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CommandName, DeskEvents, DeskReply, EventName } from '../shared/contract';
import type { ShellEventName, ShellEvents, ShellMessage } from '../shared/native-shell';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SHELL_EVENT_CHANNEL,
  IPC_SHELL_MESSAGE_CHANNEL,
} from './ipc-channels';

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

const shell = {
  /** Calls `cb` for each shell event of this name; returns the unsubscribe function. */
  on<E extends ShellEventName>(event: E, cb: (payload: ShellEvents[E]) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('deskShell.on needs a callback');
    const listener = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) cb(message.payload as ShellEvents[E]);
    };
    ipcRenderer.on(IPC_SHELL_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_SHELL_EVENT_CHANNEL, listener);
    };
  },
  /** Tells main something about the page; main checks it (and who sent it) before acting. */
  tell(message: ShellMessage): void {
    ipcRenderer.send(IPC_SHELL_MESSAGE_CHANNEL, message);
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
contextBridge.exposeInMainWorld('deskShell', shell);
