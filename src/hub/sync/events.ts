// The hub's in-process "something changed" signal: every committed write that produced versions
// is announced here, and the event socket (or an in-process desk) tells desks to pull.
import { EventEmitter } from 'node:events';

/** A workspace reached `version` (after a commit). */
export interface ChangedEvent {
  workspaceId: string;
  version: number;
}

interface SyncEventMap {
  changed: [ChangedEvent];
  due: [];
}

/**
 * Announces commits within this process only. Several hub processes on one PostgreSQL would also
 * need LISTEN/NOTIFY to hear each other's commits; that is not done yet.
 */
export class SyncEvents extends EventEmitter<SyncEventMap> {
  constructor() {
    super();
    // One listener per open desk socket: many is normal, not a leak.
    this.setMaxListeners(0);
  }

  /** Tells listeners that `workspaceId` is at `version` now (call after COMMIT, never inside). */
  changed(workspaceId: string, version: number | null): void {
    if (version !== null) this.emit('changed', { workspaceId, version });
  }

  /** Tells this process's publishing worker that a publication may be due now (after COMMIT). */
  publicationsDue(): void {
    this.emit('due');
  }
}
