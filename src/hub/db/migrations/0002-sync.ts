// Schema 2: sync. A commit-ordered version counter per workspace, versioned channels and updates,
// per-record history, desks' push positions with their stored results, and attachment blobs.
import type { Migration } from './migration';

export const migration0002: Migration = {
  version: 2,
  name: 'sync',
  sql: `
-- Every transaction that changes synced records locks its workspace's row here first and takes
-- versions from it; the lock is held until COMMIT, so versions become visible in order.
CREATE TABLE sync_counters (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO sync_counters (workspace_id, version) SELECT id, 0 FROM workspaces;

ALTER TABLE hub_channels ADD COLUMN version bigint;
ALTER TABLE hub_channels ADD COLUMN updated_by text REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE hub_channels ADD COLUMN stamp_mutation text;
-- When the hub took the last write (updated_at is the channel's own edit time, from the desk).
ALTER TABLE hub_channels ADD COLUMN stamped_at timestamptz;

-- Channels made before sync get versions 1…n of their workspace, oldest first.
WITH numbered AS (
  SELECT id, row_number() OVER (PARTITION BY workspace_id ORDER BY created_at, id) AS n
    FROM hub_channels
)
UPDATE hub_channels c
   SET version = numbered.n, updated_by = c.created_by, stamp_mutation = 'createChannel',
       stamped_at = c.updated_at
  FROM numbered WHERE c.id = numbered.id;
UPDATE sync_counters s
   SET version = (SELECT count(*) FROM hub_channels c WHERE c.workspace_id = s.workspace_id);
ALTER TABLE hub_channels ALTER COLUMN version SET NOT NULL;
ALTER TABLE hub_channels ALTER COLUMN stamp_mutation SET NOT NULL;
ALTER TABLE hub_channels ALTER COLUMN stamped_at SET NOT NULL;
CREATE INDEX hub_channels_version_idx ON hub_channels (workspace_id, version);

-- One copy of a story on one channel; doc NULL is a deleted copy (a tombstone desks pull).
CREATE TABLE hub_updates (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id text NOT NULL,
  story_id text NOT NULL,
  doc jsonb,
  version bigint NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  stamp_mutation text NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (workspace_id, channel_id) REFERENCES hub_channels (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX hub_updates_version_idx ON hub_updates (workspace_id, version);
CREATE INDEX hub_updates_channel_idx ON hub_updates (workspace_id, channel_id);

-- What each write did to each record: who, which fields, and what it replaced.
CREATE TABLE record_history (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('channel', 'update')),
  record_id text NOT NULL,
  version bigint NOT NULL,
  user_id text REFERENCES users (id) ON DELETE SET NULL,
  mutation text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'merged', 'conflict')),
  fields jsonb NOT NULL,
  -- [{field, value, by: {id, name}}]: values of someone else's that this write replaced.
  overwritten jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX record_history_record_idx ON record_history (workspace_id, record_id, version);

-- A desk install's push position; the client id belongs to the member who registered it.
CREATE TABLE sync_clients (
  workspace_id text NOT NULL,
  client_id text NOT NULL,
  user_id text NOT NULL,
  last_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, client_id),
  FOREIGN KEY (workspace_id, user_id) REFERENCES members (workspace_id, user_id) ON DELETE CASCADE
);

-- The answer given to each pushed mutation, so that a re-sent one gets the same answer.
CREATE TABLE sync_results (
  workspace_id text NOT NULL,
  client_id text NOT NULL,
  seq bigint NOT NULL,
  mutation_id text NOT NULL,
  result jsonb NOT NULL,
  PRIMARY KEY (workspace_id, client_id, seq),
  FOREIGN KEY (workspace_id, client_id) REFERENCES sync_clients (workspace_id, client_id) ON DELETE CASCADE
);

-- Attachments by SHA-256, per workspace, uploaded in chunks that are stored as they arrive.
CREATE TABLE blobs (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  hash text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  complete boolean NOT NULL DEFAULT false,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, hash)
);
CREATE TABLE blob_chunks (
  workspace_id text NOT NULL,
  hash text NOT NULL,
  "offset" bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (workspace_id, hash, "offset"),
  FOREIGN KEY (workspace_id, hash) REFERENCES blobs (workspace_id, hash) ON DELETE CASCADE
);
`,
};
