// The sync protocol between a desk and its hub: what is pushed, what is pulled, as zod schemas
// both sides validate with. See ARCHITECTURE.md, "Sync protocol".
import { z } from 'zod';
import { LOCALES, PLATFORMS, UPDATE_STATUSES } from '../domain';
import {
  attachmentSchema,
  idSchema,
  isoInstantSchema,
  MAX_SOURCE_TEXT_CHARS,
  channelWorkflowSchema,
  pollDraftSchema,
  slotSchema,
  tagSchema,
} from '../schemas';

/** Bumped when a desk and a hub can no longer understand each other's sync messages. */
export const SYNC_PROTOCOL_VERSION = 1;

export const RECORD_KINDS = ['channel', 'update'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Most mutations in one push, and most records in one pulled page. */
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 5000;
/** Most changes one mutation may carry (a story cross-posted to many channels, duplicated). */
export const MAX_CHANGES_PER_MUTATION = 400;
/** Largest push body the hub accepts. */
export const MAX_PUSH_BYTES = 32 * 1024 * 1024;
/** Attachments travel in chunks of at most this many bytes. */
export const BLOB_CHUNK_BYTES = 4 * 1024 * 1024;

const nameSchema = z.string().max(200);
const userRefSchema = z.strictObject({ id: z.string().max(64), name: nameSchema });

/** A channel as the desk stores it and the hub serves it. */
export const channelDocSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(120),
  platform: z.enum(PLATFORMS),
  timeZone: z.string().min(1).max(64),
  language: z.enum(LOCALES),
  description: z.string().max(2000),
  slots: z.array(slotSchema).max(200),
  archived: z.boolean(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  /** Absent on channels written before workflows: the defaults then hold. */
  workflow: channelWorkflowSchema.optional(),
});

const contentShape = {
  text: z.string().max(MAX_SOURCE_TEXT_CHARS),
  attachments: z.array(attachmentSchema).max(10),
  poll: pollDraftSchema.nullable(),
};

/** Text two editors changed in ways that did not merge; the editor chooses, side by side. */
export const textConflictSchema = z.strictObject({
  /** Which text: the copy's own, or the story's shared text a customised copy keeps. */
  field: z.enum(['text', 'shared.text']),
  base: z.string().max(MAX_SOURCE_TEXT_CHARS),
  /** The text the record kept (the change the hub received first). */
  kept: z.strictObject({ text: z.string().max(MAX_SOURCE_TEXT_CHARS), by: userRefSchema }),
  /** The text that arrived later and did not merge. */
  incoming: z.strictObject({ text: z.string().max(MAX_SOURCE_TEXT_CHARS), by: userRefSchema }),
  at: isoInstantSchema,
});
export type TextConflict = z.infer<typeof textConflictSchema>;

/**
 * Where a copy stands on its platform, written by the hub only (desks never change it; the merge
 * keeps the hub's value). Absent until the hub first tries to publish the copy.
 */
export const DELIVERY_STATES = ['publishing', 'published', 'failed', 'due', 'withdrawn'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const deliverySchema = z.strictObject({
  state: z.enum(DELIVERY_STATES),
  /** When the copy entered this state. */
  at: isoInstantSchema,
  publishedAt: isoInstantSchema.nullable(),
  /** A link to the post, when the platform gives one. */
  url: z.string().max(2000).nullable(),
  /** Why it failed (or what the person must do), in words. */
  reason: z.string().max(2000).nullable(),
  attempts: z.number().int().min(0),
  /** The platform's windows, counted from publication; null when it has none. */
  editableUntil: isoInstantSchema.nullable(),
  deletableUntil: isoInstantSchema.nullable(),
  /** When the platform forgets the post (WhatsApp: 30 days); the archive keeps it. */
  retainedUntil: isoInstantSchema.nullable(),
  /** Corrections that reached the platform after publication. */
  corrections: z.number().int().min(0),
  /** Manual-assist: what a person must do on the platform now; null when nothing. */
  task: z.enum(['post', 'edit', 'delete']).nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * How followers answered a published copy, where the platform tells (Telegram reactions and poll
 * results, a webhook receiver's statistics) or the editor typed it in (WhatsApp shows admins the
 * numbers but has no API). Written by the hub only, like `delivery`.
 */
export const ENGAGEMENT_SOURCES = ['telegram', 'webhook', 'editor'] as const;
const countSchema = z.number().int().min(0).max(1_000_000_000);
export const engagementCountsSchema = z.strictObject({
  views: countSchema.nullable().optional(),
  forwards: countSchema.nullable().optional(),
  /** Emoji (or reaction name) → how many. */
  reactions: z.record(z.string().min(1).max(32), countSchema).optional(),
  /** Votes per poll option, in the options' order. */
  pollVotes: z.array(countSchema).max(12).nullable().optional(),
});
export type EngagementCounts = z.infer<typeof engagementCountsSchema>;
export const engagementSchema = z.strictObject({
  views: countSchema.nullable(),
  forwards: countSchema.nullable(),
  reactions: z.record(z.string().min(1).max(32), countSchema),
  pollVotes: z.array(countSchema).max(12).nullable(),
  source: z.enum(ENGAGEMENT_SOURCES),
  at: isoInstantSchema,
});
export type Engagement = z.infer<typeof engagementSchema>;

/**
 * Where a copy stands in review. Absent or null: a draft nobody submitted. The hub writes `by`
 * and `at` itself (whoever took the step, on its clock), so they cannot be made up by a desk.
 */
export const REVIEW_STATES = ['in_review', 'approved', 'changes_requested'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const reviewSchema = z.strictObject({
  state: z.enum(REVIEW_STATES),
  by: userRefSchema,
  at: isoInstantSchema,
  /** What the reviewer asked for (changes requested), or the submitter's word. */
  note: z.string().max(2000).nullable(),
});
export type Review = z.infer<typeof reviewSchema>;

/** One copy of a story on one channel, as the desk stores it (without desk-only fields). */
export const updateDocSchema = z.strictObject({
  id: idSchema,
  storyId: idSchema,
  channelId: idSchema,
  customized: z.boolean(),
  schedule: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('at'),
      at: isoInstantSchema,
      mode: z.enum(['exact', 'queue']),
    }),
  ]),
  status: z.enum(UPDATE_STATUSES),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  deletedAt: isoInstantSchema.nullable(),
  ...contentShape,
  shared: z.strictObject(contentShape).nullable(),
  conflict: textConflictSchema.nullable().optional(),
  review: reviewSchema.nullable().optional(),
  /** Nothing about the story may be published, fed or sent anywhere before this instant. */
  embargoUntil: isoInstantSchema.nullable().optional(),
  /** Send without waking followers (where the platform allows): a minor follow-up. */
  silent: z.boolean().optional(),
  /** The story's topics and areas (each copy carries them, as it carries the shared text). */
  tags: z.array(tagSchema).max(20).optional(),
  delivery: deliverySchema.nullable().optional(),
  engagement: engagementSchema.nullable().optional(),
  /**
   * The member who created the copy, written by the hub only (when it receives the creation);
   * desks never change it and the merge keeps the hub's value. Absent on copies made before.
   */
  author: userRefSchema.nullable().optional(),
});
export type UpdateDoc = z.infer<typeof updateDocSchema>;
export type ChannelDoc = z.infer<typeof channelDocSchema>;

/** One record's change inside a mutation: what the desk had before, and after. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('channel'),
    id: idSchema,
    before: channelDocSchema.nullable(),
    after: channelDocSchema.nullable(),
  }),
  z.strictObject({
    kind: z.literal('update'),
    id: idSchema,
    before: updateDocSchema.nullable(),
    after: updateDocSchema.nullable(),
  }),
]);
export type Change = z.infer<typeof changeSchema>;

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid client id');
const seqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const pushedMutationSchema = z.strictObject({
  seq: seqSchema,
  /** The seq of this desk's previous mutation (0 for none): the hub refuses a gap. */
  prevSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mutationId: z.uuid(),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'not a mutation name'),
  at: isoInstantSchema,
  changes: z.array(changeSchema).max(MAX_CHANGES_PER_MUTATION),
});
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pushRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  mutations: z.array(pushedMutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The author id of the hub's own writes (a copy's delivery and engagement): not a person. */
export const HUB_AUTHOR_ID = 'hub';

/** Who last changed a record on the hub, and how. */
export const stampSchema = z.strictObject({
  by: userRefSchema,
  at: isoInstantSchema,
  mutation: z.string().max(64),
});
export type Stamp = z.infer<typeof stampSchema>;

/** A record as the hub holds it at one version; `doc` is null when it was deleted. */
export const syncRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('channel'),
    id: idSchema,
    channelId: idSchema,
    version: z.number().int().min(1),
    doc: channelDocSchema.nullable(),
    stamp: stampSchema.nullable(),
  }),
  z.strictObject({
    kind: z.literal('update'),
    id: idSchema,
    channelId: idSchema,
    version: z.number().int().min(1),
    doc: updateDocSchema.nullable(),
    stamp: stampSchema.nullable(),
  }),
]);
export type SyncRecord = z.infer<typeof syncRecordSchema>;

export const MUTATION_OUTCOMES = ['applied', 'merged', 'conflict', 'refused'] as const;
export type MutationOutcome = (typeof MUTATION_OUTCOMES)[number];

export const mutationResultSchema = z.strictObject({
  seq: seqSchema,
  mutationId: z.uuid(),
  /**
   * applied: as sent. merged: text merged with someone else's change. conflict: text kept both
   * ways (see the record's `conflict`). refused: nothing applied, `reason` says why.
   */
  outcome: z.enum(MUTATION_OUTCOMES),
  /** Short fields of someone else's change that this mutation replaced (last writer wins). */
  overwrote: z.array(z.string().max(64)).max(64),
  reason: z.string().max(500).nullable(),
  /** The version this mutation produced; null when refused or when it changed nothing. */
  version: z.number().int().min(1).nullable(),
  /** For a refused mutation: the hub's records it touched, so the desk can put them back. */
  current: z.array(syncRecordSchema).max(MAX_CHANGES_PER_MUTATION),
  /** True when the hub had this seq already and answers with what it answered then. */
  duplicate: z.boolean(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.strictObject({
  /** The last seq of this client the hub holds. */
  lastSeq: z.number().int().min(0),
  results: z.array(mutationResultSchema),
  /** Set when the hub stopped at a mutation whose prevSeq was not its lastSeq. */
  gap: z.strictObject({ seq: seqSchema, prevSeq: z.number().int().min(0) }).nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const registerClientRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  /** The first seq this client will push (only used when the hub does not know it yet). */
  startSeq: seqSchema,
});

export const registerClientResponseSchema = z.strictObject({
  clientId: clientIdSchema,
  lastSeq: z.number().int().min(0),
  protocol: z.number().int(),
  hubVersion: z.string(),
  serverTime: isoInstantSchema,
  user: userRefSchema,
});
export type RegisterClientResponse = z.infer<typeof registerClientResponseSchema>;

export const pullQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});

/**
 * A pulled page's cursor and whether more follow, also sent as headers: the desk asks for the next
 * page as soon as they arrive, while this page's body is still on its way and being read.
 */
export const PULL_CURSOR_HEADER = 'x-pull-cursor';
export const PULL_HAS_MORE_HEADER = 'x-pull-has-more';

export const pullResponseSchema = z.strictObject({
  records: z.array(syncRecordSchema),
  /** Pass as `after` next time: the highest version in `records`, or `after` when empty. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  serverTime: isoInstantSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Records a desk brings along when it joins a hub (its solo-mode work): created where absent. */
export const importRequestSchema = z.strictObject({
  records: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('channel'), doc: channelDocSchema }),
        z.strictObject({ kind: z.literal('update'), doc: updateDocSchema }),
      ]),
    )
    .min(1)
    .max(MAX_PUSH_MUTATIONS),
});
export const importResponseSchema = z.strictObject({
  created: z.number().int().min(0),
  existing: z.number().int().min(0),
  refused: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
});

export const historyEntrySchema = z.strictObject({
  version: z.number().int().min(1),
  by: userRefSchema,
  at: isoInstantSchema,
  mutation: z.string().max(64),
  outcome: z.enum(MUTATION_OUTCOMES),
  fields: z.array(z.string().max(64)),
  /** Values this change replaced that someone else had written: nothing is silently lost. */
  overwritten: z.array(
    z.strictObject({ field: z.string().max(64), value: z.unknown(), by: userRefSchema }),
  ),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyResponseSchema = z.strictObject({ entries: z.array(historyEntrySchema) });

export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');
export const blobStatusSchema = z.strictObject({
  hash: blobHashSchema,
  size: z.number().int().min(0).nullable(),
  received: z.number().int().min(0),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof blobStatusSchema>;

/** What the hub's event socket sends: pull now, the hub is at `version`. */
export const pokeSchema = z.strictObject({ type: z.literal('changed'), version: z.number().int() });
