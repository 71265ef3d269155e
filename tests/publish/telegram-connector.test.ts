// The Telegram connector against the Bot API test peer, over real HTTP: each post shape, edits,
// deletes, every documented error mapped to its outcome, pacing, and check().
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Connector,
  ConnectorTarget,
  PublishContent,
  PublishOutcome,
  SendContext,
  SentRef,
} from '../../src/hub/publish/connector';
import { Pacer } from '../../src/hub/publish/pacer';
import { createTelegramConnector } from '../../src/hub/publish/telegram';
import { POST_IN_DOUBT, outcomeOfError } from '../../src/hub/publish/telegram/telegram-errors';
import type { Attachment, AttachmentKind } from '../../src/shared/domain';
import {
  FULL_RIGHTS,
  PEER_CHANNEL,
  PEER_CHANNEL_ID,
  PEER_TOKEN,
  startTelegramPeer,
} from '../support/telegram-peer';
import type { TelegramPeer } from '../support/telegram-peer';

const START = new Date('2026-03-02T08:00:00.000Z');
const HOUR_MS = 3600_000;
const target: ConnectorTarget = {
  channelId: 'ch-rome',
  config: { chatId: PEER_CHANNEL },
  secret: PEER_TOKEN,
};

let peer: TelegramPeer;
let clock: { now: Date };
let pacer: Pacer;
let telegram: Connector;
const blobs = new Map<string, Buffer>();

beforeEach(async () => {
  clock = { now: START };
  peer = await startTelegramPeer({ now: () => clock.now });
  pacer = new Pacer();
  telegram = createTelegramConnector({ apiRoot: peer.apiRoot, pacer });
  blobs.clear();
});
afterEach(() => peer.close());

function ctx(): SendContext {
  return {
    idempotencyKey: 'pub-1',
    copy: { updateId: 'u-1', storyId: 's-1', version: 1 },
    now: clock.now,
    blobs: async (hash) => {
      const bytes = blobs.get(hash);
      if (bytes === undefined) throw new Error(`no blob ${hash}`);
      return bytes;
    },
  };
}

function file(kind: AttachmentKind, name: string, size?: number): Attachment {
  const bytes = Buffer.from(`${kind}:${name}:bytes`);
  const hash = createHash('sha256').update(bytes).digest('hex');
  blobs.set(hash, bytes);
  const mime = { image: 'image/jpeg', video: 'video/mp4', document: 'application/pdf' }[kind];
  return { hash, name, mime, kind, size: size ?? bytes.length, thumbHash: null };
}

function content(over: Partial<PublishContent>): PublishContent {
  return { text: '', attachments: [], poll: null, silent: false, pin: false, ...over };
}

async function post(over: Partial<PublishContent>, to = target): Promise<PublishOutcome> {
  return telegram.post(to, content(over), ctx());
}

function sentRef(outcome: PublishOutcome): SentRef {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.ref;
}

const channel = () => peer.chat(PEER_CHANNEL);
const methods = () => peer.calls.map((c) => c.method);
const longText = (n: number) => 'Lavori sulla linea B. '.repeat(Math.ceil(n / 22)).slice(0, n);

describe('posting', () => {
  it('sends a text as HTML with Telegram’s default link previews', async () => {
    const outcome = await post({
      text: '**Metro A** closed, see [details](https://atac.example/a)',
    });
    expect(outcome).toEqual({
      kind: 'sent',
      ref: { messageIds: ['1'], url: 'https://t.me/rome_mobility/1' },
      answer: 'Posted as message 1.',
    });
    const [call] = peer.callsOf('sendMessage');
    expect(call?.params).toEqual({
      chat_id: PEER_CHANNEL,
      text: '<b>Metro A</b> closed, see <a href="https://atac.example/a">details</a>',
      parse_mode: 'HTML',
      disable_notification: false,
    });
    expect(channel().messages.get(1)?.text).toBe('Metro A closed, see details');
  });

  it('renders every formatting the composer has into HTML Telegram accepts', async () => {
    const text = [
      '# Roadworks',
      '**bold** _italic_ ~~gone~~ `code` [link](https://example.org)',
      '> quoted line',
      '- first',
      '- second',
      '```',
      'a < b && c',
      '```',
    ].join('\n');
    expect((await post({ text })).kind).toBe('sent');
    expect(channel().messages.get(1)?.text).toContain('a < b && c');
  });

  it('sends one photo with the text as its caption, uploading the blob under its name', async () => {
    const photo = file('image', 'bus-stop.jpg');
    const ref = sentRef(await post({ text: 'New _stop_', attachments: [photo] }));
    expect(ref.messageIds).toEqual(['1']);
    const [call] = peer.callsOf('sendPhoto');
    expect(call?.multipart).toBe(true);
    expect(call?.files).toEqual([
      { name: expect.any(String), filename: 'bus-stop.jpg', size: photo.size },
    ]);
    expect(call?.params).toMatchObject({ caption: 'New <i>stop</i>', parse_mode: 'HTML' });
    expect(channel().messages.get(1)).toMatchObject({ kind: 'photo', text: 'New stop' });
  });

  it('sends a video and a document with the matching methods', async () => {
    sentRef(await post({ text: 'Clip', attachments: [file('video', 'clip.mp4')] }));
    sentRef(await post({ text: 'Timetable', attachments: [file('document', 'orari.pdf')] }));
    expect(methods()).toEqual(['sendVideo', 'sendDocument']);
    expect(channel().messages.get(2)).toMatchObject({
      kind: 'document',
      file: { filename: 'orari.pdf' },
      text: 'Timetable',
    });
  });

  it('sends media without caption, then the text, when the text is longer than a caption', async () => {
    const text = longText(1500);
    const ref = sentRef(await post({ text, attachments: [file('image', 'map.png')] }));
    expect(ref.messageIds).toEqual(['1', '2']);
    expect(methods()).toEqual(['sendPhoto', 'sendMessage']);
    expect(peer.callsOf('sendPhoto')[0]?.params['caption']).toBeUndefined();
    expect(channel().messages.get(2)?.text).toBe(text.trim());
  });

  it('sends 2 to 10 photos and videos as one album with the caption on the first item', async () => {
    const attachments = [
      file('image', 'a.jpg'),
      file('video', 'b.mp4'),
      ...Array.from({ length: 8 }, (_, i) => file('image', `c${i}.jpg`)),
    ];
    const ref = sentRef(await post({ text: 'Album **now**', attachments }));
    expect(ref.messageIds).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const [call] = peer.callsOf('sendMediaGroup');
    const media = JSON.parse(call?.params['media'] as string) as Array<Record<string, string>>;
    expect(media.map((m) => m['type'])).toEqual(['photo', 'video', ...Array(8).fill('photo')]);
    expect(media[0]).toMatchObject({ caption: 'Album <b>now</b>', parse_mode: 'HTML' });
    expect(media.slice(1).every((m) => m['caption'] === undefined)).toBe(true);
    expect(call?.files.map((f) => f.filename)).toEqual(attachments.map((a) => a.name));
    const groups = new Set([...channel().messages.values()].map((m) => m.mediaGroupId));
    expect(groups.size).toBe(1);
  });

  it('refuses more than 10 photos and videos before calling Telegram', async () => {
    const attachments = Array.from({ length: 11 }, (_, i) => file('image', `p${i}.jpg`));
    const outcome = await post({ text: 'Too many', attachments });
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('at most 10'),
    });
    expect(peer.calls).toEqual([]);
  });

  it('splits a mixed album: photos and videos together, documents in their own group', async () => {
    const attachments = [
      file('document', 'plan.pdf'),
      file('image', 'a.jpg'),
      file('document', 'rules.pdf'),
      file('image', 'b.jpg'),
    ];
    const ref = sentRef(await post({ text: 'Mixed', attachments }));
    expect(ref.messageIds).toEqual(['1', '2', '3', '4']);
    const [visual, documents] = peer.callsOf('sendMediaGroup');
    expect(visual?.files.map((f) => f.filename)).toEqual(['a.jpg', 'b.jpg']);
    expect(documents?.files.map((f) => f.filename)).toEqual(['plan.pdf', 'rules.pdf']);
    expect(channel().messages.get(1)?.text).toBe('Mixed');
    expect(channel().messages.get(3)?.text).toBeNull();
  });

  it('sends a lone document after a photo album as a single document', async () => {
    const attachments = [file('image', 'a.jpg'), file('image', 'b.jpg'), file('document', 'c.pdf')];
    expect(sentRef(await post({ attachments })).messageIds).toEqual(['1', '2', '3']);
    expect(methods()).toEqual(['sendMediaGroup', 'sendDocument']);
  });

  it('sends a poll after the text', async () => {
    const poll = {
      question: 'Which line?',
      options: ['A', 'B', 'C'],
      multipleAnswers: true,
      quizCorrectOption: null,
    };
    const ref = sentRef(await post({ text: 'Vote', poll }));
    expect(ref.messageIds).toEqual(['1', '2']);
    expect(methods()).toEqual(['sendMessage', 'sendPoll']);
    expect(peer.callsOf('sendPoll')[0]?.params).toMatchObject({
      question: 'Which line?',
      options: [{ text: 'A' }, { text: 'B' }, { text: 'C' }],
      type: 'regular',
      allows_multiple_answers: true,
      is_anonymous: true,
    });
  });

  it('sends a quiz with its correct option', async () => {
    const poll = {
      question: 'Metro C opened in?',
      options: ['2012', '2014'],
      multipleAnswers: false,
      quizCorrectOption: 1,
    };
    expect(sentRef(await post({ poll })).messageIds).toEqual(['1']);
    expect(channel().messages.get(1)?.poll).toMatchObject({
      type: 'quiz',
      correct_option_ids: [1],
    });
  });

  it('sends silently every message of a silent post', async () => {
    await post({ text: 'Night update', attachments: [file('image', 'n.jpg')], silent: true });
    await post({ text: longText(2000), attachments: [file('image', 'm.jpg')], silent: true });
    expect(
      peer.calls.every(
        (c) =>
          c.params['disable_notification'] === 'true' || c.params['disable_notification'] === true,
      ),
    ).toBe(true);
    expect([...channel().messages.values()].every((m) => m.silent)).toBe(true);
  });

  it('pins the first message of a pinned post', async () => {
    const outcome = await post({
      text: longText(1200),
      attachments: [file('image', 'p.jpg')],
      pin: true,
    });
    expect(outcome).toMatchObject({ kind: 'sent', answer: 'Posted as messages 1, 2. Pinned.' });
    expect(peer.callsOf('pinChatMessage')[0]?.params).toMatchObject({ message_id: 1 });
    expect(channel().messages.get(1)?.pinned).toBe(true);
  });

  it('keeps a post sent when Telegram refuses to pin it, and says so', async () => {
    peer.setMembership(PEER_CHANNEL, { ...FULL_RIGHTS, can_edit_messages: false });
    const outcome = await post({ text: 'Pin me', pin: true });
    expect(outcome).toMatchObject({
      kind: 'sent',
      ref: { messageIds: ['1'] },
      answer: expect.stringContaining(
        'Not pinned: Telegram refused (400: Bad Request: not enough rights',
      ),
    });
  });

  it('has no public link for a channel addressed by its numeric id', async () => {
    const byId = { ...target, config: { chatId: String(PEER_CHANNEL_ID) } };
    expect(sentRef(await post({ text: 'Hi' }, byId))).toEqual({ messageIds: ['1'], url: null });
  });

  it('refuses an empty copy and an oversized upload without calling Telegram', async () => {
    expect(await post({ text: '  ' })).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('empty'),
    });
    const huge = file('image', 'huge.jpg', 11 * 1024 * 1024);
    expect(await post({ attachments: [huge] })).toMatchObject({
      kind: 'failed',
      reason: 'huge.jpg is 11 MB; a bot may upload at most 10 MB as a photo.',
    });
    expect(peer.calls).toEqual([]);
  });
});

describe('editing', () => {
  it('edits a text post’s message and a media post’s caption', async () => {
    const text = sentRef(await post({ text: 'Metro A closed' }));
    const photo = file('image', 'a.jpg');
    const media = sentRef(await post({ text: 'Caption', attachments: [photo] }));
    const edited = await telegram.edit(target, text, content({ text: 'Metro A **open**' }), ctx());
    expect(edited).toEqual({ kind: 'sent', ref: text, answer: 'Edited message 1.' });
    await telegram.edit(
      target,
      media,
      content({ text: 'New caption', attachments: [photo] }),
      ctx(),
    );
    expect(methods().slice(2)).toEqual(['editMessageText', 'editMessageCaption']);
    expect(channel().messages.get(1)).toMatchObject({ text: 'Metro A open', edits: 1 });
    expect(channel().messages.get(2)).toMatchObject({ text: 'New caption', edits: 1 });
  });

  it('edits the text message of a long-text media post and of an album', async () => {
    const photos = [file('image', 'a.jpg'), file('image', 'b.jpg')];
    const long = sentRef(await post({ text: longText(1500), attachments: photos }));
    expect(long.messageIds).toEqual(['1', '2', '3']);
    const newText = longText(1400);
    await telegram.edit(target, long, content({ text: newText, attachments: photos }), ctx());
    expect(peer.callsOf('editMessageText')[0]?.params).toMatchObject({ message_id: 3 });
    expect(channel().messages.get(3)?.text).toBe(newText.trim());
  });

  it('counts Telegram’s "message is not modified" as done', async () => {
    const ref = sentRef(await post({ text: 'Same' }));
    const outcome = await telegram.edit(target, ref, content({ text: 'Same' }), ctx());
    expect(outcome).toMatchObject({
      kind: 'sent',
      ref,
      answer: expect.stringContaining('already shows'),
    });
    expect(peer.callsOf('editMessageText')[0]?.description).toContain('message is not modified');
  });

  it('cannot edit a poll, and edits the text beside one', async () => {
    const poll = {
      question: 'Q?',
      options: ['a', 'b'],
      multipleAnswers: false,
      quizCorrectOption: null,
    };
    const alone = sentRef(await post({ poll }));
    expect(await telegram.edit(target, alone, content({ poll }), ctx())).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('cannot edit a poll'),
    });
    const withText = sentRef(await post({ text: 'Vote', poll }));
    expect(
      await telegram.edit(target, withText, content({ text: 'Vote now', poll }), ctx()),
    ).toMatchObject({
      kind: 'sent',
      answer: 'Edited message 2. The poll is unchanged (Telegram cannot edit a poll).',
    });
  });

  it('refuses an edit that would change how many messages the copy is', async () => {
    const photo = file('image', 'a.jpg');
    const ref = sentRef(await post({ text: 'Short', attachments: [photo] }));
    const outcome = await telegram.edit(
      target,
      ref,
      content({ text: longText(1500), attachments: [photo] }),
      ctx(),
    );
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('cannot add or remove'),
    });
    expect(peer.callsOf('editMessageCaption')).toEqual([]);
  });
});

describe('deleting', () => {
  it('deletes every message of a copy within 48 hours', async () => {
    const ref = sentRef(
      await post({ attachments: [file('image', 'a.jpg'), file('image', 'b.jpg')] }),
    );
    clock.now = new Date(START.getTime() + 47 * HOUR_MS);
    const outcome = await telegram.remove(target, ref, START, ctx());
    expect(outcome).toEqual({ kind: 'sent', ref, answer: 'Deleted messages 1, 2.' });
    expect(channel().messages.size).toBe(0);
  });

  it('refuses after 48 hours without calling Telegram', async () => {
    const ref = sentRef(await post({ text: 'Old' }));
    clock.now = new Date(START.getTime() + 49 * HOUR_MS);
    const outcome = await telegram.remove(target, ref, START, ctx());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining(
        `only within 48 hours; this one was posted ${START.toISOString()}`,
      ),
    });
    expect(peer.callsOf('deleteMessage')).toEqual([]);
  });

  it('counts a message already deleted as deleted', async () => {
    const ref = sentRef(await post({ text: 'Twice' }));
    await telegram.remove(target, ref, START, ctx());
    const again = await telegram.remove(target, ref, START, ctx());
    expect(again).toMatchObject({ kind: 'sent', answer: 'Deleted message 1.' });
    expect(peer.callsOf('deleteMessage')[1]?.description).toBe(
      'Bad Request: message to delete not found',
    );
  });

  it('maps the peer’s own 48-hour refusal (clocks apart) to failed', async () => {
    const ref = sentRef(await post({ text: 'Clock skew' }));
    clock.now = new Date(START.getTime() + 49 * HOUR_MS);
    const outcome = await telegram.remove(target, ref, clock.now, ctx());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining("message can't be deleted"),
    });
  });
});

describe('errors', () => {
  it('fails on a rejected token', async () => {
    const outcome = await post({ text: 'x' }, { ...target, secret: '7700001:wrong-token' });
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('rejected the bot token'),
    });
    expect(peer.calls[0]?.status).toBe(401);
  });

  it('fails when the bot is not an administrator, or may not post', async () => {
    peer.setMembership(PEER_CHANNEL, { status: 'left' });
    expect(await post({ text: 'x' })).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(
        /^The bot is not an administrator of this channel.*Forbidden: bot is not a member/,
      ),
    });
    peer.setMembership(PEER_CHANNEL, { ...FULL_RIGHTS, can_post_messages: false });
    expect(await post({ text: 'x' })).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^The bot is not an administrator.*need administrator rights/),
    });
  });

  it('fails on a chat Telegram does not know', async () => {
    const outcome = await post({ text: 'x' }, { ...target, config: { chatId: '@nowhere_at_all' } });
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('Telegram knows no channel @nowhere_at_all'),
    });
  });

  it('fails on a text longer than a message, as Telegram judges it', async () => {
    const outcome = await post({ text: longText(5000) });
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('(Telegram: Bad Request: message is too long)'),
    });
  });

  it('explains HTML Telegram cannot parse, with Telegram’s description', async () => {
    const api = new Api(PEER_TOKEN, { apiRoot: peer.apiRoot });
    const err = await api
      .sendMessage(PEER_CHANNEL, '<b>open <i>tag</b>', { parse_mode: 'HTML' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(outcomeOfError(err as GrammyError, clock.now, PEER_CHANNEL)).toEqual({
      kind: 'failed',
      reason: `Telegram could not read the text's formatting; the text was not posted (Telegram: Bad Request: can't parse entities: Unmatched end tag at byte offset 14, expected "</i>", found "</b>").`,
    });
  });

  it('waits for retry_after on a 429, and paces the channel until then', async () => {
    peer.inject429(17);
    expect(await post({ text: 'x' })).toEqual({
      kind: 'later',
      notBefore: new Date(START.getTime() + 17_000),
      reason:
        'Telegram asked to wait 17 s before posting again (Telegram: Too Many Requests: retry after 17).',
    });
    clock.now = new Date(START.getTime() + 5000);
    const paced = await post({ text: 'x' });
    expect(paced).toMatchObject({ kind: 'later', notBefore: new Date(START.getTime() + 17_000) });
    expect(peer.calls).toHaveLength(1);
    clock.now = new Date(START.getTime() + 17_000);
    expect((await post({ text: 'x' })).kind).toBe('sent');
  });

  it('retries on a server error and a closed port', async () => {
    peer.serverErrors = 1;
    expect(await post({ text: 'x' })).toMatchObject({
      kind: 'retry',
      reason: 'Telegram had a server error (Telegram: Internal Server Error).',
    });

    const closed = await freePort();
    const offline = createTelegramConnector({ apiRoot: `http://127.0.0.1:${closed}` });
    expect(await offline.post(target, content({ text: 'x' }), ctx())).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('could not be reached'),
    });
  });

  it('never sends again a post that got no answer: it may be on the channel', async () => {
    const impatient = createTelegramConnector({ apiRoot: peer.apiRoot, timeoutSeconds: 0.3 });
    // Posted, then no answer: sending it again would post it twice.
    peer.stallingAfterDoing = true;
    expect(await impatient.post(target, content({ text: 'posted, unanswered' }), ctx())).toEqual({
      kind: 'failed',
      reason: POST_IN_DOUBT,
    });
    expect(channel().messages.size).toBe(1);
    expect(methods()).toEqual(['sendMessage']);
    // Held before anything was done: from here it looks the same, so it is in doubt too.
    peer.stallingAfterDoing = false;
    peer.stalling = true;
    expect((await impatient.post(target, content({ text: 'held' }), ctx())).kind).toBe('failed');
    expect(channel().messages.size).toBe(1);
  });

  it('never leaves half a post: a failing poll withdraws the text sent before it', async () => {
    const poll = {
      question: 'Q?',
      options: Array.from({ length: 13 }, (_, i) => `o${i}`),
      multipleAnswers: false,
      quizCorrectOption: null,
    };
    const outcome = await post({ text: 'Vote', poll });
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('poll must have 1-12 options'),
    });
    expect(methods()).toEqual(['sendMessage', 'sendPoll', 'deleteMessage']);
    expect(channel().messages.size).toBe(0);
  });

  it('answers later when a second hub process filled the channel’s minute mid-post', async () => {
    const other = createTelegramConnector({ apiRoot: peer.apiRoot, pacer: new Pacer() });
    for (let i = 0; i < 19; i++) {
      expect((await other.post(target, content({ text: `other ${i}` }), ctx())).kind).toBe('sent');
    }
    const poll = {
      question: 'Q?',
      options: ['a', 'b'],
      multipleAnswers: false,
      quizCorrectOption: null,
    };
    const outcome = await post({ text: 'Vote', poll });
    expect(outcome).toMatchObject({ kind: 'later', notBefore: new Date(START.getTime() + 60_000) });
    expect(methods().slice(19)).toEqual(['sendMessage', 'sendPoll', 'deleteMessage']);
    expect(channel().messages.size).toBe(19);
  });

  it('reports a partly sent post when the part already sent cannot be withdrawn', async () => {
    const cutDeletes: typeof fetch = (input, init) =>
      String(input).endsWith('/deleteMessage')
        ? Promise.reject(new Error('connection reset'))
        : fetch(input, init);
    const flaky = createTelegramConnector({ apiRoot: peer.apiRoot, fetch: cutDeletes as never });
    const poll = {
      question: '',
      options: ['a', 'b'],
      multipleAnswers: false,
      quizCorrectOption: null,
    };
    const outcome = await flaky.post(target, content({ text: 'Vote', poll }), ctx());
    expect(outcome).toMatchObject({
      kind: 'sent',
      ref: { messageIds: ['1'] },
      answer: expect.stringMatching(/^Partly posted as message 1: sending the poll failed/),
    });
  });
});

describe('pacing', () => {
  it('lets a burst of 30 posts reach the channel at no more than 20 a minute', async () => {
    let paced = 0;
    for (let i = 0; i < 30; i++) {
      let outcome = await post({ text: `Update ${i}` });
      while (outcome.kind === 'later') {
        paced++;
        clock.now = outcome.notBefore;
        outcome = await post({ text: `Update ${i}` });
      }
      expect(outcome.kind).toBe('sent');
      clock.now = new Date(clock.now.getTime() + 200);
    }
    expect(paced).toBeGreaterThan(0);
    expect(peer.calls.some((c) => c.status === 429)).toBe(false);
    const times = channel().history.map((m) => m.sentAt.getTime());
    expect(times).toHaveLength(30);
    for (const t of times) {
      expect(times.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(20);
    }
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThanOrEqual(60_000);
  });

  it('books every message of an album against the channel', async () => {
    const album = Array.from({ length: 10 }, (_, i) => file('image', `p${i}.jpg`));
    expect((await post({ attachments: album })).kind).toBe('sent');
    expect((await post({ attachments: album })).kind).toBe('sent');
    const third = await post({ text: 'one more' });
    expect(third).toMatchObject({ kind: 'later', reason: expect.stringMatching(/^Paced: /) });
    expect(peer.calls).toHaveLength(2);
  });
});

describe('check', () => {
  it('accepts a bot that administers the channel and reports its rights', async () => {
    peer.setMembership(PEER_CHANNEL, { ...FULL_RIGHTS, can_delete_messages: false });
    expect(await telegram.check(target)).toEqual({
      ok: true,
      facts: {
        bot: '@desk_peer_bot',
        channel: 'Roma Mobilità',
        chatId: String(PEER_CHANNEL_ID),
        canPostMessages: 'yes',
        canEditMessages: 'yes',
        canDeleteMessages: 'no',
      },
    });
    expect(methods()).toEqual(['getMe', 'getChat', 'getChatMember']);
  });

  it('says why a target will not work', async () => {
    const reason = async (t: ConnectorTarget) => {
      const result = await telegram.check(t);
      return result.ok ? 'ok' : result.reason;
    };
    expect(await reason({ ...target, secret: '7700001:bad' })).toMatch(
      /^Telegram rejected the bot token.*401: Unauthorized/,
    );
    expect(await reason({ ...target, config: { chatId: '@nowhere_at_all' } })).toMatch(
      /^Telegram knows no channel @nowhere_at_all/,
    );
    expect(await reason({ ...target, config: { chatId: '@rome_newsroom' } })).toBe(
      '@rome_newsroom is a supergroup chat, not a channel.',
    );
    peer.setMembership(PEER_CHANNEL, { status: 'left' });
    expect(await reason(target)).toMatch(
      /^The bot @desk_peer_bot is not an administrator of @rome_mobility \(its status: left\)/,
    );
    peer.setMembership(PEER_CHANNEL, { ...FULL_RIGHTS, can_post_messages: false });
    expect(await reason(target)).toMatch(/may not post messages/);
    peer.serverErrors = Infinity;
    expect(await reason(target)).toMatch(/could not be asked about the bot.*500/);
  });

  it('reads the settings before calling Telegram', async () => {
    const reason = async (t: ConnectorTarget) => {
      const result = await telegram.check(t);
      return result.ok ? 'ok' : result.reason;
    };
    expect(await reason({ ...target, secret: null })).toMatch(/^No bot token/);
    expect(await reason({ ...target, secret: 'not a token' })).toMatch(/does not look like/);
    expect(await reason({ ...target, config: { chatId: 'rome' } })).toMatch(
      /no valid Telegram chat/,
    );
    expect(peer.calls).toEqual([]);
  });
});

describe('the peer', () => {
  it('answers like the Bot API on malformed requests', async () => {
    const api = new Api(PEER_TOKEN, { apiRoot: peer.apiRoot });
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: GrammyError) => e.description,
      );
    expect(
      await fail(api.sendMessage(PEER_CHANNEL, '<script>x</script>', { parse_mode: 'HTML' })),
    ).toBe('Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 0');
    expect(await fail(api.sendMessage(PEER_CHANNEL, '<b>x', { parse_mode: 'HTML' }))).toMatch(
      /Can't find end tag/,
    );
    expect(
      await fail(
        api.sendMessage(PEER_CHANNEL, 'a &lt; b &amp; <a href="https://x.org">c</a>', {
          parse_mode: 'HTML',
        }),
      ),
    ).toBe('ok');
    expect(channel().messages.get(1)?.text).toBe('a < b & c');
    expect(await fail(api.sendPhoto(PEER_CHANNEL, 'file-id', { caption: 'x'.repeat(1025) }))).toBe(
      'Bad Request: message caption is too long',
    );
    const photo = { type: 'photo' as const, media: 'file-id' };
    expect(await fail(api.sendMediaGroup(PEER_CHANNEL, [photo]))).toMatch(/2-10 items/);
    expect(await fail(api.sendMediaGroup(PEER_CHANNEL, Array(11).fill(photo)))).toMatch(
      /2-10 items/,
    );
    const doc = { type: 'document' as const, media: 'file-id' };
    expect(await fail(api.sendMediaGroup(PEER_CHANNEL, [photo, doc] as never))).toMatch(
      /same type/,
    );
    expect(await fail(api.deleteMessage(PEER_CHANNEL, 99))).toBe(
      'Bad Request: message to delete not found',
    );
  });

  it('limits a bot to 30 messages a second across chats', async () => {
    const api = new Api(PEER_TOKEN, { apiRoot: peer.apiRoot });
    const chats = [PEER_CHANNEL, '@rome_newsroom'];
    const answers: string[] = [];
    for (let i = 0; i < 32; i++) {
      answers.push(
        await api.sendMessage(chats[i % 2] as string, `m${i}`).then(
          () => 'ok',
          (e: GrammyError) => String(e.error_code),
        ),
      );
      if (i === 29) clock.now = new Date(START.getTime() + 999);
    }
    expect(answers.filter((a) => a === 'ok')).toHaveLength(30);
    expect(answers.slice(30)).toEqual(['429', '429']);
  });
});

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
