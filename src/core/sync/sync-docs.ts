// Between the desk's stored records and the documents the hub holds: desk-only fields are
// dropped on the way out and the hub's stamp is added on the way in.
import type { Channel, HubStamp } from '../../shared/domain';
import type {
  Change,
  ChannelDoc,
  RecordKind,
  SyncRecord,
  UpdateDoc,
} from '../../shared/sync/protocol';
import { CHANNELS_SHARD, isUpdatesShard, updatesShard } from '../engine-context';
import type { Effect } from '../store/store-types';
import type { UpdateRecord } from '../update-records';

export function kindOfShard(shard: string): RecordKind | null {
  if (shard === CHANNELS_SHARD) return 'channel';
  return isUpdatesShard(shard) ? 'update' : null;
}

export function shardOf(kind: RecordKind, channelId: string): string {
  return kind === 'channel' ? CHANNELS_SHARD : updatesShard(channelId);
}

export function channelDoc(c: Channel): ChannelDoc {
  return {
    id: c.id,
    name: c.name,
    platform: c.platform,
    timeZone: c.timeZone,
    language: c.language,
    description: c.description,
    slots: c.slots,
    archived: c.archived,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    // Only when set, so channels without workflow settings stay as hubs of every version hold them.
    ...(c.workflow ? { workflow: c.workflow } : {}),
  };
}

export function updateDoc(u: UpdateRecord): UpdateDoc {
  return {
    id: u.id,
    storyId: u.storyId,
    channelId: u.channelId,
    customized: u.customized,
    schedule: u.schedule,
    status: u.status,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    deletedAt: u.deletedAt,
    text: u.text,
    attachments: u.attachments,
    poll: u.poll,
    shared: u.shared
      ? { text: u.shared.text, attachments: u.shared.attachments, poll: u.shared.poll }
      : null,
    conflict: u.conflict ?? null,
    // Workflow fields only when set: most copies never have them, and absent is their default.
    ...(u.review ? { review: u.review } : {}),
    ...(u.embargoUntil ? { embargoUntil: u.embargoUntil } : {}),
    ...(u.silent ? { silent: true } : {}),
    ...(u.tags && u.tags.length > 0 ? { tags: u.tags } : {}),
    delivery: u.delivery ?? null,
    engagement: u.engagement ?? null,
    // Only when set, like the workflow fields: copies made before authors were kept have none.
    ...(u.author ? { author: u.author } : {}),
  };
}

export function docOf(kind: RecordKind, record: unknown): ChannelDoc | UpdateDoc | null {
  if (record === null || record === undefined) return null;
  return kind === 'channel' ? channelDoc(record as Channel) : updateDoc(record as UpdateRecord);
}

/** A journaled effect as the hub sees it; null for effects on the desk's own shards. */
export function changeOf(effect: Effect): Change | null {
  const kind = kindOfShard(effect.shard);
  if (!kind) return null;
  const before = docOf(kind, effect.before ?? null);
  const after = docOf(kind, effect.record);
  return { kind, id: effect.id, before, after } as Change;
}

/** The record the desk stores for a record pulled from the hub (null: deleted there). */
export function localRecordOf(
  kind: RecordKind,
  doc: ChannelDoc | UpdateDoc | null,
  stamp: HubStamp | undefined,
): Channel | UpdateRecord | null {
  if (doc === null) return null;
  if (kind === 'channel') {
    const channel: Channel = { ...(doc as ChannelDoc) };
    if (stamp) channel.hub = stamp;
    return channel;
  }
  const u = doc as UpdateDoc;
  const record: UpdateRecord = { ...u, syncState: 'synced', conflict: u.conflict ?? null };
  if (stamp) record.hub = stamp;
  return record;
}

export function stampOf(rec: SyncRecord): HubStamp | undefined {
  return rec.stamp
    ? { version: rec.version, by: rec.stamp.by, at: rec.stamp.at, mutation: rec.stamp.mutation }
    : undefined;
}
