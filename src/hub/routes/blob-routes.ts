// Attachments: upload status, chunked upload (raw bytes) and download, per workspace.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import { blobStatus, putChunk, readBlob } from '../sync/blob-service';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas';
import { BLOB_CHUNK_BYTES, blobHashSchema, blobStatusSchema } from '../../shared/sync/protocol';

/**
 * An octet-stream body as the route sees it. The bytes live in a private field so that generic
 * body checks (which walk a body's own properties) pass over them instead of visiting every byte.
 */
export class RawBody {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

const hashParamsSchema = z.strictObject({ hash: blobHashSchema });
const chunkQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  size: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_ATTACHMENT_BYTES, `an attachment is at most ${MAX_ATTACHMENT_BYTES} bytes`),
});
// A request without a body and without a content type reaches the handler as undefined.
const chunkBodySchema = z
  .instanceof(RawBody, { message: 'send the bytes as application/octet-stream' })
  .optional();

/** Lets this scope (and only it) read application/octet-stream bodies, as RawBody. */
export function acceptOctetStream(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, new RawBody(body as Buffer)),
  );
}

/** Registers the blob routes; `router` must belong to a scope that ran `acceptOctetStream`. */
export function registerBlobRoutes(router: Router, ctx: HubContext): void {
  const tags = ['attachments'];

  router.add({
    method: 'GET',
    url: '/v1/blobs/:hash/status',
    summary: 'How much of an attachment the hub has',
    tags,
    auth: true,
    params: hashParamsSchema,
    responses: { 200: { description: 'Upload status', schema: blobStatusSchema } },
    async handler({ session, params }) {
      return blobStatus(ctx.db, session, params.hash);
    },
  });

  router.add({
    method: 'PUT',
    url: '/v1/blobs/:hash',
    summary: 'Upload one chunk (application/octet-stream) starting at the received count',
    tags,
    auth: true,
    params: hashParamsSchema,
    query: chunkQuerySchema,
    body: chunkBodySchema,
    bodyLimit: BLOB_CHUNK_BYTES,
    responses: { 200: { description: 'Upload status', schema: blobStatusSchema } },
    async handler({ session, params, query, body }) {
      return putChunk(ctx, session, {
        hash: params.hash,
        offset: query.offset,
        size: query.size,
        bytes: body?.bytes ?? Buffer.alloc(0),
      });
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/blobs/:hash',
    summary: "An attachment's bytes (once complete)",
    tags,
    auth: true,
    params: hashParamsSchema,
    responses: { 200: { description: 'The bytes (application/octet-stream)' } },
    async handler({ session, params, reply }) {
      const bytes = await readBlob(ctx.db, session, params.hash);
      reply.type('application/octet-stream');
      return bytes;
    },
  });
}
