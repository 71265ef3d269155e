// The desk API, declared once. Both transports (Electron IPC and browser mode) carry exactly this.
import { z } from 'zod';
import type {
  Attachment,
  Channel,
  Delivery,
  Locale,
  StoreProblem,
  Story,
  Update,
  UpdateStatus,
} from './domain';
import { LOCALES, UPDATE_STATUSES } from './domain';
import {
  MAX_ATTACHMENT_BYTES,
  channelFieldsSchema,
  contentPatchSchema,
  idSchema,
  isoInstantSchema,
  MAX_SOURCE_TEXT_CHARS,
  scheduleRequestSchema,
  tagSchema,
  timeZoneSchema,
} from './schemas';
import type { AnalyticsReport } from './analytics/analytics-report';
import type { ArchiveSearchResult, PublishedVersions } from './archive/protocol';
import { archiveSearchArgsSchema } from './archive/protocol';
import type { AuditExport, AuditPage } from './audit/protocol';
import { auditExportArgsSchema, auditPageArgsSchema } from './audit/protocol';
import type {
  ExportProgress,
  ExportStarted,
  ImportOutcome,
  ImportPreview,
  ImportProgress,
} from './transfer/transfer-protocol';
import {
  applyImportArgsSchema,
  exportStatusArgsSchema,
  previewImportArgsSchema,
  startExportArgsSchema,
} from './transfer/transfer-protocol';
import type { ConnectorView, PublicationsView } from './publish/protocol';
import type { Engagement } from './sync/protocol';
import { engagementCountsSchema } from './sync/protocol';
import type { Inbox, InboxItem, Person, StoryComment } from './workflow/comment-protocol';
import {
  DEFAULT_INBOX_PAGE,
  MAX_INBOX_PAGE,
  commentBodySchema,
  mentionsSchema,
} from './workflow/comment-protocol';

export type { ConnectorView, PublicationsView };
export type { Inbox, InboxItem, Person, StoryComment };

const reviewNoteSchema = z.string().max(2000, 'a review note has at most 2,000 characters');

const base64Schema = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'the file is larger than 50 MB');

/** Argument schemas, one per command: every command takes one object. */
export const commandArgs = {
  getStatus: z.object({}),
  listChannels: z.object({ includeArchived: z.boolean().default(false) }),
  createChannel: channelFieldsSchema,
  updateChannel: channelFieldsSchema.partial().extend({ id: idSchema }),
  setChannelArchived: z.object({ id: idSchema, archived: z.boolean() }),
  createStory: z.object({
    channelIds: z.array(idSchema).min(1, 'choose at least one channel').max(50),
    text: z.string().max(100_000).default(''),
  }),
  getStory: z.object({ storyId: idSchema }),
  editShared: contentPatchSchema.extend({ storyId: idSchema }),
  editCopy: contentPatchSchema.extend({ updateId: idSchema }),
  resetCopy: z.object({ updateId: idSchema }),
  setStoryChannels: z.object({
    storyId: idSchema,
    channelIds: z.array(idSchema).min(1, 'a story keeps at least one channel').max(50),
  }),
  scheduleCopy: z.object({ updateId: idSchema, schedule: scheduleRequestSchema }),
  moveInQueue: z.object({ updateId: idSchema, direction: z.enum(['earlier', 'later']) }),
  duplicateStory: z.object({ storyId: idSchema }),
  deleteStory: z.object({ storyId: idSchema }),
  restoreStory: z.object({ storyId: idSchema }),
  purgeStory: z.object({ storyId: idSchema }),
  listTimeline: z.object({ channelId: idSchema }),
  listRange: z.object({ from: isoInstantSchema, to: isoInstantSchema }),
  search: z.object({
    text: z.string().max(500).default(''),
    channelId: idSchema.nullable().default(null),
    status: z.enum(UPDATE_STATUSES).nullable().default(null),
    from: isoInstantSchema.nullable().default(null),
    to: isoInstantSchema.nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
  }),
  listTrash: z.object({}),
  addAttachment: z.object({
    name: z.string().trim().min(1).max(255),
    mime: z.string().min(1).max(255),
    dataBase64: base64Schema,
    thumbnailBase64: base64Schema.nullable().default(null),
  }),
  getMedia: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  getSettings: z.object({}),
  getSyncStatus: z.object({}),
  syncNow: z.object({}),
  /** Onboarding: work alone, on the built-in hub in this computer's data folder. */
  startSolo: z.object({}),
  /** Onboarding or later: sign in to a newsroom's hub (local work moves there). */
  connectHub: z.object({
    url: z.string().trim().min(1, 'type the hub address').max(2000),
    email: z.string().trim().min(1, 'type your email').max(254),
    password: z.string().min(1, 'type your password').max(1024),
  }),
  /** Signs out of the team hub; local work stays and waits to be synced. */
  disconnectHub: z.object({}),
  /** Chooses the text of a copy whose texts conflicted. */
  resolveConflict: z.object({
    updateId: idSchema,
    text: z.string().max(100_000),
  }),
  /** Who changed a record on the hub, and how (needs the hub). */
  getHistory: z.object({ kind: z.enum(['channel', 'update']), id: idSchema }),
  dismissRefusal: z.object({ id: idSchema }),
  /** A copy's publications on the hub (attempts, answers, reasons) and its delivery. */
  getPublications: z.object({ updateId: idSchema }),
  /** Sends a copy's failed publication again. */
  retryPublication: z.object({ updateId: idSchema }),
  /** Manual-assist: the editor did it on the platform (posted, corrected, deleted). */
  confirmPublication: z.object({
    updateId: idSchema,
    url: z
      .url({ protocol: /^https?$/, error: 'a link starting with https://' })
      .max(2000)
      .optional(),
  }),
  /** Deletes every published copy of a story where the platform allows it (tasks elsewhere). */
  withdrawStory: z.object({ storyId: idSchema }),
  /** Counts the editor read on the platform (WhatsApp has no API): they replace earlier ones. */
  recordEngagement: engagementCountsSchema.extend({ updateId: idSchema }),
  /** A channel's publishing settings (never its secret). */
  getConnector: z.object({ channelId: idSchema }),
  /** Checks publishing settings with the platform, then saves them on the hub (admins). */
  saveConnector: z.object({
    channelId: idSchema,
    config: z.record(z.string(), z.string().max(2000)),
    /** Omitted: keep the secret already saved. */
    secret: z.string().trim().min(1).max(256).optional(),
  }),
  setSettings: z.object({ locale: z.enum(LOCALES).optional() }),
  // ---- workflow (issue 5): review, embargo, routing, silent follow-ups
  /** Who this desk is signed in as on its hub, with their roles (null before onboarding). */
  getMe: z.object({}),
  /** A contributor's "ready for review": every live copy of the story goes in review. */
  submitStory: z.object({ storyId: idSchema, note: reviewNoteSchema.nullable().default(null) }),
  /** An editor's decision on a story in review; asking for changes needs a word on what. */
  reviewStory: z
    .object({
      storyId: idSchema,
      decision: z.enum(['approve', 'request_changes']),
      note: reviewNoteSchema.nullable().default(null),
    })
    .refine((r) => r.decision === 'approve' || (r.note !== null && r.note.trim() !== ''), {
      message: 'say what should change',
      path: ['note'],
    }),
  /**
   * Holds a story until `until` (null lifts the embargo). `release` also schedules every copy at
   * that instant, so the hub publishes them all at once.
   */
  setEmbargo: z.object({
    storyId: idSchema,
    until: isoInstantSchema.nullable(),
    release: z.boolean().default(false),
  }),
  /** The story's topics and areas; routing suggests the channels mapped to them. */
  setStoryTags: z.object({ storyId: idSchema, tags: z.array(tagSchema).max(20) }),
  /** A minor follow-up goes out without a notification where the platform allows. */
  setCopySilent: z.object({ updateId: idSchema, silent: z.boolean() }),
  /**
   * Corrects a published story: every copy takes the new text, published ones (optionally) under a
   * "Correction:" line in their channel's language; the hub edits each post the platform allows.
   */
  correctStory: z.object({
    storyId: idSchema,
    text: z.string().trim().min(1, 'a correction needs its text').max(MAX_SOURCE_TEXT_CHARS),
    prefix: z.boolean().default(true),
  }),
  // ---- queues and breaking news
  /** Puts a copy into its channel's next free slot, ahead of the queue; queued copies move along. */
  shareNext: z.object({ updateId: idSchema }),
  /** A queued copy takes position `toIndex` (0 = first) of its channel's queue; the slots stay. */
  reorderQueue: z.object({ updateId: idSchema, toIndex: z.number().int().min(0).max(100_000) }),
  /** Publishes a story now on the chosen channels, loud or silent on each; queued copies due within the hour move to the following free slots. */
  breakingNews: z.object({
    storyId: idSchema,
    channels: z
      .array(z.object({ channelId: idSchema, silent: z.boolean() }))
      .min(1, 'choose at least one channel')
      .max(50)
      .refine((list) => new Set(list.map((c) => c.channelId)).size === list.length, {
        message: 'each channel once',
      }),
  }),
  // ---- review comments (issue item 2): internal comments, mentions and the review inbox
  /** A story's internal comments on the hub, oldest first (comments are never published). */
  listComments: z.object({ storyId: idSchema }),
  /** Comments on a story; `mentions` are user ids of workspace members (see listMembers). */
  addComment: z.object({
    storyId: idSchema,
    body: commentBodySchema,
    mentions: mentionsSchema.default([]),
  }),
  /** Comments that mention me, newest first; pass the last page's `nextBefore` as `before`. */
  getInbox: z.object({
    before: idSchema.optional(),
    limit: z.number().int().min(1).max(MAX_INBOX_PAGE).default(DEFAULT_INBOX_PAGE),
  }),
  /** Marks every comment that mentions me as read. */
  markInboxRead: z.object({}),
  /** The workspace's members' ids and names, for the mention picker. */
  listMembers: z.object({}),
  /** Stories waiting for review, and those sent back with changes requested (from this desk). */
  listInReview: z.object({}),
  // ---- audit trail (issue item 9)
  /** A page of the workspace's audit trail on the hub, newest first (who did what, and when). */
  getAudit: auditPageArgsSchema,
  /** The whole audit trail for these filters as CSV (UTF-8 with a BOM, formulas defused). */
  exportAudit: auditExportArgsSchema,
  // ---- permanent archive (issue 6, item 3)
  /** Published copies by words, channels, topic, dates and author, newest first (offline). */
  searchArchive: archiveSearchArgsSchema,
  /** Exactly what the hub sent to a copy's platform: the post, then each correction (needs it). */
  getPublishedVersions: z.object({ updateId: idSchema }),
  // ---- export and import (issue 6, items 4 and 5)
  /** Starts writing copies to a file (CSV or JSON) in exportsDir; progress comes as events. */
  startExport: startExportArgsSchema,
  /** Where an export stands (for a window that missed the events). */
  getExportStatus: exportStatusArgsSchema,
  /** Reads an import file and lists every row: new, already imported, or its errors. */
  previewImport: previewImportArgsSchema,
  /** Imports every new row of a file as one step, or nothing when any row has an error. */
  applyImport: applyImportArgsSchema,
  // ---- analytics (issue 6)
  /**
   * Posts per day, loud vs silent, response rate, busiest hours, best and worst posts and totals of
   * some channels (none listed: all) over calendar days `from`…`to` (both included) in `zone`,
   * from the desk's own copies (works offline).
   */
  getAnalytics: z.object({
    channelIds: z.array(idSchema).max(200).default([]),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD'),
    zone: timeZoneSchema,
  }),
} satisfies Record<string, z.ZodType>;

export type CommandName = keyof typeof commandArgs;
/** What a caller passes (defaults may be left out). */
export type CommandInput<K extends CommandName> = z.input<(typeof commandArgs)[K]>;
/** What a handler receives, after validation and defaults. */
export type CommandArg<K extends CommandName> = z.output<(typeof commandArgs)[K]>;

/** One line of the timeline, search results and calendar. */
export interface UpdateSummary {
  id: string;
  storyId: string;
  channelId: string;
  status: UpdateStatus;
  /** Scheduled instant (UTC ISO) or null for an unscheduled draft. */
  at: string | null;
  mode: 'exact' | 'queue' | null;
  /** First line of the text, for lists. */
  title: string;
  excerpt: string;
  attachmentCount: number;
  hasPoll: boolean;
  customized: boolean;
  syncState: Update['syncState'];
  /** Why the hub refused the last change (state `failed`). */
  syncNote?: string;
  /** Who last changed it on the hub (state `changed`: someone else). */
  changedBy: string | null;
  /** Two texts wait for someone to choose between them. */
  hasConflict: boolean;
  /** Where the hub's publishing of this copy stands; null before it first tried. */
  delivery: Delivery | null;
  updatedAt: string;
  deletedAt: string | null;
  /** The copy asks to go out without a notification (absent: it does not). */
  silent?: boolean;
}

export interface DeskStatus {
  dataDir: string;
  problems: StoreProblem[];
  channelCount: number;
  updateCount: number;
  /** Mutations journaled but not yet acknowledged by a hub. */
  pendingCount: number;
}

export interface DeskSettings {
  locale: Locale | null;
}

/** A change the hub refused: kept here with its text so nothing typed is lost. */
export interface SyncRefusal {
  id: string;
  kind: 'channel' | 'update';
  reason: string;
  at: string;
  mutation: string;
  /** The text the refused change would have written, if any. */
  text: string | null;
}

/** Where the desk stands with its hub: the global sync indicator shows this. */
export interface SyncStatus {
  /** none: onboarding not done. solo: the built-in hub. team: a newsroom's hub. */
  mode: 'none' | 'solo' | 'team';
  /** Who the hub is, for people: "built-in hub" or its host name. */
  hub: string | null;
  state: 'starting' | 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out';
  /** Local changes the hub has not acknowledged yet. */
  pending: number;
  lastSyncAt: string | null;
  error: string | null;
  nextRetryAt: string | null;
  /** Hub clock minus this computer's clock; schedules use the hub's clock. */
  clockOffsetMs: number | null;
  user: { id: string; name: string } | null;
  refusals: SyncRefusal[];
  /** Attachments being uploaded, in bytes. */
  upload: { done: number; total: number } | null;
}

export interface HistoryEntryView {
  version: number;
  by: { id: string; name: string };
  at: string;
  mutation: string;
  outcome: 'applied' | 'merged' | 'conflict' | 'refused';
  fields: string[];
  overwritten: { field: string; value: unknown; by: { id: string; name: string } }[];
}

/** Results, one per command. */
export interface CommandResults {
  getStatus: DeskStatus;
  listChannels: Channel[];
  createChannel: Channel;
  updateChannel: Channel;
  setChannelArchived: Channel;
  createStory: Story;
  getStory: Story;
  editShared: Story;
  editCopy: Update;
  resetCopy: Update;
  setStoryChannels: Story;
  scheduleCopy: Update;
  moveInQueue: Update[];
  duplicateStory: Story;
  deleteStory: { storyId: string; deleted: number };
  restoreStory: Story;
  purgeStory: { storyId: string; purged: number };
  listTimeline: UpdateSummary[];
  listRange: UpdateSummary[];
  search: { total: number; results: UpdateSummary[] };
  listTrash: UpdateSummary[];
  addAttachment: Attachment;
  getMedia: { mime: string; dataBase64: string };
  getSettings: DeskSettings;
  setSettings: DeskSettings;
  getSyncStatus: SyncStatus;
  syncNow: SyncStatus;
  startSolo: SyncStatus;
  connectHub: SyncStatus;
  disconnectHub: SyncStatus;
  resolveConflict: Update;
  getHistory: HistoryEntryView[];
  dismissRefusal: SyncStatus;
  getPublications: PublicationsView;
  retryPublication: PublicationsView;
  confirmPublication: PublicationsView;
  withdrawStory: WithdrawReport;
  recordEngagement: Engagement;
  getConnector: ConnectorView;
  saveConnector: ConnectorView;
  getMe: MemberView | null;
  submitStory: Story;
  reviewStory: Story;
  setEmbargo: Story;
  setStoryTags: Story;
  setCopySilent: Update;
  correctStory: CorrectionReport;
  // ---- queues and breaking news
  shareNext: { update: Update; moved: MovedCopy[] };
  reorderQueue: Update[];
  breakingNews: { story: Story; moved: MovedCopy[] };
  listComments: StoryComment[];
  addComment: StoryComment;
  getInbox: Inbox;
  markInboxRead: { unread: number };
  listMembers: Person[];
  listInReview: ReviewQueueItem[];
  getAudit: AuditPage;
  exportAudit: AuditExport;
  searchArchive: ArchiveSearchResult;
  getPublishedVersions: PublishedVersions;
  startExport: ExportStarted;
  getExportStatus: ExportProgress;
  previewImport: ImportPreview;
  applyImport: ImportOutcome;
  getAnalytics: AnalyticsReport;
}

/** A story in the review queue, as the inbox lists it. */
export interface ReviewQueueItem {
  storyId: string;
  title: string;
  /** in_review if any live copy waits for a decision; else changes_requested. */
  state: 'in_review' | 'changes_requested';
  /** Who took the last review step (the submitter, or the reviewer who asked for changes). */
  by: { id: string; name: string };
  at: string;
  note: string | null;
  channelIds: string[];
}

/** A queued copy that stepped aside (breaking news) or moved along (share next), for the report. */
export interface MovedCopy {
  updateId: string;
  channelId: string;
  title: string;
  from: string;
  to: string;
}

/** The signed-in member as the desk shows them: their roles decide which buttons it offers. */
export interface MemberView {
  user: { id: string; name: string };
  workspace: string;
  role: 'owner' | 'admin' | 'editor' | 'contributor';
  /** Roles on single channels, by channel id (they only ever add power there). */
  channelRoles: Record<string, 'admin' | 'editor' | 'contributor'>;
}

/** What correcting a story did: the story as it now stands, and which copies get an edit. */
export interface CorrectionReport {
  story: Story;
  /** Published copies whose post the hub will edit (or a task for a person, on WhatsApp). */
  corrected: string[];
}

/** What withdrawing a story did, copy by copy. */
export interface WithdrawReport {
  /** Copies whose deletion is under way (or a task for a person, on manual-assist channels). */
  withdrawing: string[];
  /** Copies that could not be withdrawn, with the reason in words. */
  refused: { updateId: string; reason: string }[];
}

type AssertAllResults = { [K in CommandName]: CommandResults[K] };
export type DeskApi = {
  [K in CommandName]: (arg: CommandInput<K>) => Promise<AssertAllResults[K]>;
};
/** The engine side: receives validated arguments. */
export type DeskHandlers = {
  [K in CommandName]: (arg: CommandArg<K>) => Promise<CommandResults[K]>;
};

/** Events the engine pushes to every open window. */
export interface DeskEvents {
  /** Something changed: lists showing these channels or stories should refresh. */
  changed: { channelIds: string[]; storyIds: string[] };
  /** The store found a damaged file when opening. */
  storeProblem: StoreProblem;
  /** The sync indicator's state changed. */
  syncStatus: SyncStatus;
  /** A copy's delivery changed on the hub (published, failed, due…): worth a notification. */
  delivery: DeliveryNotice;
  /** An export wrote more rows, finished or failed. */
  exportProgress: ExportProgress;
  /** An import's apply wrote more rows, or finished. */
  importProgress: ImportProgress;
}

export interface DeliveryNotice {
  updateId: string;
  storyId: string;
  channelId: string;
  title: string;
  delivery: Delivery;
}
export type EventName = keyof DeskEvents;

export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'conflict',
  'unknown_command',
  'storage_failure',
  /** The hub said no, or cannot be reached: the message says which, in words. */
  'hub_unreachable',
  'hub_refused',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as it crosses a transport: a stable code for the UI to translate, and plain words. */
export interface DeskErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field paths and messages when an argument was refused. */
  issues?: { path: string; message: string }[];
}

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.issues = issues;
  }
  toPayload(): DeskErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
  static fromPayload(p: DeskErrorPayload): DeskError {
    return new DeskError(p.code, p.message, p.issues);
  }
}

/** The reply envelope both transports use. */
export type DeskReply<T> = { ok: true; value: T } | { ok: false; error: DeskErrorPayload };

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandArgs, name);

/** Validates a command's argument; throws a DeskError naming each bad field. */
export function parseCommandArg<K extends CommandName>(name: K, raw: unknown): CommandArg<K> {
  const result = commandArgs[name].safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: i.message,
    }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new DeskError('invalid_argument', `Invalid ${name} request — ${summary}`, issues);
  }
  return result.data as CommandArg<K>;
}
