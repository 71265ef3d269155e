// The hub's "something changed" signal: every committed write that produced versions is announced
// here, the event socket (or an in-process desk) tells desks to pull, and other hub processes on
// the same PostgreSQL hear it through LISTEN/NOTIFY and tell theirs.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '../db/db';

/** A workspace reached `version` (after a commit). */
export interface ChangedEvent {
  workspaceId: string;
  version: number;
}

interface SyncEventMap {
  changed: [ChangedEvent];
  due: [];
}

/** What crosses between hub processes: a workspace's new version, or "a publication is due". */
interface Notice {
  from: string;
  changed?: ChangedEvent;
  due?: true;
}

/**
 * Announces commits to this process's listeners (desk sockets, the publishing worker) and, once
 * attached to a database that can (PostgreSQL), to the other hub processes on it.
 */
export class SyncEvents extends EventEmitter<SyncEventMap> {
  readonly #id = randomUUID();
  #db: Db | null = null;
  #onError: (err: Error) => void = () => undefined;

  constructor() {
    super();
    // One listener per open desk socket: many is normal, not a leak.
    this.setMaxListeners(0);
  }

  /** Hears the other hub processes on `db` (no-op on PGlite); resolves with a function that stops. */
  async attach(db: Db, onError: (err: Error) => void): Promise<() => Promise<void>> {
    if (!db.listen || !db.notify) return async () => undefined;
    this.#onError = onError;
    const stop = await db.listen((payload) => this.#heard(payload), onError);
    this.#db = db;
    return async () => {
      this.#db = null;
      await stop();
    };
  }

  #heard(payload: string): void {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return;
    }
    if (notice.from === this.#id) return;
    if (notice.changed) this.emit('changed', notice.changed);
    if (notice.due) this.emit('due');
  }

  #tellOthers(notice: Omit<Notice, 'from'>): void {
    this.#db?.notify?.(JSON.stringify({ from: this.#id, ...notice })).catch(this.#onError);
  }

  /** Tells listeners that `workspaceId` is at `version` now (call after COMMIT, never inside). */
  changed(workspaceId: string, version: number | null): void {
    if (version === null) return;
    this.emit('changed', { workspaceId, version });
    this.#tellOthers({ changed: { workspaceId, version } });
  }

  /** Tells publishing workers that a publication may be due now (after COMMIT). */
  publicationsDue(): void {
    this.emit('due');
    this.#tellOthers({ due: true });
  }
}
