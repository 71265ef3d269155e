// The typed client of the desk contract over any transport (no browser globals, so Node tests can use it).
import type {
  CommandName,
  DeskApi,
  DeskEvents,
  DeskReply,
  EventName,
} from '../../../shared/contract';
import { DeskError, commandArgs } from '../../../shared/contract';
import type { WindowDeskBridge } from './window-desk';

type EventCallback<E extends EventName> = (payload: DeskEvents[E]) => void;

/** What carries commands and events; `window.desk` is one. */
export interface DeskTransport extends WindowDeskBridge {
  /** Calls `cb` after the event stream came back from a drop (events may have been missed). */
  onReconnect?(cb: () => void): () => void;
}

/** The typed API plus event subscription. */
export type DeskClient = DeskApi & {
  on<E extends EventName>(event: E, cb: EventCallback<E>): () => void;
  /** Calls `cb` when browser mode's event stream reconnects: refetch everything then. */
  onReconnect(cb: () => void): () => void;
};

/** True for a reply envelope. */
export const isReply = (body: unknown): body is DeskReply<unknown> =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/** Returns a reply's value, or throws its error as a DeskError. */
export function unwrapReply(reply: unknown): unknown {
  if (!isReply(reply)) throw new DeskError('internal', 'The desk sent a reply it could not read.');
  if (reply.ok) return reply.value;
  throw DeskError.fromPayload(reply.error);
}

/** Builds the client over a transport chosen on first use. */
export function createDeskClient(getTransport: () => DeskTransport): DeskClient {
  const client: Record<string, unknown> = {};
  for (const name of Object.keys(commandArgs) as CommandName[]) {
    client[name] = async (arg: unknown) =>
      unwrapReply(await getTransport().invoke(name, arg ?? {}));
  }
  client.on = <E extends EventName>(event: E, cb: EventCallback<E>) => getTransport().on(event, cb);
  client.onReconnect = (cb: () => void) => getTransport().onReconnect?.(cb) ?? (() => undefined);
  return client as DeskClient;
}
