// The audit trail on the wire: GET /v1/audit's filters and answer, declared once with zod (the hub
// validates and documents with them, the desk checks the answers with them).
import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../schemas';
import { RECORD_KINDS } from '../sync/protocol';

/** Most entries one audit page holds. */
export const MAX_AUDIT_PAGE = 500;
/** Entries a page holds when the caller does not say. */
export const DEFAULT_AUDIT_PAGE = 100;

/**
 * Where a page goes on from: the version of the last entry of the page before. Versions are
 * taken from the workspace's commit counter, one per write, so they order the trail for good.
 */
export const auditCursorSchema = z.string().regex(/^[1-9]\d{0,14}$/, 'not an audit cursor');

/** The filters every audit request takes (each optional); `from` is inclusive, `to` exclusive. */
export const auditFiltersSchema = z.strictObject({
  channelId: idSchema.optional(),
  storyId: idSchema.optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
});

const fromBeforeTo = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to);
const FROM_BEFORE_TO = { message: 'the start must come before the end', path: ['to'] };

export const auditQuerySchema = z
  .strictObject({
    ...auditFiltersSchema.shape,
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
    cursor: auditCursorSchema.optional(),
  })
  .refine(fromBeforeTo, FROM_BEFORE_TO);
export type AuditQuery = z.input<typeof auditQuerySchema>;

const refSchema = z.strictObject({ id: z.string().max(64), name: z.string().max(200) });

export const auditEntrySchema = z.strictObject({
  /** The write's place in the workspace's commit order (unique in the workspace). */
  version: z.number().int().min(1),
  at: isoInstantSchema,
  /** A member; "the hub" (id '') for its own publishing writes; "a former member" when gone. */
  who: refSchema,
  /** The mutation's name: createStory, scheduleCopy, approveStory, hub:published… */
  action: z.string().max(64),
  outcome: z.enum(['applied', 'merged', 'conflict']),
  record: z.strictObject({ kind: z.enum(RECORD_KINDS), id: z.string().max(64) }),
  /** Null when the record is gone from the hub (a purged copy). */
  channel: refSchema.nullable(),
  /** The story of a copy; null for a channel's entries and for purged copies. */
  storyId: z.string().max(64).nullable(),
  /** The first line of the copy's text as it stands now; null when it has none or is deleted. */
  title: z.string().max(200).nullable(),
  fields: z.array(z.string().max(64)),
  /** The story is under embargo: the hub sends no word of its text until the release. */
  embargoed: z.literal(true).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: auditCursorSchema.nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

// ---- the desk's commands (getAudit, exportAudit): the same filters, null meaning "any"

const deskFilters = {
  channelId: idSchema.nullable().default(null),
  storyId: idSchema.nullable().default(null),
  from: isoInstantSchema.nullable().default(null),
  to: isoInstantSchema.nullable().default(null),
};

/** exportAudit's argument: the filters alone (every page is fetched). */
export const auditExportArgsSchema = z
  .object(deskFilters)
  .refine(
    (f) => fromBeforeTo({ from: f.from ?? undefined, to: f.to ?? undefined }),
    FROM_BEFORE_TO,
  );

/** getAudit's argument: the filters, a page size and where to go on from. */
export const auditPageArgsSchema = z
  .object({
    ...deskFilters,
    limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
    cursor: auditCursorSchema.nullable().default(null),
  })
  .refine(
    (f) => fromBeforeTo({ from: f.from ?? undefined, to: f.to ?? undefined }),
    FROM_BEFORE_TO,
  );

/** What exportAudit answers: the file's text and how many entries it holds. */
export interface AuditExport {
  csv: string;
  rows: number;
}
