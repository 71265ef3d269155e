// The scheduler's last look at a post before it goes out: is the copy held (embargo, approval the
// channel requires, an approval that came after its slot), and does it ring or go out silently
// (the channel's quiet hours and loud caps, counting the loud posts the hub already sent).
import type { Queryable } from '../db/db';
import type { ChannelWorkflow } from '../../shared/schemas';
import type { UpdateDoc } from '../../shared/sync/protocol';
import { instantToWallTime } from '../../shared/schedule/zone-calendar';
import { channelWorkflowOf, holdOf, isEmbargoed } from '../../shared/workflow/copy-rules';
import { planLoudness } from '../../shared/workflow/notification-budget';

/** How far back loud posts can still share a calendar day with now (a day lasts up to 25 hours). */
const DAY_LOOKBACK_MS = 48 * 60 * 60 * 1000;

/** What the rules read of one taken post. */
export interface PostFacts {
  id: string;
  channelId: string;
  timeZone: string;
  workflow: ChannelWorkflow | null;
  doc: UpdateDoc;
}

const wall = (iso: string, zone: string) =>
  `${instantToWallTime(iso, zone).replace('T', ' ')} (${zone})`;

/** Why this post must not go out now, in words for the editor; null when it may. */
export function heldReason(post: PostFacts, now: Date): string | null {
  const { doc, timeZone } = post;
  const workflow = channelWorkflowOf({ workflow: post.workflow ?? undefined });
  const hold = holdOf(doc, workflow);
  if (hold?.kind === 'embargo' || (!hold && isEmbargoed(doc, now))) {
    const until = doc.embargoUntil!;
    return `This story is under embargo until ${wall(until, timeZone)}, so this copy was not sent. Give it a time after the embargo ends.`;
  }
  if (hold?.kind === 'needs-approval') {
    return 'This channel needs an editor’s approval before a copy goes out, and this one has none, so it was not sent. Approve it, then give it a new time.';
  }
  if (hold?.kind === 'missed-slot') {
    return `This copy was approved at ${wall(hold.approvedAt, timeZone)}, after its planned time: it missed its slot and was not sent. Give it a new time.`;
  }
  return null;
}

/**
 * Whether each of these posts (all going out `now`) goes out silently. The loud posts counted are
 * the channel's posts already sent loud, and those another worker is sending loud right now.
 */
export async function decideSilences(
  q: Queryable,
  posts: readonly PostFacts[],
  now: Date,
): Promise<Map<string, boolean>> {
  const silences = new Map<string, boolean>();
  const byChannel = new Map<string, PostFacts[]>();
  for (const post of posts) {
    const list = byChannel.get(post.channelId);
    if (list) list.push(post);
    else byChannel.set(post.channelId, [post]);
  }
  const capped = [...byChannel.values()]
    .map((list) => list[0]!)
    .filter(
      (p) => p.workflow && (p.workflow.loudPerHour !== null || p.workflow.loudPerDay !== null),
    )
    .map((p) => p.channelId);
  const loud = await loudPostsOf(
    q,
    capped,
    posts.map((p) => p.id),
    now,
  );
  for (const [channelId, list] of byChannel) {
    const first = list[0]!;
    const settings = channelWorkflowOf({ workflow: first.workflow ?? undefined });
    const plan = planLoudness(
      list.map((p) => ({ id: p.id, atMs: now.getTime(), requestedSilent: p.doc.silent ?? false })),
      first.timeZone,
      settings,
      loud.get(channelId) ?? [],
    );
    for (const [id, decision] of plan) silences.set(id, decision.silent);
  }
  return silences;
}

/** The instants of recent loud posts on these channels, leaving out the rows being decided. */
async function loudPostsOf(
  q: Queryable,
  channelIds: readonly string[],
  deciding: readonly string[],
  now: Date,
): Promise<Map<string, number[]>> {
  const loud = new Map<string, number[]>();
  if (channelIds.length === 0) return loud;
  // A post in flight counts from when it was taken: it is about to ring.
  const { rows } = await q.query<{ channel_id: string; at: Date }>(
    `SELECT channel_id, coalesce(sent_at, updated_at) AS at FROM publications
      WHERE channel_id = ANY($1::text[]) AND action = 'post' AND silent = false
        AND state IN ('sending', 'done') AND (state = 'sending' OR sent_at > $2)
        AND NOT (id = ANY($3::text[]))`,
    [channelIds, new Date(now.getTime() - DAY_LOOKBACK_MS), deciding],
  );
  for (const row of rows) {
    const list = loud.get(row.channel_id);
    if (list) list.push(row.at.getTime());
    else loud.set(row.channel_id, [row.at.getTime()]);
  }
  return loud;
}
