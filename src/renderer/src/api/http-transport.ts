// Browser mode's transport: commands over HTTP, events over a reconnecting WebSocket.
import type { EventName } from '../../../shared/contract';
import type { DeskTransport } from './desk-client-core';
import { isReply } from './desk-client-core';

/** Header that carries browser mode's per-run token (the host checks the same name). */
export const TOKEN_HEADER = 'x-desk-token';
const FIRST_RECONNECT_DELAY_MS = 250;
const MAX_RECONNECT_DELAY_MS = 10_000;

/** The parts of the WebSocket API the event stream uses (the browser's, or `ws` in tests). */
export interface MinimalWebSocket {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export interface HttpTransportOptions {
  /** Scheme, host and port of the host, e.g. `http://127.0.0.1:5178`. */
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  WebSocket?: new (url: string) => MinimalWebSocket;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/** Browser mode: commands over `POST /api/invoke/:name`, events over a reconnecting WebSocket. */
export function createHttpTransport(
  options: HttpTransportOptions,
): DeskTransport & { close(): void } {
  const { baseUrl, token } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const WebSocketImpl =
    options.WebSocket ?? (globalThis.WebSocket as unknown as HttpTransportOptions['WebSocket']);
  const schedule = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  let socket: MinimalWebSocket | null = null;
  let delayMs = FIRST_RECONNECT_DELAY_MS;
  let started = false;
  let everOpened = false;
  let closed = false;

  const deliver = (data: unknown) => {
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    for (const cb of listeners.get(message.event as EventName) ?? []) cb(message.payload);
  };

  const connect = () => {
    if (closed || !WebSocketImpl) return;
    const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token ?? '')}`;
    const ws = new WebSocketImpl(wsUrl);
    socket = ws;
    ws.onopen = () => {
      delayMs = FIRST_RECONNECT_DELAY_MS;
      if (everOpened) for (const cb of reconnectListeners) cb();
      everOpened = true;
    };
    ws.onmessage = (ev) => deliver(ev.data);
    ws.onerror = () => undefined; // a close follows; that is where we retry
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      socket = null;
      // Backoff: the host may be restarting, or gone for good; do not spin.
      schedule(connect, delayMs);
      delayMs = Math.min(delayMs * 2, MAX_RECONNECT_DELAY_MS);
    };
  };

  return {
    async invoke(name, arg) {
      let res: Response;
      try {
        res = await fetchImpl(`${baseUrl}/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
          body: JSON.stringify(arg ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Channel Desk is not reachable: is browser mode still running?',
          },
        };
      }
      const body: unknown = await res.json().catch(() => null);
      if (isReply(body)) return body;
      return {
        ok: false,
        error: { code: 'internal', message: `The desk answered HTTP ${res.status}.` },
      };
    },
    on(event, cb) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const listener = cb as (payload: unknown) => void;
      set.add(listener);
      // Listeners live here, not on the socket, so they survive every reconnect.
      if (!started) {
        started = true;
        connect();
      }
      return () => {
        set.delete(listener);
      };
    },
    onReconnect(cb) {
      reconnectListeners.add(cb);
      return () => {
        reconnectListeners.delete(cb);
      };
    },
    close() {
      closed = true;
      socket?.close();
      socket = null;
    },
  };
}
