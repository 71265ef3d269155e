// The Electron transport of the desk contract: `desk:invoke` in, `desk:event` out.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { DeskTransportTarget } from '../core/dispatch';
import { DESK_EVENT_NAMES, dispatch } from '../core/dispatch';
import type { DeskReply } from '../shared/contract';
import type { ShellEventName, ShellEvents, ShellMessage } from '../shared/native-shell';
import { shellMessageSchema } from '../shared/native-shell';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SHELL_EVENT_CHANNEL,
  IPC_SHELL_MESSAGE_CHANNEL,
} from '../preload/ipc-channels';

export interface DeskIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  engine: DeskTransportTarget;
  isAppUrl: (url: string) => boolean;
  /** The web contents that may receive events (the app's windows). */
  targets: () => Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>[];
}

/** The invoke handler: refuses frames that are not the desk's page, else dispatches. */
export function createInvokeHandler(
  engine: DeskTransportTarget,
  isAppUrl: (url: string) => boolean,
): (
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  name: unknown,
  arg: unknown,
) => Promise<DeskReply<unknown>> {
  return async (event, name, arg) => {
    // senderFrame is null once the frame navigated away or was destroyed.
    const url = event.senderFrame?.url;
    if (!url || !isAppUrl(url)) {
      console.warn('[desk] refused a command from', url?.slice(0, 200) ?? 'a vanished frame');
      throw new Error('Only the desk’s own page may run commands.');
    }
    return dispatch(engine.handlers, name, arg);
  };
}

/** Registers the invoke handler and forwards engine events; returns the undo function. */
export function registerDeskIpc(options: DeskIpcOptions): () => void {
  const { ipcMain, engine, isAppUrl, targets } = options;
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeHandler(engine, isAppUrl));
  const unsubscribers = DESK_EVENT_NAMES.map((event) =>
    engine.on(event, (payload) => {
      for (const contents of targets()) {
        if (!contents.isDestroyed() && isAppUrl(contents.getURL())) {
          contents.send(IPC_EVENT_CHANNEL, { event, payload });
        }
      }
    }),
  );
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

export interface ShellIpcOptions {
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  isAppUrl: (url: string) => boolean;
  /** Called with each valid message from the desk's own page. */
  onMessage: (message: ShellMessage) => void;
}

/**
 * Listens for the page's shell messages (its language, the spellcheck language). Like commands,
 * they count only from the desk's own page, and only in the expected shape; the rest is dropped.
 */
export function registerShellIpc(options: ShellIpcOptions): () => void {
  const listener = (event: Pick<IpcMainEvent, 'senderFrame'>, raw: unknown) => {
    const url = event.senderFrame?.url;
    if (!url || !options.isAppUrl(url)) {
      console.warn('[desk] refused a shell message from', url?.slice(0, 200) ?? 'a vanished frame');
      return;
    }
    const parsed = shellMessageSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('[desk] ignored a malformed shell message');
      return;
    }
    options.onMessage(parsed.data);
  };
  options.ipcMain.on(IPC_SHELL_MESSAGE_CHANNEL, listener);
  return () => {
    options.ipcMain.removeListener(IPC_SHELL_MESSAGE_CHANNEL, listener);
  };
}

/** Sends a shell event (a menu action, a story to open) to the app's own pages. */
export function sendShellEvent<E extends ShellEventName>(
  targets: Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>[],
  isAppUrl: (url: string) => boolean,
  event: E,
  payload: ShellEvents[E],
): void {
  for (const contents of targets) {
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) {
      contents.send(IPC_SHELL_EVENT_CHANNEL, { event, payload });
    }
  }
}
