// Channels and per-channel roles.
import {
  channelIdParamsSchema,
  channelMemberParamsSchema,
  channelRoleRequestSchema,
  channelSchema,
  channelsListSchema,
  createChannelRequestSchema,
  permissionsSchema,
  updateChannelRequestSchema,
} from '../api-schemas';
import { allowedActions, effectiveRole } from '../auth/permissions';
import {
  channelRefFor,
  createChannel,
  getChannel,
  listChannels,
  removeChannelRole,
  setChannelRole,
  updateChannel,
} from '../channels/channel-service';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';

/** Registers the channel routes. */
export function registerChannelRoutes(router: Router, ctx: HubContext): void {
  const tags = ['channels'];

  router.add({
    method: 'GET',
    url: '/v1/channels',
    summary: "The workspace's channels",
    tags,
    auth: true,
    responses: { 200: { description: 'The channels', schema: channelsListSchema } },
    async handler({ session }) {
      return { channels: await listChannels(ctx.db, session) };
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/channels',
    summary: 'Add a channel (owners, admins)',
    tags,
    auth: true,
    body: createChannelRequestSchema,
    responses: { 201: { description: 'Added', schema: channelSchema } },
    async handler({ session, body, reply }) {
      const channel = await createChannel(ctx, session, body);
      reply.code(201);
      return channel;
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/channels/:channelId',
    summary: 'One channel',
    tags,
    auth: true,
    params: channelIdParamsSchema,
    responses: { 200: { description: 'The channel', schema: channelSchema } },
    async handler({ session, params }) {
      return getChannel(ctx.db, session, params.channelId);
    },
  });

  router.add({
    method: 'PATCH',
    url: '/v1/channels/:channelId',
    summary: "Change a channel's settings (owners, admins, the channel's admins)",
    tags,
    auth: true,
    params: channelIdParamsSchema,
    body: updateChannelRequestSchema,
    responses: { 200: { description: 'Changed', schema: channelSchema } },
    async handler({ session, params, body }) {
      return updateChannel(ctx, session, params.channelId, body);
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/channels/:channelId/permissions',
    summary: 'What the signed-in member may do on this channel',
    tags,
    auth: true,
    params: channelIdParamsSchema,
    responses: { 200: { description: 'Role and actions', schema: permissionsSchema } },
    async handler({ session, params }) {
      const channel = await channelRefFor(ctx.db, session, params.channelId);
      return {
        channelId: channel.id,
        role: effectiveRole(session, channel)!,
        actions: allowedActions(session, channel),
      };
    },
  });

  router.add({
    method: 'PUT',
    url: '/v1/channels/:channelId/roles/:userId',
    summary: 'Give a member a role on this channel, in addition to their workspace role',
    tags,
    auth: true,
    params: channelMemberParamsSchema,
    body: channelRoleRequestSchema,
    responses: { 204: { description: 'Set' } },
    async handler({ session, params, body, reply }) {
      await setChannelRole(ctx, session, params, body.role);
      reply.code(204);
    },
  });

  router.add({
    method: 'DELETE',
    url: '/v1/channels/:channelId/roles/:userId',
    summary: "Take away a member's role on this channel",
    tags,
    auth: true,
    params: channelMemberParamsSchema,
    responses: { 204: { description: 'Removed' } },
    async handler({ session, params, reply }) {
      await removeChannelRole(ctx, session, params);
      reply.code(204);
    },
  });
}
