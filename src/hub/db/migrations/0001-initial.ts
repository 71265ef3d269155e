// Schema 1: workspaces, accounts, sessions, one-time tokens, sign-in attempts and channels.
import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Emails are stored lower-cased so that uniqueness ignores case.
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name text NOT NULL,
  -- NULL until an invited user chooses a password. Format: scrypt$N$r$p$salt$hash (base64url).
  password_hash text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE members (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'contributor')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX members_user_idx ON members (user_id);

CREATE TABLE hub_channels (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  platform text NOT NULL CHECK (platform IN ('telegram', 'whatsapp', 'webhook', 'feed')),
  time_zone text NOT NULL,
  language text NOT NULL,
  description text NOT NULL DEFAULT '',
  slots jsonb NOT NULL DEFAULT '[]',
  archived boolean NOT NULL DEFAULT false,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Lets channel_roles prove that a channel and a member belong to the same workspace.
  UNIQUE (workspace_id, id)
);

-- A channel role adds to the member's workspace role on one channel (owners need none).
CREATE TABLE channel_roles (
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  user_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'contributor')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (channel_id, user_id),
  FOREIGN KEY (workspace_id, channel_id) REFERENCES hub_channels (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES members (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX channel_roles_member_idx ON channel_roles (workspace_id, user_id);

-- Bearer tokens: only the SHA-256 of the token is kept, so a copy of the table signs nobody in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  user_agent text,
  FOREIGN KEY (workspace_id, user_id) REFERENCES members (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX sessions_member_idx ON sessions (workspace_id, user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE invite_tokens (
  token_hash text PRIMARY KEY,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (workspace_id, user_id) REFERENCES members (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX invite_tokens_member_idx ON invite_tokens (workspace_id, user_id);

-- One row per sign-in attempt, written before the password is checked so that parallel guesses
-- count against the limit too; 'refused' rows (over the limit) do not extend a lockout.
CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('pending', 'failed', 'succeeded', 'refused')),
  attempted_at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_email_idx ON sign_in_attempts (email, attempted_at);
CREATE INDEX sign_in_attempts_ip_idx ON sign_in_attempts (ip, attempted_at);
CREATE INDEX sign_in_attempts_time_idx ON sign_in_attempts (attempted_at);
`,
};
