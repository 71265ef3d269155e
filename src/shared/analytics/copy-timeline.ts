// A copy's life as a list of steps (created, submitted, approved, scheduled, published, expired…),
// read from the hub's history of the record when there is one, else from what the copy itself knows.
import type { Update } from '../domain';

/** The steps a copy goes through, in words the timeline shows. */
export const TIMELINE_STEPS = [
  'created',
  'submitted',
  'approved',
  'changes_requested',
  /** A review step whose decision the history does not keep (an earlier one than the copy's). */
  'reviewed',
  'scheduled',
  'embargoed',
  'publishing',
  'published',
  'corrected',
  'withdrawn',
  'failed',
  'expired',
] as const;
export type TimelineStepKind = (typeof TIMELINE_STEPS)[number];

/** One step of a copy's life. */
export interface TimelineStep {
  kind: TimelineStepKind;
  /** When it happened (UTC ISO); null when only the fact is known (an offline correction count). */
  at: string | null;
  /** Who took it; null when the copy does not say (offline) or the platform did (expiry). */
  by: { id: string; name: string } | null;
  /** True for the hub's own steps (publishing, failures), false for a person's. */
  byHub: boolean;
}

/** The history entries the mapping reads (a subset of the desk's HistoryEntryView). */
export interface TimelineHistoryEntry {
  version: number;
  by: { id: string; name: string };
  at: string;
  mutation: string;
  outcome: 'applied' | 'merged' | 'conflict' | 'refused';
  fields: string[];
}

/** A copy's steps, oldest first, and whether they come from the hub's full history. */
export interface CopyTimeline {
  steps: TimelineStep[];
  /** False when built from the copy alone (offline, or no hub): earlier steps may be missing. */
  fromHistory: boolean;
}

/** The hub names its own writes "hub:<event>" (see src/hub/publish/delivery.ts). */
const HUB_PREFIX = 'hub:';

/** Desk mutations that bring a copy into being. */
const CREATING = new Set(['createStory', 'duplicateStory', 'import']);

/** Hub events and the step each one is; events not listed (engagement readings) are no step. */
const HUB_EVENTS: Record<string, TimelineStepKind> = {
  publishing: 'publishing',
  retry: 'publishing',
  due: 'publishing',
  published: 'published',
  confirmed: 'published',
  corrected: 'corrected',
  withdrawn: 'withdrawn',
  failed: 'failed',
  held: 'failed',
  'in-doubt': 'failed',
};

/** Desk mutations that are a step whatever fields they set. */
const DESK_STEPS: Record<string, TimelineStepKind> = {
  submitStory: 'submitted',
  setEmbargo: 'embargoed',
  correctStory: 'corrected',
};

/** Desk mutations that are "scheduled" when they set the copy's schedule. */
const SCHEDULING = new Set(['scheduleCopy', 'shareNext', 'breakingNews']);

function deskStep(entry: TimelineHistoryEntry, first: boolean): TimelineStepKind | null {
  // A copy added to a story later (setStoryChannels) begins with that entry, whatever its name.
  if (CREATING.has(entry.mutation) || first) return 'created';
  const fixed = DESK_STEPS[entry.mutation];
  if (fixed) return fixed;
  if (SCHEDULING.has(entry.mutation) && entry.fields.includes('schedule')) return 'scheduled';
  if (entry.mutation === 'reviewStory') return 'reviewed';
  return null;
}

/** The review decision only the latest review step can be told from: the copy's own `review`. */
function lastReviewDecision(copy: Update): TimelineStepKind {
  const state = copy.review?.state;
  return state === 'approved' || state === 'changes_requested' ? state : 'reviewed';
}

function expiryStep(copy: Update, nowMs: number): TimelineStep | null {
  const until = copy.delivery?.retainedUntil;
  if (!until || copy.delivery?.publishedAt == null || Date.parse(until) > nowMs) return null;
  return { kind: 'expired', at: until, by: null, byHub: false };
}

const byTime = (a: TimelineStep, b: TimelineStep): number => {
  if (a.at === null || b.at === null) return a.at === null ? (b.at === null ? 0 : 1) : -1;
  return Date.parse(a.at) - Date.parse(b.at);
};

/**
 * The steps the hub's history of a copy records (any order; refused changes are left out), plus
 * the platform forgetting the post (`delivery.retainedUntil` passed by `nowMs`). Only the latest
 * review step is named by its decision; earlier ones are "reviewed" (the history keeps no verdict).
 */
export function timelineFromHistory(
  copy: Update,
  history: readonly TimelineHistoryEntry[],
  nowMs: number,
): CopyTimeline {
  const entries = history
    .filter((entry) => entry.outcome !== 'refused')
    .sort((a, b) => a.version - b.version);
  const lastReview = entries.reduce(
    (last, entry, i) => (entry.mutation === 'reviewStory' ? i : last),
    -1,
  );
  const steps: TimelineStep[] = [];
  entries.forEach((entry, i) => {
    const byHub = entry.mutation.startsWith(HUB_PREFIX);
    const kind = byHub
      ? (HUB_EVENTS[entry.mutation.slice(HUB_PREFIX.length)] ?? null)
      : i === lastReview && i > 0
        ? lastReviewDecision(copy)
        : deskStep(entry, i === 0);
    if (kind) steps.push({ kind, at: entry.at, by: byHub ? null : entry.by, byHub });
  });
  const expired = expiryStep(copy, nowMs);
  if (expired) steps.push(expired);
  return { steps: steps.sort(byTime), fromHistory: true };
}

/**
 * What the copy alone tells of its life, for when the hub cannot be asked: its creation, the
 * current review step, its publication, its corrections (a count, without times), where its
 * delivery stands now, and its expiry.
 */
export function timelineFromCopy(copy: Update, nowMs: number): CopyTimeline {
  const steps: TimelineStep[] = [{ kind: 'created', at: copy.createdAt, by: null, byHub: false }];
  const review = copy.review;
  if (review) {
    const kind: TimelineStepKind = review.state === 'in_review' ? 'submitted' : review.state;
    steps.push({ kind, at: review.at, by: review.by, byHub: false });
  }
  const delivery = copy.delivery;
  if (delivery) {
    if (delivery.publishedAt) {
      steps.push({ kind: 'published', at: delivery.publishedAt, by: null, byHub: true });
    }
    for (let i = 0; i < delivery.corrections; i += 1) {
      steps.push({ kind: 'corrected', at: null, by: null, byHub: true });
    }
    if (delivery.state !== 'published') {
      steps.push({
        kind: delivery.state === 'due' ? 'publishing' : delivery.state,
        at: delivery.at,
        by: null,
        byHub: true,
      });
    }
  }
  const expired = expiryStep(copy, nowMs);
  if (expired) steps.push(expired);
  return { steps: steps.sort(byTime), fromHistory: false };
}
