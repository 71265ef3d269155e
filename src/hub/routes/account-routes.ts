// Setup, sign-in, sign-out, invites and "who am I".
import {
  acceptInviteRequestSchema,
  meSchema,
  sessionGrantSchema,
  setupRequestSchema,
  signInRequestSchema,
} from '../api-schemas';
import { findUser, findWorkspace, toUser, toWorkspace } from '../accounts/account-rows';
import { completeSetup } from '../accounts/setup-service';
import { acceptInvite, signIn } from '../accounts/sign-in-service';
import { allowedActions } from '../auth/permissions';
import { deleteSession } from '../auth/sessions';
import { HubError } from '../http/errors';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';

export interface AccountRouteOptions {
  /** Per-IP cap on the routes that check a password or a one-time token. */
  credentialRateLimit: { max: number; timeWindowMs: number };
}

/** Small bodies only: these routes carry a few short strings. */
export const CREDENTIAL_BODY_LIMIT_BYTES = 8 * 1024;

/** Registers the account routes. */
export function registerAccountRoutes(
  router: Router,
  ctx: HubContext,
  options: AccountRouteOptions,
): void {
  const credentialRoute = {
    auth: false as const,
    bodyLimit: CREDENTIAL_BODY_LIMIT_BYTES,
    rateLimit: options.credentialRateLimit,
    tags: ['accounts'],
  };

  router.add({
    ...credentialRoute,
    method: 'POST',
    url: '/v1/setup',
    summary: 'Create the workspace and its owner with the one-time setup token',
    body: setupRequestSchema,
    responses: {
      201: { description: 'Set up; the owner is signed in', schema: sessionGrantSchema },
    },
    async handler({ body, request, reply }) {
      const grant = await completeSetup(ctx, body, request.headers['user-agent']);
      reply.code(201).header('cache-control', 'no-store');
      return grant;
    },
  });

  router.add({
    ...credentialRoute,
    method: 'POST',
    url: '/v1/auth/sign-in',
    summary: 'Sign in with email and password',
    body: signInRequestSchema,
    responses: { 200: { description: 'Signed in', schema: sessionGrantSchema } },
    async handler({ body, request, reply }) {
      const grant = await signIn(ctx, {
        ...body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.header('cache-control', 'no-store');
      return grant;
    },
  });

  router.add({
    ...credentialRoute,
    method: 'POST',
    url: '/v1/invites/accept',
    summary: 'Redeem an invite: choose a password and sign in',
    body: acceptInviteRequestSchema,
    responses: { 200: { description: 'Password set; signed in', schema: sessionGrantSchema } },
    async handler({ body, request, reply }) {
      const grant = await acceptInvite(ctx, { ...body, userAgent: request.headers['user-agent'] });
      reply.header('cache-control', 'no-store');
      return grant;
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/auth/sign-out',
    summary: 'End this session',
    tags: ['accounts'],
    auth: true,
    responses: { 204: { description: 'Signed out' } },
    async handler({ session, reply }) {
      await deleteSession(ctx.db, session.tokenHash);
      reply.code(204);
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/me',
    summary: 'The signed-in member, their roles and what they may do',
    tags: ['accounts'],
    auth: true,
    responses: { 200: { description: 'The member', schema: meSchema } },
    async handler({ session }) {
      const [user, workspace] = await Promise.all([
        findUser(ctx.db, session.userId),
        findWorkspace(ctx.db, session.workspaceId),
      ]);
      if (!user || !workspace) throw new HubError(401, 'invalid_token', 'Sign in again.');
      return {
        user: toUser(user),
        workspace: toWorkspace(workspace),
        role: session.role,
        channelRoles: Object.entries(session.channelRoles)
          .map(([channelId, role]) => ({ channelId, role }))
          .sort((a, b) => a.channelId.localeCompare(b.channelId)),
        actions: allowedActions(session),
        session: { id: session.sessionId, expiresAt: session.expiresAt.toISOString() },
      };
    },
  });
}
