// The records one push or import batch touches, held in memory while its mutations are merged in
// order (later ones see earlier ones), then written back with a few bulk statements.
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import type { RecordKind, SyncRecord } from '../../shared/sync/protocol';
import type { HistoryRow } from './history-service';
import { insertHistory } from './history-service';
import type { HubRecord } from './records';
import { recordKey, toSyncRecord, userRef, writeChannels, writeUpdates } from './records';
import { setCounter } from './versions';
import { markLate, planPublications } from '../publish/planner';

export class WorkingSet {
  readonly #records: Map<string, HubRecord>;
  readonly #names: Map<string, string>;
  readonly #dirty = new Set<string>();
  readonly #history: HistoryRow[] = [];
  #version: number;
  readonly #startVersion: number;

  constructor(
    readonly actor: Actor,
    records: Map<string, HubRecord>,
    names: Map<string, string>,
    version: number,
  ) {
    this.#records = records;
    this.#names = names;
    this.#version = version;
    this.#startVersion = version;
  }

  /** The record as it stands after everything applied so far (any workspace), or undefined. */
  get(kind: RecordKind, id: string): HubRecord | undefined {
    return this.#records.get(recordKey(kind, id));
  }

  nameOf = (userId: string | null): string => userRef(this.#names, userId).name;

  ref(userId: string | null) {
    return userRef(this.#names, userId);
  }

  /** Stores a record's new state under the next version, with its history row. */
  commit(record: HubRecord, history: Omit<HistoryRow, 'version' | 'kind' | 'recordId'>): number {
    const version = ++this.#version;
    const key = recordKey(record.kind, record.id);
    this.#records.set(key, { ...record, version });
    this.#dirty.add(key);
    this.#history.push({ ...history, kind: record.kind, recordId: record.id, version });
    return version;
  }

  /** The wire form of the actor's workspace's records among these keys (others stay unseen). */
  visible(keys: Iterable<[RecordKind, string]>): SyncRecord[] {
    const out: SyncRecord[] = [];
    const seen = new Set<string>();
    for (const [kind, id] of keys) {
      const key = recordKey(kind, id);
      const record = this.#records.get(key);
      if (seen.has(key) || !record || record.workspaceId !== this.actor.workspaceId) continue;
      seen.add(key);
      out.push(toSyncRecord(record, this.#names));
    }
    return out;
  }

  /** The workspace's version after this batch, or null when it changed nothing. */
  get newVersion(): number | null {
    return this.#version > this.#startVersion ? this.#version : null;
  }

  /**
   * Writes every changed record (channels first: updates refer to them), history and counter,
   * and brings the copies' publications in line with their schedules.
   */
  async flush(q: Queryable, now: Date): Promise<void> {
    const changed = [...this.#dirty].map((key) => this.#records.get(key)!);
    const workspaceId = this.actor.workspaceId;
    await writeChannels(
      q,
      workspaceId,
      changed.filter((r) => r.kind === 'channel'),
    );
    const updates = changed.filter((r) => r.kind === 'update');
    await writeUpdates(q, workspaceId, updates);
    const plan = await planPublications(q, workspaceId, this.actor.userId, updates, now);
    await markLate(q, workspaceId, plan.late, now);
    await insertHistory(q, workspaceId, this.#history);
    if (this.newVersion !== null) await setCounter(q, workspaceId, this.newVersion);
  }
}
