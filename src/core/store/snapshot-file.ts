// Snapshot files, written through lowdb's adapter interface: one JSON document per shard in
// `snapshots/`, and `meta.json` saying which journal entries the snapshots already contain.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { Low } from 'lowdb';
import { writeFileAtomic } from './fs-durable';
import type { ShardKey } from './store-types';

const SHARD_FORMAT = 'channel-desk/shard';
const META_FORMAT = 'channel-desk/store';
const FORMAT_VERSION = 1;
/** Longer encoded keys are cut and given a hash, to stay well inside file-name limits. */
const MAX_ENCODED_KEY_CHARS = 150;
const HASHED_MARK = '~~';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/;

/** One shard as stored: records as [id, record] pairs (an object would reorder numeric ids). */
export interface ShardDoc {
  format: typeof SHARD_FORMAT;
  version: number;
  key: ShardKey;
  /** The last journal seq when the shard was captured (for diagnosis; replay does not need it). */
  seq: number;
  records: [string, unknown][];
}

/** meta.json: every effect with seq ≤ checkpointSeq is in the snapshots. */
export interface StoreMeta {
  format: typeof META_FORMAT;
  version: number;
  checkpointSeq: number;
  /** Highest seq a hub has acknowledged; journal entries above it are the outbox. */
  ackedSeq: number;
  shards: ShardKey[];
  /**
   * Set when a shard could not be rebuilt whole (its history was acknowledged and removed): the
   * records must be pulled again from the hub. Absent in files written before it existed.
   */
  needsFullResync?: boolean;
  writtenAt: string;
}

/** A lowdb adapter for a JSON file that is replaced atomically; `read` throws on damaged JSON. */
export class AtomicJsonFile<T> implements Adapter<T> {
  /** Whether the last `read` found the file (lowdb maps both "no file" and a falsy document to null). */
  found = false;

  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.found = true;
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    // Serialised before the first await, so the file holds the data as it was when write was called.
    const text = JSON.stringify(data);
    return writeFileAtomic(this.file, text);
  }
}

/** A file's content: missing, readable, or damaged (with the reason). */
export type ReadResult<T> =
  { state: 'missing' } | { state: 'ok'; value: T } | { state: 'damaged'; reason: string };

/** A file-system-safe, case-insensitively unique file name for a shard key. */
export function shardFileName(key: ShardKey): string {
  let encoded = '';
  for (const char of key) {
    encoded += /^[a-z0-9._-]$/.test(char) ? char : escapeChar(char);
  }
  // A leading dot would look like a temp file; reserved names cannot be created on Windows.
  if (encoded.startsWith('.') || WINDOWS_RESERVED.test(encoded))
    encoded = escapeChar(encoded[0]!) + encoded.slice(1);
  if (encoded.length > MAX_ENCODED_KEY_CHARS) {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
    encoded =
      encoded.slice(0, MAX_ENCODED_KEY_CHARS - 20).replace(/~[0-9a-f]?$/, '') + HASHED_MARK + hash;
  }
  return `${encoded}.json`;
}

/** `~hh` for each UTF-8 byte of the character. */
function escapeChar(char: string): string {
  return Buffer.from(char, 'utf8').toString('hex').replace(/../g, '~$&');
}

/** The key a shard file name stands for, or null when the name was shortened with a hash. */
export function shardKeyOfFileName(name: string): ShardKey | null {
  if (!name.endsWith('.json') || name.startsWith('.') || name.includes(HASHED_MARK)) return null;
  const bytes: number[] = [];
  const stem = name.slice(0, -'.json'.length);
  for (let i = 0; i < stem.length; i++) {
    if (stem[i] === '~') {
      bytes.push(parseInt(stem.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(stem.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Reads and checks a shard's snapshot. */
export async function readShardFile(file: string, key: ShardKey): Promise<ReadResult<ShardDoc>> {
  const result = await readThroughLow<ShardDoc>(file);
  if (result.state !== 'ok') return result;
  const doc = result.value;
  if (doc?.format !== SHARD_FORMAT || doc.version !== FORMAT_VERSION)
    return damaged('not a shard snapshot');
  if (doc.key !== key) return damaged(`holds shard "${String(doc.key)}", expected "${key}"`);
  if (!Number.isSafeInteger(doc.seq) || !Array.isArray(doc.records))
    return damaged('missing fields');
  const pairsOk = doc.records.every(
    (pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string',
  );
  return pairsOk ? result : damaged('malformed records');
}

/** Writes a shard's snapshot atomically. */
export async function writeShardFile(
  file: string,
  key: ShardKey,
  seq: number,
  records: Map<string, unknown>,
): Promise<void> {
  const doc: ShardDoc = {
    format: SHARD_FORMAT,
    version: FORMAT_VERSION,
    key,
    seq,
    records: [...records],
  };
  await new Low<ShardDoc>(new AtomicJsonFile<ShardDoc>(file), doc).write();
}

/** The key recorded inside a shard file (for files whose name does not say it). */
export async function readShardKeyInside(file: string): Promise<ShardKey | null> {
  const result = await readThroughLow<ShardDoc>(file);
  return result.state === 'ok' && typeof result.value?.key === 'string' ? result.value.key : null;
}

/** Shard keys of every snapshot file in `snapshotsDir` (used when meta.json is lost). */
export async function listShardKeysOnDisk(snapshotsDir: string): Promise<ShardKey[]> {
  const keys: ShardKey[] = [];
  for (const name of await readdir(snapshotsDir)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const key =
      shardKeyOfFileName(name) ?? (await readShardKeyInside(path.join(snapshotsDir, name)));
    if (key !== null && shardFileName(key) === name) keys.push(key);
  }
  return keys;
}

/** Reads and checks meta.json. */
export async function readMeta(file: string): Promise<ReadResult<StoreMeta>> {
  const result = await readThroughLow<StoreMeta>(file);
  if (result.state !== 'ok') return result;
  const meta = result.value;
  if (meta?.format !== META_FORMAT || meta.version !== FORMAT_VERSION)
    return damaged('not a store meta file');
  const seqsOk = [meta.checkpointSeq, meta.ackedSeq].every(
    (n) => Number.isSafeInteger(n) && n >= 0,
  );
  const shardsOk = Array.isArray(meta.shards) && meta.shards.every((k) => typeof k === 'string');
  const flagOk = meta.needsFullResync === undefined || typeof meta.needsFullResync === 'boolean';
  return seqsOk && shardsOk && flagOk ? result : damaged('malformed fields');
}

/** Writes meta.json atomically. */
export async function writeMeta(
  file: string,
  fields: Pick<StoreMeta, 'checkpointSeq' | 'ackedSeq' | 'shards' | 'needsFullResync'>,
): Promise<void> {
  const meta: StoreMeta = {
    format: META_FORMAT,
    version: FORMAT_VERSION,
    ...fields,
    writtenAt: new Date().toISOString(),
  };
  await new Low<StoreMeta>(new AtomicJsonFile<StoreMeta>(file), meta).write();
}

async function readThroughLow<T>(file: string): Promise<ReadResult<T>> {
  const adapter = new AtomicJsonFile<T | null>(file);
  const db = new Low<T | null>(adapter, null);
  try {
    await db.read();
  } catch (error) {
    // The parser quotes the bad bytes; keep the reason short and printable for the UI.
    if (error instanceof SyntaxError) return damaged(`not valid JSON: ${printable(error.message)}`);
    throw error;
  }
  if (!adapter.found) return { state: 'missing' };
  return db.data === null || typeof db.data !== 'object'
    ? damaged('not a JSON object')
    : { state: 'ok', value: db.data };
}

function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

function damaged(reason: string): { state: 'damaged'; reason: string } {
  return { state: 'damaged', reason };
}
