// Who may do what: one pure rule set, used by every hub route (the desk's UI is never the only guard).

export const WORKSPACE_ROLES = ['owner', 'admin', 'editor', 'contributor'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Roles a member can hold on one channel; ownership is only ever workspace-wide. */
export const CHANNEL_ROLES = ['admin', 'editor', 'contributor'] as const;
export type ChannelRole = (typeof CHANNEL_ROLES)[number];

export const ACTIONS = [
  'manage_workspace',
  'manage_members',
  'manage_channels',
  'create_draft',
  'edit_own_draft',
  'edit_any_draft',
  'submit',
  'approve',
  'schedule',
  'publish',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A signed-in member as the rules see them. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: WorkspaceRole;
  /** Extra roles on single channels, by channel id. */
  channelRoles: Readonly<Record<string, ChannelRole>>;
}

export interface ChannelRef {
  id: string;
  workspaceId: string;
}

const RANK: Record<WorkspaceRole, number> = { contributor: 1, editor: 2, admin: 3, owner: 4 };

/** The least role that may take each action. */
export const MINIMUM_ROLE: Record<Action, WorkspaceRole> = {
  manage_workspace: 'owner',
  manage_members: 'admin',
  manage_channels: 'admin',
  create_draft: 'contributor',
  edit_own_draft: 'contributor',
  edit_any_draft: 'editor',
  submit: 'contributor',
  approve: 'editor',
  schedule: 'editor',
  publish: 'editor',
};

// Channel roles only ever add power on their channel; these two are about the whole workspace.
const WORKSPACE_WIDE: ReadonlySet<Action> = new Set(['manage_workspace', 'manage_members']);

/** The role that counts on a channel: the higher of the workspace role and the channel role. */
export function effectiveRole(actor: Actor, channel?: ChannelRef): WorkspaceRole | null {
  if (!channel) return actor.role;
  if (channel.workspaceId !== actor.workspaceId) return null;
  const extra = actor.channelRoles[channel.id];
  return extra !== undefined && RANK[extra] > RANK[actor.role] ? extra : actor.role;
}

/**
 * May `actor` take `action`, on `channel` if given? Without a channel, channel actions are judged
 * on the workspace role alone (e.g. creating a channel). Another workspace's channel: never.
 */
export function can(actor: Actor, action: Action, channel?: ChannelRef): boolean {
  if (channel && channel.workspaceId !== actor.workspaceId) return false;
  const role = WORKSPACE_WIDE.has(action) ? actor.role : effectiveRole(actor, channel);
  return role !== null && RANK[role] >= RANK[MINIMUM_ROLE[action]];
}

/** Every action `actor` may take (on `channel` if given), in ACTIONS order. */
export function allowedActions(actor: Actor, channel?: ChannelRef): Action[] {
  return ACTIONS.filter((action) => can(actor, action, channel));
}

/**
 * May `actor` give a member currently holding `current` the role `next` (null = remove them)?
 * Admins manage everyone but owners and cannot make owners; only owners touch ownership. Keeping
 * at least one owner is checked against the database, not here.
 */
export function canChangeMember(
  actor: Actor,
  current: WorkspaceRole,
  next: WorkspaceRole | null,
): boolean {
  if (!can(actor, 'manage_members')) return false;
  if (actor.role === 'owner') return true;
  return current !== 'owner' && next !== 'owner';
}
