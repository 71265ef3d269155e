// Whether a copy will ring or go out silently, as the hub will decide it when it sends: the
// channel's copies replayed in time order through the notification budget. The desk cannot know
// what the hub decided for copies already out, so those count as loud unless they asked not to be.
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import type {
  LoudnessDecision,
  PlannedPost,
} from '../../../../shared/workflow/notification-budget';
import { planLoudness } from '../../../../shared/workflow/notification-budget';
import { channelWorkflowOf } from '../../../../shared/workflow/copy-rules';

/** The copy as the composer shows it (its schedule and toggle may not have reached the list yet). */
export interface CopyTiming {
  id: string;
  /** When it goes out (ISO), or null while unscheduled. */
  at: string | null;
  silent: boolean;
}

/** When one of the channel's other copies rang or will ring, or null if it does not count. */
function plannedOf(s: UpdateSummary): PlannedPost | null {
  if (s.deletedAt !== null) return null;
  const state = s.delivery?.state;
  if (state === 'failed') return null;
  const sentAt = state === 'published' || state === 'withdrawn' ? s.delivery?.publishedAt : null;
  const at = sentAt ?? (s.status === 'scheduled' ? s.at : null);
  return at ? { id: s.id, atMs: Date.parse(at), requestedSilent: s.silent ?? false } : null;
}

/** The budget's decision for `copy` among the channel's other copies; null while unscheduled. */
export function copyLoudness(
  copy: CopyTiming,
  channelCopies: readonly UpdateSummary[],
  channel: Pick<Channel, 'timeZone' | 'workflow'>,
): LoudnessDecision | null {
  if (copy.at === null) return null;
  const others = channelCopies.filter((s) => s.id !== copy.id).map(plannedOf);
  const posts = others.filter((p): p is PlannedPost => p !== null);
  posts.push({ id: copy.id, atMs: Date.parse(copy.at), requestedSilent: copy.silent });
  const plan = planLoudness(posts, channel.timeZone, channelWorkflowOf(channel));
  return plan.get(copy.id) ?? null;
}
