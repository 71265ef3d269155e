// Words for the steps of a copy's timeline.
import type { TFunction } from 'i18next';
import type { TimelineStep } from '../../../../shared/analytics';
import type { Platform } from '../../../../shared/domain';
import { platformLabel } from '../../i18n/labels';

/** What a step was, in a few words; an expiry names the platform that forgot the post. */
export function stepLabel(step: TimelineStep, platform: Platform, t: TFunction): string {
  switch (step.kind) {
    case 'created':
      return t('copyTimeline.step.created');
    case 'submitted':
      return t('copyTimeline.step.submitted');
    case 'approved':
      return t('copyTimeline.step.approved');
    case 'changes_requested':
      return t('copyTimeline.step.changesRequested');
    case 'reviewed':
      return t('copyTimeline.step.reviewed');
    case 'scheduled':
      return t('copyTimeline.step.scheduled');
    case 'embargoed':
      return t('copyTimeline.step.embargoed');
    case 'publishing':
      return t('copyTimeline.step.publishing');
    case 'published':
      return t('copyTimeline.step.published');
    case 'corrected':
      return t('copyTimeline.step.corrected');
    case 'withdrawn':
      return t('copyTimeline.step.withdrawn');
    case 'failed':
      return t('copyTimeline.step.failed');
    case 'expired':
      return t('copyTimeline.step.expired', { platform: platformLabel(platform, t) });
  }
}

/** Who took a step: a person's name, the hub, or nothing when the copy does not say. */
export function stepActor(step: TimelineStep, t: TFunction): string | null {
  if (step.byHub) return t('copyTimeline.byHub');
  return step.by ? step.by.name : null;
}
