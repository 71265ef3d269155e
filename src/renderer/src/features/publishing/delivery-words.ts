// Where a copy stands on its platform, in words: the list badge (with the overdue rule), the
// manual-assist task's wording, and the names of a publication's actions and states.
import type { TFunction } from 'i18next';
import type { PublicationView } from '../../../../shared/publish/protocol';
import type { Delivery, DeliveryState } from '../../../../shared/sync/protocol';

/** A WhatsApp post still waiting this long after its time is overdue, and shown loudly. */
export const OVERDUE_AFTER_MS = 10 * 60_000;

/** What the badge shows: the delivery's state, or `overdue` for a manual post left waiting. */
export type BadgeState = DeliveryState | 'overdue';

/** True when a manual-assist post has waited more than OVERDUE_AFTER_MS since it fell due. */
export function isOverdue(delivery: Pick<Delivery, 'state' | 'at'>, nowMs: number): boolean {
  if (delivery.state !== 'due') return false;
  const since = Date.parse(delivery.at);
  return Number.isFinite(since) && nowMs - since > OVERDUE_AFTER_MS;
}

/** The badge's state at `nowMs`. */
export function badgeState(delivery: Pick<Delivery, 'state' | 'at'>, nowMs: number): BadgeState {
  return isOverdue(delivery, nowMs) ? 'overdue' : delivery.state;
}

/** The badge's short label and its longer explanation (the tooltip and the screen reader's words). */
export function badgeWords(
  delivery: Pick<Delivery, 'reason' | 'task'>,
  state: BadgeState,
  t: TFunction,
): { label: string; hint: string } {
  switch (state) {
    case 'publishing':
      return {
        label: t('delivery.badge.publishing'),
        hint: delivery.reason ?? t('delivery.badge.publishingHint'),
      };
    case 'published':
      if (delivery.task === 'edit')
        return { label: t('delivery.badge.editDue'), hint: t('delivery.badge.editDueHint') };
      if (delivery.task === 'delete')
        return { label: t('delivery.badge.deleteDue'), hint: t('delivery.badge.deleteDueHint') };
      return {
        label: t('delivery.badge.published'),
        hint: delivery.reason ?? t('delivery.badge.publishedHint'),
      };
    case 'failed':
      return {
        label: t('delivery.badge.failed'),
        hint: delivery.reason
          ? t('delivery.badge.failedBecause', { reason: delivery.reason })
          : t('delivery.badge.failedHint'),
      };
    case 'due':
      return { label: t('delivery.badge.due'), hint: t('delivery.badge.dueHint') };
    case 'overdue':
      return { label: t('delivery.badge.overdue'), hint: t('delivery.badge.overdueHint') };
    case 'withdrawn':
      return { label: t('delivery.badge.withdrawn'), hint: t('delivery.badge.withdrawnHint') };
  }
}

/** The words of a manual-assist task: the card's heading, what to do, and the confirm button. */
export function taskWords(
  task: NonNullable<Delivery['task']>,
  t: TFunction,
): { title: string; steps: string; confirm: string; done: string } {
  switch (task) {
    case 'post':
      return {
        title: t('whatsappTask.postTitle'),
        steps: t('whatsappTask.postSteps'),
        confirm: t('whatsappTask.postConfirm'),
        done: t('whatsappTask.postDone'),
      };
    case 'edit':
      return {
        title: t('whatsappTask.editTitle'),
        steps: t('whatsappTask.editSteps'),
        confirm: t('whatsappTask.editConfirm'),
        done: t('whatsappTask.editDone'),
      };
    case 'delete':
      return {
        title: t('whatsappTask.deleteTitle'),
        steps: t('whatsappTask.deleteSteps'),
        confirm: t('whatsappTask.deleteConfirm'),
        done: t('whatsappTask.deleteDone'),
      };
  }
}

/** What a publication does: post, correct, delete. */
export function actionLabel(action: PublicationView['action'], t: TFunction): string {
  switch (action) {
    case 'post':
      return t('delivery.action.post');
    case 'edit':
      return t('delivery.action.edit');
    case 'delete':
      return t('delivery.action.delete');
  }
}

/** Where one publication stands on the hub. */
export function publicationStateLabel(state: PublicationView['state'], t: TFunction): string {
  switch (state) {
    case 'scheduled':
      return t('delivery.publication.scheduled');
    case 'sending':
      return t('delivery.publication.sending');
    case 'done':
      return t('delivery.publication.done');
    case 'failed':
      return t('delivery.publication.failed');
    case 'due':
      return t('delivery.publication.due');
    case 'cancelled':
      return t('delivery.publication.cancelled');
  }
}

/**
 * True when the hub has something failed to send again: a post that failed, or a correction or
 * withdrawal of a published copy that did not reach the platform (its reason says so).
 */
export function canRetry(delivery: Pick<Delivery, 'state' | 'reason' | 'task'>): boolean {
  if (delivery.state === 'failed') return true;
  return delivery.state === 'published' && delivery.reason !== null && delivery.task === null;
}
