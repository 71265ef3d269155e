// The workspace and its members.
import { z } from 'zod';
import {
  changeMemberRequestSchema,
  inviteMemberRequestSchema,
  inviteResultSchema,
  inviteSchema,
  memberSchema,
  membersListSchema,
  renameWorkspaceRequestSchema,
  userIdParamsSchema,
  workspaceSchema,
} from '../api-schemas';
import { findWorkspace, listMembers, toWorkspace } from '../accounts/account-rows';
import {
  changeMemberRole,
  inviteMember,
  reissueInvite,
  removeMember,
  renameWorkspace,
} from '../accounts/workspace-service';
import { notFound } from '../http/errors';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';

const inviteJson = (invite: { token: string; expiresAt: Date }) => ({
  token: invite.token,
  expiresAt: invite.expiresAt.toISOString(),
});

/** Registers the workspace and member routes. */
export function registerWorkspaceRoutes(router: Router, ctx: HubContext): void {
  const tags = ['workspace'];

  router.add({
    method: 'GET',
    url: '/v1/workspace',
    summary: "The signed-in member's workspace",
    tags,
    auth: true,
    responses: { 200: { description: 'The workspace', schema: workspaceSchema } },
    async handler({ session }) {
      const workspace = await findWorkspace(ctx.db, session.workspaceId);
      if (!workspace) throw notFound('The workspace');
      return toWorkspace(workspace);
    },
  });

  router.add({
    method: 'PATCH',
    url: '/v1/workspace',
    summary: 'Rename the workspace (owners)',
    tags,
    auth: true,
    body: renameWorkspaceRequestSchema,
    responses: { 200: { description: 'Renamed', schema: workspaceSchema } },
    async handler({ session, body }) {
      return toWorkspace(await renameWorkspace(ctx, session, body.name));
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/members',
    summary: 'Everyone in the workspace, with their roles',
    tags,
    auth: true,
    responses: { 200: { description: 'The members', schema: membersListSchema } },
    async handler({ session }) {
      return { members: await listMembers(ctx.db, session.workspaceId) };
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/members',
    summary: 'Add a member (owners, admins); a new person gets a one-time invite token',
    tags,
    auth: true,
    body: inviteMemberRequestSchema,
    responses: { 201: { description: 'Added', schema: inviteResultSchema } },
    async handler({ session, body, reply }) {
      const { member, invite } = await inviteMember(ctx, session, body);
      reply.code(201).header('cache-control', 'no-store');
      return { member, invite: invite ? inviteJson(invite) : null };
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/members/:userId/invite',
    summary: 'A fresh invite for a member who has not set a password (replaces older ones)',
    tags,
    auth: true,
    params: userIdParamsSchema,
    responses: {
      201: { description: 'Invited', schema: z.strictObject({ invite: inviteSchema }) },
    },
    async handler({ session, params, reply }) {
      const invite = await reissueInvite(ctx, session, params.userId);
      reply.code(201).header('cache-control', 'no-store');
      return { invite: inviteJson(invite) };
    },
  });

  router.add({
    method: 'PATCH',
    url: '/v1/members/:userId',
    summary: "Change a member's workspace role",
    tags,
    auth: true,
    params: userIdParamsSchema,
    body: changeMemberRequestSchema,
    responses: { 200: { description: 'Changed', schema: memberSchema } },
    async handler({ session, params, body }) {
      return changeMemberRole(ctx, session, params.userId, body.role);
    },
  });

  router.add({
    method: 'DELETE',
    url: '/v1/members/:userId',
    summary: 'Remove a member from the workspace',
    tags,
    auth: true,
    params: userIdParamsSchema,
    responses: { 204: { description: 'Removed' } },
    async handler({ session, params, reply }) {
      await removeMember(ctx, session, params.userId);
      reply.code(204);
    },
  });
}
