// Review comments on stories and each member's inbox of mentions. Internal: never published.
import { EMPTY_BODY } from '../http/route';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import { addComment, inboxOf, listComments, markInboxRead } from '../workflow/comment-service';
import {
  addCommentRequestSchema,
  commentSchema,
  commentsSchema,
  inboxQuerySchema,
  inboxReadSchema,
  inboxSchema,
  storyIdParamsSchema,
} from '../../shared/workflow/comment-protocol';

/** Registers the comment and inbox routes. */
export function registerCommentRoutes(router: Router, ctx: HubContext): void {
  const tags = ['review'];

  router.add({
    method: 'GET',
    url: '/v1/stories/:storyId/comments',
    summary: "A story's internal comments, oldest first",
    tags,
    auth: true,
    params: storyIdParamsSchema,
    responses: { 200: { description: 'The comments', schema: commentsSchema } },
    async handler({ session, params }) {
      return { comments: await listComments(ctx.db, session, params.storyId) };
    },
  });

  router.add({
    method: 'POST',
    url: '/v1/stories/:storyId/comments',
    summary: 'Comment on a story, mentioning colleagues (members who write drafts on its channels)',
    tags,
    auth: true,
    params: storyIdParamsSchema,
    body: addCommentRequestSchema,
    responses: { 201: { description: 'Added', schema: commentSchema } },
    async handler({ session, params, body, reply }) {
      const comment = await addComment(ctx, session, params.storyId, body);
      reply.code(201);
      return comment;
    },
  });

  router.add({
    method: 'GET',
    url: '/v1/inbox',
    summary: 'Comments that mention the signed-in member, newest first, a page at a time',
    tags,
    auth: true,
    query: inboxQuerySchema,
    responses: { 200: { description: 'A page of the inbox', schema: inboxSchema } },
    handler: ({ session, query }) => inboxOf(ctx.db, session, query),
  });

  router.add({
    method: 'POST',
    url: '/v1/inbox/read',
    summary: 'Mark every mention of the signed-in member as read',
    tags,
    auth: true,
    body: EMPTY_BODY,
    responses: { 200: { description: 'Marked', schema: inboxReadSchema } },
    handler: ({ session }) => markInboxRead(ctx.db, session),
  });
}
