// The newsroom's workflow rules for one pushed change to a copy: who may take which review step,
// who may lift an embargo, and that nothing is scheduled before its embargo ends — whoever asks.
// Also what the hub writes itself: who took a review step and when, on its own clock.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import type { Review, UpdateDoc } from '../../shared/sync/protocol';
import type { UserRef } from '../../shared/sync/merge';
import { sameJson } from '../../shared/sync/merge';

const CONTENT_FIELDS = ['text', 'attachments', 'poll', 'shared', 'customized'] as const;

const mayOn = (actor: Actor, action: Parameters<typeof can>[1], channelId: string) =>
  can(actor, action, { id: channelId, workspaceId: actor.workspaceId });

const stateOf = (doc: UpdateDoc | null | undefined): Review['state'] | null =>
  doc?.review?.state ?? null;

function reviewRefusal(
  actor: Actor,
  channelId: string,
  from: UpdateDoc | null,
  to: UpdateDoc,
): string | null {
  const before = stateOf(from);
  const after = stateOf(to);
  if (before === after && sameJson(from?.review?.note ?? null, to.review?.note ?? null)) {
    return null;
  }
  if (after === 'approved' || after === 'changes_requested') {
    if (!mayOn(actor, 'approve', channelId)) {
      return 'Only editors and above can approve a story or ask for changes on this channel.';
    }
    if (after === 'changes_requested' && !to.review?.note?.trim()) {
      return 'Asking for changes needs a word on what should change.';
    }
    return null;
  }
  if (after === 'in_review') {
    return mayOn(actor, 'submit', channelId) ? null : 'You cannot submit copies on this channel.';
  }
  // Back to a plain draft: an approval is withdrawn only by someone who could have given it.
  if (before === 'approved' && !mayOn(actor, 'approve', channelId)) {
    return 'Only editors and above can withdraw an approval.';
  }
  return null;
}

function embargoRefusal(
  actor: Actor,
  channelId: string,
  from: UpdateDoc | null,
  to: UpdateDoc,
): string | null {
  const was = from?.embargoUntil ?? null;
  const now = to.embargoUntil ?? null;
  const lifted = was !== null && (now === null || Date.parse(now) < Date.parse(was));
  if (lifted && !mayOn(actor, 'schedule', channelId)) {
    return 'Only editors and above can lift an embargo or bring it forward.';
  }
  return null;
}

/** A schedule before the embargo ends is refused for everyone: lifting the embargo comes first. */
function scheduleRefusal(to: UpdateDoc): string | null {
  if (!to.embargoUntil || to.deletedAt !== null) return null;
  if (to.status !== 'scheduled' || to.schedule.kind !== 'at') return null;
  if (Date.parse(to.schedule.at) >= Date.parse(to.embargoUntil)) return null;
  return `This story is under embargo until ${to.embargoUntil}: nothing about it can go out before then.`;
}

/**
 * Why the workflow forbids writing `to` over `from` (the hub's copy, null for a new one), or null.
 * Called after the merge, on the document that would be stored.
 */
export function workflowRefusal(
  actor: Actor,
  channelId: string,
  from: UpdateDoc | null,
  to: UpdateDoc | null,
): string | null {
  if (to === null) return null;
  return (
    reviewRefusal(actor, channelId, from, to) ??
    embargoRefusal(actor, channelId, from, to) ??
    scheduleRefusal(to)
  );
}

/**
 * The document as the hub stores it: a review step changed by this write carries the member who
 * took it and the hub's time (desks cannot make them up), and a content change by someone who may
 * not approve sends an approved copy back to review — an approval covers the text it saw.
 */
export function stampWorkflow(
  actor: Actor,
  by: UserRef,
  channelId: string,
  from: UpdateDoc | null,
  to: UpdateDoc,
  now: Date,
): UpdateDoc {
  const at = now.toISOString();
  if (!sameJson(from?.review ?? null, to.review ?? null) && to.review) {
    return { ...to, review: { ...to.review, by, at } };
  }
  const contentChanged = from !== null && CONTENT_FIELDS.some((f) => !sameJson(from[f], to[f]));
  if (contentChanged && to.review?.state === 'approved' && !mayOn(actor, 'approve', channelId)) {
    return { ...to, review: { state: 'in_review', by, at, note: null } };
  }
  return to;
}
