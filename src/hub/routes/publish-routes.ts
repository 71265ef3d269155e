// Publishing: channel connector settings, a copy's publications (retry, confirm, withdraw), and
// the public RSS / JSON Feed of feed channels with their media.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Router } from '../http/route';
import { EMPTY_BODY } from '../http/route';
import { HubError, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import { channelIdParamsSchema } from '../api-schemas';
import type { FeedInput } from '../publish/feeds';
import { feedValidators, isNotModified, renderJsonFeed, renderRss } from '../publish/feeds';
import {
  confirmPublication,
  getConnector,
  publicationsOf,
  retryPublication,
  saveConnector,
  withdrawUpdate,
} from '../publish/publication-service';
import {
  confirmRequestSchema,
  connectorSchema,
  publicationsSchema,
  saveConnectorRequestSchema,
  updateIdParamsSchema,
} from '../../shared/publish/protocol';
import type { ConnectorRegistry } from '../publish/scheduler';
import type { UpdateDoc } from '../../shared/sync/protocol';
import { engagementCountsSchema, engagementSchema } from '../../shared/sync/protocol';
import {
  recordEngagementByEditor,
  recordEngagementFromWebhook,
} from '../publish/engagement-service';
import { readWorkspaceBlob } from '../sync/blob-service';

/** Newest items a feed carries. */
export const FEED_ITEMS = 50;

export function registerPublishRoutes(
  router: Router,
  ctx: HubContext,
  connectors: ConnectorRegistry,
): void {
  const tags = ['publishing'];

  router.add({
    method: 'GET',
    url: '/v1/channels/:channelId/connector',
    summary: "A channel's publishing settings (never its secret)",
    tags,
    auth: true,
    params: channelIdParamsSchema,
    responses: { 200: { description: 'The settings', schema: connectorSchema } },
    handler: ({ session, params }) => getConnector(ctx.db, session, params.channelId),
  });

  router.add({
    method: 'PUT',
    url: '/v1/channels/:channelId/connector',
    summary: "Check a channel's publishing settings with its platform, then save them (admins)",
    tags,
    auth: true,
    params: channelIdParamsSchema,
    body: saveConnectorRequestSchema,
    responses: { 200: { description: 'Checked and saved', schema: connectorSchema } },
    handler: ({ session, params, body }) =>
      saveConnector(ctx, connectors, session, params.channelId, body),
  });

  router.add({
    method: 'GET',
    url: '/v1/updates/:updateId/publications',
    summary: "A copy's publications and delivery",
    tags,
    auth: true,
    params: updateIdParamsSchema,
    responses: { 200: { description: 'Publications, newest first', schema: publicationsSchema } },
    handler: ({ session, params }) => publicationsOf(ctx.db, session, params.updateId),
  });

  router.add({
    method: 'POST',
    url: '/v1/updates/:updateId/retry',
    summary: "Send a copy's failed publication again (editors)",
    tags,
    auth: true,
    params: updateIdParamsSchema,
    body: EMPTY_BODY,
    responses: { 200: { description: 'Scheduled again', schema: publicationsSchema } },
    handler: ({ session, params }) => retryPublication(ctx, session, params.updateId),
  });

  router.add({
    method: 'POST',
    url: '/v1/updates/:updateId/confirm',
    summary: 'Confirm that a person did it on the platform (manual-assist) (editors)',
    tags,
    auth: true,
    params: updateIdParamsSchema,
    body: confirmRequestSchema,
    responses: { 200: { description: 'Confirmed', schema: publicationsSchema } },
    handler: ({ session, params, body }) => confirmPublication(ctx, session, params.updateId, body),
  });

  router.add({
    method: 'PUT',
    url: '/v1/updates/:updateId/engagement',
    summary: 'Record the counts an editor read on the platform (views, reactions, votes) (editors)',
    tags,
    auth: true,
    params: updateIdParamsSchema,
    body: engagementCountsSchema,
    responses: { 200: { description: 'Recorded', schema: engagementSchema } },
    handler: ({ session, params, body }) =>
      recordEngagementByEditor(ctx, session, params.updateId, body),
  });

  router.add({
    method: 'POST',
    url: '/v1/updates/:updateId/withdraw',
    summary: 'Delete a published copy on its platform (editors)',
    tags,
    auth: true,
    params: updateIdParamsSchema,
    body: EMPTY_BODY,
    responses: { 200: { description: 'Withdrawal scheduled', schema: publicationsSchema } },
    handler: ({ session, params }) => withdrawUpdate(ctx, session, params.updateId),
  });
}

interface FeedRow {
  update_id: string;
  doc: UpdateDoc;
  sent_at: Date;
  updated_at: Date;
}

interface FeedChannel {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  language: string;
}

async function feedChannel(ctx: HubContext, channelId: string): Promise<FeedChannel> {
  const { rows } = await ctx.db.query<FeedChannel>(
    `SELECT id, workspace_id, name, description, language FROM hub_channels
      WHERE id = $1 AND platform = 'feed' AND NOT archived`,
    [channelId],
  );
  if (!rows[0]) throw notFound('The feed');
  return rows[0];
}

/** Published, not withdrawn copies of a feed channel, newest first. */
async function feedRows(ctx: HubContext, channelId: string): Promise<FeedRow[]> {
  const { rows } = await ctx.db.query<FeedRow>(
    `SELECT p.update_id, h.doc, p.sent_at, h.updated_at
       FROM publications p JOIN hub_updates h ON h.id = p.update_id
      WHERE p.channel_id = $1 AND p.action = 'post' AND p.state = 'done'
        AND h.doc IS NOT NULL AND h.doc->'delivery'->>'state' = 'published'
      ORDER BY p.sent_at DESC, p.update_id LIMIT $2`,
    [channelId, FEED_ITEMS],
  );
  return rows;
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

async function serveFeed(
  ctx: HubContext,
  request: FastifyRequest<{ Params: { channelId: string } }>,
  reply: FastifyReply,
  kind: 'rss' | 'json',
) {
  const channel = await feedChannel(ctx, request.params.channelId);
  const rows = await feedRows(ctx, channel.id);
  const base = `${baseUrl(request)}/v1/feeds/${encodeURIComponent(channel.id)}`;
  const input: FeedInput = {
    channel: {
      id: channel.id,
      name: channel.name,
      description: channel.description,
      language: channel.language,
      homeUrl: null,
      feedUrl: `${base}/${kind === 'rss' ? 'rss.xml' : 'feed.json'}`,
    },
    items: rows.map((row) => ({
      id: row.update_id,
      text: row.doc.text,
      publishedAt: row.sent_at,
      updatedAt: row.updated_at,
      attachments: row.doc.attachments.map((a) => ({
        ...a,
        url: `${base}/media/${a.hash}`,
      })),
    })),
  };
  const body = kind === 'rss' ? renderRss(input) : renderJsonFeed(input);
  const validators = feedValidators(body, input.items);
  reply.header('cache-control', 'public, max-age=60');
  reply.header('etag', validators.etag);
  if (validators.lastModified) reply.header('last-modified', validators.lastModified);
  if (isNotModified(request.headers, validators)) return reply.code(304).send();
  reply.type(kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/feed+json');
  return reply.send(body);
}

const webhookStatsSchema = engagementCountsSchema.extend({ updateId: z.string().min(1).max(64) });

function parseStats(body: unknown) {
  const parsed = webhookStatsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new HubError(400, 'invalid_request', `body.${issue.path.join('.')}: ${issue.message}`, [
    { path: `body.${issue.path.join('.')}`, message: issue.message },
  ]);
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Where a webhook receiver posts a copy's statistics back, signed with the channel's secret (no
 * sign-in: the signature is the credential). The body is kept as text until the signature checks.
 */
export function registerWebhookStatsRoute(app: FastifyInstance, ctx: HubContext): void {
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { channelId: string }; Body: string }>(
      '/v1/channels/:channelId/engagement',
      { schema: { hide: true } },
      async (request) =>
        recordEngagementFromWebhook(
          ctx,
          request.params.channelId,
          {
            timestamp: header(request, 'x-channeldesk-timestamp'),
            signature: header(request, 'x-channeldesk-signature'),
          },
          typeof request.body === 'string' ? request.body : '',
          parseStats,
        ),
    );
  });
}

/** The public feed routes: no sign-in, only feed channels, only what was published. */
export function registerFeedRoutes(app: FastifyInstance, ctx: HubContext): void {
  const hide = { schema: { hide: true } };
  app.get<{ Params: { channelId: string } }>('/v1/feeds/:channelId/rss.xml', hide, (req, reply) =>
    serveFeed(ctx, req, reply, 'rss'),
  );
  app.get<{ Params: { channelId: string } }>('/v1/feeds/:channelId/feed.json', hide, (req, reply) =>
    serveFeed(ctx, req, reply, 'json'),
  );
  app.get<{ Params: { channelId: string; hash: string } }>(
    '/v1/feeds/:channelId/media/:hash',
    hide,
    async (request, reply) => {
      const channel = await feedChannel(ctx, request.params.channelId);
      const { hash } = request.params;
      const item = (await feedRows(ctx, channel.id))
        .flatMap((row) => row.doc.attachments)
        .find((a) => a.hash === hash);
      if (!item) throw notFound('The file');
      const bytes = await readWorkspaceBlob(ctx.db, channel.workspace_id, hash);
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      reply.type(item.mime);
      return reply.send(bytes);
    },
  );
}
