// A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api), listening on
// 127.0.0.1: routes /bot<token>/<method>, JSON or multipart bodies, answers {ok, result} or
// {ok: false, error_code, description, parameters}, with the HTTP status equal to error_code as
// Telegram does. It keeps each chat's messages (ids increasing), records every call, and
// enforces what the connector must respect: the bot's rights, HTML entities, text 4096 and
// caption 1024, albums of 2–10 without documents mixed in, "message is not modified", the
// 48-hour delete window (against a clock the test sets), and flood limits of 20 messages a
// minute per chat and 30 a second per bot (429 with retry_after). Switches make the bot lose its
// rights, make every call fail with 500, inject one 429, or stall answers (before or after
// carrying the call out).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PeerError, PeerMethods } from './telegram-peer-methods';
import type { Membership, Params, PeerState } from './telegram-peer-methods';
import { parseMultipart } from './telegram-peer-wire';
import type { Upload } from './telegram-peer-wire';

export { FULL_RIGHTS, PeerError } from './telegram-peer-methods';
export type { PeerChat, PeerMessage, Membership } from './telegram-peer-methods';

export const PEER_BOT_ID = 7_700_001;
export const PEER_TOKEN = `${PEER_BOT_ID}:AAH-peer-test-token_0123456789abcdef`;
export const PEER_BOT_USERNAME = 'desk_peer_bot';
export const PEER_CHANNEL = '@rome_mobility';
export const PEER_CHANNEL_ID = -1_001_000_000_001;

export interface PeerChatInit {
  id: number;
  username: string | null;
  title: string;
  type: 'channel' | 'supergroup';
}

export interface TelegramPeerOptions {
  /** The peer's clock (message dates, the 48-hour window, flood limits); real time by default. */
  now?: () => Date;
  chats?: PeerChatInit[];
}

/** One call as the peer received it, and what it answered. */
export interface PeerCall {
  method: string;
  params: Params;
  /** Uploaded files (multipart only). */
  files: { name: string; filename: string; size: number }[];
  multipart: boolean;
  at: Date;
  status: number;
  description: string | null;
}

const DEFAULT_CHATS: PeerChatInit[] = [
  { id: PEER_CHANNEL_ID, username: 'rome_mobility', title: 'Roma Mobilità', type: 'channel' },
  { id: -1_001_000_000_002, username: 'rome_newsroom', title: 'Redazione', type: 'supergroup' },
];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(body: Buffer, type: string): { params: Params; files: Map<string, Upload> } {
  if (type.startsWith('multipart/form-data')) {
    const { fields, files } = parseMultipart(body, type);
    return { params: fields, files };
  }
  if (body.length === 0) return { params: {}, files: new Map() };
  if (type.startsWith('application/json')) {
    return { params: JSON.parse(body.toString('utf8')) as Params, files: new Map() };
  }
  return {
    params: Object.fromEntries(new URLSearchParams(body.toString('utf8'))),
    files: new Map(),
  };
}

export class TelegramPeer {
  readonly calls: PeerCall[] = [];
  /** Calls still to answer with 500 Internal Server Error (Infinity: all of them). */
  serverErrors = 0;
  /** While true, requests are held without an answer (a hung connection). */
  stalling = false;
  /** While true, requests are carried out (a message is posted) and then left without an answer. */
  stallingAfterDoing = false;
  private readonly server: Server;
  private readonly state: PeerState;
  private readonly methods: PeerMethods;
  private port = 0;

  constructor(opts: TelegramPeerOptions = {}) {
    this.state = PeerMethods.initialState(
      { id: PEER_BOT_ID, username: PEER_BOT_USERNAME },
      opts.chats ?? DEFAULT_CHATS,
      opts.now ?? (() => new Date()),
    );
    this.methods = new PeerMethods(this.state);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** The `apiRoot` to give grammY. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A chat by @username or id (throws when the test names one the peer does not have). */
  chat(ref: string | number) {
    return this.methods.chatOf(ref);
  }

  /** Sets the bot's standing in a chat (e.g. `{ status: 'left' }`). */
  setMembership(ref: string | number, membership: Membership): void {
    this.methods.chatOf(ref).membership = membership;
  }

  /** The next call that would create messages answers 429 with this retry_after. */
  inject429(retryAfterS: number): void {
    this.state.injected429 = retryAfterS;
  }

  /** Followers reacted: the next getUpdates carries the message's reaction counts. */
  reactionCounts(ref: string | number, messageId: number, counts: Record<string, number>): void {
    const chat = this.methods.chatOf(ref);
    this.methods.queueUpdate('message_reaction_count', {
      chat: {
        id: chat.id,
        type: chat.type,
        title: chat.title,
        username: chat.username ?? undefined,
      },
      message_id: messageId,
      date: Math.floor(this.state.now().getTime() / 1000),
      reactions: Object.entries(counts).map(([emoji, total_count]) => ({
        type: { type: 'emoji', emoji },
        total_count,
      })),
    });
  }

  /** Followers voted: the next getUpdates carries the poll's new state. */
  pollResults(pollId: string, options: { text: string; votes: number }[]): void {
    this.methods.queueUpdate('poll', {
      id: pollId,
      question: 'poll',
      options: options.map((o) => ({ text: o.text, voter_count: o.votes })),
      total_voter_count: options.reduce((n, o) => n + o.votes, 0),
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    });
  }

  /** Calls of one method, in order. */
  callsOf(method: string): PeerCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (this.stalling) return; // never answered; close() ends the connection
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    let call: PeerCall = {
      method: match?.[2] ?? '',
      params: {},
      files: [],
      multipart: (req.headers['content-type'] ?? '').startsWith('multipart/form-data'),
      at: this.state.now(),
      status: 200,
      description: null,
    };
    let answer: unknown;
    try {
      if (match === null) throw new PeerError(404, 'Not Found');
      if (match[1] !== PEER_TOKEN) throw new PeerError(401, 'Unauthorized');
      if (this.serverErrors > 0) {
        this.serverErrors--;
        throw new PeerError(500, 'Internal Server Error');
      }
      const parsed = parseBody(body, req.headers['content-type'] ?? '');
      call = {
        ...call,
        params: parsed.params,
        files: [...parsed.files.values()].map((f) => ({
          name: f.name,
          filename: f.filename,
          size: f.bytes.length,
        })),
      };
      answer = { ok: true, result: this.methods.call(call.method, parsed.params, parsed.files) };
    } catch (err) {
      const e = err instanceof PeerError ? err : new PeerError(400, `Bad Request: ${String(err)}`);
      call = { ...call, status: e.code, description: e.description };
      answer = {
        ok: false,
        error_code: e.code,
        description: e.description,
        ...(e.parameters === null ? {} : { parameters: e.parameters }),
      };
    }
    this.calls.push(call);
    if (this.stallingAfterDoing) return; // done, but never answered
    res.writeHead(call.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }
}

/** Starts a peer on a free port. */
export async function startTelegramPeer(opts: TelegramPeerOptions = {}): Promise<TelegramPeer> {
  return new TelegramPeer(opts).listen();
}
