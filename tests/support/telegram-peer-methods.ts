// The Bot API methods the Telegram test peer implements, over its in-memory chats. Each method
// validates as Telegram documents (and words its errors as Telegram does), then changes state and
// returns the `result` Telegram would. Values may come as JSON types or, from multipart bodies,
// as strings (objects JSON-encoded): the readers below accept both, as Telegram does.
import { parseTelegramHtml } from './telegram-peer-wire';
import type { Upload } from './telegram-peer-wire';

export type Params = Record<string, unknown>;

export class PeerError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters: { retry_after?: number } | null = null,
  ) {
    super(description);
  }
}

/** The bot as a channel administrator, with the rights the connector cares about. */
export interface AdminRights {
  status: 'administrator';
  can_post_messages: boolean;
  can_edit_messages: boolean;
  can_delete_messages: boolean;
}

export type Membership = AdminRights | { status: 'left' };

export const FULL_RIGHTS: AdminRights = {
  status: 'administrator',
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

export interface PeerMessage {
  message_id: number;
  /** When it was sent, by the peer's clock. */
  sentAt: Date;
  kind: 'text' | 'photo' | 'video' | 'document' | 'poll';
  /** The HTML (or plain text) it was sent with: message text or caption. */
  source: string | null;
  parseMode: string | null;
  /** Visible text after entity parsing. */
  text: string | null;
  file: { filename: string; size: number } | null;
  mediaGroupId: string | null;
  poll: Params | null;
  silent: boolean;
  pinned: boolean;
  edits: number;
}

export interface PeerChat {
  id: number;
  username: string | null;
  title: string;
  type: 'channel' | 'supergroup';
  membership: Membership;
  messages: Map<number, PeerMessage>;
  /** Every message ever created here, deleted ones included (for rate assertions). */
  history: PeerMessage[];
  nextId: number;
}

export interface PeerState {
  bot: { id: number; username: string };
  chats: PeerChat[];
  now: () => Date;
  injected429: number | null;
  /** Creation times of all messages, for the per-bot limit. */
  botSends: number[];
  nextFileId: number;
  /** Updates waiting for the bot's getUpdates (reaction counts, poll results). */
  updates: ({ update_id: number } & Record<string, unknown>)[];
  nextUpdateId: number;
}

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CHAT_PER_MINUTE = 20;
const BOT_PER_SECOND = 30;
const DELETE_WINDOW_MS = 48 * 3600 * 1000;
const MEDIA_FIELDS = { sendPhoto: 'photo', sendVideo: 'video', sendDocument: 'document' } as const;

const bad = (what: string) => new PeerError(400, `Bad Request: ${what}`);

function str(p: Params, key: string): string | null {
  const v = p[key];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : String(v);
}

function int(p: Params, key: string): number | null {
  const v = str(p, key);
  if (v === null) return null;
  if (!/^-?\d+$/.test(v)) throw bad(`invalid ${key} specified`);
  return Number(v);
}

function bool(p: Params, key: string): boolean {
  return p[key] === true || p[key] === 'true';
}

function json<T>(p: Params, key: string): T | null {
  const v = p[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw bad(`can't parse ${key} JSON object`);
  }
}

function unix(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/** Text or caption as Telegram stores it: parsed when parse_mode is HTML, checked for length. */
function readText(source: string, parseMode: string | null, limit: number, kind: string) {
  let text = source;
  if (parseMode?.toLowerCase() === 'html') {
    const parsed = parseTelegramHtml(source);
    if (!parsed.ok) throw new PeerError(400, parsed.description);
    text = parsed.text;
  }
  text = text.trim();
  if (text.length > limit)
    throw bad(kind === 'text' ? 'message is too long' : 'message caption is too long');
  if (kind === 'text' && text === '') throw bad('message text is empty');
  return text;
}

export class PeerMethods {
  constructor(private readonly state: PeerState) {}

  static initialState(
    bot: PeerState['bot'],
    chats: { id: number; username: string | null; title: string; type: PeerChat['type'] }[],
    now: () => Date,
  ): PeerState {
    return {
      bot,
      now,
      injected429: null,
      botSends: [],
      nextFileId: 1,
      updates: [],
      nextUpdateId: 1,
      chats: chats.map((c) => ({
        ...c,
        membership: { ...FULL_RIGHTS },
        messages: new Map(),
        history: [],
        nextId: 1,
      })),
    };
  }

  /** A chat by @username or (numeric) id; Telegram's "chat not found" otherwise. */
  chatOf(ref: unknown): PeerChat {
    const key = typeof ref === 'number' ? String(ref) : typeof ref === 'string' ? ref : '';
    const chat = this.state.chats.find((c) =>
      key.startsWith('@')
        ? c.username?.toLowerCase() === key.slice(1).toLowerCase()
        : String(c.id) === key,
    );
    if (chat === undefined) throw bad('chat not found');
    return chat;
  }

  call(method: string, p: Params, files: Map<string, Upload>): unknown {
    switch (method) {
      case 'getMe':
        return this.me();
      case 'getChat':
        return this.chatInfo(this.chatOf(p['chat_id']));
      case 'getChatMember':
        return this.member(p);
      case 'sendMessage':
        return this.sendMessage(p);
      case 'sendPhoto':
      case 'sendVideo':
      case 'sendDocument':
        return this.sendMedia(method, p, files);
      case 'sendMediaGroup':
        return this.sendMediaGroup(p, files);
      case 'sendPoll':
        return this.sendPoll(p);
      case 'editMessageText':
      case 'editMessageCaption':
        return this.edit(method, p);
      case 'deleteMessage':
        return this.deleteMessage(p);
      case 'pinChatMessage':
        return this.pin(p);
      case 'getUpdates':
        return this.getUpdates(p);
      default:
        throw new PeerError(404, 'Not Found: method not found');
    }
  }

  private me() {
    const { id, username } = this.state.bot;
    return { id, is_bot: true, first_name: 'Desk Peer Bot', username, can_join_groups: true };
  }

  private chatRef(chat: PeerChat) {
    return {
      id: chat.id,
      type: chat.type,
      title: chat.title,
      ...(chat.username === null ? {} : { username: chat.username }),
    };
  }

  private chatInfo(chat: PeerChat) {
    // A bot sees a private channel only as a member; a public one by its username.
    if (chat.username === null && chat.membership.status === 'left') throw bad('chat not found');
    return { ...this.chatRef(chat), accent_color_id: 0, max_reaction_count: 11 };
  }

  private member(p: Params) {
    const chat = this.chatOf(p['chat_id']);
    if (int(p, 'user_id') !== this.state.bot.id) throw bad('user not found');
    const user = { ...this.me(), is_bot: true };
    if (chat.membership.status === 'left') return { status: 'left', user };
    return {
      ...chat.membership,
      user,
      can_be_edited: false,
      is_anonymous: false,
      can_manage_chat: true,
      can_manage_video_chats: false,
      can_restrict_members: false,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: true,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
    };
  }

  /** Rights and flood limits of a call about to create `count` messages in `chat`. */
  private gateSend(chat: PeerChat, count: number): void {
    this.gateMember(chat);
    if (chat.membership.status === 'administrator' && !chat.membership.can_post_messages) {
      throw bad('need administrator rights in the channel chat');
    }
    const injected = this.state.injected429;
    if (injected !== null) {
      this.state.injected429 = null;
      throw tooMany(injected);
    }
    const now = this.state.now().getTime();
    const inChat = chat.history.map((m) => m.sentAt.getTime()).filter((t) => t > now - 60_000);
    if (inChat.length + count > CHAT_PER_MINUTE) {
      const oldest = inChat[Math.max(0, inChat.length + count - CHAT_PER_MINUTE - 1)] as number;
      throw tooMany(Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000)));
    }
    const inBot = this.state.botSends.filter((t) => t > now - 1000);
    if (inBot.length + count > BOT_PER_SECOND) throw tooMany(1);
  }

  private gateMember(chat: PeerChat): void {
    if (chat.membership.status === 'left') {
      throw new PeerError(403, 'Forbidden: bot is not a member of the channel chat');
    }
  }

  private create(chat: PeerChat, p: Params, fields: Partial<PeerMessage>): PeerMessage {
    const message: PeerMessage = {
      message_id: chat.nextId++,
      sentAt: this.state.now(),
      kind: 'text',
      source: null,
      parseMode: str(p, 'parse_mode'),
      text: null,
      file: null,
      mediaGroupId: null,
      poll: null,
      silent: bool(p, 'disable_notification'),
      pinned: false,
      edits: 0,
      ...fields,
    };
    chat.messages.set(message.message_id, message);
    chat.history.push(message);
    this.state.botSends.push(message.sentAt.getTime());
    return message;
  }

  /** The Message object Telegram returns for a stored message. */
  private view(chat: PeerChat, m: PeerMessage) {
    const file = m.file;
    const fileId = `file-${m.message_id}`;
    return {
      message_id: m.message_id,
      sender_chat: this.chatRef(chat),
      chat: this.chatRef(chat),
      date: unix(m.sentAt),
      ...(m.edits > 0 ? { edit_date: unix(this.state.now()) } : {}),
      ...(m.mediaGroupId === null ? {} : { media_group_id: m.mediaGroupId }),
      ...(m.kind === 'text' ? { text: m.text } : {}),
      ...(m.kind !== 'text' && m.kind !== 'poll' && m.text !== null && m.text !== ''
        ? { caption: m.text }
        : {}),
      ...(m.kind === 'photo' && file !== null
        ? {
            photo: [
              {
                file_id: fileId,
                file_unique_id: fileId,
                width: 800,
                height: 600,
                file_size: file.size,
              },
            ],
          }
        : {}),
      ...(m.kind === 'video' && file !== null
        ? {
            video: {
              file_id: fileId,
              file_unique_id: fileId,
              width: 1280,
              height: 720,
              duration: 1,
              file_name: file.filename,
              file_size: file.size,
            },
          }
        : {}),
      ...(m.kind === 'document' && file !== null
        ? {
            document: {
              file_id: fileId,
              file_unique_id: fileId,
              file_name: file.filename,
              file_size: file.size,
            },
          }
        : {}),
      ...(m.poll === null ? {} : { poll: m.poll }),
    };
  }

  private sendMessage(p: Params) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const source = str(p, 'text') ?? '';
    const text = readText(source, str(p, 'parse_mode'), TEXT_LIMIT, 'text');
    this.gateSend(chat, 1);
    return this.view(chat, this.create(chat, p, { kind: 'text', source, text }));
  }

  /** An uploaded file (`attach://<id>` or a part of that name) or a file_id sent earlier. */
  private fileOf(ref: unknown, field: string, files: Map<string, Upload>) {
    const direct = files.get(field);
    if (direct !== undefined) return { filename: direct.filename, size: direct.bytes.length };
    if (typeof ref !== 'string' || ref === '') throw bad(`there is no ${field} in the request`);
    if (!ref.startsWith('attach://')) return { filename: ref, size: 0 };
    const upload = files.get(ref.slice('attach://'.length));
    if (upload === undefined) throw bad(`wrong file identifier/HTTP URL specified`);
    if (upload.bytes.length === 0) throw bad('file must be non-empty');
    return { filename: upload.filename, size: upload.bytes.length };
  }

  private caption(p: Params) {
    const source = str(p, 'caption');
    if (source === null) return { source: null, text: null };
    return { source, text: readText(source, str(p, 'parse_mode'), CAPTION_LIMIT, 'caption') };
  }

  private sendMedia(method: keyof typeof MEDIA_FIELDS, p: Params, files: Map<string, Upload>) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const field = MEDIA_FIELDS[method];
    const file = this.fileOf(p[field], field, files);
    const caption = this.caption(p);
    this.gateSend(chat, 1);
    return this.view(chat, this.create(chat, p, { kind: field, file, ...caption }));
  }

  private sendMediaGroup(p: Params, files: Map<string, Upload>) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const media = json<Params[]>(p, 'media');
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
      throw bad('media group must contain 2-10 items');
    }
    const types = media.map((m) => str(m, 'type'));
    const loners = types.filter((t) => t === 'document' || t === 'audio');
    if (loners.length > 0 && (loners.length !== types.length || new Set(loners).size > 1)) {
      throw bad(
        'documents and audio files can be only grouped in an album with messages of the same type',
      );
    }
    const items = media.map((m, i) => {
      const type = types[i] as PeerMessage['kind'] | null;
      if (type !== 'photo' && type !== 'video' && type !== 'document') {
        throw bad(`unsupported media type "${type ?? ''}" in the album`);
      }
      const file = this.fileOf(m['media'], `media #${i}`, files);
      const kind: PeerMessage['kind'] = type;
      return { kind, file, ...this.caption(m), parseMode: str(m, 'parse_mode') };
    });
    this.gateSend(chat, items.length);
    const group = `group-${chat.id}-${chat.nextId}`;
    return items.map((item) =>
      this.view(
        chat,
        this.create(chat, p, {
          kind: item.kind,
          file: item.file,
          source: item.source,
          text: item.text,
          parseMode: item.parseMode,
          mediaGroupId: group,
        }),
      ),
    );
  }

  /**
   * Long polling as the Bot API does it, without the wait: updates from `offset` on (earlier ones
   * count as confirmed and are dropped), only the kinds in `allowed_updates` when given.
   */
  private getUpdates(p: Params) {
    const offset = int(p, 'offset') ?? 0;
    const limit = Math.min(100, Math.max(1, int(p, 'limit') ?? 100));
    const allowed = json<string[]>(p, 'allowed_updates');
    this.state.updates = this.state.updates.filter((u) => u.update_id >= offset);
    return this.state.updates
      .filter((u) => !allowed || allowed.some((kind) => kind in u))
      .slice(0, limit);
  }

  /** Queues an update for getUpdates (what Telegram sends a bot about its channels). */
  queueUpdate(kind: 'message_reaction_count' | 'poll', body: Record<string, unknown>): void {
    this.state.updates.push({ update_id: this.state.nextUpdateId++, [kind]: body });
  }

  private sendPoll(p: Params) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const question = str(p, 'question') ?? '';
    if (question.length < 1 || question.length > 300)
      throw bad('poll question length must be 1-300');
    const raw = json<unknown[]>(p, 'options') ?? [];
    const options = raw.map((o) => (typeof o === 'string' ? o : (str(o as Params, 'text') ?? '')));
    if (options.length < 1 || options.length > 12) throw bad('poll must have 1-12 options');
    if (options.some((o) => o.length < 1 || o.length > 100))
      throw bad('poll options length must be 1-100');
    if (p['is_anonymous'] !== undefined && !bool(p, 'is_anonymous') && chat.type === 'channel') {
      throw bad("non-anonymous polls can't be sent to channel chats");
    }
    const type = str(p, 'type') ?? 'regular';
    const legacy = int(p, 'correct_option_id');
    const correct = json<number[]>(p, 'correct_option_ids') ?? (legacy === null ? null : [legacy]);
    if (type === 'quiz') {
      if (correct === null || correct.length === 0)
        throw bad('quiz poll must have a correct option');
      if (correct.some((c) => c < 0 || c >= options.length))
        throw bad('wrong correct option id specified');
    }
    this.gateSend(chat, 1);
    const poll = {
      id: `poll-${chat.id}-${chat.nextId}`,
      question,
      options: options.map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type,
      allows_multiple_answers: bool(p, 'allows_multiple_answers'),
      ...(type === 'quiz' ? { correct_option_ids: correct } : {}),
    };
    return this.view(chat, this.create(chat, p, { kind: 'poll', poll }));
  }

  private messageOf(chat: PeerChat, p: Params, what: string): PeerMessage {
    const message = chat.messages.get(int(p, 'message_id') ?? -1);
    if (message === undefined) throw bad(`message to ${what} not found`);
    return message;
  }

  private edit(method: 'editMessageText' | 'editMessageCaption', p: Params) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const message = this.messageOf(chat, p, 'edit');
    const isText = method === 'editMessageText';
    if (isText && message.kind !== 'text') throw bad('there is no text in the message to edit');
    if (!isText && (message.kind === 'text' || message.kind === 'poll')) {
      throw bad('there is no caption in the message to edit');
    }
    const source = str(p, isText ? 'text' : 'caption') ?? '';
    const parseMode = str(p, 'parse_mode');
    const text = readText(
      source,
      parseMode,
      isText ? TEXT_LIMIT : CAPTION_LIMIT,
      isText ? 'text' : 'caption',
    );
    if (source === (message.source ?? '') && parseMode === message.parseMode) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    Object.assign(message, { source, parseMode, text, edits: message.edits + 1 });
    return this.view(chat, message);
  }

  private deleteMessage(p: Params) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    const message = this.messageOf(chat, p, 'delete');
    if (this.state.now().getTime() - message.sentAt.getTime() > DELETE_WINDOW_MS) {
      throw bad("message can't be deleted");
    }
    chat.messages.delete(message.message_id);
    return true;
  }

  private pin(p: Params) {
    const chat = this.chatOf(p['chat_id']);
    this.gateMember(chat);
    if (chat.membership.status === 'administrator' && !chat.membership.can_edit_messages) {
      throw bad('not enough rights to manage pinned messages in the chat');
    }
    this.messageOf(chat, p, 'pin').pinned = true;
    return true;
  }
}

function tooMany(retryAfterS: number): PeerError {
  return new PeerError(429, `Too Many Requests: retry after ${retryAfterS}`, {
    retry_after: retryAfterS,
  });
}
