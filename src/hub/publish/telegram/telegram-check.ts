// Checks a Telegram channel's settings before they are saved, in three calls: getMe (the token
// is valid, and whose bot it is), getChat (the chat exists and is a channel), getChatMember for
// the bot (an administrator allowed to post; whether it may edit and delete is reported too).
import type { Api } from 'grammy';
import { GrammyError } from 'grammy';
import type { ChatMember, ChatFullInfo, UserFromGetMe } from 'grammy/types';
import type { CheckResult } from '../connector';
import { describeError, isPlatformError } from './telegram-errors';

type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

async function attempt<T>(
  call: () => Promise<T>,
  explain: (err: unknown) => string,
): Promise<Step<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    if (!isPlatformError(err)) throw err;
    return { ok: false, reason: explain(err) };
  }
}

function said(err: unknown): string {
  if (err instanceof GrammyError) return ` (Telegram: ${describeError(err)})`;
  return isPlatformError(err) ? ` (${describeError(err)})` : '';
}

function code(err: unknown): number | null {
  return err instanceof GrammyError ? err.error_code : null;
}

function tokenProblem(err: unknown): string {
  if (code(err) === 401 || code(err) === 404) {
    return `Telegram rejected the bot token: copy it again from @BotFather${said(err)}.`;
  }
  return `Telegram could not be asked about the bot${said(err)}; try again.`;
}

function chatProblem(chatId: string) {
  return (err: unknown) =>
    code(err) === 400 || code(err) === 403
      ? `Telegram knows no channel ${chatId} that this bot can see: check the @username or id, and add the bot to the channel as an administrator${said(err)}.`
      : `Telegram could not be asked about ${chatId}${said(err)}; try again.`;
}

const yesNo = (value: boolean | undefined) => (value === true ? 'yes' : 'no');

function rightsProblem(me: UserFromGetMe, chatId: string, member: ChatMember): string | null {
  if (member.status !== 'administrator' && member.status !== 'creator') {
    return `The bot @${me.username} is not an administrator of ${chatId} (its status: ${member.status}): add it as an admin allowed to post messages.`;
  }
  if (member.status === 'administrator' && member.can_post_messages !== true) {
    return `The bot @${me.username} is an administrator of ${chatId} but may not post messages: turn on "Post messages" in its admin rights.`;
  }
  return null;
}

/** What check() answers for a target whose settings could be read. */
export async function checkTelegramTarget(api: Api, chatId: string): Promise<CheckResult> {
  const me = await attempt(() => api.getMe(), tokenProblem);
  if (!me.ok) return me;
  const chat = await attempt<ChatFullInfo>(() => api.getChat(chatId), chatProblem(chatId));
  if (!chat.ok) return chat;
  if (chat.value.type !== 'channel') {
    return { ok: false, reason: `${chatId} is a ${chat.value.type} chat, not a channel.` };
  }
  const member = await attempt(
    () => api.getChatMember(chatId, me.value.id),
    (err) =>
      `The bot's rights in ${chatId} could not be read${said(err)}: make it an administrator of the channel.`,
  );
  if (!member.ok) return member;
  const problem = rightsProblem(me.value, chatId, member.value);
  if (problem !== null) return { ok: false, reason: problem };
  const rights = member.value.status === 'administrator' ? member.value : null;
  return {
    ok: true,
    facts: {
      bot: `@${me.value.username}`,
      channel: chat.value.title ?? chatId,
      chatId: String(chat.value.id),
      canPostMessages: 'yes',
      canEditMessages: rights === null ? 'yes' : yesNo(rights.can_edit_messages),
      canDeleteMessages: rights === null ? 'yes' : yesNo(rights.can_delete_messages),
    },
  };
}
