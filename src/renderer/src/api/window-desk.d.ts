// `window.desk`, as the Electron preload exposes it (absent in browser mode).
import type { CommandName, DeskEvents, DeskReply, EventName } from '../../../shared/contract';

/** The bridge the preload puts on `window.desk`: replies come back as envelopes, never thrown. */
export interface WindowDeskBridge {
  invoke(name: CommandName, arg: unknown): Promise<DeskReply<unknown>>;
  on<E extends EventName>(event: E, cb: (payload: DeskEvents[E]) => void): () => void;
}

declare global {
  interface Window {
    desk?: WindowDeskBridge;
  }
}
