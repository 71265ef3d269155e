// Attachments: chunked, resumable, content-addressed uploads per workspace, checked by SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { createTestHub, seedTeam } from './test-hub';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(DB_KINDS)('attachments on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let token: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    token = team.members.contributor.token;
  });
  afterEach(() => t.close());

  const put = (hash: string, offset: number, size: number, chunk: Buffer, as = token) =>
    t.hub.app.inject({
      method: 'PUT',
      url: `/v1/blobs/${hash}?offset=${offset}&size=${size}`,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/octet-stream' },
      payload: chunk,
    });
  const status = async (hash: string, as = token) =>
    (await t.api('GET', `/v1/blobs/${hash}/status`, { token: as })).json;

  it('takes a blob in chunks, resumes after a lost chunk, and serves it back', async () => {
    const bytes = randomBytes(BLOB_CHUNK_BYTES * 2 + 1234);
    const hash = sha256(bytes);
    const size = bytes.length;
    expect(await status(hash)).toEqual({ hash, size: null, received: 0, complete: false });
    const first = await put(hash, 0, size, bytes.subarray(0, BLOB_CHUNK_BYTES));
    expect(first.json()).toEqual({ hash, size, received: BLOB_CHUNK_BYTES, complete: false });
    // The second chunk is "lost"; the desk sends the third, is told where to resume.
    const skipped = await put(
      hash,
      BLOB_CHUNK_BYTES * 2,
      size,
      bytes.subarray(BLOB_CHUNK_BYTES * 2),
    );
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.message).toContain(`${BLOB_CHUNK_BYTES} bytes`);
    expect((await t.api('GET', `/v1/blobs/${hash}`, { token })).status).toBe(404);
    const resumeAt = (await status(hash)) as { received: number };
    for (let offset = resumeAt.received; offset < size; offset += BLOB_CHUNK_BYTES) {
      const res = await put(hash, offset, size, bytes.subarray(offset, offset + BLOB_CHUNK_BYTES));
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await status(hash)).toEqual({ hash, size, received: size, complete: true });
    const download = await t.hub.app.inject({
      method: 'GET',
      url: `/v1/blobs/${hash}`,
      headers: { authorization: `Bearer ${team.members.editor.token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.rawPayload.equals(bytes)).toBe(true);
    // Blobs are per workspace: the other newsroom has none of it.
    const rival = team.other.owner.token;
    expect(await status(hash, rival)).toMatchObject({ received: 0, complete: false });
    expect((await t.api('GET', `/v1/blobs/${hash}`, { token: rival })).status).toBe(404);
  });

  it('discards an upload whose bytes do not match its hash', async () => {
    const bytes = randomBytes(1000);
    const wrongHash = sha256(Buffer.from('something else'));
    const res = await put(wrongHash, 0, bytes.length, bytes);
    expect(res.statusCode).toBe(422);
    expect(await status(wrongHash)).toEqual({
      hash: wrongHash,
      size: null,
      received: 0,
      complete: false,
    });
    const empty = Buffer.alloc(0);
    const emptyDone = await put(sha256(empty), 0, 0, empty);
    expect(emptyDone.json()).toMatchObject({ size: 0, complete: true });
  });

  it('refuses chunks that do not fit: wrong size, past the end, too big, not bytes', async () => {
    const bytes = randomBytes(100);
    const hash = sha256(bytes);
    expect((await put(hash, 0, 100, bytes.subarray(0, 50))).statusCode).toBe(200);
    const resized = await put(hash, 50, 120, bytes.subarray(50));
    expect(resized.statusCode).toBe(409);
    expect((await put(hash, 50, 100, Buffer.concat([bytes.subarray(50), bytes]))).statusCode).toBe(
      400,
    );
    expect((await put(hash, 0, 60 * 1024 * 1024, bytes)).statusCode).toBe(400);
    expect((await put(hash, 50, 100, Buffer.alloc(BLOB_CHUNK_BYTES + 1))).statusCode).toBe(413);
    const json = await t.api('PUT', `/v1/blobs/${hash}?offset=50&size=100`, {
      token,
      body: { bytes: 'abc' },
    });
    expect(json.status).toBe(400);
    expect((await put('not-a-hash', 0, 100, bytes)).statusCode).toBe(400);
    expect((await t.api('GET', `/v1/blobs/${hash}/status`)).status).toBe(401);
    expect(await status(hash)).toMatchObject({ received: 50, complete: false });
  });
});
