// Synced records as the hub holds them: loading channels and updates by id, turning them into the
// wire's SyncRecord, and writing many of them back with a few bulk statements.
import type { Queryable } from '../db/db';
import { HUB_AUTHOR_ID } from '../../shared/sync/protocol';
import type {
  ChannelDoc,
  RecordKind,
  Stamp,
  SyncRecord,
  UpdateDoc,
} from '../../shared/sync/protocol';
import type { Doc } from '../../shared/sync/merge';

/** One record with who last wrote it; `doc` null is a deleted update (a tombstone). */
export interface HubRecord {
  kind: RecordKind;
  id: string;
  workspaceId: string;
  /** The channel itself for a channel; the update's channel, which never changes. */
  channelId: string;
  /** The story an update belongs to (kept when it is deleted); '' for a channel. */
  storyId: string;
  doc: Doc | null;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  stampMutation: string;
  stampedAt: Date;
}

/** `kind:id`, the key of a record in maps. */
export const recordKey = (kind: RecordKind, id: string): string => `${kind}:${id}`;

/** The columns of hub_channels that make a channel's document. */
export interface ChannelDocRow {
  id: string;
  name: string;
  platform: ChannelDoc['platform'];
  time_zone: string;
  language: ChannelDoc['language'];
  description: string;
  slots: ChannelDoc['slots'];
  archived: boolean;
  created_at: Date;
  updated_at: Date;
  /** NULL: the workflow defaults. */
  workflow: ChannelDoc['workflow'] | null;
}

interface ChannelRow extends ChannelDocRow {
  workspace_id: string;
  version: number;
  created_by: string | null;
  updated_by: string | null;
  stamp_mutation: string;
  stamped_at: Date;
}

export const CHANNEL_RECORD_COLUMNS =
  'id, workspace_id, name, platform, time_zone, language, description, slots, archived, created_at, updated_at, workflow, version, created_by, updated_by, stamp_mutation, stamped_at';

/** A channel doc with its instants in the one form the hub stores (timestamptz → ISO, UTC). */
export function normalizeChannelDoc(doc: ChannelDoc): ChannelDoc {
  return {
    ...doc,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** A channel's document from its row. */
export function channelDocOfRow(row: ChannelDocRow): ChannelDoc {
  return {
    id: row.id,
    name: row.name,
    platform: row.platform,
    timeZone: row.time_zone,
    language: row.language,
    description: row.description,
    slots: row.slots,
    archived: row.archived,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.workflow ? { workflow: row.workflow } : {}),
  };
}

export function channelRecord(row: ChannelRow): HubRecord {
  return {
    kind: 'channel',
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.id,
    storyId: '',
    doc: channelDocOfRow(row),
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    stampMutation: row.stamp_mutation,
    stampedAt: row.stamped_at,
  };
}

interface UpdateRow {
  id: string;
  workspace_id: string;
  channel_id: string;
  story_id: string;
  doc: UpdateDoc | null;
  version: number;
  created_by: string | null;
  updated_by: string | null;
  stamp_mutation: string;
  updated_at: Date;
}

function updateRecord(row: UpdateRow): HubRecord {
  return {
    kind: 'update',
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    storyId: row.story_id,
    doc: row.doc,
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    stampMutation: row.stamp_mutation,
    stampedAt: row.updated_at,
  };
}

/**
 * The records with these ids, in ANY workspace (ids are unique across the hub; the caller treats
 * another workspace's record as not found). Absent ones are absent from the map.
 */
export async function loadRecords(
  q: Queryable,
  ids: { channels: readonly string[]; updates: readonly string[] },
): Promise<Map<string, HubRecord>> {
  const found = new Map<string, HubRecord>();
  if (ids.channels.length > 0) {
    const { rows } = await q.query<ChannelRow>(
      `SELECT ${CHANNEL_RECORD_COLUMNS} FROM hub_channels WHERE id = ANY($1::text[])`,
      [[...new Set(ids.channels)]],
    );
    for (const row of rows) found.set(recordKey('channel', row.id), channelRecord(row));
  }
  if (ids.updates.length > 0) {
    const { rows } = await q.query<UpdateRow>(
      `SELECT id, workspace_id, channel_id, story_id, doc, version, created_by, updated_by, stamp_mutation, updated_at
         FROM hub_updates WHERE id = ANY($1::text[])`,
      [[...new Set(ids.updates)]],
    );
    for (const row of rows) found.set(recordKey('update', row.id), updateRecord(row));
  }
  return found;
}

/** Display names of users by id (members who left keep their name; deleted users have none). */
export async function userNames(
  q: Queryable,
  userIds: Iterable<string | null>,
): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** Mutations the hub made by itself (publishing) start with this; they have no user. */
export const HUB_MUTATION_PREFIX = 'hub:';
/** Who the history and the stamps name for them. */
export const HUB_NAME = 'the hub';

/** What the hub calls someone whose account is gone. */
export const FORMER_MEMBER = 'a former member';

/** The {id, name} the wire carries for a user id. */
export function userRef(names: ReadonlyMap<string, string>, userId: string | null) {
  return { id: userId ?? '', name: (userId && names.get(userId)) || FORMER_MEMBER };
}

/**
 * Who last wrote a record, as the wire says it: a member, the hub itself (its publishing writes
 * have no user), or nobody (a record written before sync knew authors).
 */
export function stampOf(
  names: ReadonlyMap<string, string>,
  updatedBy: string | null,
  stampedAt: Date,
  mutation: string,
): Stamp | null {
  const at = stampedAt.toISOString();
  const name = mutation.slice(0, 64);
  if (updatedBy) return { by: userRef(names, updatedBy), at, mutation: name };
  if (mutation.startsWith(HUB_MUTATION_PREFIX)) {
    return { by: { id: HUB_AUTHOR_ID, name: HUB_NAME }, at, mutation: name };
  }
  return null;
}

/** The wire form of a record. */
export function toSyncRecord(record: HubRecord, names: ReadonlyMap<string, string>): SyncRecord {
  const stamp = stampOf(names, record.updatedBy, record.stampedAt, record.stampMutation);
  const common = { id: record.id, channelId: record.channelId, version: record.version, stamp };
  return record.kind === 'channel'
    ? { kind: 'channel', ...common, doc: record.doc as ChannelDoc | null }
    : { kind: 'update', ...common, doc: record.doc as UpdateDoc | null };
}

/** Inserts or replaces channels (their final state in one transaction), all of one workspace. */
export async function writeChannels(
  q: Queryable,
  workspaceId: string,
  records: readonly HubRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => {
    const doc = r.doc as ChannelDoc;
    return {
      id: r.id,
      name: doc.name,
      platform: doc.platform,
      time_zone: doc.timeZone,
      language: doc.language,
      description: doc.description,
      slots: doc.slots,
      archived: doc.archived,
      workflow: doc.workflow ?? null,
      created_by: r.createdBy,
      created_at: doc.createdAt,
      updated_at: doc.updatedAt,
      version: r.version,
      updated_by: r.updatedBy,
      stamp_mutation: r.stampMutation,
      stamped_at: r.stampedAt.toISOString(),
    };
  });
  const { rowCount } = await q.query(
    `INSERT INTO hub_channels (id, workspace_id, name, platform, time_zone, language, description, slots,
                               archived, workflow, created_by, created_at, updated_at, version, updated_by,
                               stamp_mutation, stamped_at)
     SELECT r.id, $1, r.name, r.platform, r.time_zone, r.language, r.description, r.slots, r.archived,
            r.workflow, r.created_by, r.created_at, r.updated_at, r.version, r.updated_by,
            r.stamp_mutation, r.stamped_at
       FROM jsonb_to_recordset($2::jsonb) AS r(id text, name text, platform text, time_zone text,
            language text, description text, slots jsonb, archived boolean, workflow jsonb, created_by text,
            created_at timestamptz, updated_at timestamptz, version bigint, updated_by text,
            stamp_mutation text, stamped_at timestamptz)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, language = EXCLUDED.language,
       description = EXCLUDED.description, slots = EXCLUDED.slots, archived = EXCLUDED.archived,
       workflow = EXCLUDED.workflow, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
       stamp_mutation = EXCLUDED.stamp_mutation, stamped_at = EXCLUDED.stamped_at
     WHERE hub_channels.workspace_id = EXCLUDED.workspace_id`,
    [workspaceId, JSON.stringify(rows)],
  );
  // The callers refuse other workspaces' ids; a row not written here would be a lost change.
  if (rowCount !== rows.length) throw new Error('a channel write did not land in its workspace');
}

/** Inserts or replaces updates (their final state in one transaction), all of one workspace. */
export async function writeUpdates(
  q: Queryable,
  workspaceId: string,
  records: readonly HubRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    channel_id: r.channelId,
    story_id: r.storyId,
    doc: r.doc,
    version: r.version,
    created_by: r.createdBy,
    updated_by: r.updatedBy,
    stamp_mutation: r.stampMutation,
    updated_at: r.stampedAt.toISOString(),
  }));
  const { rowCount } = await q.query(
    `INSERT INTO hub_updates (id, workspace_id, channel_id, story_id, doc, version, created_by,
                              updated_by, stamp_mutation, updated_at)
     SELECT r.id, $1, r.channel_id, r.story_id, r.doc, r.version, r.created_by, r.updated_by,
            r.stamp_mutation, r.updated_at
       FROM jsonb_to_recordset($2::jsonb) AS r(id text, channel_id text, story_id text, doc jsonb,
            version bigint, created_by text, updated_by text, stamp_mutation text, updated_at timestamptz)
     ON CONFLICT (id) DO UPDATE SET
       doc = EXCLUDED.doc, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
       stamp_mutation = EXCLUDED.stamp_mutation, updated_at = EXCLUDED.updated_at
     WHERE hub_updates.workspace_id = EXCLUDED.workspace_id`,
    [workspaceId, JSON.stringify(rows)],
  );
  if (rowCount !== rows.length) throw new Error('an update write did not land in its workspace');
}
