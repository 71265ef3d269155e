// The hub API's request and response shapes (zod; JSON Schema and OpenAPI are generated from them).
// Imports only zod and shared/, so the desk's hub client can move them into shared/ unchanged.
import { z } from 'zod';
import { channelFieldsSchema, channelWorkflowSchema, idSchema } from '../shared/schemas';
import { PLATFORMS } from '../shared/domain';
import { ACTIONS, CHANNEL_ROLES, WORKSPACE_ROLES } from './auth/permissions';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from './auth/passwords';

const MAX_TOKEN_CHARS = 200;

export const emailSchema = z.email().max(254).toLowerCase();
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_CHARS, `a password needs at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS);
export const displayNameSchema = z.string().trim().min(1).max(120);
export const workspaceNameSchema = z.string().trim().min(1).max(120);
const tokenSchema = z.string().min(1).max(MAX_TOKEN_CHARS);
const instantSchema = z.iso.datetime({ offset: true });
const workspaceRoleSchema = z.enum(WORKSPACE_ROLES);
const channelRoleSchema = z.enum(CHANNEL_ROLES);

// ---- requests

export const setupRequestSchema = z.strictObject({
  token: tokenSchema,
  workspaceName: workspaceNameSchema,
  displayName: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const signInRequestSchema = z.strictObject({
  // Not checked as an address: any text that is not an account simply fails to sign in.
  email: z.string().trim().min(1).max(254).toLowerCase(),
  password: z.string().min(1).max(MAX_PASSWORD_CHARS),
  /** Needed only by someone who belongs to several workspaces on this hub. */
  workspaceId: idSchema.optional(),
});

export const acceptInviteRequestSchema = z.strictObject({
  token: tokenSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});

export const renameWorkspaceRequestSchema = z.strictObject({ name: workspaceNameSchema });

export const inviteMemberRequestSchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  role: workspaceRoleSchema,
});

export const changeMemberRequestSchema = z.strictObject({ role: workspaceRoleSchema });
export const channelRoleRequestSchema = z.strictObject({ role: channelRoleSchema });

export const createChannelRequestSchema = z.strictObject({
  ...channelFieldsSchema.shape,
  /** The desk names its channels offline; omit it to let the hub choose. */
  id: idSchema.optional(),
});

const fields = channelFieldsSchema.shape;
export const updateChannelRequestSchema = z
  .strictObject({
    name: fields.name.optional(),
    timeZone: fields.timeZone.optional(),
    language: fields.language.optional(),
    description: fields.description.removeDefault().optional(),
    slots: fields.slots.removeDefault().optional(),
    archived: z.boolean().optional(),
    workflow: channelWorkflowSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one field');

export const userIdParamsSchema = z.strictObject({ userId: idSchema });
export const channelIdParamsSchema = z.strictObject({ channelId: idSchema });
export const channelMemberParamsSchema = z.strictObject({ channelId: idSchema, userId: idSchema });

// ---- responses

export const userSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
});

export const workspaceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: instantSchema,
});

export const sessionGrantSchema = z.strictObject({
  /** The bearer token: shown this once, keep it secret. */
  token: z.string(),
  expiresAt: instantSchema,
  user: userSchema,
  workspace: workspaceSchema,
  role: workspaceRoleSchema,
});

export const channelRoleEntrySchema = z.strictObject({
  channelId: z.string(),
  role: channelRoleSchema,
});

export const meSchema = z.strictObject({
  user: userSchema,
  workspace: workspaceSchema,
  role: workspaceRoleSchema,
  channelRoles: z.array(channelRoleEntrySchema),
  /** What the member may do workspace-wide (channel roles may add more on a channel). */
  actions: z.array(z.enum(ACTIONS)),
  session: z.strictObject({ id: z.string(), expiresAt: instantSchema }),
});

export const memberSchema = z.strictObject({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: workspaceRoleSchema,
  /** 'invited' until the member redeems the invite and sets a password. */
  status: z.enum(['active', 'invited']),
  channelRoles: z.array(channelRoleEntrySchema),
  joinedAt: instantSchema,
});

export const inviteSchema = z.strictObject({ token: z.string(), expiresAt: instantSchema });

export const inviteResultSchema = z.strictObject({
  member: memberSchema,
  /** null when the person already has an account on this hub (they sign in as usual). */
  invite: inviteSchema.nullable(),
});

export const membersListSchema = z.strictObject({ members: z.array(memberSchema) });

export const channelSchema = z.strictObject({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  timeZone: z.string(),
  language: z.string(),
  description: z.string(),
  slots: z.array(z.strictObject({ weekday: z.number(), time: z.string() })),
  archived: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  workflow: channelWorkflowSchema.optional(),
});

export const channelsListSchema = z.strictObject({ channels: z.array(channelSchema) });

export const permissionsSchema = z.strictObject({
  channelId: z.string(),
  role: workspaceRoleSchema,
  actions: z.array(z.enum(ACTIONS)),
});

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  service: z.literal('channel-desk-hub'),
  hubVersion: z.string(),
  /** The desk refuses a hub whose API version it does not speak. */
  apiVersion: z.number().int(),
  database: z.strictObject({
    kind: z.enum(['pglite', 'postgres']),
    schemaVersion: z.number().int(),
    latestSchemaVersion: z.number().int(),
  }),
  /** The hub's clock, the authority for schedules. */
  serverTime: instantSchema,
  /** True until the first owner has set the hub up. */
  setupRequired: z.boolean(),
});

export type SessionGrant = z.infer<typeof sessionGrantSchema>;
export type Member = z.infer<typeof memberSchema>;
export type HubChannel = z.infer<typeof channelSchema>;
export type Me = z.infer<typeof meSchema>;
