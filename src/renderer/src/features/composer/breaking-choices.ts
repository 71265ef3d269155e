// What the breaking-news dialog offers first: the story's channels ticked, each loud unless the
// copy was already silent or the channel is in its quiet hours right now.
import type { Channel, Story } from '../../../../shared/domain';
import { instantToWallTime } from '../../../../shared/schedule';
import { channelWorkflowOf } from '../../../../shared/workflow/copy-rules';

/** One channel's line in the dialog. */
export interface BreakingChoice {
  channelId: string;
  chosen: boolean;
  silent: boolean;
  /** The channel's quiet hours hold at the moment the dialog opened. */
  quietNow: boolean;
}

/** Whether wall time `hhmm` falls in quiet hours from..to (which may run past midnight). */
export function inQuietHours(hhmm: string, from: string, to: string): boolean {
  if (from === to) return false;
  return from < to ? hhmm >= from && hhmm < to : hhmm >= from || hhmm < to;
}

/** The dialog's first choices: every active channel, archived ones are left out (they publish nothing). */
export function initialChoices(story: Story, channels: Channel[], now: Date): BreakingChoice[] {
  const live = story.copies.filter((c) => c.deletedAt === null);
  return channels
    .filter((ch) => !ch.archived)
    .map((ch) => {
      const copy = live.find((c) => c.channelId === ch.id);
      const quiet = channelWorkflowOf(ch).quietHours;
      const wall = instantToWallTime(now.toISOString(), ch.timeZone).slice(11, 16);
      const quietNow = quiet !== null && inQuietHours(wall, quiet.from, quiet.to);
      return {
        channelId: ch.id,
        chosen: copy !== undefined,
        silent: (copy?.silent ?? false) || quietNow,
        quietNow,
      };
    });
}
