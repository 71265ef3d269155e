// Review comments on the wire: the hub's comment and inbox routes' requests and answers, declared
// once with zod (the hub validates and documents with them, the desk checks the answers with them).
// Comments are internal: nothing that publishes (feeds, webhooks, platforms) ever reads them.
import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../schemas';

/** Longest comment, in characters, after trimming. */
export const MAX_COMMENT_CHARS = 4000;
/** Most colleagues one comment can mention. */
export const MAX_MENTIONS = 20;
/** Largest inbox page. */
export const MAX_INBOX_PAGE = 100;
export const DEFAULT_INBOX_PAGE = 30;

/** A comment's text: trimmed, never empty, at most 4,000 characters. */
export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(MAX_COMMENT_CHARS, 'a comment has at most 4,000 characters');

/** The user ids a comment mentions (members of the workspace; repeats are dropped). */
export const mentionsSchema = z
  .array(idSchema)
  .max(MAX_MENTIONS, `a comment mentions at most ${MAX_MENTIONS} colleagues`);

export const storyIdParamsSchema = z.strictObject({ storyId: idSchema });

export const addCommentRequestSchema = z.strictObject({
  body: commentBodySchema,
  mentions: mentionsSchema.default([]),
});
export type AddCommentRequest = z.input<typeof addCommentRequestSchema>;

const personSchema = z.strictObject({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof personSchema>;

export const commentSchema = z.strictObject({
  id: z.string(),
  storyId: z.string(),
  /** null when the author's account was deleted from the hub. */
  author: personSchema.nullable(),
  body: z.string(),
  mentions: z.array(personSchema),
  at: isoInstantSchema,
});
export type StoryComment = z.infer<typeof commentSchema>;

export const commentsSchema = z.strictObject({ comments: z.array(commentSchema) });

/** One comment that mentions the reader, with the story it is about. */
export const inboxItemSchema = commentSchema.extend({
  /** The story's title, from its shared text (empty when it has no text, or no copies left). */
  storyTitle: z.string(),
  unread: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxQuerySchema = z.strictObject({
  /** The last comment id of the previous page: the next page starts after it. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_INBOX_PAGE).default(DEFAULT_INBOX_PAGE),
});

export const inboxSchema = z.strictObject({
  items: z.array(inboxItemSchema),
  /** Mentions of the reader not yet marked read, over the whole inbox. */
  unread: z.number().int().min(0),
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: z.string().nullable(),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const inboxReadSchema = z.strictObject({ unread: z.number().int().min(0) });
