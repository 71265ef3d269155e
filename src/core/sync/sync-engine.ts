// The desk's sync engine: pushes the journal's outbox, pulls the hub's changes, replays pending
// mutations on top, and keeps the sync indicator's status. Runs in the background with backoff;
// typing never waits for it (each durable commit only kicks it).
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { DeliveryNotice, SyncRefusal, SyncStatus } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import { titleOf } from '../../shared/formatting';
import { mergeChange, sameJson } from '../../shared/sync/merge';
import type {
  Change,
  MutationResult,
  PushedMutation,
  RecordKind,
  SyncRecord,
} from '../../shared/sync/protocol';
import {
  HUB_AUTHOR_ID,
  MAX_PUSH_MUTATIONS,
  SYNC_PROTOCOL_VERSION,
} from '../../shared/sync/protocol';
import type { HubTransport } from '../../shared/sync/transport';
import { HubUnreachableError } from '../../shared/sync/transport';
import type { EngineContext } from '../engine-context';
import { CHANNELS_SHARD, SYNC_SHARD, commitMutation, isUpdatesShard } from '../engine-context';
import type { Effect, JournalEntry } from '../store/store-types';
import type { UpdateRecord } from '../update-records';
import { BlobSync, blobsOfChanges } from './blob-sync';
import type { PullCall } from './hub-calls';
import { HubCallError, hubCalls } from './hub-calls';
import { PendingTracker, isSyncEntry } from './pending-tracker';
import { changeOf, docOf, localRecordOf, shardOf, stampOf } from './sync-docs';

const PULL_PAGE = 1000;
/** Pages a pull fetches ahead of the one it writes. */
const PULL_AHEAD = 4;
/** Journal entries read at once when pushing (sent in batches of MAX_PUSH_MUTATIONS). */
const OUTBOX_READ = 5000;
const KICK_DELAY_MS = 25;
const IDLE_SYNC_MS = 30_000;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

/** The sync engine's own record in the store (SYNC_SHARD/"state"). */
export interface SyncState {
  /** Which hub and workspace this state belongs to; another one starts afresh. */
  hubKey: string;
  clientId: string;
  cursor: number;
  user: { id: string; name: string } | null;
  /** Set while this desk's local records still have to be brought to a newly joined hub. */
  importThrough: number | null;
}

export interface SyncSession {
  mode: 'solo' | 'team';
  hubKey: string;
  transport: HubTransport;
}

export interface SyncEngineOptions {
  ctx: EngineContext;
  /** The engine's queue of mutating commands: pulled records are applied in it too. */
  serialise: <T>(run: () => Promise<T>) => Promise<T>;
  /** Resolves when every shard is loaded. */
  ready: Promise<void>;
  onStatus(status: SyncStatus): void;
  random?: () => number;
}

export class SyncEngine {
  private session: SyncSession | null = null;
  private readonly pending = new PendingTracker();
  private refusals = new Map<string, SyncRefusal>();
  private status: SyncStatus = {
    mode: 'none',
    hub: null,
    // Until the manager has read which hub this desk uses (the interface waits for it).
    state: 'starting',
    pending: 0,
    lastSyncAt: null,
    error: null,
    nextRetryAt: null,
    clockOffsetMs: null,
    user: null,
    refusals: [],
    upload: null,
  };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private unsubscribe: (() => void) | null = null;
  private registered: { lastSeq: number } | null = null;
  private blobs: BlobSync | null = null;
  private stopped = true;
  private readonly random: () => number;
  private outboxLoaded: Promise<void>;

  constructor(private readonly opts: SyncEngineOptions) {
    this.random = opts.random ?? Math.random;
    opts.ctx.afterCommit = (entry) => this.onCommitted(entry);
    this.outboxLoaded = this.loadOutbox();
    this.outboxLoaded.catch(() => undefined);
  }

  private async loadOutbox(): Promise<void> {
    const store = this.opts.ctx.store;
    await store.ensureShard(SYNC_SHARD);
    for (const r of store.all<SyncRefusal>(SYNC_SHARD)) {
      if (typeof (r as { reason?: unknown }).reason === 'string') this.refusals.set(r.id, r);
    }
    let after = 0;
    for (;;) {
      const batch = await store.outbox({ afterSeq: after, limit: 5000 });
      if (batch.length === 0) break;
      for (const entry of batch) this.pending.add(entry);
      after = batch.at(-1)!.seq;
    }
    this.setStatus({});
  }

  // ---- status

  getStatus(): SyncStatus {
    return this.status;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = {
      ...this.status,
      ...patch,
      pending: this.pending.size,
      refusals: [...this.refusals.values()].sort((a, b) => b.at.localeCompare(a.at)),
    };
    this.opts.onStatus(this.status);
  }

  /** What a row shows: local only · pending · synced · failed · changed by someone else. */
  stateOf(record: { id: string; hub?: { by: { id: string } } | undefined }): {
    state: 'local' | 'pending' | 'synced' | 'failed' | 'changed';
    note?: string;
  } {
    if (this.status.mode === 'none') return { state: 'local' };
    const refusal = this.refusals.get(record.id);
    if (refusal) return { state: 'failed', note: refusal.reason };
    if (this.pending.isPending(record.id)) return { state: 'pending' };
    if (!record.hub) return { state: 'local' };
    const me = this.status.user?.id;
    // The hub's own writes (publishing, engagement) are nobody's edit.
    const by = record.hub.by.id;
    return { state: me && by !== me && by !== HUB_AUTHOR_ID ? 'changed' : 'synced' };
  }

  /** Hub time: this computer's clock corrected by the measured offset. */
  now(): Date {
    return new Date(Date.now() + (this.status.clockOffsetMs ?? 0));
  }

  // ---- lifecycle

  /** Starts syncing with `session` (replacing any previous one). */
  async start(session: SyncSession): Promise<void> {
    await this.stop();
    this.session = session;
    this.stopped = false;
    this.registered = null;
    this.failures = 0;
    this.blobs = new BlobSync(this.opts.ctx.media, session.transport);
    this.setStatus({
      mode: session.mode,
      hub: session.transport.label,
      state: 'syncing',
      error: null,
      nextRetryAt: null,
    });
    this.unsubscribe = session.transport.subscribe(
      () => this.kick(0),
      (open) => {
        if (open) this.kick(0);
      },
    );
    this.kick(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running?.catch(() => undefined);
    this.session = null;
  }

  /** Shown when no hub is set up (onboarding) or the session ended. */
  setIdleMode(mode: 'none' | 'solo' | 'team', state: SyncStatus['state'], error: string | null) {
    this.setStatus({ mode, state, error, hub: this.session?.transport.label ?? null });
  }

  /** Syncs now and resolves when that round is over (its errors are in the status). */
  async syncNow(): Promise<SyncStatus> {
    if (!this.session || this.stopped) return this.status;
    this.failures = 0;
    if (this.running) {
      // The running round goes once more before it ends, so it includes everything up to now.
      this.again = true;
      await this.running;
      return this.status;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.startRound();
    await this.running;
    return this.status;
  }

  private onCommitted(entry: JournalEntry): void {
    if (isSyncEntry(entry)) return;
    this.pending.add(entry);
    this.setStatus({});
    this.kick(KICK_DELAY_MS);
  }

  /** Syncs as soon as it can (the hub changed something this desk asked for). */
  syncSoon(): void {
    this.kick(0);
  }

  /** Schedules a round after `delayMs` (sooner wins); a round already running goes again. */
  private kick(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startRound();
    }, delayMs);
    this.timer.unref();
  }

  private startRound(): void {
    this.running = this.round().finally(() => {
      this.running = null;
    });
  }

  private async round(): Promise<void> {
    const session = this.session;
    if (!session || this.stopped) return;
    this.setStatus({ state: 'syncing', nextRetryAt: null });
    try {
      do {
        this.again = false;
        await this.outboxLoaded;
        await this.opts.ready;
        await this.syncOnce(session);
      } while (this.again && !this.stopped);
      this.failures = 0;
      this.setStatus({ state: 'idle', error: null, lastSyncAt: new Date().toISOString() });
      this.schedule(IDLE_SYNC_MS);
    } catch (error) {
      this.onFailure(error);
    }
  }

  private onFailure(error: unknown): void {
    if (this.stopped) return;
    if (error instanceof HubCallError && error.status === 401) {
      this.setStatus({
        state: 'signed-out',
        error: 'The hub ended this session: sign in again to keep syncing.',
      });
      return;
    }
    this.registered = null;
    this.failures++;
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (this.failures - 1));
    const delay = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    const offline = error instanceof HubUnreachableError;
    this.setStatus({
      state: offline ? 'offline' : 'error',
      error: error instanceof Error ? error.message : String(error),
      nextRetryAt: new Date(Date.now() + delay).toISOString(),
    });
    this.schedule(delay);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.kick(0);
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startRound();
    }, delayMs);
    this.timer.unref();
  }

  // ---- one round: register, import, push, pull

  private async syncOnce(session: SyncSession): Promise<void> {
    const state = await this.stateFor(session);
    if (state.importThrough !== null) await this.importLocal(session, state);
    if (!this.registered) {
      const sent = Date.now();
      const reg = await hubCalls.register(
        session.transport,
        state.clientId,
        this.opts.ctx.store.ackedSeq() + 1,
      );
      if (reg.protocol !== SYNC_PROTOCOL_VERSION) {
        throw new Error(
          `The hub speaks sync protocol ${reg.protocol}; this desk speaks ${SYNC_PROTOCOL_VERSION}. Update the desk or the hub.`,
        );
      }
      this.measureClock(reg.serverTime, sent);
      this.registered = { lastSeq: reg.lastSeq };
      if (!sameJson(state.user, reg.user)) await this.saveState({ ...state, user: reg.user });
      this.setStatus({ user: reg.user });
    }
    await this.push(session);
    await this.pull(session);
  }

  private measureClock(serverTime: string, sentAt: number): void {
    const now = Date.now();
    const offset = Date.parse(serverTime) - (sentAt + now) / 2;
    if (Number.isFinite(offset)) this.setStatus({ clockOffsetMs: Math.round(offset) });
  }

  /** The stored state for this session's hub, made fresh when the hub is another one. */
  private async stateFor(session: SyncSession): Promise<SyncState> {
    const current = this.opts.ctx.store.get<SyncState>(SYNC_SHARD, 'state');
    if (current && current.hubKey === session.hubKey) return current;
    const fresh: SyncState = {
      hubKey: session.hubKey,
      clientId: randomUUID(),
      cursor: 0,
      user: null,
      importThrough: null,
    };
    // Work done before (alone, or with another hub) goes to this hub first.
    const hasRecords = this.opts.ctx.store.all(CHANNELS_SHARD).length > 0;
    if (hasRecords) fresh.importThrough = this.opts.ctx.store.lastSeq();
    await this.saveState(fresh);
    return fresh;
  }

  private saveState(state: SyncState): Promise<JournalEntry> {
    return this.opts.serialise(() =>
      commitMutation(this.opts.ctx, '@state', {}, [
        { shard: SYNC_SHARD, id: 'state', record: state },
      ]),
    );
  }

  /** Brings every local channel and copy to a newly joined hub (created there where absent). */
  private async importLocal(session: SyncSession, state: SyncState): Promise<void> {
    const store = this.opts.ctx.store;
    const upTo = state.importThrough!;
    const channels = store.all<Channel>(CHANNELS_SHARD);
    const updates = store
      .shardKeys()
      .filter(isUpdatesShard)
      .flatMap((k) => store.all<UpdateRecord>(k));
    const records = [
      ...channels.map((c) => ({ kind: 'channel' as const, doc: docOf('channel', c)! })),
      ...updates.map((u) => ({ kind: 'update' as const, doc: docOf('update', u)! })),
    ];
    const changes: Change[] = updates.map((u) => ({
      kind: 'update',
      id: u.id,
      before: null,
      after: docOf('update', u) as Change['after'] & object,
    })) as Change[];
    await this.blobs!.upload(blobsOfChanges(changes), (done, total) =>
      this.setStatus({ upload: { done, total } }),
    );
    this.setStatus({ upload: null });
    const refused: SyncRefusal[] = [];
    for (let i = 0; i < records.length; i += MAX_PUSH_MUTATIONS) {
      const result = await hubCalls.import(
        session.transport,
        records.slice(i, i + MAX_PUSH_MUTATIONS),
      );
      for (const r of result.refused) {
        refused.push({
          id: r.id,
          kind: channels.some((c) => c.id === r.id) ? 'channel' : 'update',
          reason: r.reason,
          at: new Date().toISOString(),
          mutation: 'import',
          text: updates.find((u) => u.id === r.id)?.text ?? null,
        });
      }
    }
    // Everything journaled up to `upTo` is in the imported records now.
    if (upTo > store.ackedSeq()) await store.acknowledge(upTo);
    this.pending.acknowledge(upTo);
    await this.opts.serialise(() =>
      commitMutation(this.opts.ctx, '@imported', { upTo }, [
        { shard: SYNC_SHARD, id: 'state', record: { ...state, importThrough: null } },
        ...refused.map((r) => ({ shard: SYNC_SHARD, id: r.id, record: r })),
      ]),
    );
    for (const r of refused) this.refusals.set(r.id, r);
    state.importThrough = null;
    this.setStatus({});
  }

  // ---- push

  private async push(session: SyncSession): Promise<void> {
    const store = this.opts.ctx.store;
    let prevSeq = this.registered!.lastSeq;
    let after = 0;
    for (;;) {
      // One read of the journal serves several pushes: each read decodes its segment from the start.
      const read = await store.outbox({ afterSeq: after, limit: OUTBOX_READ });
      if (read.length === 0) return;
      for (let i = 0; i < read.length;) {
        const entries: JournalEntry[] = [];
        let locals = 0;
        while (i < read.length && locals < MAX_PUSH_MUTATIONS) {
          const entry = read[i++]!;
          entries.push(entry);
          if (!isSyncEntry(entry)) locals++;
        }
        const result = await this.pushBatch(session, entries, prevSeq);
        prevSeq = result.prevSeq;
        if (!result.complete) return;
        after = entries.at(-1)!.seq;
      }
    }
  }

  /** Pushes the local mutations among `entries` and acknowledges what the hub answered. */
  private async pushBatch(
    session: SyncSession,
    entries: JournalEntry[],
    prevSeqIn: number,
  ): Promise<{ prevSeq: number; complete: boolean }> {
    const store = this.opts.ctx.store;
    let prevSeq = prevSeqIn;
    const mutations: PushedMutation[] = [];
    for (const entry of entries) {
      if (isSyncEntry(entry)) continue;
      const changes = entry.effects.map(changeOf).filter((c): c is Change => c !== null);
      mutations.push({
        seq: entry.seq,
        prevSeq: entry.seq <= this.registered!.lastSeq ? entry.seq - 1 : prevSeq,
        mutationId: entry.mutationId,
        name: entry.name,
        at: entry.at,
        changes,
      });
      prevSeq = entry.seq;
    }
    let ackTo = entries.at(-1)!.seq;
    if (mutations.length > 0) {
      await this.blobs!.upload(blobsOfChanges(mutations.flatMap((m) => m.changes)), (done, total) =>
        this.setStatus({ upload: { done, total } }),
      );
      this.setStatus({ upload: null });
      const res = await hubCalls.push(session.transport, {
        clientId: (await this.stateFor(session)).clientId,
        mutations,
      });
      this.registered = { lastSeq: res.lastSeq };
      await this.applyResults(res.results, mutations);
      if (res.gap) {
        // The hub is missing something before this mutation: register again and resend.
        const stoppedAt = res.gap.seq;
        const lastDone = entries.filter((e) => e.seq < stoppedAt).at(-1)?.seq ?? 0;
        if (lastDone > store.ackedSeq()) await this.acknowledge(lastDone);
        throw new Error(
          `The hub and this desk disagree on what was sent (at change ${stoppedAt}); retrying.`,
        );
      }
      const answered = new Set(res.results.map((r) => r.seq));
      const unanswered = mutations.find((m) => !answered.has(m.seq));
      if (unanswered) ackTo = entries.filter((e) => e.seq < unanswered.seq).at(-1)?.seq ?? 0;
    }
    if (ackTo > store.ackedSeq()) await this.acknowledge(ackTo);
    return { prevSeq, complete: ackTo >= entries.at(-1)!.seq };
  }

  private async acknowledge(seq: number): Promise<void> {
    await this.opts.ctx.store.acknowledge(seq);
    this.pending.acknowledge(seq);
    this.setStatus({});
  }

  /** Refused mutations: the hub's records go back in place and the refusal is kept, text and all. */
  private async applyResults(results: MutationResult[], sent: PushedMutation[]): Promise<void> {
    const bySeq = new Map(sent.map((m) => [m.seq, m]));
    const restore: SyncRecord[] = [];
    const notes: Effect[] = [];
    const lastSeq = results.at(-1)?.seq ?? 0;
    for (const result of results) {
      const mutation = bySeq.get(result.seq);
      if (!mutation) continue;
      for (const change of mutation.changes) {
        if (result.outcome === 'refused') {
          const refusal: SyncRefusal = {
            id: change.id,
            kind: change.kind,
            reason: result.reason ?? 'The hub refused this change.',
            at: new Date().toISOString(),
            mutation: mutation.name,
            text: change.kind === 'update' ? (change.after?.text ?? null) : null,
          };
          this.refusals.set(change.id, refusal);
          notes.push({ shard: SYNC_SHARD, id: change.id, record: refusal });
        } else if (this.refusals.delete(change.id)) {
          notes.push({ shard: SYNC_SHARD, id: change.id, record: null });
        }
      }
      if (result.outcome === 'refused') restore.push(...result.current);
    }
    if (restore.length === 0 && notes.length === 0) return;
    await this.applyRemote(restore, { pendingAfter: lastSeq, extra: notes, name: '@refused' });
  }

  // ---- pull

  private async pull(session: SyncSession): Promise<void> {
    const store = this.opts.ctx.store;
    const fullResync = store.needsFullResync();
    const cursor = fullResync ? 0 : (await this.stateFor(session)).cursor;
    const fetchPage = (after: number): PullCall => {
      const sent = Date.now();
      const call = hubCalls.pull(session.transport, after, PULL_PAGE);
      // A page fetched ahead is dropped unread when writing one before it fails.
      call.page.then((page) => this.measureClock(page.serverTime, sent)).catch(() => undefined);
      return call;
    };
    // Each page is asked for as soon as the one before has told where it ends (its headers),
    // up to PULL_AHEAD pages ahead of the one being written: the hub's queries, the transfer and
    // the desk's writes overlap.
    let tail: Promise<PullCall | null> = Promise.resolve(fetchPage(cursor));
    const ahead = [tail];
    const fetchNext = () => {
      tail = tail.then((call) =>
        call ? call.next.then((next) => (next.hasMore ? fetchPage(next.cursor) : null)) : null,
      );
      tail.catch(() => undefined);
      ahead.push(tail);
    };
    for (let i = 1; i < PULL_AHEAD; i++) fetchNext();
    // Pages are acknowledged in the background, the latest at each turn: a meta.json write per
    // page would hold up the next (and wait behind a checkpoint). Until then the outbox reader
    // skips pulled entries; none is left unacknowledged when the pull ends.
    let acknowledged: Promise<void> = Promise.resolve();
    let ackWanted = 0;
    const acknowledgeLater = (seq: number) => {
      ackWanted = seq;
      acknowledged = acknowledged.then(async () => {
        if (ackWanted > store.ackedSeq()) await store.acknowledge(ackWanted);
      });
      acknowledged.catch(() => undefined);
    };
    const resumeCheckpoints = store.deferCheckpoints();
    try {
      for (;;) {
        const page = await (await ahead.shift()!)!.page;
        fetchNext();
        // Let the next page's request go out before this page is written.
        await yieldToIo();
        const state = await this.stateFor(session);
        await this.applyRemote(page.records, {
          pendingAfter: store.ackedSeq(),
          extra: [{ shard: SYNC_SHARD, id: 'state', record: { ...state, cursor: page.cursor } }],
          name: '@pull',
          acknowledgeLater,
        });
        void this.blobs!.fetchMissing(
          blobsOfChanges(
            page.records.map(
              (r) => ({ kind: r.kind, id: r.id, before: null, after: r.doc }) as Change,
            ),
          ),
        ).catch(() => undefined);
        if (!page.hasMore) break;
      }
    } finally {
      // No acknowledgement may still run when the pull ends (a push acknowledges next).
      await acknowledged.catch(() => undefined);
      resumeCheckpoints();
    }
    await acknowledged;
    if (fullResync) await store.resyncDone();
  }

  /**
   * Puts hub records in the store, each with this desk's still-pending mutations replayed on top,
   * in one journal entry with `extra` (the cursor, refusal notes).
   */
  private async applyRemote(
    records: SyncRecord[],
    opts: {
      pendingAfter: number;
      extra: Effect[];
      name: string;
      /** Acknowledges the entry later instead of waiting for it here (a pull's pages). */
      acknowledgeLater?: (seq: number) => void;
    },
  ): Promise<void> {
    const { ctx } = this.opts;
    await this.opts.serialise(async () => {
      const pending = await this.pendingChanges(opts.pendingAfter);
      const effects: Effect[] = [];
      const notices: DeliveryNotice[] = [];
      const shards = new Set(records.map((rec) => shardOf(rec.kind, rec.channelId)));
      for (const shard of shards) await ctx.store.ensureShard(shard);
      for (const rec of records) {
        const shard = shardOf(rec.kind, rec.channelId);
        let doc = rec.doc as Change['after'];
        for (const change of pending.get(rec.id) ?? []) doc = this.replay(rec.kind, change, doc);
        const record = localRecordOf(rec.kind, doc, stampOf(rec));
        effects.push({ shard, id: rec.id, record, before: null });
        if (rec.kind === 'update') {
          const notice = deliveryNotice(
            ctx.stories.recordOf(rec.id),
            record as UpdateRecord | null,
          );
          if (notice) notices.push(notice);
        }
      }
      if (effects.length === 0 && opts.extra.length === 0) return;
      const entry = await commitMutation(ctx, opts.name, { records: records.length }, [
        ...effects,
        ...opts.extra,
      ]);
      for (const notice of notices.slice(0, MAX_NOTICES_PER_PULL)) ctx.emit('delivery', notice);
      // Nothing local waits: this entry needs no sending, so the outbox need not be read past it
      // (and its segment may go once checkpointed). Inside the queue, no local commit can slip in.
      if (this.pending.size === 0 && entry.seq > ctx.store.ackedSeq()) {
        if (opts.acknowledgeLater) opts.acknowledgeLater(entry.seq);
        else await ctx.store.acknowledge(entry.seq);
      }
    });
  }

  private replay(kind: RecordKind, change: Change, doc: Change['after']): Change['after'] {
    if (change.after === null) return null;
    const me = this.status.user ?? { id: 'me', name: 'me' };
    return mergeChange(kind, change.before, change.after, doc, {
      incomingBy: me,
      currentBy: me,
      onTextConflict: 'incoming',
      now: new Date().toISOString(),
    }).doc as Change['after'];
  }

  /** Changes of local mutations after `afterSeq`, by record id, in journal order. */
  private async pendingChanges(afterSeq: number): Promise<Map<string, Change[]>> {
    const out = new Map<string, Change[]>();
    if (this.pending.size === 0) return out;
    let after = afterSeq;
    for (;;) {
      const batch = await this.opts.ctx.store.outbox({ afterSeq: after, limit: 5000 });
      if (batch.length === 0) return out;
      for (const entry of batch) {
        if (isSyncEntry(entry)) continue;
        for (const effect of entry.effects) {
          const change = changeOf(effect);
          if (!change) continue;
          const list = out.get(change.id);
          if (list) list.push(change);
          else out.set(change.id, [change]);
        }
      }
      after = batch.at(-1)!.seq;
    }
  }

  // ---- commands that need the hub

  /** Forgets a refusal (the person has seen it, its text copied if needed). */
  async dismissRefusal(id: string): Promise<void> {
    if (!this.refusals.has(id)) return;
    await this.opts.serialise(() =>
      commitMutation(this.opts.ctx, '@dismissed', { id }, [
        { shard: SYNC_SHARD, id, record: null },
      ]),
    );
    this.refusals.delete(id);
    this.setStatus({});
  }

  get transport(): HubTransport | null {
    return this.session?.transport ?? null;
  }
}

/** Most delivery notices one pulled page raises (a backlog is shown in the lists, not as a flood). */
const MAX_NOTICES_PER_PULL = 20;

/**
 * A notice when a copy this desk already had changed its delivery (a first pull of old records
 * raises none): published, failed, due for a person, withdrawn, or a new task.
 */
function deliveryNotice(
  before: UpdateRecord | undefined,
  after: UpdateRecord | null,
): DeliveryNotice | null {
  const next = after?.delivery;
  if (!before || !after || !next || next.state === 'publishing') return null;
  const prev = before.delivery;
  if (prev && prev.state === next.state && prev.task === next.task && prev.reason === next.reason) {
    return null;
  }
  return {
    updateId: after.id,
    storyId: after.storyId,
    channelId: after.channelId,
    title: titleOf(after.text),
    delivery: next,
  };
}
