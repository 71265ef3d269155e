// The newsroom's rules about one copy, shared by the hub (which enforces them) and the desk (which
// shows them before anyone asks): may it go out, is it held, did its approval come too late.
import type { Channel, Review } from '../domain';
import type { ChannelWorkflow } from '../schemas';
import { DEFAULT_CHANNEL_WORKFLOW } from '../schemas';

/** A channel's workflow settings, the defaults where the channel predates them. */
export function channelWorkflowOf(channel: Pick<Channel, 'workflow'>): ChannelWorkflow {
  return channel.workflow ?? DEFAULT_CHANNEL_WORKFLOW;
}

/** An approval this much after the planned time still counts as in time (a slow click). */
export const APPROVAL_GRACE_MS = 60_000;

/** What the rules need to know of a copy. */
export interface CopyFacts {
  status: 'draft' | 'scheduled';
  schedule: { kind: 'none' } | { kind: 'at'; at: string };
  review?: Review | null;
  embargoUntil?: string | null;
}

/** Why a scheduled copy may not go out at its time, or null when it may. */
export type Hold =
  | { kind: 'needs-approval' }
  | { kind: 'missed-slot'; approvedAt: string }
  | { kind: 'embargo'; until: string };

const plannedAt = (copy: CopyFacts): number | null =>
  copy.schedule.kind === 'at' ? Date.parse(copy.schedule.at) : null;

/** Whether the embargo still holds at `now` (a past embargo is history, not a hold). */
export function isEmbargoed(copy: Pick<CopyFacts, 'embargoUntil'>, now: Date): boolean {
  return !!copy.embargoUntil && Date.parse(copy.embargoUntil) > now.getTime();
}

/**
 * Why this scheduled copy is held. Approval-required channels publish a copy only once approved,
 * and only if the approval came in time: an approval after the planned time is "missed its slot",
 * and someone must choose a new time. An embargo holds a copy planned before its release.
 */
export function holdOf(copy: CopyFacts, workflow: ChannelWorkflow): Hold | null {
  const at = plannedAt(copy);
  if (copy.status !== 'scheduled' || at === null) return null;
  if (copy.embargoUntil && at < Date.parse(copy.embargoUntil)) {
    return { kind: 'embargo', until: copy.embargoUntil };
  }
  if (!workflow.approvalRequired) return null;
  const review = copy.review;
  if (!review || review.state !== 'approved') return { kind: 'needs-approval' };
  if (Date.parse(review.at) > at + APPROVAL_GRACE_MS) {
    return { kind: 'missed-slot', approvedAt: review.at };
  }
  return null;
}
