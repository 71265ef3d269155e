// What people do with publishing on the hub: set a channel's connector up (checked before it is
// saved), see a copy's publications, retry a failed one, confirm a manual-assist post, withdraw.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { channelRefFor } from '../channels/channel-service';
import type { Queryable } from '../db/db';
import { HubError, forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { Platform } from '../../shared/domain';
import type { Delivery, UpdateDoc } from '../../shared/sync/protocol';
import type { SentRef } from './connector';
import type { DeliveryWrite } from './delivery';
import { initialDelivery, publishedDelivery, writeDeliveries } from './delivery';
import { insertPublications, publicationRow, publishedContentOf } from './planner';
import type { ConnectorView, PublicationView } from '../../shared/publish/protocol';
import { CONFIG_SCHEMAS, SECRET_RULES } from '../../shared/publish/protocol';
import type { ConnectorRegistry } from './scheduler';

const badRequest = (message: string) => new HubError(400, 'invalid_request', message);
/** Well-formed settings the platform itself refused (token revoked, bot not an admin…). */
const unprocessable = (message: string) => new HubError(422, 'invalid_request', message);
const conflict = (message: string) => new HubError(409, 'conflict', message);

interface ConnectorRow {
  config: Record<string, unknown>;
  secret: string | null;
  facts: Record<string, string>;
  checked_at: Date;
}

async function channelPlatform(q: Queryable, actor: Actor, channelId: string): Promise<Platform> {
  await channelRefFor(q, actor, channelId);
  const { rows } = await q.query<{ platform: Platform }>(
    'SELECT platform FROM hub_channels WHERE id = $1',
    [channelId],
  );
  return rows[0]!.platform;
}

/** A channel's publishing settings, without the secret. */
export async function getConnector(
  q: Queryable,
  actor: Actor,
  channelId: string,
): Promise<ConnectorView> {
  const platform = await channelPlatform(q, actor, channelId);
  const { rows } = await q.query<ConnectorRow>(
    'SELECT config, secret, facts, checked_at FROM channel_connectors WHERE channel_id = $1',
    [channelId],
  );
  const row = rows[0];
  return {
    channelId,
    platform,
    configured: row !== undefined || platform === 'feed' || platform === 'whatsapp',
    config: row?.config ?? {},
    hasSecret: Boolean(row?.secret),
    facts: row?.facts ?? {},
    checkedAt: row?.checked_at.toISOString() ?? null,
  };
}

/** Checks the settings with the platform (token, rights, URL), then saves them. */
export async function saveConnector(
  ctx: HubContext,
  connectors: ConnectorRegistry,
  actor: Actor,
  channelId: string,
  request: { config: Record<string, unknown>; secret?: string },
): Promise<ConnectorView> {
  const platform = await channelPlatform(ctx.db, actor, channelId);
  const ref = { id: channelId, workspaceId: actor.workspaceId };
  if (!can(actor, 'manage_channels', ref)) {
    throw forbidden("Only owners and admins can change a channel's publishing settings.");
  }
  const parsed = CONFIG_SCHEMAS[platform].safeParse(request.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw badRequest(`These settings do not fit a ${platform} channel (${where}${issue.message}).`);
  }
  const existing = await ctx.db.query<{ secret: string | null }>(
    'SELECT secret FROM channel_connectors WHERE channel_id = $1',
    [channelId],
  );
  const secret = request.secret ?? existing.rows[0]?.secret ?? null;
  const secretRule = SECRET_RULES[platform];
  if (secretRule) {
    if (secret === null) throw badRequest(`A ${platform} channel needs its secret to publish.`);
    const ok = secretRule.safeParse(secret);
    if (!ok.success) throw badRequest(`The secret is not ${ok.error.issues[0]!.message}.`);
  }
  const config = parsed.data as Record<string, unknown>;
  const check = await connectors[platform].check({ channelId, config, secret });
  if (!check.ok) throw unprocessable(check.reason);
  const now = ctx.now();
  await ctx.db.query(
    `INSERT INTO channel_connectors (workspace_id, channel_id, config, secret, facts, checked_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (channel_id) DO UPDATE SET config = EXCLUDED.config, secret = EXCLUDED.secret,
       facts = EXCLUDED.facts, checked_at = EXCLUDED.checked_at, updated_by = EXCLUDED.updated_by`,
    [
      actor.workspaceId,
      channelId,
      JSON.stringify(config),
      secret,
      JSON.stringify(check.facts),
      now,
      actor.userId,
    ],
  );
  return getConnector(ctx.db, actor, channelId);
}

interface UpdateRow {
  id: string;
  channel_id: string;
  doc: UpdateDoc | null;
  version: number;
  platform: Platform;
}

async function loadUpdate(q: Queryable, actor: Actor, updateId: string): Promise<UpdateRow> {
  const { rows } = await q.query<UpdateRow>(
    `SELECT h.id, h.channel_id, h.doc, h.version, c.platform
       FROM hub_updates h JOIN hub_channels c ON c.id = h.channel_id
      WHERE h.id = $1 AND h.workspace_id = $2`,
    [updateId, actor.workspaceId],
  );
  const row = rows[0];
  if (!row || row.doc === null) throw notFound('The update');
  return row;
}

function mayPublish(actor: Actor, update: UpdateRow): void {
  if (!can(actor, 'publish', { id: update.channel_id, workspaceId: actor.workspaceId })) {
    throw forbidden('Only editors and above can publish, retry or withdraw on this channel.');
  }
}

interface PublicationRow {
  id: string;
  action: PublicationView['action'];
  state: PublicationView['state'];
  due_at: Date;
  attempts: number;
  reason: string | null;
  answer: string | null;
  sent_at: Date | null;
  ref: SentRef | null;
}

/** A copy's publications, newest first, with its delivery. */
export async function publicationsOf(q: Queryable, actor: Actor, updateId: string) {
  const update = await loadUpdate(q, actor, updateId);
  const { rows } = await q.query<PublicationRow>(
    `SELECT id, action, state, due_at, attempts, reason, answer, sent_at, ref
       FROM publications WHERE update_id = $1 ORDER BY created_at DESC, id`,
    [updateId],
  );
  return {
    publications: rows.map<PublicationView>((r) => ({
      id: r.id,
      action: r.action,
      state: r.state,
      dueAt: r.due_at.toISOString(),
      attempts: r.attempts,
      reason: r.reason,
      answer: r.answer,
      sentAt: r.sent_at?.toISOString() ?? null,
      url: r.ref?.url ?? null,
    })),
    delivery: update.doc?.delivery ?? null,
  };
}

/** Runs `fn` in a transaction and announces the deliveries it wrote once committed. */
async function withDeliveries(
  ctx: HubContext,
  fn: (q: Queryable) => Promise<DeliveryWrite[]>,
): Promise<void> {
  const now = ctx.now();
  const versions = await ctx.db.tx(async (q) => writeDeliveries(q, await fn(q), now));
  for (const [workspaceId, version] of versions) ctx.events.changed(workspaceId, version);
  ctx.events.publicationsDue();
}

/** Sends a failed publication again, now, with its attempts counted afresh. */
export async function retryPublication(ctx: HubContext, actor: Actor, updateId: string) {
  const update = await loadUpdate(ctx.db, actor, updateId);
  mayPublish(actor, update);
  const now = ctx.now();
  await withDeliveries(ctx, async (q) => {
    const { rows } = await q.query<{ id: string; action: string }>(
      `UPDATE publications SET state = 'scheduled', next_attempt_at = $2, attempts = 0,
              reason = NULL, updated_at = $2
        WHERE update_id = $1 AND state = 'failed' RETURNING id, action`,
      [updateId, now],
    );
    if (rows.length === 0)
      throw conflict('Nothing of this copy has failed; there is nothing to retry.');
    const doc = update.doc!;
    const previous = doc.delivery ?? initialDelivery(now);
    const posting = rows.some((r) => r.action === 'post');
    const delivery: Delivery = posting
      ? { ...previous, state: 'publishing', at: now.toISOString(), reason: null, attempts: 0 }
      : { ...previous, reason: null };
    return [
      { workspaceId: actor.workspaceId, updateId, delivery, event: 'retry', userId: actor.userId },
    ];
  });
  return publicationsOf(ctx.db, actor, updateId);
}

/**
 * A person did on the platform what the hub could not (a WhatsApp post, correction or deletion),
 * or checked that a post the hub was unsure about is there: the publication is done.
 */
export async function confirmPublication(
  ctx: HubContext,
  actor: Actor,
  updateId: string,
  request: { url?: string },
) {
  const update = await loadUpdate(ctx.db, actor, updateId);
  mayPublish(actor, update);
  const now = ctx.now();
  await withDeliveries(ctx, async (q) => {
    const { rows } = await q.query<{
      id: string;
      action: 'post' | 'edit' | 'delete';
      ref: SentRef | null;
    }>(
      `SELECT id, action, ref FROM publications
        WHERE update_id = $1 AND (state = 'due' OR (state = 'failed' AND action = 'post'))
        ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [updateId],
    );
    const row = rows[0];
    if (!row) throw conflict('This copy has nothing waiting to be confirmed.');
    const doc = update.doc!;
    const ref: SentRef = {
      messageIds: row.ref?.messageIds ?? [],
      url: request.url ?? row.ref?.url ?? null,
    };
    await q.query(
      `UPDATE publications SET state = 'done', ref = $2, sent_at = $3, reason = NULL,
              sent_content = CASE WHEN action = 'delete' THEN sent_content ELSE $4::jsonb END,
              answer = $5, updated_at = $3
        WHERE id = $1`,
      [
        row.id,
        JSON.stringify(ref),
        now,
        JSON.stringify(publishedContentOf(doc)),
        'confirmed by a person',
      ],
    );
    const previous = doc.delivery ?? null;
    let delivery: Delivery;
    if (row.action === 'post')
      delivery = publishedDelivery(
        previous,
        update.platform,
        now,
        ref.url,
        previous?.attempts ?? 1,
      );
    else if (row.action === 'edit')
      delivery = { ...previous!, corrections: previous!.corrections + 1, task: null, reason: null };
    else
      delivery = {
        ...(previous ?? initialDelivery(now)),
        state: 'withdrawn',
        at: now.toISOString(),
        task: null,
        reason: null,
      };
    const event =
      row.action === 'post' ? 'confirmed' : row.action === 'edit' ? 'corrected' : 'withdrawn';
    return [{ workspaceId: actor.workspaceId, updateId, delivery, event, userId: actor.userId }];
  });
  return publicationsOf(ctx.db, actor, updateId);
}

/** Deletes a published copy on its platform (a task for a person where there is no API). */
export async function withdrawUpdate(ctx: HubContext, actor: Actor, updateId: string) {
  const update = await loadUpdate(ctx.db, actor, updateId);
  mayPublish(actor, update);
  const now = ctx.now();
  await ctx.db.tx(async (q) => {
    const post = await q.query<{ id: string }>(
      `SELECT id FROM publications WHERE update_id = $1 AND action = 'post' AND state = 'done'`,
      [updateId],
    );
    if (!post.rows[0]) {
      throw conflict('This copy has not been published; unschedule or delete it instead.');
    }
    if (update.doc!.delivery?.state === 'withdrawn')
      throw conflict('This copy is already withdrawn.');
    const copy = { id: updateId, channelId: update.channel_id, version: update.version };
    await insertPublications(q, [
      publicationRow(actor.workspaceId, copy, 'delete', actor.userId, now, now),
    ]);
  });
  ctx.events.publicationsDue();
  return publicationsOf(ctx.db, actor, updateId);
}
