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
  PULL_CURSOR_HEADER,
  PULL_HAS_MORE_HEADER,
  pullResponseSchema,
  pushResponseSchema,
  registerClientResponseSchema,
} from '../../shared/sync/protocol';
import type { HubRequest, HubResponse, HubTransport } from '../../shared/sync/transport';
import { connectorSchema, publicationsSchema } from '../../shared/publish/protocol';
import { publishedVersionsSchema } from '../../shared/archive/protocol';
import type { AuditQuery } from '../../shared/audit/protocol';
import { auditPageSchema } from '../../shared/audit/protocol';
import type { EngagementCounts } from '../../shared/sync/protocol';
import { engagementSchema } from '../../shared/sync/protocol';
import {
  commentSchema,
  commentsSchema,
  inboxReadSchema,
  inboxSchema,
} from '../../shared/workflow/comment-protocol';

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

/** Where a pull goes on from a page: the page's cursor, and whether more pages follow. */
export interface PullNext {
  cursor: number;
  hasMore: boolean;
}

export interface PullCall {
  page: Promise<PullResponse>;
  /** Settles as soon as the hub has told it, usually before `page`. */
  next: Promise<PullNext>;
}

/** A page that says more follow must move the cursor on, or a pull would ask for it forever. */
const advances = (next: PullNext, after: number): boolean => !next.hasMore || next.cursor > after;

/** The next page's start as the headers tell it; null when they do not, or make no sense. */
function pullNextOf(headers: Record<string, string>, after: number): PullNext | null {
  const cursor = Number(headers[PULL_CURSOR_HEADER]);
  const hasMore = headers[PULL_HAS_MORE_HEADER];
  if (!Number.isSafeInteger(cursor) || (hasMore !== 'true' && hasMore !== 'false')) return null;
  const next = { cursor, hasMore: hasMore === 'true' };
  return advances(next, after) ? next : null;
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

const roleSchema = z.enum(['owner', 'admin', 'editor', 'contributor']);
const meResponseSchema = z.object({
  user: z.object({ id: z.string(), displayName: z.string() }),
  workspace: z.object({ name: z.string() }),
  role: roleSchema,
  channelRoles: z.array(z.object({ channelId: z.string(), role: roleSchema.exclude(['owner']) })),
});

// Only what the mention picker needs; the hub's list carries more (emails, roles).
const membersSchema = z.object({
  members: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

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
  /**
   * One page of changes after `after`, and where the pull goes on from it: known from the headers
   * before the page's body is read (a transport that reports them), else from the page.
   */
  pull(t: HubTransport, after: number, limit: number): PullCall {
    let early: PullNext | null = null;
    let settle!: (next: PullNext) => void;
    let fail!: (error: unknown) => void;
    const next = new Promise<PullNext>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const path = `/v1/sync/changes?after=${after}&limit=${limit}`;
    // The first headers told decide where the next page starts; the page must agree with them.
    const onHeaders = (headers: Record<string, string>) => {
      early ??= pullNextOf(headers, after);
      if (early) settle(early);
    };
    const page = call(
      t,
      { method: 'GET', path, timeoutMs: 120_000, onHeaders },
      pullResponseSchema,
      'a pull',
    ).then((p) => {
      const told = early as PullNext | null;
      const next = { cursor: p.cursor, hasMore: p.hasMore };
      if (
        !advances(next, after) ||
        (told && (told.cursor !== next.cursor || told.hasMore !== next.hasMore))
      ) {
        throw new HubCallError(200, "The hub's answer to a pull was not understood.", null);
      }
      settle(next);
      return p;
    });
    page.catch(fail);
    next.catch(() => undefined);
    return { page, next };
  },
  import(t: HubTransport, records: unknown[]) {
    return call(
      t,
      { method: 'POST', path: '/v1/sync/import', body: { records }, timeoutMs: 120_000 },
      importResponseSchema,
      'the import',
    );
  },
  me(t: HubTransport) {
    return call(t, { method: 'GET', path: '/v1/me' }, meResponseSchema, 'the account request');
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
  /** What the hub sent to a copy's platform: the post, each correction, the withdrawal. */
  publishedVersions(t: HubTransport, updateId: string) {
    return call(
      t,
      { method: 'GET', path: `/v1/updates/${encodeURIComponent(updateId)}/published` },
      publishedVersionsSchema,
      'the published versions request',
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
  comments(t: HubTransport, storyId: string) {
    return call(
      t,
      { method: 'GET', path: `/v1/stories/${encodeURIComponent(storyId)}/comments` },
      commentsSchema,
      "the story's comments",
    );
  },
  addComment(t: HubTransport, storyId: string, body: { body: string; mentions: string[] }) {
    return call(
      t,
      { method: 'POST', path: `/v1/stories/${encodeURIComponent(storyId)}/comments`, body },
      commentSchema,
      'the comment',
    );
  },
  inbox(t: HubTransport, page: { before?: string | undefined; limit: number }) {
    const before = page.before ? `&before=${encodeURIComponent(page.before)}` : '';
    return call(
      t,
      { method: 'GET', path: `/v1/inbox?limit=${page.limit}${before}` },
      inboxSchema,
      'the inbox',
    );
  },
  markInboxRead(t: HubTransport) {
    return call(
      t,
      { method: 'POST', path: '/v1/inbox/read', body: {} },
      inboxReadSchema,
      'marking the inbox read',
    );
  },
  members(t: HubTransport) {
    return call(t, { method: 'GET', path: '/v1/members' }, membersSchema, 'the members list');
  },
  /** One page of the audit trail; filters left undefined are not sent. */
  audit(t: HubTransport, query: AuditQuery) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    return call(
      t,
      { method: 'GET', path: `/v1/audit?${params}`, timeoutMs: 60_000 },
      auditPageSchema,
      'the audit trail request',
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
