// Schema 3: publishing. How each channel publishes (its connector settings and secret), and one
// row per thing the hub must do on a platform — post, edit, delete — that workers take when due;
// and who reads each Telegram bot's updates (reaction counts, poll results).
import type { Migration } from './migration';

export const migration0003: Migration = {
  version: 3,
  name: 'publishing',
  sql: `
-- A channel's connector: settings desks may see, and a secret (bot token, signing secret) they
-- never receive. Saved only after the connector checked them.
CREATE TABLE channel_connectors (
  workspace_id text NOT NULL,
  channel_id text PRIMARY KEY,
  config jsonb NOT NULL,
  secret text,
  facts jsonb NOT NULL DEFAULT '{}',
  checked_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  FOREIGN KEY (workspace_id, channel_id) REFERENCES hub_channels (workspace_id, id) ON DELETE CASCADE
);

-- One thing to do on a platform for one copy. 'scheduled' rows wait for next_attempt_at;
-- a worker takes one (FOR UPDATE SKIP LOCKED) and marks it 'sending' under a lease; a lease that
-- ran out means a hub stopped mid-send, and the row is reconciled, not sent again blindly.
CREATE TABLE publications (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  update_id text NOT NULL REFERENCES hub_updates (id) ON DELETE CASCADE,
  channel_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('post', 'edit', 'delete')),
  -- The update's hub version whose content this sends (an edit is keyed by it too).
  content_version bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('scheduled', 'sending', 'done', 'failed', 'due', 'cancelled')),
  due_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  lease_owner text,
  lease_until timestamptz,
  -- Where the sent copy lives on the platform ({messageIds, url}); what the platform answered.
  ref jsonb,
  answer text,
  reason text,
  -- What was sent, exactly (the archive shows it).
  sent_content jsonb,
  sent_at timestamptz,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One live post per copy: a second schedule moves the first one, never adds a second post.
CREATE UNIQUE INDEX publications_one_post_idx ON publications (update_id)
  WHERE action = 'post' AND state <> 'cancelled';
-- One edit per (copy, version): a retry or a second hub never sends the same correction twice.
CREATE UNIQUE INDEX publications_one_edit_idx ON publications (update_id, action, content_version)
  WHERE action <> 'post' AND state <> 'cancelled';
CREATE INDEX publications_due_idx ON publications (next_attempt_at)
  WHERE state = 'scheduled';
CREATE INDEX publications_lease_idx ON publications (lease_until)
  WHERE state = 'sending';
CREATE INDEX publications_update_idx ON publications (update_id);

-- Which hub process reads a Telegram bot's updates (Telegram serves one reader at a time) under a
-- lease, and the offset it has confirmed up to. Keyed by the token's SHA-256, never the token.
CREATE TABLE telegram_pollers (
  token_hash text PRIMARY KEY,
  owner text NOT NULL,
  lease_until timestamptz NOT NULL,
  next_offset bigint NOT NULL DEFAULT 0
);

-- Pushed mutations' stored answers are needed while a desk may send them again; kept for a while.
ALTER TABLE sync_results ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
`,
};
