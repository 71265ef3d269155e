// Attachments between the desk's media folder and the hub: uploaded in chunks that resume where
// the hub stopped, fetched when a pulled copy needs them. Content-addressed: nothing moves twice.
import { open } from 'node:fs/promises';
import type { Attachment } from '../../shared/domain';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import type { Change } from '../../shared/sync/protocol';
import type { HubTransport } from '../../shared/sync/transport';
import type { MediaStore } from '../media-store';
import { hubCalls } from './hub-calls';

export interface BlobRef {
  hash: string;
  mime: string;
  size: number | null;
}

/** Every file (attachment and thumbnail) the docs of `changes` refer to. */
export function blobsOfChanges(changes: Iterable<Change>): BlobRef[] {
  const out = new Map<string, BlobRef>();
  const add = (attachments: Attachment[] | undefined) => {
    for (const a of attachments ?? []) {
      out.set(a.hash, { hash: a.hash, mime: a.mime, size: a.size });
      if (a.thumbHash) out.set(a.thumbHash, { hash: a.thumbHash, mime: 'image/jpeg', size: null });
    }
  };
  for (const change of changes) {
    if (change.kind !== 'update' || !change.after) continue;
    add(change.after.attachments);
    add(change.after.shared?.attachments);
  }
  return [...out.values()];
}

export interface UploadProgress {
  (done: number, total: number): void;
}

export class BlobSync {
  /** Hashes the hub is known to hold (this session). */
  private readonly onHub = new Set<string>();

  constructor(
    private readonly media: MediaStore,
    private readonly transport: HubTransport,
  ) {}

  /**
   * Uploads the files the hub lacks, each from where the hub's copy stops. A file missing from
   * this desk's media folder is skipped (the hub refuses nothing for it; it may come from a colleague).
   */
  async upload(refs: BlobRef[], progress: UploadProgress): Promise<void> {
    const todo: Array<{ hash: string; size: number; received: number }> = [];
    for (const ref of refs) {
      if (this.onHub.has(ref.hash) || !(await this.media.has(ref.hash))) continue;
      const status = await hubCalls.blobStatus(this.transport, ref.hash);
      if (status.complete) {
        this.onHub.add(ref.hash);
        continue;
      }
      const fh = await open(this.media.pathOf(ref.hash), 'r');
      const size = (await fh.stat()).size;
      await fh.close();
      todo.push({ hash: ref.hash, size, received: status.size === size ? status.received : 0 });
    }
    const total = todo.reduce((n, t) => n + t.size, 0);
    let done = todo.reduce((n, t) => n + t.received, 0);
    if (todo.length > 0) progress(done, total);
    for (const item of todo) {
      const fh = await open(this.media.pathOf(item.hash), 'r');
      try {
        let offset = item.received;
        while (offset < item.size) {
          const length = Math.min(BLOB_CHUNK_BYTES, item.size - offset);
          const chunk = Buffer.alloc(length);
          await fh.read(chunk, 0, length, offset);
          const status = await hubCalls.putBlobChunk(
            this.transport,
            item.hash,
            offset,
            item.size,
            chunk,
          );
          done += status.received - offset;
          offset = status.received;
          progress(done, total);
        }
      } finally {
        await fh.close();
      }
      this.onHub.add(item.hash);
    }
  }

  /** Fetches the files this desk lacks; one that fails is retried at the next sync. */
  async fetchMissing(refs: BlobRef[]): Promise<void> {
    for (const ref of refs) {
      if (await this.media.has(ref.hash)) continue;
      const status = await hubCalls.blobStatus(this.transport, ref.hash);
      if (!status.complete) continue;
      const data = await hubCalls.getBlob(this.transport, ref.hash);
      await this.media.putFetched(ref.hash, ref.mime, Buffer.from(data));
      this.onHub.add(ref.hash);
    }
  }
}
