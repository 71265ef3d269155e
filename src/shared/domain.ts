// Domain types shared by the engine, the transports and the renderer.
import type { ChannelWorkflow } from './schemas';
import type { Delivery, Engagement, Review, ReviewState } from './sync/protocol';

export type { ChannelWorkflow, Delivery, Engagement, Review, ReviewState };

/** The platforms a channel can publish to. */
export const PLATFORMS = ['telegram', 'whatsapp', 'webhook', 'feed'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** UI languages, also the languages a channel may be written in. */
export const LOCALES = ['en', 'it', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** A weekly posting slot: ISO weekday (1 = Monday … 7 = Sunday) and a wall-clock time "HH:mm" in the channel's zone. */
export interface Slot {
  weekday: number;
  time: string;
}

export interface Channel {
  id: string;
  name: string;
  platform: Platform;
  /** IANA time zone, e.g. "Europe/Rome". */
  timeZone: string;
  language: Locale;
  description: string;
  slots: Slot[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  /** Approval, quiet hours, loud caps, topics; absent means the defaults (see channelWorkflowOf). */
  workflow?: ChannelWorkflow;
  /** Set once the channel came from (or reached) a hub. */
  hub?: HubStamp;
}

export const ATTACHMENT_KINDS = ['image', 'video', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A file copied into the app's data folder, addressed by the SHA-256 of its bytes. */
export interface Attachment {
  hash: string;
  name: string;
  mime: string;
  kind: AttachmentKind;
  size: number;
  /** SHA-256 of a small JPEG/PNG thumbnail, for images. */
  thumbHash: string | null;
}

export interface Poll {
  question: string;
  options: string[];
  multipleAnswers: boolean;
  /** Index of the correct option when the poll is a quiz (Telegram only); null otherwise. */
  quizCorrectOption: number | null;
}

/** What a copy says: one source text plus media and an optional poll. */
export interface Content {
  text: string;
  attachments: Attachment[];
  poll: Poll | null;
}

/** When a copy goes out. `queue` means it took the channel's next free posting slot. */
export type Schedule = { kind: 'none' } | { kind: 'at'; at: string; mode: 'exact' | 'queue' };

export const UPDATE_STATUSES = ['draft', 'scheduled'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Where a copy stands with the hub. Only `local` exists until the desk syncs. */
export type SyncState = 'local' | 'pending' | 'synced' | 'failed' | 'changed';

/** Who last changed a record on the hub, at which version: set on records pulled from a hub. */
export interface HubStamp {
  version: number;
  by: { id: string; name: string };
  at: string;
  mutation: string;
}

/** Text two editors changed in ways that did not merge: the record keeps one, this holds both. */
export interface TextConflict {
  field: 'text' | 'shared.text';
  base: string;
  kept: { text: string; by: { id: string; name: string } };
  incoming: { text: string; by: { id: string; name: string } };
  at: string;
}

/**
 * One copy of a story on one channel. Copies of the same story share `storyId`; a copy that
 * is not `customized` follows the story's shared content.
 */
export interface Update extends Content {
  id: string;
  storyId: string;
  channelId: string;
  customized: boolean;
  schedule: Schedule;
  status: UpdateStatus;
  syncState: SyncState;
  createdAt: string;
  updatedAt: string;
  /** Set when the copy is in the trash. */
  deletedAt: string | null;
  /** Set while two editors' texts wait for someone to choose (see TextConflict). */
  conflict?: TextConflict | null;
  /** Where the copy stands in review (null or absent: nobody submitted it). */
  review?: Review | null;
  /** The story is under embargo until this instant: nothing goes out before it. */
  embargoUntil?: string | null;
  /** Send without a notification where the platform allows (a minor follow-up). */
  silent?: boolean;
  /** The story's topics and areas. */
  tags?: string[];
  /** Set once the copy came from (or reached) a hub. */
  hub?: HubStamp;
  /** Where the hub's publishing stands (written by the hub only). */
  delivery?: Delivery | null;
  /** Views, reactions, poll votes of the published copy (written by the hub only). */
  engagement?: Engagement | null;
  /** Who created the copy, as the hub recorded it (written by the hub only; absent before). */
  author?: { id: string; name: string } | null;
  /** Why the hub refused the last change, while `syncState` is `failed`. */
  syncNote?: string;
}

/** A story: its shared content and its copies, one per channel. */
export interface Story {
  storyId: string;
  shared: Content;
  copies: Update[];
}

/** Something the store had to repair or set aside when it opened. */
export interface StoreProblem {
  kind: 'corrupt-snapshot' | 'corrupt-journal' | 'torn-journal-tail';
  file: string;
  /** Where the damaged file was moved to (never deleted). */
  setAsideAt: string | null;
  detail: string;
  at: string;
}
