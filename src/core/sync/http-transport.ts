// The desk's way to a team hub: fetch for requests, a WebSocket for pokes (reconnecting).
import WebSocket from 'ws';
import type { HubRequest, HubResponse, HubTransport } from '../../shared/sync/transport';
import { HubUnreachableError } from '../../shared/sync/transport';

const DEFAULT_TIMEOUT_MS = 30_000;
const SOCKET_RETRY_MIN_MS = 1000;
const SOCKET_RETRY_MAX_MS = 30_000;

/** A hub's root URL as typed by a person: scheme added when missing, no trailing slash. */
export function normaliseHubUrl(input: string): URL {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`A hub address starts with https:// (or http://), not ${url.protocol}//.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

function describeNetworkError(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `No server called ${url.hostname} was found (check the address, or the network).`;
    case 'ECONNREFUSED':
      return `Nothing answers at ${url.host}: is the hub running?`;
    case 'ECONNRESET':
      return `The connection to ${url.host} was cut.`;
    default:
      if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError')
        return `The hub at ${url.host} did not answer in time.`;
      return `The hub at ${url.host} cannot be reached (${(error as Error).message}).`;
  }
}

export function createHttpTransport(root: URL, token: string | null = null): HubTransport {
  let bearer = token;
  const base = root.href.replace(/\/$/, '');

  async function request(req: HubRequest): Promise<HubResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let body: string | Uint8Array | undefined;
    if (req.body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      body = req.body;
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    let res: Response;
    try {
      res = await fetch(`${base}${req.path}`, {
        method: req.method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      throw new HubUnreachableError(describeNetworkError(error, root), { cause: error });
    }
    const out: Record<string, string> = {};
    res.headers.forEach((value, key) => (out[key] = value));
    req.onHeaders?.(out);
    try {
      if (req.binary && res.ok) {
        return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), headers: out };
      }
      const text = await res.text();
      let parsed: unknown = text;
      if ((out['content-type'] ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
      return { status: res.status, body: parsed, headers: out };
    } catch (error) {
      throw new HubUnreachableError(describeNetworkError(error, root), { cause: error });
    }
  }

  const sockets = new Set<() => void>();

  function subscribe(onPoke: (version: number) => void, onState: (open: boolean) => void) {
    let socket: WebSocket | null = null;
    let timer: NodeJS.Timeout | null = null;
    let delay = SOCKET_RETRY_MIN_MS;
    let stopped = false;
    const url = `${base.replace(/^http/, 'ws')}/v1/sync/events`;
    const connect = () => {
      if (stopped || !bearer) return;
      socket = new WebSocket(url, { headers: { authorization: `Bearer ${bearer}` } });
      socket.on('open', () => {
        delay = SOCKET_RETRY_MIN_MS;
        onState(true);
      });
      socket.on('message', (data) => {
        try {
          const msg = JSON.parse(String(data)) as { type?: string; version?: number };
          if (msg.type === 'changed' && typeof msg.version === 'number') onPoke(msg.version);
        } catch {
          // Not a poke: ignore it.
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        socket = null;
        onState(false);
        if (stopped) return;
        timer = setTimeout(connect, delay);
        timer.unref();
        delay = Math.min(delay * 2, SOCKET_RETRY_MAX_MS);
      });
    };
    connect();
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.terminate();
      sockets.delete(stop);
    };
    sockets.add(stop);
    return stop;
  }

  return {
    label: root.host,
    request,
    subscribe,
    setToken(next) {
      bearer = next;
    },
    async close() {
      for (const stop of [...sockets]) stop();
    },
  };
}
