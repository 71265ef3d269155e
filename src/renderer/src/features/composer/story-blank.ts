// Whether a story is still exactly as "New update" made it.
import type { Story } from '../../../../shared/domain';

/** True when a story holds nothing an editor made: no text, media, poll, variant or schedule. */
export function isBlankStory(s: Story): boolean {
  return (
    s.shared.text.trim() === '' &&
    s.shared.attachments.length === 0 &&
    s.shared.poll === null &&
    s.copies.every((c) => !c.customized && c.schedule.kind === 'none')
  );
}
