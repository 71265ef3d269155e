// Internal comments on a story in review, the colleagues they mention, and each member's inbox of
// mentions. Comments stay on the hub: no feed, webhook or platform connector reads this table.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { newId } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { HubError, forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import { titleOf } from '../../shared/formatting';
import type {
  Inbox,
  InboxItem,
  Person,
  StoryComment,
} from '../../shared/workflow/comment-protocol';

interface CommentRow {
  id: string;
  story_id: string;
  author_id: string | null;
  body: string;
  mentions: string[];
  read_by: string[];
  at: Date;
}

const COMMENT_COLUMNS = 'id, story_id, author_id, body, mentions, read_by, at';

/**
 * The channels a story has copies on, in the actor's workspace. A story of another workspace, or
 * one with no copy left, is "not found": its existence is not the actor's business.
 */
async function storyChannels(q: Queryable, actor: Actor, storyId: string): Promise<string[]> {
  const { rows } = await q.query<{ channel_id: string }>(
    `SELECT DISTINCT channel_id FROM hub_updates
      WHERE workspace_id = $1 AND story_id = $2 AND doc IS NOT NULL`,
    [actor.workspaceId, storyId],
  );
  if (rows.length === 0) throw notFound('The story');
  return rows.map((r) => r.channel_id);
}

/** Whoever may write a draft on one of the story's channels may read and join its discussion. */
async function requireCommenter(q: Queryable, actor: Actor, storyId: string): Promise<void> {
  const channelIds = await storyChannels(q, actor, storyId);
  const allowed = channelIds.some((id) =>
    can(actor, 'create_draft', { id, workspaceId: actor.workspaceId }),
  );
  if (!allowed) {
    throw forbidden(
      'You can comment only on stories that have a copy on a channel where you write drafts.',
    );
  }
}

/** Display names by user id (including people who left the workspace since). */
async function namesOf(q: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(unique)],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

async function toComments(q: Queryable, rows: CommentRow[]): Promise<StoryComment[]> {
  const names = await namesOf(
    q,
    rows.flatMap((r) => (r.author_id ? [r.author_id, ...r.mentions] : r.mentions)),
  );
  const person = (id: string): Person => ({ id, name: names.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id,
    storyId: r.story_id,
    author: r.author_id && names.has(r.author_id) ? person(r.author_id) : null,
    body: r.body,
    mentions: r.mentions.map(person),
    at: r.at.toISOString(),
  }));
}

/** A story's comments, oldest first. */
export async function listComments(
  q: Queryable,
  actor: Actor,
  storyId: string,
): Promise<StoryComment[]> {
  await requireCommenter(q, actor, storyId);
  const { rows } = await q.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM story_comments
      WHERE workspace_id = $1 AND story_id = $2 ORDER BY at, id`,
    [actor.workspaceId, storyId],
  );
  return toComments(q, rows);
}

/** Refuses mentions of anyone who is not a member of the actor's workspace. */
async function checkMentions(q: Queryable, actor: Actor, mentions: string[]): Promise<void> {
  if (mentions.length === 0) return;
  const { rows } = await q.query<{ user_id: string }>(
    `SELECT user_id FROM members
      WHERE workspace_id = $1 AND user_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [actor.workspaceId, JSON.stringify(mentions)],
  );
  const members = new Set(rows.map((r) => r.user_id));
  const strangers = mentions.flatMap((id, i) => (members.has(id) ? [] : [{ id, i }]));
  if (strangers.length === 0) return;
  throw new HubError(
    400,
    'invalid_request',
    strangers.length === 1
      ? 'A comment can mention only members of this workspace, and one of the people named is not.'
      : `A comment can mention only members of this workspace, and ${strangers.length} of the people named are not.`,
    strangers.map(({ i }) => ({
      path: `body.mentions.${i}`,
      message: 'not a member of this workspace',
    })),
  );
}

/** Adds a comment by the actor; mentions must name members of the workspace. */
export async function addComment(
  ctx: HubContext,
  actor: Actor,
  storyId: string,
  request: { body: string; mentions: string[] },
): Promise<StoryComment> {
  const mentions = [...new Set(request.mentions)];
  const row = await ctx.db.tx(async (q) => {
    await requireCommenter(q, actor, storyId);
    await checkMentions(q, actor, mentions);
    const { rows } = await q.query<CommentRow>(
      `INSERT INTO story_comments (id, workspace_id, story_id, author_id, body, mentions, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COMMENT_COLUMNS}`,
      [
        newId(),
        actor.workspaceId,
        storyId,
        actor.userId,
        request.body,
        JSON.stringify(mentions),
        ctx.now(),
      ],
    );
    return rows[0]!;
  });
  const [comment] = await toComments(ctx.db, [row]);
  return comment!;
}

interface TitleRow {
  story_id: string;
  customized: boolean | null;
  text: string | null;
  shared_text: string | null;
}

/** Each story's title from its shared text: a copy that follows it, else what a variant keeps. */
async function storyTitles(
  q: Queryable,
  workspaceId: string,
  storyIds: string[],
): Promise<Map<string, string>> {
  if (storyIds.length === 0) return new Map();
  const { rows } = await q.query<TitleRow>(
    `SELECT story_id, (doc->>'customized')::boolean AS customized, doc->>'text' AS text,
            doc->'shared'->>'text' AS shared_text
       FROM hub_updates
      WHERE workspace_id = $1 AND doc IS NOT NULL
        AND story_id IN (SELECT jsonb_array_elements_text($2::jsonb))
      ORDER BY story_id, (doc->>'createdAt'), id`,
    [workspaceId, JSON.stringify([...new Set(storyIds)])],
  );
  const byStory = new Map<string, TitleRow[]>();
  for (const r of rows) byStory.set(r.story_id, [...(byStory.get(r.story_id) ?? []), r]);
  const titles = new Map<string, string>();
  for (const [storyId, copies] of byStory) {
    const follower = copies.find((c) => !c.customized && c.text !== null);
    const keeper = copies.find((c) => c.shared_text !== null);
    titles.set(storyId, titleOf(follower?.text ?? keeper?.shared_text ?? copies[0]?.text ?? ''));
  }
  return titles;
}

const mentionOf = (userId: string) => JSON.stringify([userId]);

/** Comments that mention the actor, newest first, a page at a time. */
export async function inboxOf(
  q: Queryable,
  actor: Actor,
  page: { before?: string | undefined; limit: number },
): Promise<Inbox> {
  const params: unknown[] = [actor.workspaceId, mentionOf(actor.userId), page.limit + 1];
  let after = '';
  if (page.before !== undefined) {
    params.push(page.before);
    // Keyset paging: stable while new comments arrive on top.
    after = `AND (at, id) < (SELECT at, id FROM story_comments
                              WHERE id = $4 AND workspace_id = $1 AND mentions @> $2::jsonb)`;
  }
  const { rows } = await q.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM story_comments
      WHERE workspace_id = $1 AND mentions @> $2::jsonb ${after}
      ORDER BY at DESC, id DESC LIMIT $3`,
    params,
  );
  const shown = rows.slice(0, page.limit);
  const comments = await toComments(q, shown);
  const titles = await storyTitles(
    q,
    actor.workspaceId,
    shown.map((r) => r.story_id),
  );
  const items = comments.map<InboxItem>((c, i) => ({
    ...c,
    storyTitle: titles.get(c.storyId) ?? '',
    unread: !shown[i]!.read_by.includes(actor.userId),
  }));
  return {
    items,
    unread: await unreadCount(q, actor),
    nextBefore: rows.length > page.limit ? (shown.at(-1)?.id ?? null) : null,
  };
}

async function unreadCount(q: Queryable, actor: Actor): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM story_comments
      WHERE workspace_id = $1 AND mentions @> $2::jsonb AND NOT read_by @> $2::jsonb`,
    [actor.workspaceId, mentionOf(actor.userId)],
  );
  return rows[0]?.n ?? 0;
}

/** Marks every comment that mentions the actor as read by them. */
export async function markInboxRead(q: Queryable, actor: Actor): Promise<{ unread: number }> {
  const mention = mentionOf(actor.userId);
  await q.query(
    `UPDATE story_comments SET read_by = read_by || $2::jsonb
      WHERE workspace_id = $1 AND mentions @> $2::jsonb AND NOT read_by @> $2::jsonb`,
    [actor.workspaceId, mention],
  );
  return { unread: await unreadCount(q, actor) };
}
