// Schema 5: the notification budget. Each sent post records whether it went out silently, so the
// scheduler can count a channel's loud posts of the last hour and of the day before the next one.
import type { Migration } from './migration';

export const migration0005: Migration = {
  version: 5,
  name: 'notification-budget',
  sql: `
-- Decided when a post is taken for sending; NULL for edits, deletes and rows sent before this.
ALTER TABLE publications ADD COLUMN silent boolean;

-- The loud posts of a channel, by the time they went out: what the hourly and daily caps count.
CREATE INDEX publications_loud_idx ON publications (channel_id, sent_at)
  WHERE action = 'post' AND silent = false AND state IN ('sending', 'done');
`,
};
