// What the composer's workflow panel shows of a story: where it stands in review, which copies the
// workflow holds (approval missing or late, embargo), which actions this member may take, and
// which channels a story's topics route to. Pure, so it is tested without a browser.
import type { MemberView } from '../../../../shared/contract';
import type { Channel, Review, Update } from '../../../../shared/domain';
import type { Hold } from '../../../../shared/workflow/copy-rules';
import { channelWorkflowOf, holdOf } from '../../../../shared/workflow/copy-rules';

const RANK = { contributor: 1, editor: 2, admin: 3, owner: 4 } as const;

/** The role that counts on a channel: the higher of the workspace role and the channel role. */
function roleOn(me: MemberView, channelId: string): keyof typeof RANK {
  const extra = me.channelRoles[channelId];
  return extra && RANK[extra] > RANK[me.role] ? extra : me.role;
}

/** May this member approve on every one of these channels (editors and above)? */
export function mayApprove(me: MemberView | null | undefined, channelIds: string[]): boolean {
  if (!me || channelIds.length === 0) return false;
  return channelIds.every((id) => RANK[roleOn(me, id)] >= RANK.editor);
}

const live = (copies: readonly Update[]) =>
  copies.filter((c) => c.deletedAt === null && c.delivery?.state !== 'published');

/**
 * The story's review as one state: the latest step taken on any of its unpublished copies (every
 * step is taken on all of them at once), or null when nobody submitted it.
 */
export function storyReview(copies: readonly Update[]): Review | null {
  let latest: Review | null = null;
  for (const copy of live(copies)) {
    const review = copy.review;
    if (review && (!latest || review.at > latest.at)) latest = review;
  }
  return latest;
}

export interface CopyHold {
  copy: Update;
  channel: Channel;
  hold: Hold;
}

/** Copies the workflow keeps from going out, with the reason (on channels this desk knows). */
export function heldCopies(copies: readonly Update[], byId: Map<string, Channel>): CopyHold[] {
  const held: CopyHold[] = [];
  for (const copy of live(copies)) {
    const channel = byId.get(copy.channelId);
    if (!channel || copy.delivery) continue;
    const hold = holdOf(copy, channelWorkflowOf(channel));
    if (hold) held.push({ copy, channel, hold });
  }
  return held;
}

/** The embargo's end, when every live copy shares one (they are set together); else null. */
export function storyEmbargo(copies: readonly Update[]): string | null {
  const ends = new Set(live(copies).map((c) => c.embargoUntil ?? null));
  const [only] = [...ends];
  return ends.size === 1 && only ? only : null;
}

/** The story's topics and areas (every copy carries the same list). */
export function storyTags(copies: readonly Update[]): string[] {
  return live(copies)[0]?.tags ?? [];
}

const fold = (tag: string) => tag.trim().toLocaleLowerCase();

/** Active channels mapped to any of these tags (case-insensitive), in the given order. */
export function routedChannels(tags: readonly string[], channels: readonly Channel[]): Channel[] {
  const wanted = new Set(tags.map(fold));
  return channels.filter(
    (c) => !c.archived && channelWorkflowOf(c).tags.some((tag) => wanted.has(fold(tag))),
  );
}

/** Every tag the workspace's channels are mapped to, for suggestions, sorted and unique. */
export function knownTags(channels: readonly Channel[]): string[] {
  const seen = new Map<string, string>();
  for (const c of channels) {
    if (c.archived) continue;
    for (const tag of channelWorkflowOf(c).tags) if (!seen.has(fold(tag))) seen.set(fold(tag), tag);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
