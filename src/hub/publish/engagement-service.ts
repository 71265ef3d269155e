// Engagement coming back to the hub for a published copy: counts typed in by an editor (WhatsApp
// shows admins numbers but has no API), statistics a webhook receiver posts back signed with the
// channel's secret, and Telegram's reaction counts and poll results. Each lands in the copy's
// `engagement` (a new version desks pull), merged over what was there.
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { HubError, forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { Engagement, EngagementCounts, UpdateDoc } from '../../shared/sync/protocol';
import { writeHubFields } from './delivery';
import { WEBHOOK_REPLAY_WINDOW_S, signWebhook } from './webhook';

type Source = Engagement['source'];

/** The counts after `incoming`: what it names replaces, what it leaves out stays. */
export function mergeEngagement(
  previous: Engagement | null | undefined,
  incoming: EngagementCounts,
  source: Source,
  at: Date,
): Engagement {
  return {
    views: incoming.views !== undefined ? incoming.views : (previous?.views ?? null),
    forwards: incoming.forwards !== undefined ? incoming.forwards : (previous?.forwards ?? null),
    reactions: incoming.reactions ?? previous?.reactions ?? {},
    pollVotes:
      incoming.pollVotes !== undefined ? incoming.pollVotes : (previous?.pollVotes ?? null),
    source,
    at: at.toISOString(),
  };
}

interface CopyRow {
  id: string;
  workspace_id: string;
  channel_id: string;
  doc: UpdateDoc | null;
}

const PUBLISHED_STATES = new Set(['published', 'withdrawn']);

function checkCopy(row: CopyRow | undefined, counts: EngagementCounts): UpdateDoc {
  if (!row || row.doc === null) throw notFound('The update');
  const doc = row.doc;
  if (!doc.delivery || !PUBLISHED_STATES.has(doc.delivery.state)) {
    throw new HubError(409, 'conflict', 'Only a published copy has engagement to record.');
  }
  const options = doc.poll?.options.length ?? 0;
  if (counts.pollVotes && counts.pollVotes.length !== options) {
    throw new HubError(
      400,
      'invalid_request',
      options === 0
        ? 'This copy has no poll, so it has no votes to record.'
        : `The poll has ${options} options: give ${options} vote counts, in their order.`,
    );
  }
  return doc;
}

/** Writes the merged engagement of one copy and announces it. */
async function store(
  ctx: HubContext,
  row: CopyRow,
  doc: UpdateDoc,
  counts: EngagementCounts,
  source: Source,
  userId: string | null,
): Promise<Engagement> {
  const now = ctx.now();
  const engagement = mergeEngagement(doc.engagement, counts, source, now);
  const versions = await ctx.db.tx((q) =>
    writeHubFields(
      q,
      [
        {
          workspaceId: row.workspace_id,
          updateId: row.id,
          field: 'engagement',
          value: engagement,
          event: `engagement-${source}`,
          userId,
        },
      ],
      now,
    ),
  );
  for (const [workspaceId, version] of versions) ctx.events.changed(workspaceId, version);
  return engagement;
}

async function copyRow(q: Queryable, updateId: string): Promise<CopyRow | undefined> {
  const { rows } = await q.query<CopyRow>(
    'SELECT id, workspace_id, channel_id, doc FROM hub_updates WHERE id = $1',
    [updateId],
  );
  return rows[0];
}

/** Counts an editor read on the platform and typed in (editors and above on the channel). */
export async function recordEngagementByEditor(
  ctx: HubContext,
  actor: Actor,
  updateId: string,
  counts: EngagementCounts,
): Promise<Engagement> {
  const row = await copyRow(ctx.db, updateId);
  if (row && row.workspace_id !== actor.workspaceId) throw notFound('The update');
  const doc = checkCopy(row, counts);
  if (!can(actor, 'publish', { id: row!.channel_id, workspaceId: actor.workspaceId })) {
    throw forbidden('Only editors and above can record engagement on this channel.');
  }
  return store(ctx, row!, doc, counts, 'editor', actor.userId);
}

const unauthorised = (message: string) => new HubError(401, 'invalid_token', message);

/**
 * Statistics a webhook receiver posts back, signed like the hub's deliveries with the channel's
 * secret (docs/webhooks.md, "Sending statistics back"): checked before anything is read from it.
 */
export async function recordEngagementFromWebhook(
  ctx: HubContext,
  channelId: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  parse: (body: unknown) => { updateId: string } & EngagementCounts,
): Promise<Engagement> {
  const { rows } = await ctx.db.query<{ secret: string | null }>(
    `SELECT k.secret FROM channel_connectors k JOIN hub_channels c ON c.id = k.channel_id
      WHERE k.channel_id = $1 AND c.platform = 'webhook'`,
    [channelId],
  );
  const secret = rows[0]?.secret;
  if (!secret) throw notFound('The webhook channel');
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) {
    throw unauthorised('X-ChannelDesk-Timestamp is missing or not unix seconds.');
  }
  const skew = Math.abs(ctx.now().getTime() / 1000 - timestamp);
  if (skew > WEBHOOK_REPLAY_WINDOW_S) {
    throw unauthorised(
      `The timestamp is ${Math.round(skew)} s away from the hub's clock (at most ${WEBHOOK_REPLAY_WINDOW_S} s).`,
    );
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorised('The signature does not match this channel’s secret.');
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new HubError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const { updateId, ...counts } = parse(json);
  const row = await copyRow(ctx.db, updateId);
  if (row && row.channel_id !== channelId) throw notFound('The update');
  const doc = checkCopy(row, counts);
  return store(ctx, row!, doc, counts, 'webhook', null);
}
