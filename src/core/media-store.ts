// Attachments copied into the data folder, addressed by the SHA-256 of their bytes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeskError } from '../shared/contract';
import type { Attachment, AttachmentKind } from '../shared/domain';
import { MAX_ATTACHMENT_BYTES } from '../shared/schemas';

/** A thumbnail is small: anything larger was not made by the desk. */
const MAX_THUMBNAIL_BYTES = 512 * 1024;

export interface MediaStore {
  add(input: {
    name: string;
    mime: string;
    data: Buffer;
    thumbnail: Buffer | null;
  }): Promise<Attachment>;
  read(hash: string): Promise<{ mime: string; data: Buffer }>;
  has(hash: string): Promise<boolean>;
  /** Where a stored file's bytes are (for uploads that read it in chunks). */
  pathOf(hash: string): string;
  /** Stores bytes fetched from a hub; refuses them unless their SHA-256 is `hash`. */
  putFetched(hash: string, mime: string, data: Buffer): Promise<void>;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export function kindOfMime(mime: string): AttachmentKind {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

/** The image type a thumbnail really is, from its first bytes; null if it is neither JPEG nor PNG. */
export function sniffThumbnailMime(data: Buffer): 'image/jpeg' | 'image/png' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length > 8 && png.every((b, i) => data[i] === b)) return 'image/png';
  return null;
}

export function createMediaStore(dataDir: string): MediaStore {
  const root = join(dataDir, 'media');
  const pathOf = (hash: string): string => join(root, hash.slice(0, 2), hash);

  async function exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }

  /** Writes once, durably: temp file, fsync, rename. Same bytes → same name, so nothing is stored twice. */
  async function put(data: Buffer, mime: string): Promise<string> {
    const hash = sha256(data);
    const path = pathOf(hash);
    if (await exists(path)) return hash;
    await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await writeFile(`${path}.json`, JSON.stringify({ mime }));
    await rename(tmp, path);
    return hash;
  }

  return {
    async add({ name, mime, data, thumbnail }) {
      if (data.length === 0)
        throw new DeskError('invalid_argument', `The file "${name}" is empty.`);
      if (data.length > MAX_ATTACHMENT_BYTES) {
        throw new DeskError('invalid_argument', `The file "${name}" is larger than 50 MB.`);
      }
      const kind = kindOfMime(mime);
      let thumbHash: string | null = null;
      if (thumbnail) {
        const thumbMime = sniffThumbnailMime(thumbnail);
        if (kind !== 'image' || !thumbMime || thumbnail.length > MAX_THUMBNAIL_BYTES) {
          throw new DeskError(
            'invalid_argument',
            'The thumbnail must be a small JPEG or PNG of an image.',
          );
        }
        thumbHash = await put(thumbnail, thumbMime);
      }
      const hash = await put(data, mime);
      return { hash, name, mime, kind, size: data.length, thumbHash };
    },
    has: (hash) => exists(pathOf(hash)),
    pathOf,
    async putFetched(hash, mime, data) {
      if (sha256(data) !== hash)
        throw new Error(`The file fetched for ${hash} has other contents.`);
      await put(data, mime);
    },
    async read(hash) {
      const path = pathOf(hash);
      if (!(await exists(path)))
        throw new DeskError('not_found', 'That file is not in the data folder.');
      const meta = JSON.parse(await readFile(`${path}.json`, 'utf8').catch(() => '{}')) as {
        mime?: string;
      };
      return { mime: meta.mime ?? 'application/octet-stream', data: await readFile(path) };
    },
  };
}
