// Attachments: content-addressed blobs per workspace, uploaded in chunks that are kept as they
// arrive (so an interrupted upload resumes where it stopped) and verified by SHA-256 when complete.
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { HubError, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { BlobStatus } from '../../shared/sync/protocol';

interface BlobRow {
  size: number;
  received: number;
  complete: boolean;
}

function statusOf(hash: string, row: BlobRow | undefined): BlobStatus {
  return row
    ? { hash, size: row.size, received: row.received, complete: row.complete }
    : { hash, size: null, received: 0, complete: false };
}

/** How far the upload of `hash` has got in the actor's workspace. */
export async function blobStatus(
  q: Queryable,
  actor: Pick<Actor, 'workspaceId'>,
  hash: string,
): Promise<BlobStatus> {
  const { rows } = await q.query<BlobRow>(
    'SELECT size, received, complete FROM blobs WHERE workspace_id = $1 AND hash = $2',
    [actor.workspaceId, hash],
  );
  return statusOf(hash, rows[0]);
}

export interface Chunk {
  hash: string;
  offset: number;
  /** The blob's whole size, the same in every chunk. */
  size: number;
  bytes: Buffer;
}

async function digestOf(q: Queryable, actor: Actor, hash: string): Promise<string> {
  const { rows } = await q.query<{ data: Uint8Array }>(
    'SELECT data FROM blob_chunks WHERE workspace_id = $1 AND hash = $2 ORDER BY "offset"',
    [actor.workspaceId, hash],
  );
  const digest = createHash('sha256');
  for (const row of rows) digest.update(row.data);
  return digest.digest('hex');
}

function checkChunk(chunk: Chunk, row: BlobRow): void {
  if (row.size !== chunk.size) {
    throw new HubError(
      409,
      'conflict',
      `This upload was started with size ${row.size}, not ${chunk.size}; ${row.received} bytes received.`,
    );
  }
  if (chunk.offset !== row.received) {
    throw new HubError(
      409,
      'conflict',
      `The hub has received ${row.received} bytes of this blob; send the chunk at offset ${row.received}.`,
    );
  }
  if (chunk.offset + chunk.bytes.length > chunk.size) {
    throw new HubError(400, 'invalid_request', 'This chunk runs past the size of the blob.');
  }
  if (chunk.bytes.length === 0 && chunk.size > 0) {
    throw new HubError(400, 'invalid_request', 'The chunk is empty.');
  }
}

/**
 * Stores one chunk; the chunk must start where the hub stopped. The last chunk completes the
 * blob if its bytes hash to `hash`; if they do not, the upload is discarded (a 422).
 */
export async function putChunk(ctx: HubContext, actor: Actor, chunk: Chunk): Promise<BlobStatus> {
  const { hash } = chunk;
  const result = await ctx.db.tx(async (q) => {
    const now = ctx.now();
    await q.query(
      `INSERT INTO blobs (workspace_id, hash, size, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (workspace_id, hash) DO NOTHING`,
      [actor.workspaceId, hash, chunk.size, actor.userId, now],
    );
    const { rows } = await q.query<BlobRow>(
      'SELECT size, received, complete FROM blobs WHERE workspace_id = $1 AND hash = $2 FOR UPDATE',
      [actor.workspaceId, hash],
    );
    const row = rows[0]!;
    // Someone else finished it first: this desk's copy is not needed any more.
    if (row.complete) return { status: statusOf(hash, row), mismatch: false };
    checkChunk(chunk, row);
    if (chunk.bytes.length > 0) {
      await q.query(
        'INSERT INTO blob_chunks (workspace_id, hash, "offset", data) VALUES ($1, $2, $3, $4)',
        [actor.workspaceId, hash, chunk.offset, chunk.bytes],
      );
    }
    const received = row.received + chunk.bytes.length;
    const complete = received === row.size;
    if (complete && (await digestOf(q, actor, hash)) !== hash) {
      // Committed, so the next try starts from nothing instead of stumbling on bad bytes.
      await q.query('DELETE FROM blobs WHERE workspace_id = $1 AND hash = $2', [
        actor.workspaceId,
        hash,
      ]);
      return { status: statusOf(hash, undefined), mismatch: true };
    }
    await q.query(
      'UPDATE blobs SET received = $3, complete = $4, updated_at = $5 WHERE workspace_id = $1 AND hash = $2',
      [actor.workspaceId, hash, received, complete, now],
    );
    return { status: statusOf(hash, { size: row.size, received, complete }), mismatch: false };
  });
  if (result.mismatch) {
    throw new HubError(
      422,
      'invalid_request',
      'The uploaded bytes do not hash to this SHA-256; the upload was discarded. Upload it again from offset 0.',
    );
  }
  return result.status;
}

/** The bytes of a complete blob of the actor's workspace. */
export function readBlob(q: Queryable, actor: Actor, hash: string): Promise<Buffer> {
  return readWorkspaceBlob(q, actor.workspaceId, hash);
}

/** The bytes of a complete blob of a workspace (the publishing worker acts for no member). */
export async function readWorkspaceBlob(
  q: Queryable,
  workspaceId: string,
  hash: string,
): Promise<Buffer> {
  const status = await blobStatus(q, { workspaceId }, hash);
  if (!status.complete) throw notFound('The attachment');
  const { rows } = await q.query<{ data: Uint8Array }>(
    'SELECT data FROM blob_chunks WHERE workspace_id = $1 AND hash = $2 ORDER BY "offset"',
    [workspaceId, hash],
  );
  return Buffer.concat(rows.map((row) => row.data));
}
