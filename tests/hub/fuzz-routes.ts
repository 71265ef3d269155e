// The hub's routes as the bad-input fuzz sees them: a valid request each, to be broken.
import { MAX_PUSH_BYTES, BLOB_CHUNK_BYTES } from '../../src/shared/sync/protocol';
import type { Team } from './test-hub';
import { PASSWORD } from './test-hub';

export type FieldKind = 'string' | 'boolean' | 'array' | 'number' | 'count' | 'object';

export interface Ids {
  team: Team;
  channelId: string;
  invitedUserId: string;
  revokedToken: string;
  expiredToken: string;
}

export interface FuzzRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path(ids: Ids, foreign: boolean): string;
  /** A body the route accepts (the fuzz only ever sends it broken, or with something else wrong). */
  body?(ids: Ids): Record<string, unknown>;
  fields?: Record<string, FieldKind>;
  required?: readonly string[];
  auth: boolean;
  credential?: boolean;
  /** Has ids in its path that can belong to another workspace. */
  params?: boolean;
  /** A contributor with a valid request is refused (403). */
  adminOnly?: boolean;
  /** The route's own body limit, when it is not the hub's default. */
  bodyLimit?: number;
}

const CHANNEL_BODY = { name: 'Fuzz', platform: 'feed', timeZone: 'UTC', language: 'en' };
const CHANNEL_FIELDS: Record<string, FieldKind> = {
  name: 'string',
  platform: 'string',
  timeZone: 'string',
  language: 'string',
  description: 'string',
  slots: 'array',
  id: 'string',
};

const FUZZ_CLIENT_ID = 'fuzz_client_01';
const FUZZ_HASH = 'ab'.repeat(32);
const fuzzChannelDoc = (id: string) => ({
  id,
  name: 'Fuzz',
  platform: 'feed',
  timeZone: 'UTC',
  language: 'en',
  description: '',
  slots: [],
  archived: false,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});
const fuzzMutation = (channelId: string) => ({
  seq: 1,
  prevSeq: 0,
  mutationId: '4f6c7c3e-7f0e-4d55-9a0b-5d0f3c2b1a90',
  name: 'renameChannel',
  at: '2030-01-01T00:00:00.000Z',
  changes: [
    {
      kind: 'channel',
      id: channelId,
      before: fuzzChannelDoc(channelId),
      after: { ...fuzzChannelDoc(channelId), name: 'Fuzzed' },
    },
  ],
});

/** The sync and attachment routes. */
const SYNC_ROUTES: readonly FuzzRoute[] = [
  {
    name: 'register-client',
    method: 'POST',
    path: () => '/v1/sync/clients',
    auth: true,
    body: () => ({ clientId: FUZZ_CLIENT_ID, startSeq: 1 }),
    fields: { clientId: 'string', startSeq: 'number' },
    required: ['clientId', 'startSeq'],
  },
  {
    name: 'push',
    method: 'POST',
    path: () => '/v1/sync/push',
    auth: true,
    bodyLimit: MAX_PUSH_BYTES,
    body: (ids) => ({ clientId: FUZZ_CLIENT_ID, mutations: [fuzzMutation(ids.channelId)] }),
    fields: { clientId: 'string', mutations: 'array' },
    required: ['clientId', 'mutations'],
  },
  { name: 'pull', method: 'GET', path: () => '/v1/sync/changes', auth: true },
  {
    name: 'import',
    method: 'POST',
    path: () => '/v1/sync/import',
    auth: true,
    bodyLimit: MAX_PUSH_BYTES,
    body: (ids) => ({ records: [{ kind: 'channel', doc: fuzzChannelDoc(ids.channelId) }] }),
    fields: { records: 'array' },
    required: ['records'],
  },
  {
    name: 'history',
    method: 'GET',
    path: (ids, foreign) =>
      `/v1/sync/history/channel/${foreign ? ids.team.other.channelId : ids.channelId}`,
    auth: true,
    params: true,
  },
  { name: 'time', method: 'GET', path: () => '/v1/time', auth: true },
  { name: 'events', method: 'GET', path: () => '/v1/sync/events', auth: true },
  { name: 'blob-status', method: 'GET', path: () => `/v1/blobs/${FUZZ_HASH}/status`, auth: true },
  { name: 'blob-download', method: 'GET', path: () => `/v1/blobs/${FUZZ_HASH}`, auth: true },
  {
    name: 'blob-upload',
    method: 'PUT',
    path: () => `/v1/blobs/${FUZZ_HASH}?offset=0&size=10`,
    auth: true,
    // Takes raw bytes: every JSON body the fuzz sends is the wrong kind of body.
    bodyLimit: BLOB_CHUNK_BYTES,
    body: () => ({}),
  },
];

/** The workflow routes: comments (a story id no story has), the inbox and the audit trail. */
const FUZZ_STORY = '/v1/stories/fuzzstory00000000000000';
const WORKFLOW_ROUTES: readonly FuzzRoute[] = [
  { name: 'comments', method: 'GET', path: () => `${FUZZ_STORY}/comments`, auth: true },
  {
    name: 'add-comment',
    method: 'POST',
    path: () => `${FUZZ_STORY}/comments`,
    auth: true,
    body: () => ({ body: 'A note for the team', mentions: [] }),
    fields: { body: 'string', mentions: 'array' },
    required: ['body'],
  },
  { name: 'inbox', method: 'GET', path: () => '/v1/inbox', auth: true },
  {
    name: 'inbox-read',
    method: 'POST',
    path: () => '/v1/inbox/read',
    auth: true,
    body: () => ({}),
  },
  { name: 'audit', method: 'GET', path: () => '/v1/audit', auth: true },
];

/** The publishing routes (an update id that does not exist: the fuzz never gets past validation). */
const FUZZ_UPDATE = '/v1/updates/fuzzupdate0000000000000';
const PUBLISH_ROUTES: readonly FuzzRoute[] = [
  {
    name: 'connector',
    method: 'GET',
    path: (ids, foreign) =>
      `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}/connector`,
    auth: true,
    params: true,
  },
  {
    name: 'save-connector',
    method: 'PUT',
    path: (ids, foreign) =>
      `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}/connector`,
    auth: true,
    params: true,
    adminOnly: true,
    body: () => ({ config: { chatId: '@fuzz_channel' }, secret: `123456:${'A'.repeat(35)}` }),
    fields: { config: 'object', secret: 'string' },
    required: ['config'],
  },
  { name: 'publications', method: 'GET', path: () => `${FUZZ_UPDATE}/publications`, auth: true },
  // The archive: every version the hub sent of a copy.
  { name: 'published', method: 'GET', path: () => `${FUZZ_UPDATE}/published`, auth: true },
  {
    name: 'retry',
    method: 'POST',
    path: () => `${FUZZ_UPDATE}/retry`,
    auth: true,
    body: () => ({}),
  },
  {
    name: 'confirm',
    method: 'POST',
    path: () => `${FUZZ_UPDATE}/confirm`,
    auth: true,
    body: () => ({ url: 'https://whatsapp.com/channel/x/1' }),
    fields: { url: 'string' },
  },
  {
    name: 'engagement',
    method: 'PUT',
    path: () => `${FUZZ_UPDATE}/engagement`,
    auth: true,
    body: () => ({ views: 10, reactions: { '👍': 2 } }),
    fields: { views: 'count', forwards: 'count', reactions: 'object' },
  },
  {
    name: 'withdraw',
    method: 'POST',
    path: () => `${FUZZ_UPDATE}/withdraw`,
    auth: true,
    body: () => ({}),
  },
];

export const ROUTES: readonly FuzzRoute[] = [
  { name: 'health', method: 'GET', path: () => '/v1/health', auth: false },
  {
    name: 'setup',
    method: 'POST',
    path: () => '/v1/setup',
    auth: false,
    credential: true,
    body: () => ({
      token: 'x'.repeat(43),
      workspaceName: 'W',
      displayName: 'D',
      email: 'a@b.co',
      password: PASSWORD,
    }),
    fields: {
      token: 'string',
      workspaceName: 'string',
      displayName: 'string',
      email: 'string',
      password: 'string',
    },
    required: ['token', 'workspaceName', 'displayName', 'email', 'password'],
  },
  {
    name: 'sign-in',
    method: 'POST',
    path: () => '/v1/auth/sign-in',
    auth: false,
    credential: true,
    body: (ids) => ({
      email: ids.team.members.owner.email,
      password: 'a wrong password',
      workspaceId: ids.team.workspaceId,
    }),
    fields: { email: 'string', password: 'string', workspaceId: 'string' },
    required: ['email', 'password'],
  },
  {
    name: 'accept-invite',
    method: 'POST',
    path: () => '/v1/invites/accept',
    auth: false,
    credential: true,
    body: () => ({ token: 'y'.repeat(43), password: PASSWORD }),
    fields: { token: 'string', password: 'string', displayName: 'string' },
    required: ['token', 'password'],
  },
  { name: 'sign-out', method: 'POST', path: () => '/v1/auth/sign-out', auth: true },
  { name: 'me', method: 'GET', path: () => '/v1/me', auth: true },
  { name: 'workspace', method: 'GET', path: () => '/v1/workspace', auth: true },
  {
    name: 'rename-workspace',
    method: 'PATCH',
    path: () => '/v1/workspace',
    auth: true,
    adminOnly: true,
    body: () => ({ name: 'Renamed' }),
    fields: { name: 'string' },
    required: ['name'],
  },
  { name: 'members', method: 'GET', path: () => '/v1/members', auth: true },
  {
    name: 'invite-member',
    method: 'POST',
    path: () => '/v1/members',
    auth: true,
    adminOnly: true,
    body: () => ({ email: 'fuzz.new@example.org', displayName: 'New', role: 'editor' }),
    fields: { email: 'string', displayName: 'string', role: 'string' },
    required: ['email', 'displayName', 'role'],
  },
  {
    name: 'reissue-invite',
    method: 'POST',
    path: (ids, foreign) =>
      `/v1/members/${foreign ? ids.team.other.owner.userId : ids.invitedUserId}/invite`,
    auth: true,
    adminOnly: true,
    params: true,
  },
  {
    name: 'change-member',
    method: 'PATCH',
    path: (ids, foreign) =>
      `/v1/members/${foreign ? ids.team.other.owner.userId : ids.team.members.editor.userId}`,
    auth: true,
    adminOnly: true,
    params: true,
    body: () => ({ role: 'admin' }),
    fields: { role: 'string' },
    required: ['role'],
  },
  {
    name: 'remove-member',
    method: 'DELETE',
    path: (ids, foreign) =>
      `/v1/members/${foreign ? ids.team.other.owner.userId : ids.team.members.editor.userId}`,
    auth: true,
    adminOnly: true,
    params: true,
  },
  { name: 'channels', method: 'GET', path: () => '/v1/channels', auth: true },
  {
    name: 'create-channel',
    method: 'POST',
    path: () => '/v1/channels',
    auth: true,
    adminOnly: true,
    body: () => CHANNEL_BODY,
    fields: CHANNEL_FIELDS,
    required: ['name', 'platform', 'timeZone', 'language'],
  },
  {
    name: 'channel',
    method: 'GET',
    path: (ids, foreign) => `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}`,
    auth: true,
    params: true,
  },
  {
    name: 'update-channel',
    method: 'PATCH',
    path: (ids, foreign) => `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}`,
    auth: true,
    adminOnly: true,
    params: true,
    body: () => ({ name: 'Renamed channel' }),
    fields: {
      name: 'string',
      timeZone: 'string',
      language: 'string',
      description: 'string',
      slots: 'array',
      archived: 'boolean',
    },
    required: ['name'],
  },
  {
    name: 'channel-permissions',
    method: 'GET',
    path: (ids, foreign) =>
      `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}/permissions`,
    auth: true,
    params: true,
  },
  {
    name: 'set-channel-role',
    method: 'PUT',
    path: (ids, foreign) =>
      `/v1/channels/${foreign ? ids.team.other.channelId : ids.channelId}/roles/${ids.team.members.editor.userId}`,
    auth: true,
    adminOnly: true,
    params: true,
    body: () => ({ role: 'admin' }),
    fields: { role: 'string' },
    required: ['role'],
  },
  {
    name: 'remove-channel-role',
    method: 'DELETE',
    path: (ids, foreign) =>
      `/v1/channels/${ids.channelId}/roles/${foreign ? ids.team.other.owner.userId : ids.team.members.editor.userId}`,
    auth: true,
    adminOnly: true,
    params: true,
  },
  ...SYNC_ROUTES,
  ...PUBLISH_ROUTES,
  ...WORKFLOW_ROUTES,
];
