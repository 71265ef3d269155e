// The hub's channels and per-channel roles, always within the actor's own workspace.
import type { HubChannel } from '../api-schemas';
import type { ChannelDocRow } from '../sync/records';
import type { Actor, ChannelRef, ChannelRole } from '../auth/permissions';
import { can } from '../auth/permissions';
import { newId } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { isUniqueViolation } from '../db/db';
import { HubError, forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { HistoryRow } from '../sync/history-service';
import { insertHistory } from '../sync/history-service';
import { FORMER_MEMBER, channelDocOfRow } from '../sync/records';
import { takeVersions } from '../sync/versions';
import type { Slot } from '../../shared/domain';
import type { ChannelWorkflow } from '../../shared/schemas';
import { sameJson } from '../../shared/sync/merge';

/** The fields of a channel's sync doc that its editors set (all of them on creation). */
const CHANNEL_DOC_FIELDS = [
  'name',
  'platform',
  'timeZone',
  'language',
  'description',
  'slots',
  'archived',
  'workflow',
] as const;

interface ChannelRow extends ChannelDocRow {
  workspace_id: string;
}

const COLUMNS =
  'id, workspace_id, name, platform, time_zone, language, description, slots, archived, created_at, updated_at, workflow';

function toChannel(row: ChannelRow): HubChannel {
  return { ...channelDocOfRow(row), workspaceId: row.workspace_id };
}

/**
 * A channel of the actor's workspace. Another workspace's channel is "not found", never
 * "forbidden": its existence is not the actor's business.
 */
export async function channelRefFor(
  q: Queryable,
  actor: Actor,
  channelId: string,
): Promise<ChannelRef> {
  const { rows } = await q.query<{ id: string; workspace_id: string }>(
    'SELECT id, workspace_id FROM hub_channels WHERE id = $1 AND workspace_id = $2',
    [channelId, actor.workspaceId],
  );
  if (!rows[0]) throw notFound('The channel');
  return { id: rows[0].id, workspaceId: rows[0].workspace_id };
}

/** All channels of the actor's workspace, by name. */
export async function listChannels(q: Queryable, actor: Actor): Promise<HubChannel[]> {
  const { rows } = await q.query<ChannelRow>(
    `SELECT ${COLUMNS} FROM hub_channels WHERE workspace_id = $1 ORDER BY lower(name), id`,
    [actor.workspaceId],
  );
  return rows.map(toChannel);
}

/** One channel of the actor's workspace. */
export async function getChannel(
  q: Queryable,
  actor: Actor,
  channelId: string,
): Promise<HubChannel> {
  const { rows } = await q.query<ChannelRow>(
    `SELECT ${COLUMNS} FROM hub_channels WHERE id = $1 AND workspace_id = $2`,
    [channelId, actor.workspaceId],
  );
  if (!rows[0]) throw notFound('The channel');
  return toChannel(rows[0]);
}

export interface ChannelFields {
  id?: string | undefined;
  name: string;
  platform: HubChannel['platform'];
  timeZone: string;
  language: string;
  description: string;
  slots: Slot[];
  workflow?: ChannelWorkflow | undefined;
}

/** Creates a channel (workspace admins and owners); it gets the workspace's next sync version. */
export async function createChannel(
  ctx: HubContext,
  actor: Actor,
  input: ChannelFields,
): Promise<HubChannel> {
  if (!can(actor, 'manage_channels')) throw forbidden('Only owners and admins can add channels.');
  const now = ctx.now();
  try {
    const { channel, version } = await ctx.db.tx(async (q) => {
      const version = await takeVersions(q, actor.workspaceId, 1);
      const { rows } = await q.query<ChannelRow>(
        `INSERT INTO hub_channels (id, workspace_id, name, platform, time_zone, language, description, slots,
                                   created_by, created_at, updated_at, version, updated_by, stamp_mutation,
                                   stamped_at, workflow)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $9, 'createChannel', $10, $12)
         RETURNING ${COLUMNS}`,
        [
          input.id ?? newId(),
          actor.workspaceId,
          input.name,
          input.platform,
          input.timeZone,
          input.language,
          input.description,
          JSON.stringify(input.slots),
          actor.userId,
          now,
          version,
          input.workflow ? JSON.stringify(input.workflow) : null,
        ],
      );
      const channel = toChannel(rows[0]!);
      await insertHistory(q, actor.workspaceId, [
        {
          kind: 'channel',
          recordId: channel.id,
          version,
          userId: actor.userId,
          mutation: 'createChannel',
          outcome: 'applied',
          fields: [...CHANNEL_DOC_FIELDS],
          overwritten: [],
          at: now,
        },
      ]);
      return { channel, version };
    });
    ctx.events.changed(actor.workspaceId, version);
    return channel;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new HubError(409, 'conflict', 'A channel with this id exists.');
    throw err;
  }
}

export type ChannelPatch = Partial<
  Pick<ChannelFields, 'name' | 'timeZone' | 'language' | 'description' | 'slots' | 'workflow'> & {
    archived: boolean;
  }
>;

const PATCH_COLUMNS: Record<keyof ChannelPatch, string> = {
  name: 'name',
  timeZone: 'time_zone',
  language: 'language',
  description: 'description',
  slots: 'slots',
  archived: 'archived',
  workflow: 'workflow',
};

/** Values of someone else's that a patch replaces, for the channel's history. */
function overwrittenBy(
  current: ChannelRow & { updated_by: string | null; updater_name: string | null },
  patch: ChannelPatch,
  actor: Actor,
): HistoryRow['overwritten'] {
  if (current.updated_by === null || current.updated_by === actor.userId) return [];
  const before = toChannel(current) as unknown as Record<string, unknown>;
  const by = { id: current.updated_by, name: current.updater_name ?? FORMER_MEMBER };
  return Object.entries(patch)
    .filter(([key, value]) => value !== undefined && !sameJson(before[key], value))
    .map(([field]) => ({ field, value: before[field], by }));
}

/**
 * Changes a channel's settings (workspace admins, and admins of this channel); the channel gets
 * the workspace's next sync version and a history entry.
 */
export async function updateChannel(
  ctx: HubContext,
  actor: Actor,
  channelId: string,
  patch: ChannelPatch,
): Promise<HubChannel> {
  const channel = await channelRefFor(ctx.db, actor, channelId);
  if (!can(actor, 'manage_channels', channel)) throw forbidden('You cannot change this channel.');
  const now = ctx.now();
  const { updated, version } = await ctx.db.tx(async (q) => {
    const version = await takeVersions(q, actor.workspaceId, 1);
    const current = await q.query<
      ChannelRow & { updated_by: string | null; updater_name: string | null }
    >(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}, c.updated_by, u.display_name AS updater_name
         FROM hub_channels c LEFT JOIN users u ON u.id = c.updated_by
        WHERE c.id = $1 AND c.workspace_id = $2 FOR UPDATE OF c`,
      [channel.id, actor.workspaceId],
    );
    if (!current.rows[0]) throw notFound('The channel');
    const sets: string[] = [];
    const values: unknown[] = [channel.id, actor.workspaceId, now, version, actor.userId];
    const fields: string[] = [];
    for (const [key, value] of Object.entries(patch) as Array<[keyof ChannelPatch, unknown]>) {
      if (value === undefined) continue;
      values.push(key === 'slots' || key === 'workflow' ? JSON.stringify(value) : value);
      sets.push(`${PATCH_COLUMNS[key]} = $${values.length}`);
      fields.push(key);
    }
    const { rows } = await q.query<ChannelRow>(
      `UPDATE hub_channels
          SET ${[...sets, 'updated_at = $3', 'version = $4', 'updated_by = $5', "stamp_mutation = 'updateChannel'", 'stamped_at = $3'].join(', ')}
        WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
      values,
    );
    await insertHistory(q, actor.workspaceId, [
      {
        kind: 'channel',
        recordId: channel.id,
        version,
        userId: actor.userId,
        mutation: 'updateChannel',
        outcome: 'applied',
        fields,
        overwritten: overwrittenBy(current.rows[0], patch, actor),
        at: now,
      },
    ]);
    return { updated: toChannel(rows[0]!), version };
  });
  ctx.events.changed(actor.workspaceId, version);
  return updated;
}

async function assertMember(q: Queryable, actor: Actor, userId: string): Promise<void> {
  const { rows } = await q.query('SELECT 1 FROM members WHERE workspace_id = $1 AND user_id = $2', [
    actor.workspaceId,
    userId,
  ]);
  if (!rows[0]) throw notFound('The member');
}

/** Gives a member a role on one channel (replacing any they had there). */
export async function setChannelRole(
  ctx: HubContext,
  actor: Actor,
  target: { channelId: string; userId: string },
  role: ChannelRole,
): Promise<void> {
  const channel = await channelRefFor(ctx.db, actor, target.channelId);
  await assertMember(ctx.db, actor, target.userId);
  if (!can(actor, 'manage_members'))
    throw forbidden('Only owners and admins can give channel roles.');
  await ctx.db.query(
    `INSERT INTO channel_roles (workspace_id, channel_id, user_id, role, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (channel_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [actor.workspaceId, channel.id, target.userId, role, ctx.now()],
  );
}

/** Takes away a member's role on one channel (their workspace role still applies). */
export async function removeChannelRole(
  ctx: HubContext,
  actor: Actor,
  target: { channelId: string; userId: string },
): Promise<void> {
  const channel = await channelRefFor(ctx.db, actor, target.channelId);
  await assertMember(ctx.db, actor, target.userId);
  if (!can(actor, 'manage_members'))
    throw forbidden('Only owners and admins can change channel roles.');
  await ctx.db.query('DELETE FROM channel_roles WHERE channel_id = $1 AND user_id = $2', [
    channel.id,
    target.userId,
  ]);
}
