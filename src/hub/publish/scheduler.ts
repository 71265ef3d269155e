// The hub's publishing worker. Due publications are rows; a worker takes a batch of them with
// FOR UPDATE SKIP LOCKED under a lease (so hub processes sharing one PostgreSQL never take the
// same row), sends each through its channel's connector, and records the outcomes with the
// copies' deliveries. A lease that runs out means a hub stopped mid-send: the row is reconciled —
// sent again only where the receiver drops a second delivery with the same key, else failed "in
// doubt" for a person to check. Never blind. Right before a post goes out the copy is checked
// once more (a held copy is never sent) and the channel's notification budget decides whether it
// rings or goes out silently (send-time-rules.ts).
import { randomUUID } from 'node:crypto';
import type { HubContext } from '../hub-context';
import type { Queryable } from '../db/db';
import type { Platform } from '../../shared/domain';
import type { ChannelWorkflow } from '../../shared/schemas';
import type { Delivery, UpdateDoc } from '../../shared/sync/protocol';
import { readWorkspaceBlob } from '../sync/blob-service';
import type {
  Connector,
  ConnectorTarget,
  PublishContent,
  PublishOutcome,
  SentRef,
} from './connector';
import type { DeliveryWrite } from './delivery';
import { initialDelivery, publishedDelivery, writeDeliveries } from './delivery';
import type { PublishedContent } from './planner';
import { publishedContentOf } from './planner';
import type { PostFacts } from './send-time-rules';
import { decideSilences, heldReason } from './send-time-rules';

export type ConnectorRegistry = Record<Platform, Connector>;

/** Platforms whose receivers drop a second delivery with the same key: safe to send again. */
const RESEND_SAFE: ReadonlySet<Platform> = new Set(['webhook', 'feed', 'whatsapp']);

export interface SchedulerOptions {
  connectors: ConnectorRegistry;
  /** Rows taken at once. */
  batch?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** How long a taken row is this worker's; past it, another worker reconciles it. */
  leaseMs?: number;
  /** Longest sleep between looks at the table (other hub processes plan rows too). */
  pollMs?: number;
  /** Attempts before a retryable failure becomes `failed`; backoff doubles from `retryBaseMs`. */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Told of a round that failed (the database went away); the loop goes on. */
  onError?: (err: unknown) => void;
}

interface TakenRow {
  id: string;
  workspace_id: string;
  update_id: string;
  channel_id: string;
  action: 'post' | 'edit' | 'delete';
  content_version: number;
  attempts: number;
  ref: SentRef | null;
  sent_at: Date | null;
  platform: Platform;
  config: Record<string, unknown> | null;
  secret: string | null;
  doc: UpdateDoc | null;
  /** The update's version when the row was taken (the content it sends). */
  doc_version: number;
  time_zone: string;
  workflow: ChannelWorkflow | null;
  /** Whether the post goes (or went) out without a sound; decided when a post is taken. */
  silent: boolean | null;
}

interface Outcome {
  row: TakenRow;
  outcome: PublishOutcome;
  content: PublishedContent | null;
  at: Date;
}

// An edit or a delete acts on the message(s) the copy's post created: its ref and time.
const TAKEN_COLUMNS = `p.id, p.workspace_id, p.update_id, p.channel_id, p.action, p.content_version,
  p.attempts, CASE WHEN p.action = 'post' THEN p.ref ELSE post.ref END AS ref,
  CASE WHEN p.action = 'post' THEN p.sent_at ELSE post.sent_at END AS sent_at,
  c.platform, k.config, k.secret, h.doc, h.version AS doc_version, c.time_zone, c.workflow,
  CASE WHEN p.action = 'post' THEN p.silent ELSE post.silent END AS silent`;
const TAKEN_JOINS = `JOIN hub_channels c ON c.id = p.channel_id
  JOIN hub_updates h ON h.id = p.update_id
  LEFT JOIN channel_connectors k ON k.channel_id = p.channel_id
  LEFT JOIN publications post
    ON post.update_id = p.update_id AND post.action = 'post' AND post.state = 'done'`;

export class PublishScheduler {
  readonly owner = randomUUID();
  readonly #ctx: HubContext;
  readonly #opts: Required<SchedulerOptions>;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #stopHearing: (() => void) | null = null;

  constructor(ctx: HubContext, opts: SchedulerOptions) {
    this.#ctx = ctx;
    this.#opts = {
      batch: 200,
      concurrency: 64,
      leaseMs: 60_000,
      pollMs: 500,
      maxAttempts: 6,
      retryBaseMs: 5_000,
      onError: () => undefined,
      ...opts,
    };
  }

  /** Runs until `stop()`: takes due rows as they fall due. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const hear = () => this.#wake?.();
    this.#ctx.events.on('changed', hear);
    this.#ctx.events.on('due', hear);
    this.#stopHearing = () => {
      this.#ctx.events.off('changed', hear);
      this.#ctx.events.off('due', hear);
    };
    this.#loop = this.#run();
  }

  /** Finishes the sends in flight (and records them), then stops. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#stopHearing?.();
    this.#wake?.();
    await this.#loop;
    this.#loop = null;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let worked = 0;
      try {
        worked = await this.runOnce();
      } catch (err) {
        this.#opts.onError(err);
      }
      if (worked > 0 || !this.#running) continue;
      const wait = await this.#msUntilNextDue().catch(() => this.#opts.pollMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, Math.min(wait, this.#opts.pollMs)));
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  async #msUntilNextDue(): Promise<number> {
    const { rows } = await this.#ctx.db.query<{ next: Date | null }>(
      `SELECT min(next_attempt_at) AS next FROM publications WHERE state = 'scheduled'`,
    );
    const next = rows[0]?.next;
    return next ? next.getTime() - this.#ctx.now().getTime() : this.#opts.pollMs;
  }

  /** One round: reconcile lapsed leases, take due rows, send them, record. Returns rows handled. */
  async runOnce(): Promise<number> {
    const reconciled = await this.#reconcile();
    const { taken, held } = await this.#take();
    if (taken.length === 0) return reconciled + held;
    const outcomes = await this.#sendAll(taken);
    await this.#record(outcomes);
    return reconciled + held + taken.length;
  }

  /** Takes due rows: those to send, and how many it held back instead (see holdBack). */
  async #take(): Promise<{ taken: TakenRow[]; held: number }> {
    const now = this.#ctx.now();
    const { rows, held, versions } = await this.#ctx.db.tx(async (q) => {
      const { rows: ids } = await q.query<{ id: string }>(
        `WITH due AS (
           SELECT id FROM publications
            WHERE state = 'scheduled' AND next_attempt_at <= $1
            ORDER BY next_attempt_at LIMIT $2
            FOR UPDATE SKIP LOCKED)
         UPDATE publications p
            SET state = 'sending', lease_owner = $3, lease_until = $4,
                attempts = p.attempts + 1, updated_at = $1
           FROM due WHERE p.id = due.id
         RETURNING p.id`,
        [now, this.#opts.batch, this.owner, new Date(now.getTime() + this.#opts.leaseMs)],
      );
      if (ids.length === 0) return { rows: [], held: 0, versions: new Map<string, number>() };
      const full = await q.query<TakenRow>(
        `SELECT ${TAKEN_COLUMNS} FROM publications p ${TAKEN_JOINS} WHERE p.id = ANY($1::text[])`,
        [ids.map((r) => r.id)],
      );
      const { sendable, heldWrites } = await holdBack(q, full.rows, now);
      await decideRowSilences(q, sendable, now);
      // First attempts of posts tell desks the copy is on its way.
      const starting = sendable.filter(
        (r) => r.action === 'post' && r.attempts === 1 && r.doc !== null,
      );
      const written = await writeDeliveries(
        q,
        [
          ...heldWrites,
          ...starting.map((r) => ({
            workspaceId: r.workspace_id,
            updateId: r.update_id,
            delivery: { ...initialDelivery(now), attempts: 1 },
            event: 'publishing',
            userId: null,
          })),
        ],
        now,
      );
      return { rows: sendable, held: heldWrites.length, versions: written };
    });
    this.#announce(versions);
    return { taken: rows, held };
  }

  #announce(versions: Map<string, number>): void {
    for (const [workspaceId, version] of versions) this.#ctx.events.changed(workspaceId, version);
  }

  async #sendAll(rows: TakenRow[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        outcomes.push(await this.#send(row));
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.#opts.concurrency, rows.length) }, worker),
    );
    return outcomes;
  }

  async #send(row: TakenRow): Promise<Outcome> {
    const at = this.#ctx.now();
    const doc = row.doc;
    const fail = (reason: string): Outcome => ({
      row,
      outcome: { kind: 'failed', reason },
      content: null,
      at,
    });
    if (doc === null) return fail('The copy was deleted before it was sent.');
    const connector = this.#opts.connectors[row.platform];
    const needsSettings = row.platform === 'telegram' || row.platform === 'webhook';
    if (needsSettings && row.config === null) {
      return fail(
        `This ${row.platform === 'telegram' ? 'Telegram' : 'webhook'} channel is not set up for publishing yet: an admin must enter its settings first.`,
      );
    }
    const target: ConnectorTarget = {
      channelId: row.channel_id,
      config: row.config ?? {},
      secret: row.secret,
    };
    // An edit carries its post's sound (a webhook receiver may show it); Telegram edits never ring.
    const content: PublishContent = {
      ...publishedContentOf(doc),
      silent: row.silent ?? false,
      pin: false,
    };
    const ctx = {
      idempotencyKey: row.id,
      copy: { updateId: row.update_id, storyId: doc.storyId, version: row.doc_version },
      now: at,
      blobs: (hash: string) => readWorkspaceBlob(this.#ctx.db, row.workspace_id, hash),
    };
    let outcome: PublishOutcome;
    try {
      if (row.action === 'post') outcome = await connector.post(target, content, ctx);
      else if (!row.ref)
        outcome = { kind: 'failed', reason: 'The post this changes was never sent.' };
      else if (row.action === 'edit') outcome = await connector.edit(target, row.ref, content, ctx);
      else outcome = await connector.remove(target, row.ref, row.sent_at ?? at, ctx);
    } catch (err) {
      // Connectors answer platform errors; a throw is a bug or an outage of ours: retry it.
      outcome = { kind: 'retry', reason: `The hub could not send it: ${(err as Error).message}` };
    }
    return { row, outcome, content: publishedContentOf(doc), at: this.#ctx.now() };
  }

  async #record(outcomes: Outcome[]): Promise<void> {
    const now = this.#ctx.now();
    const versions = await this.#ctx.db.tx(async (q) => {
      const updates: unknown[] = [];
      const writes: DeliveryWrite[] = [];
      for (const o of outcomes) {
        const plan = this.#planOutcome(o, now);
        updates.push(plan.row);
        if (plan.delivery) writes.push(plan.delivery);
      }
      await applyRowUpdates(q, this.owner, updates);
      await supersedeEdits(q, outcomes);
      return writeDeliveries(q, writes, now);
    });
    this.#announce(versions);
  }

  #planOutcome(o: Outcome, now: Date): { row: RowUpdate; delivery: DeliveryWrite | null } {
    const { row, outcome } = o;
    const previous = row.doc?.delivery ?? null;
    const write = (delivery: Delivery, event: string): DeliveryWrite => ({
      workspaceId: row.workspace_id,
      updateId: row.update_id,
      delivery,
      event,
      userId: null,
    });
    const base: RowUpdate = {
      id: row.id,
      state: 'done',
      next_attempt_at: null,
      attempts: row.attempts,
      ref: null,
      answer: null,
      reason: null,
      sent_content: null,
      sent_at: null,
    };
    switch (outcome.kind) {
      case 'sent': {
        const sent = {
          ...base,
          ref: outcome.ref,
          answer: outcome.answer,
          sent_at: o.at.toISOString(),
        };
        if (row.action === 'post') {
          const delivery = publishedDelivery(
            previous,
            row.platform,
            o.at,
            outcome.ref.url,
            row.attempts,
          );
          return {
            row: { ...sent, sent_content: o.content },
            delivery: write(delivery, 'published'),
          };
        }
        if (row.action === 'edit') {
          const delivery: Delivery = {
            ...(previous ?? publishedDelivery(null, row.platform, o.at, null, 1)),
            corrections: (previous?.corrections ?? 0) + 1,
            reason: null,
            task: null,
          };
          return {
            row: { ...sent, sent_content: o.content },
            delivery: write(delivery, 'corrected'),
          };
        }
        const delivery: Delivery = {
          ...(previous ?? initialDelivery(o.at)),
          state: 'withdrawn',
          at: o.at.toISOString(),
          reason: null,
          task: null,
        };
        return { row: sent, delivery: write(delivery, 'withdrawn') };
      }
      case 'later':
        return {
          row: {
            ...base,
            state: 'scheduled',
            next_attempt_at: outcome.notBefore.toISOString(),
            // Waiting for the platform's pace is not a failed attempt.
            attempts: row.attempts - 1,
            reason: outcome.reason,
          },
          delivery: null,
        };
      case 'retry': {
        if (row.attempts < this.#opts.maxAttempts) {
          const backoff = this.#opts.retryBaseMs * 2 ** (row.attempts - 1);
          const jitter = 0.8 + Math.random() * 0.4;
          return {
            row: {
              ...base,
              state: 'scheduled',
              next_attempt_at: new Date(now.getTime() + backoff * jitter).toISOString(),
              reason: outcome.reason,
            },
            delivery:
              row.action === 'post'
                ? write(
                    {
                      ...(previous ?? initialDelivery(o.at)),
                      state: 'publishing',
                      attempts: row.attempts,
                      reason: `Attempt ${row.attempts} failed (${outcome.reason}); trying again.`,
                    },
                    'retrying',
                  )
                : null,
          };
        }
        return this.#planOutcome(
          {
            ...o,
            outcome: {
              kind: 'failed',
              reason: `${outcome.reason} (gave up after ${row.attempts} attempts)`,
            },
          },
          now,
        );
      }
      case 'failed': {
        const failedRow = { ...base, state: 'failed' as const, reason: outcome.reason };
        if (row.action === 'post') {
          const delivery: Delivery = {
            ...(previous ?? initialDelivery(o.at)),
            state: 'failed',
            at: o.at.toISOString(),
            reason: outcome.reason,
            attempts: row.attempts,
            task: null,
          };
          return { row: failedRow, delivery: write(delivery, 'failed') };
        }
        const what = row.action === 'edit' ? 'The correction' : 'The withdrawal';
        const delivery: Delivery = {
          ...(previous ?? initialDelivery(o.at)),
          reason: `${what} did not reach the platform: ${outcome.reason}`,
        };
        return { row: failedRow, delivery: write(delivery, `${row.action}-failed`) };
      }
      case 'manual': {
        const delivery: Delivery = {
          ...(previous ?? initialDelivery(o.at)),
          state: row.action === 'post' ? 'due' : (previous?.state ?? 'published'),
          at: row.action === 'post' ? o.at.toISOString() : (previous?.at ?? o.at.toISOString()),
          attempts: row.attempts,
          reason: null,
          task: row.action === 'post' ? 'post' : row.action,
        };
        return { row: { ...base, state: 'due' }, delivery: write(delivery, 'due') };
      }
    }
  }

  async #reconcile(): Promise<number> {
    const now = this.#ctx.now();
    const versions = await this.#ctx.db.tx(async (q) => {
      // The lapsed rows first, through the lease index (almost always none); their details after.
      const lapsed = await q.query<{ id: string }>(
        `SELECT id FROM publications WHERE state = 'sending' AND lease_until < $1
          ORDER BY lease_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.#opts.batch],
      );
      if (lapsed.rows.length === 0) return { count: 0, versions: new Map<string, number>() };
      const { rows } = await q.query<TakenRow>(
        `SELECT ${TAKEN_COLUMNS} FROM publications p ${TAKEN_JOINS} WHERE p.id = ANY($1::text[])`,
        [lapsed.rows.map((r) => r.id)],
      );
      const safe = rows.filter((r) => RESEND_SAFE.has(r.platform));
      const doubtful = rows.filter((r) => !RESEND_SAFE.has(r.platform));
      // The receiver drops a second delivery with the same key: send again, same key.
      await q.query(
        `UPDATE publications SET state = 'scheduled', next_attempt_at = $2, lease_owner = NULL,
                lease_until = NULL, attempts = attempts - 1, updated_at = $2
          WHERE id = ANY($1::text[])`,
        [safe.map((r) => r.id), now],
      );
      const reason =
        'A hub stopped while sending this, so it may or may not have been posted. Check the channel: if it is there, mark it as published; if not, send it again.';
      await q.query(
        `UPDATE publications SET state = 'failed', lease_owner = NULL, lease_until = NULL,
                reason = $2, updated_at = $3
          WHERE id = ANY($1::text[])`,
        [doubtful.map((r) => r.id), reason, now],
      );
      const writes = doubtful.map<DeliveryWrite>((r) => ({
        workspaceId: r.workspace_id,
        updateId: r.update_id,
        delivery: {
          ...(r.doc?.delivery ?? initialDelivery(now)),
          state: r.action === 'post' ? 'failed' : (r.doc?.delivery?.state ?? 'failed'),
          at: now.toISOString(),
          reason,
        },
        event: 'in-doubt',
        userId: null,
      }));
      return { count: rows.length, versions: await writeDeliveries(q, writes, now) };
    });
    this.#announce(versions.versions);
    return versions.count;
  }
}

interface RowUpdate {
  id: string;
  state: 'scheduled' | 'done' | 'failed' | 'due';
  next_attempt_at: string | null;
  attempts: number;
  ref: SentRef | null;
  answer: string | null;
  reason: string | null;
  sent_content: PublishedContent | null;
  sent_at: string | null;
}

/** Writes the outcome of each row this worker holds (a row whose lease it lost is left alone). */
async function applyRowUpdates(q: Queryable, owner: string, rows: readonly unknown[]) {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE publications p
        SET state = u.state, next_attempt_at = coalesce(u.next_attempt_at, p.next_attempt_at),
            attempts = u.attempts, ref = coalesce(u.ref, p.ref), answer = coalesce(u.answer, p.answer),
            reason = u.reason, sent_content = coalesce(u.sent_content, p.sent_content),
            sent_at = coalesce(u.sent_at, p.sent_at), lease_owner = NULL, lease_until = NULL,
            updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS u(id text, state text, next_attempt_at timestamptz,
            attempts integer, ref jsonb, answer text, reason text, sent_content jsonb,
            sent_at timestamptz)
      WHERE p.id = u.id AND p.state = 'sending' AND p.lease_owner = $2`,
    [JSON.stringify(rows), owner],
  );
}

/**
 * A sent correction carries the copy's content as it stood: older corrections still waiting are
 * covered by it. (The post keeps what it sent; the planner reads the last correction's content.)
 */
async function supersedeEdits(q: Queryable, outcomes: readonly Outcome[]) {
  const edits = outcomes
    .filter((o) => o.outcome.kind === 'sent' && o.row.action === 'edit')
    .map((o) => ({ update_id: o.row.update_id, version: o.row.doc_version, content: o.content }));
  if (edits.length === 0) return;
  await q.query(
    `UPDATE publications p SET state = 'cancelled', reason = 'covered by a later correction'
       FROM jsonb_to_recordset($1::jsonb) AS e(update_id text, version bigint, content jsonb)
      WHERE p.update_id = e.update_id AND p.action = 'edit' AND p.state = 'scheduled'
        AND p.content_version <= e.version`,
    [JSON.stringify(edits)],
  );
}

const postFacts = (row: TakenRow): PostFacts => ({
  id: row.id,
  channelId: row.channel_id,
  timeZone: row.time_zone,
  workflow: row.workflow,
  doc: row.doc!,
});

/**
 * The last line of defence: a post whose copy is held (embargo, missing or late approval) is never
 * sent. Its row fails with the reason, so the desk shows it and an editor's next touch (a new
 * time, an approval) re-arms it through the planner, checked again here when it falls due.
 */
async function holdBack(
  q: Queryable,
  rows: readonly TakenRow[],
  now: Date,
): Promise<{ sendable: TakenRow[]; heldWrites: DeliveryWrite[] }> {
  const held: { row: TakenRow; reason: string }[] = [];
  const sendable: TakenRow[] = [];
  for (const row of rows) {
    const reason = row.action === 'post' && row.doc ? heldReason(postFacts(row), now) : null;
    if (reason) held.push({ row, reason });
    else sendable.push(row);
  }
  if (held.length === 0) return { sendable, heldWrites: [] };
  await q.query(
    `UPDATE publications p SET state = 'failed', reason = h.reason, lease_owner = NULL,
            lease_until = NULL, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS h(id text, reason text) WHERE p.id = h.id`,
    [JSON.stringify(held.map((h) => ({ id: h.row.id, reason: h.reason }))), now],
  );
  const heldWrites = held.map<DeliveryWrite>(({ row, reason }) => ({
    workspaceId: row.workspace_id,
    updateId: row.update_id,
    delivery: {
      ...(row.doc?.delivery ?? initialDelivery(now)),
      state: 'failed',
      at: now.toISOString(),
      reason,
      attempts: row.attempts,
      task: null,
    },
    event: 'held',
    userId: null,
  }));
  return { sendable, heldWrites };
}

/** Decides loud or silent for the posts about to go out, and records it on their rows. */
async function decideRowSilences(q: Queryable, rows: TakenRow[], now: Date): Promise<void> {
  const posts = rows.filter((r) => r.action === 'post' && r.doc !== null);
  if (posts.length === 0) return;
  const silences = await decideSilences(q, posts.map(postFacts), now);
  for (const row of posts) row.silent = silences.get(row.id) ?? false;
  await q.query(
    `UPDATE publications p SET silent = d.silent
         FROM jsonb_to_recordset($1::jsonb) AS d(id text, silent boolean) WHERE p.id = d.id`,
    [JSON.stringify(posts.map((r) => ({ id: r.id, silent: r.silent })))],
  );
}
