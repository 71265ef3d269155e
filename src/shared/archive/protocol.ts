// The permanent archive on the wire: what the hub answers about a copy's published versions, and
// what the desk's archive search takes and gives. Declared once with zod (the hub validates and
// documents with them, the desk checks the answers and its commands' arguments with them).
import { z } from 'zod';
import type { Platform } from '../domain';
import {
  attachmentSchema,
  idSchema,
  isoInstantSchema,
  MAX_SOURCE_TEXT_CHARS,
  pollDraftSchema,
  tagSchema,
} from '../schemas';

export const PUBLISHED_VERSION_KINDS = ['post', 'edit', 'withdrawn'] as const;
export type PublishedVersionKind = (typeof PUBLISHED_VERSION_KINDS)[number];

/**
 * One thing the hub sent to the platform for a copy: the post, a correction (edit), or its
 * withdrawal (which has no text of its own: the last text sent is what was withdrawn).
 */
export const publishedVersionSchema = z.strictObject({
  kind: z.enum(PUBLISHED_VERSION_KINDS),
  sentAt: isoInstantSchema,
  text: z.string().max(MAX_SOURCE_TEXT_CHARS),
  attachments: z.array(attachmentSchema).max(10).optional(),
  poll: pollDraftSchema.nullable().optional(),
  /** Who scheduled the post or made the correction; absent when the hub does not know. */
  by: z.strictObject({ id: z.string().max(64), name: z.string().max(200) }).optional(),
});
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

/** GET /v1/updates/:updateId/published: what the platform was sent, oldest first. */
export const publishedVersionsSchema = z.strictObject({
  versions: z.array(publishedVersionSchema),
});
export type PublishedVersions = z.infer<typeof publishedVersionsSchema>;

/** Most hits one archive search returns at once. */
export const MAX_ARCHIVE_PAGE = 200;
export const DEFAULT_ARCHIVE_PAGE = 50;

/** The desk's archive search: words (all must match; the last may be a beginning) and filters. */
export const archiveSearchArgsSchema = z
  .object({
    text: z.string().max(500, 'a search has at most 500 characters').default(''),
    channelIds: z.array(idSchema).max(100).default([]),
    /** A topic the copy carries (exact, ignoring case and accents). */
    tag: tagSchema.nullable().default(null),
    /** Published at or after `from`, and before `to`. */
    from: isoInstantSchema.nullable().default(null),
    to: isoInstantSchema.nullable().default(null),
    authorId: z.string().min(1).max(64).nullable().default(null),
    limit: z.number().int().min(1).max(MAX_ARCHIVE_PAGE).default(DEFAULT_ARCHIVE_PAGE),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((a) => !a.from || !a.to || Date.parse(a.from) < Date.parse(a.to), {
    message: 'the date range must end after it starts',
    path: ['to'],
  });
export type ArchiveSearchArgs = z.output<typeof archiveSearchArgsSchema>;

/** One archived copy as a search lists it. */
export interface ArchiveHit {
  updateId: string;
  storyId: string;
  channelId: string;
  platform: Platform;
  /** The copy's text as it stands now (the versions the hub sent are a separate request). */
  text: string;
  publishedAt: string;
  author: { id: string; name: string } | null;
  tags: string[];
  /** The platform has forgotten the post (its retention ran out); the archive still has it. */
  expired: boolean;
  retainedUntil: string | null;
  /** Deleted from the platform after it was published. */
  withdrawn: boolean;
  /** Corrections that reached the platform. */
  corrections: number;
}

/** A page of archive hits, newest published first, and how many matched in all. */
export interface ArchiveSearchResult {
  total: number;
  hits: ArchiveHit[];
}
