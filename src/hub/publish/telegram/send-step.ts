// One step of a post plan → one Bot API call, returning the ids of the messages it created.
// Files are uploaded as multipart (grammY's InputFile over the blob's bytes, named as the
// attachment); texts and captions go with parse_mode HTML and Telegram's default link previews.
import type { Api } from 'grammy';
import { InputFile, InputMediaBuilder } from 'grammy';
import type { MediaItem, Step } from './post-plan';

export interface StepContext {
  api: Api;
  chatId: string;
  silent: boolean;
  /** Attachment bytes by hash, read before the first call. */
  files: ReadonlyMap<string, Buffer>;
  /** Told the id of a poll sent (Telegram reports its results by that id). */
  onPoll?: (pollId: string) => void;
}

function fileOf(ctx: StepContext, item: MediaItem): InputFile {
  const bytes = ctx.files.get(item.attachment.hash);
  if (bytes === undefined) throw new Error(`No bytes loaded for ${item.attachment.hash}.`);
  return new InputFile(bytes, item.attachment.name);
}

function captionOpts(caption: string | null) {
  return caption === null ? {} : { caption, parse_mode: 'HTML' as const };
}

async function sendMedia(ctx: StepContext, item: MediaItem, caption: string | null) {
  const opts = { ...captionOpts(caption), disable_notification: ctx.silent };
  const file = fileOf(ctx, item);
  switch (item.type) {
    case 'photo':
      return ctx.api.sendPhoto(ctx.chatId, file, opts);
    case 'video':
      return ctx.api.sendVideo(ctx.chatId, file, { ...opts, supports_streaming: true });
    case 'document':
      return ctx.api.sendDocument(ctx.chatId, file, opts);
  }
}

async function sendAlbum(ctx: StepContext, items: MediaItem[], caption: string | null) {
  const opts = { disable_notification: ctx.silent };
  // Telegram shows the first item's caption as the album's.
  const extra = (i: number) => (i === 0 ? captionOpts(caption) : {});
  if (items.every((item) => item.type === 'document')) {
    const media = items.map((item, i) => InputMediaBuilder.document(fileOf(ctx, item), extra(i)));
    return ctx.api.sendMediaGroup(ctx.chatId, media, opts);
  }
  const media = items.map((item, i) =>
    item.type === 'video'
      ? InputMediaBuilder.video(fileOf(ctx, item), { ...extra(i), supports_streaming: true })
      : InputMediaBuilder.photo(fileOf(ctx, item), extra(i)),
  );
  return ctx.api.sendMediaGroup(ctx.chatId, media, opts);
}

/** Performs one step; throws grammY's errors as they come. */
export async function sendStep(ctx: StepContext, step: Step): Promise<number[]> {
  switch (step.kind) {
    case 'text': {
      const sent = await ctx.api.sendMessage(ctx.chatId, step.html, {
        parse_mode: 'HTML',
        disable_notification: ctx.silent,
      });
      return [sent.message_id];
    }
    case 'media':
      return [(await sendMedia(ctx, step.item, step.caption)).message_id];
    case 'album':
      return (await sendAlbum(ctx, step.items, step.caption)).map((m) => m.message_id);
    case 'poll': {
      const { poll } = step;
      const quiz = poll.quizCorrectOption !== null;
      const sent = await ctx.api.sendPoll(
        ctx.chatId,
        poll.question,
        poll.options.map((text) => ({ text })),
        {
          // Channel polls are always anonymous. A quiz has one right answer, so one choice.
          is_anonymous: true,
          ...(quiz
            ? { type: 'quiz' as const, correct_option_ids: [poll.quizCorrectOption as number] }
            : { type: 'regular' as const, allows_multiple_answers: poll.multipleAnswers }),
          disable_notification: ctx.silent,
        },
      );
      if (sent.poll) ctx.onPoll?.(sent.poll.id);
      return [sent.message_id];
    }
  }
}
