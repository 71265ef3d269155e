// Schema 4: the newsroom's workflow. Each channel's workflow settings (approval, quiet hours, loud
// caps, topics) as one document, and the internal comments editors leave on a story in review.
import type { Migration } from './migration';

export const migration0004: Migration = {
  version: 4,
  name: 'workflow',
  sql: `
-- NULL: the channel predates workflows, and the defaults hold (no approval, no quiet hours).
ALTER TABLE hub_channels ADD COLUMN workflow jsonb;

-- Comments on a story, never published. mentions: the user ids the comment names; read_by: those
-- of them who marked it read in their inbox.
CREATE TABLE story_comments (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  story_id text NOT NULL,
  author_id text REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL,
  mentions jsonb NOT NULL DEFAULT '[]',
  read_by jsonb NOT NULL DEFAULT '[]',
  at timestamptz NOT NULL
);
CREATE INDEX story_comments_story_idx ON story_comments (workspace_id, story_id, at);
CREATE INDEX story_comments_mentions_idx ON story_comments USING gin (mentions);

-- The audit trail reads a workspace's history newest first, a page at a time from a version.
CREATE INDEX record_history_audit_idx ON record_history (workspace_id, version DESC);
`,
};
