// Typed calls to a hub over any transport, with its answers checked and its errors put in words.
import { z } from 'zod';
import { DeskError } from '../../shared/contract';
import type {
  BlobStatus,
  PullResponse,
  PushRequest,
  PushResponse,
  RegisterClientResponse,
} from '../../shared/sync/protocol';
import {
  blobStatusSchema,
  historyResponseSchema,
  importResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  registerClientResponseSchema,
} from '../../shared/sync/protocol';
import type { HubRequest, HubResponse, HubTransport } from '../../shared/sync/transport';
import { connectorSchema, publicationsSchema } from '../../shared/publish/protocol';
import type { EngagementCounts } from '../../shared/sync/protocol';
import { engagementSchema } from '../../shared/sync/protocol';

/** The hub's API version this desk speaks (GET /v1/health → apiVersion). */
export const SUPPORTED_API_VERSION = 1;

/** The hub answered with an error; `status` is its HTTP status. */
export class HubCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'HubCallError';
  }
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function fail(res: HubResponse, what: string): never {
  const parsed = errorBody.safeParse(res.body);
  const message = parsed.success
    ? parsed.data.error.message
    : `The hub answered HTTP ${res.status} to ${what}.`;
  throw new HubCallError(res.status, message, parsed.success ? parsed.data.error.code : null);
}

async function call<T>(
  t: HubTransport,
  req: HubRequest,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  const res = await t.request(req);
  if (res.status < 200 || res.status >= 300) fail(res, what);
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new HubCallError(res.status, `The hub's answer to ${what} was not understood.`, null);
  }
  return parsed.data;
}

export const healthSchema = z.object({
  service: z.literal('channel-desk-hub'),
  hubVersion: z.string(),
  apiVersion: z.number().int(),
  serverTime: z.string(),
  setupRequired: z.boolean(),
});

export const sessionGrantSchema = z.object({
  token: z.string().min(1),
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.string(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

export const hubCalls = {
  async health(t: HubTransport) {
    const res = await t.request({ method: 'GET', path: '/v1/health', timeoutMs: 10_000 });
    const parsed = healthSchema.safeParse(res.body);
    if (!parsed.success) {
      throw new DeskError(
        'hub_refused',
        `There is no Channel Desk hub at ${t.label}: something answered, but not a hub.`,
      );
    }
    return parsed.data;
  },
  signIn(t: HubTransport, email: string, password: string): Promise<SessionGrant> {
    return call(
      t,
      { method: 'POST', path: '/v1/auth/sign-in', body: { email, password } },
      sessionGrantSchema,
      'the sign-in',
    );
  },
  async signOut(t: HubTransport): Promise<void> {
    await t.request({ method: 'POST', path: '/v1/auth/sign-out', body: {} });
  },
  register(t: HubTransport, clientId: string, startSeq: number): Promise<RegisterClientResponse> {
    return call(
      t,
      { method: 'POST', path: '/v1/sync/clients', body: { clientId, startSeq } },
      registerClientResponseSchema,
      'the desk registration',
    );
  },
  push(t: HubTransport, body: PushRequest): Promise<PushResponse> {
    return call(
      t,
      { method: 'POST', path: '/v1/sync/push', body, timeoutMs: 120_000 },
      pushResponseSchema,
      'a push',
    );
  },
  pull(t: HubTransport, after: number, limit: number): Promise<PullResponse> {
    return call(
      t,
      { method: 'GET', path: `/v1/sync/changes?after=${after}&limit=${limit}`, timeoutMs: 120_000 },
      pullResponseSchema,
      'a pull',
    );
  },
  import(t: HubTransport, records: unknown[]) {
    return call(
      t,
      { method: 'POST', path: '/v1/sync/import', body: { records }, timeoutMs: 120_000 },
      importResponseSchema,
      'the import',
    );
  },
  history(t: HubTransport, kind: string, id: string) {
    return call(
      t,
      { method: 'GET', path: `/v1/sync/history/${kind}/${id}` },
      historyResponseSchema,
      'the history request',
    );
  },
  publications(t: HubTransport, updateId: string) {
    return call(
      t,
      { method: 'GET', path: `/v1/updates/${encodeURIComponent(updateId)}/publications` },
      publicationsSchema,
      'the publications request',
    );
  },
  /** retry · confirm · withdraw: an action on one copy's publishing. */
  publicationAction(
    t: HubTransport,
    updateId: string,
    action: 'retry' | 'confirm' | 'withdraw',
    body: { url?: string } = {},
  ) {
    return call(
      t,
      { method: 'POST', path: `/v1/updates/${encodeURIComponent(updateId)}/${action}`, body },
      publicationsSchema,
      `the ${action} request`,
    );
  },
  recordEngagement(t: HubTransport, updateId: string, counts: EngagementCounts) {
    return call(
      t,
      {
        method: 'PUT',
        path: `/v1/updates/${encodeURIComponent(updateId)}/engagement`,
        body: counts,
      },
      engagementSchema,
      'recording the engagement',
    );
  },
  connector(t: HubTransport, channelId: string) {
    return call(
      t,
      { method: 'GET', path: `/v1/channels/${encodeURIComponent(channelId)}/connector` },
      connectorSchema,
      "the channel's publishing settings",
    );
  },
  saveConnector(
    t: HubTransport,
    channelId: string,
    body: { config: Record<string, unknown>; secret?: string },
  ) {
    return call(
      t,
      {
        method: 'PUT',
        path: `/v1/channels/${encodeURIComponent(channelId)}/connector`,
        body,
        // The hub checks the settings with the platform before it answers.
        timeoutMs: 60_000,
      },
      connectorSchema,
      "saving the channel's publishing settings",
    );
  },
  blobStatus(t: HubTransport, hash: string): Promise<BlobStatus> {
    return call(
      t,
      { method: 'GET', path: `/v1/blobs/${hash}/status` },
      blobStatusSchema,
      'an attachment check',
    );
  },
  putBlobChunk(
    t: HubTransport,
    hash: string,
    offset: number,
    size: number,
    chunk: Uint8Array,
  ): Promise<BlobStatus> {
    return call(
      t,
      {
        method: 'PUT',
        path: `/v1/blobs/${hash}?offset=${offset}&size=${size}`,
        body: chunk,
        timeoutMs: 120_000,
      },
      blobStatusSchema,
      'an attachment upload',
    );
  },
  async getBlob(t: HubTransport, hash: string): Promise<Uint8Array> {
    const res = await t.request({
      method: 'GET',
      path: `/v1/blobs/${hash}`,
      binary: true,
      timeoutMs: 120_000,
    });
    if (res.status !== 200 || !(res.body instanceof Uint8Array))
      fail(res, 'an attachment download');
    return res.body;
  },
};
