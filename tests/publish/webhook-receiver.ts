// A newsroom's webhook endpoint written only from docs/webhooks.md (it imports nothing from the
// connector): a local HTTP server that verifies signatures in constant time, refuses stale
// timestamps, drops repeated deliveries, and records what it accepted. Tests switch how it
// answers (an error status, 429 with Retry-After, a redirect, or no answer at all).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The replay window the docs ask receivers to enforce. */
const REPLAY_WINDOW_S = 300;

/** How the receiver answers a delivery whose signature checked out. */
export type ReceiverMode =
  /**
   * 200 with `{ id, url }` when given, else the text `ok`; with `delayMs`, the event is recorded
   * at once and the answer sent that much later (a sender may die in between).
   */
  | { kind: 'accept'; id?: string; url?: string; delayMs?: number }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Reads the request and never answers. */
  | { kind: 'hang' };

/** A delivery the receiver verified and processed. */
export interface ReceivedEvent {
  headers: IncomingMessage['headers'];
  event: Record<string, unknown>;
  /** When its request arrived (this machine's clock, ms). */
  at: number;
}

/** A request the receiver refused before processing it. */
export interface Refusal {
  status: number;
  reason: string;
}

export interface WebhookReceiver {
  url: string;
  /** Verified deliveries processed once each, in arrival order. */
  events: ReceivedEvent[];
  refusals: Refusal[];
  /** Verified deliveries whose id had been processed already. */
  duplicates: string[];
  /** Every request that reached the server. */
  requests: number;
  setMode(mode: ReceiverMode): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Step 2–5 of the docs: null when the delivery is genuine and fresh, else why not. */
function verify(req: IncomingMessage, raw: Buffer, secret: string): Refusal | null {
  const timestamp = header(req, 'X-ChannelDesk-Timestamp');
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) {
    return { status: 400, reason: 'missing or malformed timestamp' };
  }
  const nowS = Math.floor(Date.now() / 1000);
  if (Math.abs(nowS - Number(timestamp)) > REPLAY_WINDOW_S) {
    return { status: 401, reason: 'stale timestamp' };
  }
  const mac = createHmac('sha256', secret);
  mac.update(Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), raw]));
  const expected = Buffer.from(`v1=${mac.digest('hex')}`, 'utf8');
  const given = Buffer.from(header(req, 'X-ChannelDesk-Signature') ?? '', 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, reason: 'bad signature' };
  }
  return null;
}

/** Starts a receiver on 127.0.0.1 at a free port, verifying with `secret`. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  let mode: ReceiverMode = { kind: 'accept' };
  let requests = 0;
  const answered = new Map<string, { status: number; body: string }>();
  const events: ReceivedEvent[] = [];
  const refusals: Refusal[] = [];
  const duplicates: string[] = [];

  const send = (res: ServerResponse, status: number, body: string, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const arrived = Date.now();
    const raw = await readBody(req);
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    const refusal = verify(req, raw, secret);
    if (refusal) {
      refusals.push(refusal);
      return send(res, refusal.status, refusal.reason);
    }
    const event = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    const id = String(event.id);
    const earlier = answered.get(id);
    if (earlier) {
      duplicates.push(id);
      return send(res, earlier.status, earlier.body);
    }
    if (mode.kind === 'hang') return;
    if (mode.kind === 'status') return send(res, mode.status, mode.body ?? '', mode.headers);
    events.push({ headers: req.headers, event, at: arrived });
    const body =
      mode.id !== undefined || mode.url !== undefined
        ? JSON.stringify({ id: mode.id, url: mode.url })
        : 'ok';
    answered.set(id, { status: 200, body });
    const delay = mode.delayMs;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    send(res, 200, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, err.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    events,
    refusals,
    duplicates,
    get requests() {
      return requests;
    },
    setMode: (next) => {
      mode = next;
    },
    url: `http://127.0.0.1:${port}/hooks/channel-desk`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
