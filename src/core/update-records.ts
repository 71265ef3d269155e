// How a copy is stored, and the views built from it.
import type { UpdateSummary } from '../shared/contract';
import type { Content, Story, Update } from '../shared/domain';
import { titleOf } from '../shared/formatting';

/**
 * A copy as stored. A customised copy keeps the story's shared content in `shared`, so the
 * story text survives even when every channel has its own variant.
 */
export interface UpdateRecord extends Update {
  shared: Content | null;
}

const EXCERPT_CHARS = 160;

/** Where a record stands with the hub, when a sync engine runs. */
export type SyncStateOf = (rec: UpdateRecord) => { state: Update['syncState']; note?: string };

/** The public view of a stored copy. */
export function toUpdate(rec: UpdateRecord, stateOf?: SyncStateOf): Update {
  const update: Update & { shared?: Content | null } = { ...rec };
  delete update.shared;
  if (stateOf) {
    const { state, note } = stateOf(rec);
    update.syncState = state;
    if (note !== undefined) update.syncNote = note;
  }
  return update;
}

export const contentOf = (c: Content): Content => ({
  text: c.text,
  attachments: c.attachments,
  poll: c.poll,
});

/** The story's shared content: what non-customised copies show, else what customised ones keep. */
export function sharedContentOf(copies: UpdateRecord[]): Content {
  const follower = copies.find((c) => !c.customized);
  if (follower) return contentOf(follower);
  const keeper = copies.find((c) => c.shared);
  return keeper?.shared ?? { text: '', attachments: [], poll: null };
}

/** Builds a Story from its live (not trashed) copies. */
export function toStory(storyId: string, copies: UpdateRecord[], stateOf?: SyncStateOf): Story {
  const live = copies.filter((c) => c.deletedAt === null);
  const shown = live.length > 0 ? live : copies;
  return {
    storyId,
    shared: sharedContentOf(shown),
    copies: shown
      .map((c) => toUpdate(c, stateOf))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

// Stored records are replaced, never changed in place, so a summary stays valid for its record.
const summaries = new WeakMap<UpdateRecord, UpdateSummary>();

/** One line for lists: timeline, calendar, search, trash. */
export function toSummary(rec: UpdateRecord): UpdateSummary {
  let summary = summaries.get(rec);
  if (!summary) summaries.set(rec, (summary = buildSummary(rec)));
  return summary;
}

function buildSummary(rec: UpdateRecord): UpdateSummary {
  const plain = rec.text.replace(/\s+/g, ' ').trim();
  return {
    id: rec.id,
    storyId: rec.storyId,
    channelId: rec.channelId,
    status: rec.status,
    at: rec.schedule.kind === 'at' ? rec.schedule.at : null,
    mode: rec.schedule.kind === 'at' ? rec.schedule.mode : null,
    title: titleOf(rec.text),
    excerpt: plain.length > EXCERPT_CHARS ? `${plain.slice(0, EXCERPT_CHARS - 1)}…` : plain,
    attachmentCount: rec.attachments.length,
    hasPoll: rec.poll !== null,
    customized: rec.customized,
    syncState: rec.syncState,
    changedBy: rec.hub?.by.name ?? null,
    hasConflict: Boolean(rec.conflict),
    delivery: rec.delivery ?? null,
    updatedAt: rec.updatedAt,
    deletedAt: rec.deletedAt,
    // Only when set, so summaries of ordinary copies stay as they were.
    ...(rec.silent ? { silent: true } : {}),
  };
}

/** Timeline order: scheduled copies by time, then drafts, newest first. */
export function compareForTimeline(a: UpdateRecord, b: UpdateRecord): number {
  const at = a.schedule.kind === 'at' ? a.schedule.at : null;
  const bt = b.schedule.kind === 'at' ? b.schedule.at : null;
  if (at && bt) return at.localeCompare(bt) || a.id.localeCompare(b.id);
  if (at) return -1;
  if (bt) return 1;
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}
