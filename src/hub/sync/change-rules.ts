// Whether one pushed or imported change may be applied: ids, channels, deletions, roles and stale
// workflow steps. Each rule answers with the reason in words (shown to the editor) or null.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import type { Change, ChannelDoc, UpdateDoc } from '../../shared/sync/protocol';
import { changedFields, staleWorkflowReason } from '../../shared/sync/merge';
import type { Doc } from '../../shared/sync/merge';
import { timeZoneSchema } from '../../shared/schemas';
import type { HubRecord } from './records';

/** What the rules need to know besides the change: who acts, and the hub's records as they stand. */
export interface RuleContext {
  actor: Actor;
  /** The record as the hub holds it now (this batch's earlier effects included), any workspace. */
  current(kind: Change['kind'], id: string): HubRecord | undefined;
  /** A user's display name. */
  nameOf(userId: string | null): string;
}

const NOT_FOUND_CHANNEL = 'The channel was not found on the hub.';
const FOREIGN_ID = 'This id belongs to another record on the hub; the desk must give it a new id.';

function isScheduled(doc: UpdateDoc): boolean {
  return doc.status === 'scheduled' || doc.schedule.kind !== 'none';
}

const mayChannel = (ctx: RuleContext, action: Parameters<typeof can>[1], channelId: string) =>
  can(ctx.actor, action, { id: channelId, workspaceId: ctx.actor.workspaceId });

function channelRefusal(
  change: Extract<Change, { kind: 'channel' }>,
  current: HubRecord | undefined,
  ctx: RuleContext,
): string | null {
  const { before, after } = change;
  if (after === null) return 'Channels are never deleted; archive the channel instead.';
  if (!current || current.doc === null) {
    if (before !== null) return 'This channel is not on the hub (it never reached it).';
    if (!can(ctx.actor, 'manage_channels')) return 'Only owners and admins can add channels.';
  } else {
    if (!mayChannel(ctx, 'manage_channels', current.id)) {
      return "You cannot change this channel's settings.";
    }
    if ((current.doc as ChannelDoc).platform !== after.platform) {
      return "A channel's platform never changes; add a new channel instead.";
    }
  }
  if (!timeZoneSchema.safeParse(after.timeZone).success) {
    return `"${after.timeZone}" is not a time zone the hub knows.`;
  }
  return null;
}

function creationRefusal(doc: UpdateDoc, ctx: RuleContext): string | null {
  if (!mayChannel(ctx, 'create_draft', doc.channelId)) {
    return 'You cannot write drafts on this channel.';
  }
  if (isScheduled(doc) && !mayChannel(ctx, 'schedule', doc.channelId)) {
    return 'Only editors and above can schedule copies on this channel; save it as a draft.';
  }
  return null;
}

function editRefusal(
  change: Extract<Change, { kind: 'update' }>,
  current: HubRecord,
  ctx: RuleContext,
): string | null {
  const { before, after } = change;
  const doc = current.doc as UpdateDoc;
  if (after !== null && after.channelId !== current.channelId) {
    return 'A copy never moves to another channel; make a new copy there instead.';
  }
  const own = current.createdBy === ctx.actor.userId;
  if (!mayChannel(ctx, own ? 'edit_own_draft' : 'edit_any_draft', current.channelId)) {
    return own
      ? 'You cannot edit copies on this channel.'
      : `Only editors and above can change someone else's copy; this one is by ${ctx.nameOf(current.createdBy)}.`;
  }
  const fields = changedFields('update', before ?? doc, after);
  // Deleting a scheduled copy cancels its publication: a workflow step like unscheduling.
  const workflow =
    fields.includes('status') ||
    fields.includes('schedule') ||
    (after === null && isScheduled(doc));
  if (workflow && !mayChannel(ctx, 'schedule', current.channelId)) {
    return 'Only editors and above can schedule, unschedule or delete a scheduled copy on this channel.';
  }
  return staleWorkflowReason('update', before, after, doc, ctx.nameOf(current.updatedBy));
}

function updateRefusal(
  change: Extract<Change, { kind: 'update' }>,
  current: HubRecord | undefined,
  ctx: RuleContext,
): string | null {
  const { before, after } = change;
  const channelId = current?.channelId ?? after?.channelId ?? before?.channelId;
  const channel = channelId ? ctx.current('channel', channelId) : undefined;
  if (!channel || channel.workspaceId !== ctx.actor.workspaceId) return NOT_FOUND_CHANNEL;
  if (current && current.doc === null) {
    return `This copy was deleted on the hub by ${ctx.nameOf(current.updatedBy)}.`;
  }
  if (!current) {
    if (before !== null)
      return 'This copy is not on the hub (it was deleted, or never reached it).';
    return after === null ? null : creationRefusal(after, ctx);
  }
  return editRefusal(change, current, ctx);
}

/** Why `change` may not be applied, or null when it may (then merge it). */
export function changeRefusal(change: Change, ctx: RuleContext): string | null {
  if (change.before === null && change.after === null) return null;
  const docs: Array<Doc | null> = [change.before, change.after];
  if (docs.some((doc) => doc !== null && doc.id !== change.id)) {
    return `The record's id does not match the change's id (${change.id}).`;
  }
  const current = ctx.current(change.kind, change.id);
  if (current && current.workspaceId !== ctx.actor.workspaceId) {
    return change.before === null ? FOREIGN_ID : 'This record was not found on the hub.';
  }
  return change.kind === 'channel'
    ? channelRefusal(change, current, ctx)
    : updateRefusal(change, current, ctx);
}
