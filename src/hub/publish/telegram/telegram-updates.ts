// Engagement from Telegram: the hub reads each bot's updates (getUpdates, long polling) for the
// reaction counts of channel posts and the results of polls it sent, and writes them on the copies
// they belong to. Telegram serves one reader per bot, so a process reads a bot only under a lease
// in `telegram_pollers` (several hub processes never fight over it), and the confirmed offset is
// saved in the same transaction as the counts it carried.
import { createHash } from 'node:crypto';
import { Api, GrammyError } from 'grammy';
import type { Queryable } from '../../db/db';
import type { HubContext } from '../../hub-context';
import type { Engagement, UpdateDoc } from '../../../shared/sync/protocol';
import type { HubFieldWrite } from '../delivery';
import { writeHubFields } from '../delivery';
import { mergeEngagement } from '../engagement-service';

/** The update kinds read; Telegram sends reaction counts only when asked for them by name. */
const ALLOWED_UPDATES = ['message_reaction_count', 'poll'] as const;

export interface TelegramUpdatesOptions {
  owner: string;
  apiRoot?: string;
  /** How long a long poll waits for updates (s). */
  pollTimeoutS?: number;
  /** How long this process keeps a bot after its last poll. */
  leaseMs?: number;
  /** Pause after a round that brought nothing (a server that answers at once). */
  idleMs?: number;
  onError?: (err: unknown) => void;
}

interface ReactionCount {
  type: { type: string; emoji?: string };
  total_count: number;
}
interface TelegramUpdate {
  update_id: number;
  message_reaction_count?: {
    chat: { id: number; username?: string };
    message_id: number;
    reactions: ReactionCount[];
  };
  poll?: { id: string; options: { voter_count: number }[] };
}

interface CopyRow {
  update_id: string;
  workspace_id: string;
  doc: UpdateDoc | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A reaction's name: the emoji, or what kind it is when it has none. */
function reactionName(r: ReactionCount): string {
  if (r.type.type === 'emoji' && r.type.emoji) return r.type.emoji;
  return r.type.type === 'paid' ? '⭐' : 'custom';
}

export class TelegramUpdates {
  readonly #ctx: HubContext;
  readonly #opts: Required<Omit<TelegramUpdatesOptions, 'apiRoot'>> & { apiRoot?: string };
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;

  constructor(ctx: HubContext, opts: TelegramUpdatesOptions) {
    this.#ctx = ctx;
    this.#opts = {
      pollTimeoutS: 20,
      leaseMs: 60_000,
      idleMs: 2_000,
      onError: () => undefined,
      ...opts,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let read = 0;
      try {
        read = await this.pollOnce(this.#opts.pollTimeoutS);
      } catch (err) {
        this.#opts.onError(err);
      }
      if (read > 0 || !this.#running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#opts.idleMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  /** Reads every bot this process holds (or can take) once; returns the updates handled. */
  async pollOnce(timeoutS = 0): Promise<number> {
    const { rows } = await this.#ctx.db.query<{ secret: string }>(
      `SELECT DISTINCT k.secret FROM channel_connectors k JOIN hub_channels c ON c.id = k.channel_id
        WHERE c.platform = 'telegram' AND k.secret IS NOT NULL AND NOT c.archived`,
    );
    let handled = 0;
    for (const { secret } of rows) {
      const offset = await this.#claim(hashOf(secret));
      if (offset === null) continue;
      handled += await this.#read(secret, offset, timeoutS);
    }
    return handled;
  }

  /** Takes (or keeps) the bot's lease; its confirmed offset, or null when another process has it. */
  async #claim(tokenHash: string): Promise<number | null> {
    const now = this.#ctx.now();
    const { rows } = await this.#ctx.db.query<{ next_offset: number }>(
      `INSERT INTO telegram_pollers (token_hash, owner, lease_until) VALUES ($1, $2, $3)
       ON CONFLICT (token_hash) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
        WHERE telegram_pollers.owner = EXCLUDED.owner OR telegram_pollers.lease_until < $4
       RETURNING next_offset`,
      [tokenHash, this.#opts.owner, new Date(now.getTime() + this.#opts.leaseMs), now],
    );
    return rows[0] ? Number(rows[0].next_offset) : null;
  }

  async #read(token: string, offset: number, timeoutS: number): Promise<number> {
    const api = new Api(token, this.#opts.apiRoot ? { apiRoot: this.#opts.apiRoot } : {});
    let updates: TelegramUpdate[];
    try {
      updates = (await api.getUpdates({
        offset,
        timeout: timeoutS,
        allowed_updates: [...ALLOWED_UPDATES],
      })) as unknown as TelegramUpdate[];
    } catch (err) {
      // A revoked token or a webhook set elsewhere: said once per round, the others go on.
      if (err instanceof GrammyError) {
        this.#opts.onError(new Error(`Telegram getUpdates: ${err.description}`));
        return 0;
      }
      throw err;
    }
    if (updates.length === 0) return 0;
    const now = this.#ctx.now();
    const versions = await this.#ctx.db.tx(async (q) => {
      // Several updates about one copy in a batch merge in order into one write.
      const writes = new Map<string, HubFieldWrite>();
      for (const update of updates) {
        const write = await this.#engagementOf(q, token, update, now, writes);
        if (write) writes.set(write.updateId, write);
      }
      await q.query('UPDATE telegram_pollers SET next_offset = $2 WHERE token_hash = $1', [
        hashOf(token),
        updates.at(-1)!.update_id + 1,
      ]);
      return writeHubFields(q, [...writes.values()], now);
    });
    for (const [workspaceId, version] of versions) this.#ctx.events.changed(workspaceId, version);
    return updates.length;
  }

  async #engagementOf(
    q: Queryable,
    token: string,
    update: TelegramUpdate,
    now: Date,
    earlier: ReadonlyMap<string, HubFieldWrite>,
  ): Promise<HubFieldWrite | null> {
    let copy: CopyRow | undefined;
    let counts: Parameters<typeof mergeEngagement>[1];
    const reactions = update.message_reaction_count;
    if (reactions) {
      const chats = [String(reactions.chat.id)];
      if (reactions.chat.username) chats.push(`@${reactions.chat.username.toLowerCase()}`);
      const { rows } = await q.query<CopyRow>(
        `SELECT p.update_id, p.workspace_id, h.doc FROM publications p
           JOIN channel_connectors k ON k.channel_id = p.channel_id
           JOIN hub_updates h ON h.id = p.update_id
          WHERE p.action = 'post' AND p.state = 'done' AND k.secret = $1
            AND lower(k.config->>'chatId') = ANY($2::text[]) AND p.ref->'messageIds' ? $3`,
        [token, chats, String(reactions.message_id)],
      );
      copy = rows[0];
      const named: Record<string, number> = {};
      for (const r of reactions.reactions) {
        const name = reactionName(r);
        named[name] = (named[name] ?? 0) + r.total_count;
      }
      counts = { reactions: named };
    } else if (update.poll) {
      const { rows } = await q.query<CopyRow>(
        `SELECT p.update_id, p.workspace_id, h.doc FROM publications p
           JOIN channel_connectors k ON k.channel_id = p.channel_id
           JOIN hub_updates h ON h.id = p.update_id
          WHERE p.action = 'post' AND p.state = 'done' AND k.secret = $1
            AND p.ref->>'pollId' = $2`,
        [token, update.poll.id],
      );
      copy = rows[0];
      counts = { pollVotes: update.poll.options.map((o) => o.voter_count) };
    } else {
      return null;
    }
    // Reactions to posts the hub did not send (or copies deleted since) are not ours to keep.
    if (!copy || copy.doc === null) return null;
    const before =
      (earlier.get(copy.update_id)?.value as Engagement | undefined) ?? copy.doc.engagement;
    return {
      workspaceId: copy.workspace_id,
      updateId: copy.update_id,
      field: 'engagement',
      value: mergeEngagement(before, counts, 'telegram', now),
      event: 'engagement-telegram',
      userId: null,
    };
  }
}
