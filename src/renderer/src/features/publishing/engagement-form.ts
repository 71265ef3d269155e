// The "Enter counts" form as plain data: what it starts with (the copy's current numbers), how typed
// text becomes counts (whole numbers ≥ 0, thousands separators allowed), and what is sent — only
// the fields that changed, so numbers that arrive by themselves are not overwritten with old ones.
import type { TFunction } from 'i18next';
import type { Engagement, EngagementCounts } from '../../../../shared/sync/protocol';
import { sortedReactions } from './engagement-view';

/** The reactions WhatsApp offers by default, offered as quick buttons. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** The hub's largest count. */
export const MAX_COUNT = 1_000_000_000;
/** The hub's longest reaction key (UTF-16 code units, as it measures them). */
export const MAX_EMOJI_LENGTH = 32;

export interface ReactionRow {
  /** Stable across edits, for React keys and focus. */
  key: number;
  emoji: string;
  count: string;
}

export interface EngagementFormState {
  views: string;
  reactions: ReactionRow[];
  /** One entry per poll option, in order; empty when the copy has no poll. */
  pollVotes: string[];
}

/** Why a field cannot be sent. */
export type FieldProblem =
  | 'notWhole'
  | 'tooLarge'
  | 'countMissing'
  | 'emojiMissing'
  | 'emojiLong'
  | 'emojiTwice'
  | 'voteMissing';

/**
 * Problems by field: `views`, `reaction.<key>.emoji`, `reaction.<key>.count`, `poll.<index>`, and
 * `form` when nothing at all was typed.
 */
export type FormProblems = Record<string, FieldProblem | 'nothing'>;

export type ParsedForm =
  { ok: true; counts: EngagementCounts } | { ok: false; problems: FormProblems };

let nextKey = 1;
/** A new reaction row. */
export function reactionRow(emoji = '', count = ''): ReactionRow {
  return { key: nextKey++, emoji, count };
}

/** The form filled with what the copy shows now, so the editor corrects rather than retypes. */
export function initialForm(
  engagement: Engagement | null | undefined,
  pollOptions: number,
): EngagementFormState {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  // In the chips' order (the hub's storage does not keep the order they were typed in).
  const reactions = sortedReactions(engagement?.reactions ?? {}).map((r) =>
    reactionRow(r.emoji, String(r.count)),
  );
  const votes = engagement?.pollVotes ?? null;
  return {
    views: text(engagement?.views),
    reactions,
    pollVotes: Array.from({ length: pollOptions }, (_, i) => text(votes?.[i])),
  };
}

/**
 * A typed count: null for an empty field, a number, or why not. Digits may be grouped by threes
 * with a space, a dot, a comma or an apostrophe ("12 480", "12.480", "12,480") — a count has no
 * decimals, so the separator is never a decimal point.
 */
export function parseCount(text: string): number | null | 'notWhole' | 'tooLarge' {
  const s = text.trim();
  if (s === '') return null;
  const grouped = /^\d{1,3}(?:[ \u00a0\u202f.,'’]\d{3})+$/.test(s);
  if (!grouped && !/^\d+$/.test(s)) return 'notWhole';
  const n = Number(s.replace(/\D/g, ''));
  return n > MAX_COUNT ? 'tooLarge' : n;
}

/** The emoji as compared for duplicates: "❤️" and "❤" (with or without variation selector) match. */
const emojiIdentity = (emoji: string) => emoji.replace(/\uFE0F/g, '');

function parseReactions(
  rows: readonly ReactionRow[],
  problems: FormProblems,
): Record<string, number> {
  const out: Record<string, number> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const emoji = row.emoji.trim();
    const count = parseCount(row.count);
    if (emoji === '' && count === null) continue;
    const at = `reaction.${row.key}`;
    if (emoji === '') problems[`${at}.emoji`] = 'emojiMissing';
    else if (emoji.length > MAX_EMOJI_LENGTH) problems[`${at}.emoji`] = 'emojiLong';
    else if (seen.has(emojiIdentity(emoji))) problems[`${at}.emoji`] = 'emojiTwice';
    seen.add(emojiIdentity(emoji));
    if (count === null) problems[`${at}.count`] = 'countMissing';
    else if (typeof count === 'string') problems[`${at}.count`] = count;
    else out[emoji] = count;
  }
  return out;
}

/** Every option needs a count once one has one (0 for none); all empty means "not known". */
function parseVotes(texts: readonly string[], problems: FormProblems): number[] | null {
  const counts = texts.map(parseCount);
  if (counts.every((c) => c === null)) return null;
  const out: number[] = [];
  counts.forEach((c, i) => {
    if (c === null) problems[`poll.${i}`] = 'voteMissing';
    else if (typeof c === 'string') problems[`poll.${i}`] = c;
    else out.push(c);
  });
  return out;
}

/** Checks the whole form; the counts it gives are complete (every field, changed or not). */
export function parseForm(form: EngagementFormState): ParsedForm {
  const problems: FormProblems = {};
  const typedViews = parseCount(form.views);
  const views = typeof typedViews === 'string' ? null : typedViews;
  if (typeof typedViews === 'string') problems.views = typedViews;
  const reactions = parseReactions(form.reactions, problems);
  const pollVotes = parseVotes(form.pollVotes, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const nothing = views === null && Object.keys(reactions).length === 0 && pollVotes === null;
  if (nothing) return { ok: false, problems: { form: 'nothing' } };
  const counts: EngagementCounts = { views, reactions };
  if (form.pollVotes.length > 0) counts.pollVotes = pollVotes;
  return { ok: true, counts };
}

const sameReactions = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
};

const sameVotes = (a: readonly number[] | null, b: readonly number[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((n, i) => b[i] === n);

/**
 * What to send: the fields that differ from the copy's current engagement. When none differ the
 * editor is confirming the same numbers, so all of them go (the hub stamps them as read now).
 */
export function countsToSend(
  counts: EngagementCounts,
  current: Engagement | null | undefined,
): EngagementCounts {
  const changed: EngagementCounts = {};
  if (counts.views !== undefined && counts.views !== (current?.views ?? null)) {
    changed.views = counts.views;
  }
  const reactions = Object.fromEntries(
    Object.entries(current?.reactions ?? {}).filter(([, n]) => n > 0),
  );
  if (counts.reactions && !sameReactions(counts.reactions, reactions)) {
    changed.reactions = counts.reactions;
  }
  if (counts.pollVotes !== undefined && !sameVotes(counts.pollVotes, current?.pollVotes ?? null)) {
    changed.pollVotes = counts.pollVotes;
  }
  return Object.keys(changed).length > 0 ? changed : counts;
}

/** The words for a problem, shown under its field. */
export function problemText(problem: FieldProblem | 'nothing', t: TFunction): string {
  switch (problem) {
    case 'notWhole':
      return t('engagement.problem.notWhole');
    case 'tooLarge':
      return t('engagement.problem.tooLarge');
    case 'countMissing':
      return t('engagement.problem.countMissing');
    case 'emojiMissing':
      return t('engagement.problem.emojiMissing');
    case 'emojiLong':
      return t('engagement.problem.emojiLong', { max: MAX_EMOJI_LENGTH });
    case 'emojiTwice':
      return t('engagement.problem.emojiTwice');
    case 'voteMissing':
      return t('engagement.problem.voteMissing');
    case 'nothing':
      return t('engagement.problem.nothing');
  }
}
