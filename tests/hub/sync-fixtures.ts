// Sync test kit: channel and update docs, and a minimal desk that registers, pushes in seq order and
// pulls through the hub's real HTTP API.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type {
  Change,
  ChannelDoc,
  MutationResult,
  PullResponse,
  PushResponse,
  PushedMutation,
  SyncRecord,
  UpdateDoc,
} from '../../src/shared/sync/protocol';
import type { TestHub } from './test-hub';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../src/shared/sync/protocol';

export const T0 = '2030-01-01T09:00:00.000Z';

export const newTestId = (): string => randomBytes(16).toString('base64url');

export function channelDoc(overrides: Partial<ChannelDoc> = {}): ChannelDoc {
  return {
    id: newTestId(),
    name: 'Synced channel',
    platform: 'telegram',
    timeZone: 'Europe/Rome',
    language: 'it',
    description: '',
    slots: [],
    archived: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function updateDoc(channelId: string, overrides: Partial<UpdateDoc> = {}): UpdateDoc {
  return {
    id: newTestId(),
    storyId: newTestId(),
    channelId,
    customized: false,
    schedule: { kind: 'none' },
    status: 'draft',
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    text: 'The council meets on Monday to vote on the new bridge.',
    attachments: [],
    poll: null,
    shared: null,
    ...overrides,
  };
}

/** A change creating `doc`. */
export const create = (doc: UpdateDoc | ChannelDoc, kind: Change['kind'] = 'update'): Change =>
  ({ kind, id: doc.id, before: null, after: doc }) as Change;

/** A change from `before` to `after` of one update. */
export const edit = (before: UpdateDoc, after: UpdateDoc | null): Change => ({
  kind: 'update',
  id: before.id,
  before,
  after,
});

/** A desk as the hub sees it: one client id, its seq counter, its member's token. */
export class TestDesk {
  seq = 0;
  readonly clientId = `desk_${randomBytes(8).toString('hex')}`;

  constructor(
    readonly t: TestHub,
    readonly token: string,
  ) {}

  async register(startSeq = 1): Promise<{ lastSeq: number; user: { id: string; name: string } }> {
    const res = await this.t.api('POST', '/v1/sync/clients', {
      token: this.token,
      body: { clientId: this.clientId, startSeq },
    });
    expect(res.status, res.raw.body).toBe(200);
    const json = res.json as { lastSeq: number; user: { id: string; name: string } };
    this.seq = json.lastSeq;
    return json;
  }

  /** The next mutation in this desk's seq order. */
  mutation(changes: Change[], name = 'editUpdate'): PushedMutation {
    this.seq += 1;
    return {
      seq: this.seq,
      prevSeq: this.seq - 1,
      mutationId: randomUUID(),
      name,
      at: T0,
      changes,
    };
  }

  async pushRaw(mutations: PushedMutation[]) {
    return this.t.api('POST', '/v1/sync/push', {
      token: this.token,
      body: { clientId: this.clientId, mutations },
    });
  }

  async push(mutations: PushedMutation[]): Promise<PushResponse> {
    const res = await this.pushRaw(mutations);
    expect(res.status, res.raw.body).toBe(200);
    return res.json as PushResponse;
  }

  /** Pushes one mutation made of `changes` and returns its result. */
  async apply(changes: Change[], name?: string): Promise<MutationResult> {
    const { results } = await this.push([this.mutation(changes, name)]);
    expect(results).toHaveLength(1);
    return results[0]!;
  }

  async pull(after = 0, limit = 1000): Promise<PullResponse> {
    const res = await this.t.api('GET', `/v1/sync/changes?after=${after}&limit=${limit}`, {
      token: this.token,
    });
    expect(res.status, res.raw.body).toBe(200);
    const page = res.json as PullResponse;
    // What a desk reads from the headers, before the body, says the same as the body.
    expect(res.headers[PULL_CURSOR_HEADER]).toBe(String(page.cursor));
    expect(res.headers[PULL_HAS_MORE_HEADER]).toBe(String(page.hasMore));
    return page;
  }

  /** Every record after `after`, page by page. */
  async pullAll(after = 0, limit = 1000): Promise<SyncRecord[]> {
    const out: SyncRecord[] = [];
    let cursor = after;
    for (;;) {
      const page = await this.pull(cursor, limit);
      out.push(...page.records);
      cursor = page.cursor;
      if (!page.hasMore) return out;
    }
  }

  /** The hub's current doc of one update (from a full pull). */
  async current(id: string): Promise<SyncRecord | undefined> {
    return (await this.pullAll()).filter((r) => r.id === id).at(-1);
  }
}
