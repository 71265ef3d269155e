// How one copy becomes Telegram messages, decided before any call so that a post is all or
// nothing: media first (photos and videos in one album, documents in another, since Telegram
// cannot mix them), the text as the first item's caption when it fits in 1024 characters, else
// as its own message after the media; a poll last. The same plan tells an edit which message
// holds the text.
import type { Attachment, Poll } from '../../../shared/domain';
import {
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
  measureFor,
  parseSource,
  toTelegramHtml,
} from '../../../shared/formatting';
import type { PublishContent } from '../connector';

/** Bot API upload ceilings (multipart/form-data): 10 MB for photos, 50 MB for other files. */
export const TELEGRAM_PHOTO_UPLOAD_BYTES = 10 * 1024 * 1024;
export const TELEGRAM_FILE_UPLOAD_BYTES = 50 * 1024 * 1024;
/** sendMediaGroup takes 2 to 10 items. */
export const TELEGRAM_ALBUM_MAX_ITEMS = 10;

export type MediaType = 'photo' | 'video' | 'document';

export interface MediaItem {
  attachment: Attachment;
  type: MediaType;
}

/** One Bot API call that creates messages. `caption` is Telegram HTML, null for none. */
export type Step =
  | { kind: 'text'; html: string }
  | { kind: 'media'; item: MediaItem; caption: string | null }
  | { kind: 'album'; items: MediaItem[]; caption: string | null }
  | { kind: 'poll'; poll: Poll };

export interface PostPlan {
  steps: Step[];
  /** Messages the post creates (an album creates one per item): what pacing books. */
  messages: number;
  /** Where the text lives: the index in `messageIds`, as a message text or a caption. */
  textAt: { index: number; as: 'text' | 'caption'; html: string } | null;
}

export type PlanResult = { ok: true; plan: PostPlan } | { ok: false; reason: string };

function mediaTypeOf(attachment: Attachment): MediaType {
  if (attachment.kind === 'image') return 'photo';
  return attachment.kind;
}

function stepMessages(step: Step): number {
  return step.kind === 'album' ? step.items.length : 1;
}

function tooBig(items: readonly MediaItem[]): string | null {
  for (const { attachment, type } of items) {
    const limit = type === 'photo' ? TELEGRAM_PHOTO_UPLOAD_BYTES : TELEGRAM_FILE_UPLOAD_BYTES;
    if (attachment.size > limit) {
      const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
      return `${attachment.name} is ${mb(attachment.size)}; a bot may upload at most ${mb(limit)} as a ${type}.`;
    }
  }
  return null;
}

/** Photos and videos share an album; documents go in their own (Telegram cannot mix them). */
function mediaGroups(attachments: readonly Attachment[]): MediaItem[][] {
  const items = attachments.map((attachment) => ({ attachment, type: mediaTypeOf(attachment) }));
  const visual = items.filter((item) => item.type !== 'document');
  const documents = items.filter((item) => item.type === 'document');
  return [visual, documents].filter((group) => group.length > 0);
}

function mediaStep(group: MediaItem[], caption: string | null): Step {
  return group.length === 1
    ? { kind: 'media', item: group[0] as MediaItem, caption }
    : { kind: 'album', items: group, caption };
}

/** The calls that post `content`, or why it cannot be posted as it stands. */
export function planPost(content: PublishContent): PlanResult {
  const doc = parseSource(content.text);
  const text = measureFor(doc, 'telegram', { hasMedia: false });
  const html = text.length === 0 ? '' : toTelegramHtml(doc);
  const groups = mediaGroups(content.attachments);
  for (const group of groups) {
    if (group.length > TELEGRAM_ALBUM_MAX_ITEMS) {
      return {
        ok: false,
        reason: `Telegram albums hold at most ${TELEGRAM_ALBUM_MAX_ITEMS} items; this copy has ${group.length} ${group[0]?.type === 'document' ? 'documents' : 'photos and videos'}.`,
      };
    }
    const big = tooBig(group);
    if (big !== null) return { ok: false, reason: big };
  }

  const fitsCaption = !measureFor(doc, 'telegram', { hasMedia: true }).over;
  const captioned = groups.length > 0 && (html === '' || fitsCaption);
  const steps: Step[] = groups.map((group, i) =>
    mediaStep(group, i === 0 && captioned && html !== '' ? html : null),
  );
  let textAt: PostPlan['textAt'] = captioned ? { index: 0, as: 'caption', html } : null;
  if (!captioned && html !== '') {
    textAt = { index: steps.reduce((n, s) => n + stepMessages(s), 0), as: 'text', html };
    steps.push({ kind: 'text', html });
  }
  if (content.poll !== null) steps.push({ kind: 'poll', poll: content.poll });

  if (steps.length === 0)
    return { ok: false, reason: 'The copy is empty: no text, media or poll.' };
  // A lone message is left to Telegram to judge; in a post of several calls a text Telegram
  // would refuse must stop the post before anything is sent.
  if (steps.length > 1 && textAt?.as === 'text' && text.over) {
    return {
      ok: false,
      reason: `The text is ${text.length} characters; Telegram allows ${TELEGRAM_TEXT_LIMIT} in a message (and ${TELEGRAM_CAPTION_LIMIT} in a caption).`,
    };
  }
  return {
    ok: true,
    plan: { steps, messages: steps.reduce((n, s) => n + stepMessages(s), 0), textAt },
  };
}
