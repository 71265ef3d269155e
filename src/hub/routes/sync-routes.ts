// Sync: register a desk, push mutations, pull changes, import solo work, read a record's history,
// the hub's clock, and the event socket that tells desks to pull.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthSession } from '../auth/sessions';
import { sessionAlive } from '../auth/sessions';
import { authenticator } from '../http/authenticate';
import { HubError } from '../http/errors';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import { registerClient } from '../sync/client-service';
import type { ChangedEvent } from '../sync/events';
import { readHistory } from '../sync/history-service';
import { importRecords } from '../sync/import-service';
import { pullChanges } from '../sync/pull-service';
import { pushMutations } from '../sync/push-service';
import { assertWellFormedText } from '../sync/unicode-check';
import { idSchema, isoInstantSchema } from '../../shared/schemas';
import {
  MAX_PUSH_BYTES,
  RECORD_KINDS,
  historyResponseSchema,
  importRequestSchema,
  importResponseSchema,
  PULL_CURSOR_HEADER,
  PULL_HAS_MORE_HEADER,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  registerClientRequestSchema,
  registerClientResponseSchema,
} from '../../shared/sync/protocol';

const historyParamsSchema = z.strictObject({ kind: z.enum(RECORD_KINDS), id: idSchema });
const timeResponseSchema = z.strictObject({ serverTime: isoInstantSchema });

/** Registers the sync routes (the event socket is registered by `registerEventSocket`). */
export function registerSyncRoutes(router: Router, ctx: HubContext): void {
  const tags = ['sync'];

  router.add({
    method: 'POST',
    url: '/v1/sync/clients',
    summary: 'Register this desk (or learn the last seq the hub holds for it)',
    tags,
    auth: true,
    body: registerClientRequestSchema,
    responses: { 200: { description: 'Registered', schema: registerClientResponseSchema } },
    async handler({ session, body }) {
      return registerClient(ctx, session, body);
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/sync/push',
    summary: "Apply a batch of this desk's mutations, in seq order, in one transaction",
    tags,
    auth: true,
    body: pushRequestSchema,
    bodyLimit: MAX_PUSH_BYTES,
    responses: { 200: { description: 'One result per mutation', schema: pushResponseSchema } },
    async handler({ session, body }) {
      assertWellFormedText(body);
      return (await pushMutations(ctx, session, body)).response;
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/sync/changes',
    summary:
      'Channels and updates changed after a version, in version order (cursor and hasMore also as the x-pull-cursor and x-pull-has-more headers)',
    tags,
    auth: true,
    query: pullQuerySchema,
    responses: { 200: { description: 'A page of records', schema: pullResponseSchema } },
    async handler({ session, query, reply }) {
      const page = await pullChanges(ctx.db, session, query, ctx.now());
      reply.header(PULL_CURSOR_HEADER, String(page.cursor));
      reply.header(PULL_HAS_MORE_HEADER, String(page.hasMore));
      return page.body;
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/sync/import',
    summary: "Bring a desk's solo-mode records: absent ones are created, existing ones left alone",
    tags,
    auth: true,
    body: importRequestSchema,
    bodyLimit: MAX_PUSH_BYTES,
    responses: { 200: { description: 'What was created', schema: importResponseSchema } },
    async handler({ session, body }) {
      assertWellFormedText(body);
      const { created, existing, refused } = await importRecords(ctx, session, body);
      return { created, existing, refused };
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/sync/history/:kind/:id',
    summary: "A record's history, newest first (at most 200 entries)",
    tags,
    auth: true,
    params: historyParamsSchema,
    responses: { 200: { description: 'The history', schema: historyResponseSchema } },
    async handler({ session, params }) {
      return readHistory(ctx.db, session, params.kind, params.id);
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/time',
    summary: "The hub's clock (schedules are judged by it)",
    tags,
    auth: true,
    responses: { 200: { description: 'The time', schema: timeResponseSchema } },
    async handler() {
      return { serverTime: ctx.now().toISOString() };
    },
  });
}

/**
 * `GET /v1/sync/events`: a WebSocket that sends {"type":"changed","version":N} after every commit
 * in the member's workspace. Authenticated from the upgrade request's Authorization header.
 * Registered on the app directly: the router has no WebSocket routes.
 */
/** How often an open event socket checks that its session still lets its member in. */
export const SESSION_RECHECK_MS = 30_000;

export function registerEventSocket(app: FastifyInstance, ctx: HubContext): void {
  const authenticate = authenticator(ctx);
  const sessions = new WeakMap<FastifyRequest, AuthSession>();
  app.route({
    method: 'GET',
    url: '/v1/sync/events',
    schema: {
      summary: 'WebSocket: {"type":"changed","version":N} whenever the workspace changes',
      tags: ['sync'],
      security: [{ bearerAuth: [] }],
    },
    preValidation: async (request: FastifyRequest) => {
      sessions.set(request, await authenticate(request));
      if (Object.keys(request.query as object).length > 0) {
        throw new HubError(400, 'invalid_request', 'This endpoint takes no query parameters.');
      }
    },
    handler: async () => {
      throw new HubError(
        426,
        'invalid_request',
        'Open this endpoint as a WebSocket (Upgrade: websocket).',
        undefined,
        { upgrade: 'websocket' },
      );
    },
    wsHandler: (socket, request) => {
      const session = sessions.get(request);
      if (!session) {
        socket.close(1011, 'no session');
        return;
      }
      // A socket outlives no session: signed out, expired or removed, it is closed (checked on
      // a poke at most every SESSION_RECHECK_MS, and on a timer in between).
      let checkedAt = ctx.now().getTime();
      let closed = false;
      const stillAllowed = async (): Promise<boolean> => {
        checkedAt = ctx.now().getTime();
        if (await sessionAlive(ctx.db, session.tokenHash, ctx.now()).catch(() => true)) return true;
        if (!closed) socket.close(4401, 'session ended');
        return false;
      };
      const onChanged = (event: ChangedEvent) => {
        if (event.workspaceId !== session.workspaceId) return;
        const send = () => socket.send(JSON.stringify({ type: 'changed', version: event.version }));
        if (ctx.now().getTime() - checkedAt < SESSION_RECHECK_MS) return send();
        void stillAllowed().then((ok) => ok && !closed && send());
      };
      const timer = setInterval(() => void stillAllowed(), SESSION_RECHECK_MS).unref();
      ctx.events.on('changed', onChanged);
      socket.on('close', () => {
        closed = true;
        clearInterval(timer);
        ctx.events.off('changed', onChanged);
      });
    },
  });
}
