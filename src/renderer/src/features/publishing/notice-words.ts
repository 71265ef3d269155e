// The words of a delivery notice (in the app and on the desktop) for a copy whose delivery changed.
import type { TFunction } from 'i18next';
import type { DeliveryNotice } from '../../../../shared/contract';

/** How loud a notice is: good news, something to do, or a failure. */
export type NoticeTone = 'ok' | 'task' | 'error';

export interface NoticeView {
  text: string;
  tone: NoticeTone;
}

/**
 * "Published on Rome Mobility: Line A closed", "Failed on …: reason", "Time to post on WhatsApp …",
 * "Withdrawn from …". `channel` is the channel's name; an untitled copy says so.
 */
export function noticeView(notice: DeliveryNotice, channel: string, t: TFunction): NoticeView {
  const d = notice.delivery;
  const title = notice.title.trim() || t('row.untitled');
  if (d.task === 'post' || d.state === 'due')
    return { text: t('deliveryNotice.due', { channel, title }), tone: 'task' };
  if (d.task === 'edit')
    return { text: t('deliveryNotice.edit', { channel, title }), tone: 'task' };
  if (d.task === 'delete')
    return { text: t('deliveryNotice.delete', { channel, title }), tone: 'task' };
  switch (d.state) {
    case 'failed': {
      const reason = d.reason ?? t('deliveryNotice.noReason');
      return { text: t('deliveryNotice.failed', { channel, reason }), tone: 'error' };
    }
    case 'withdrawn':
      return { text: t('deliveryNotice.withdrawn', { channel, title }), tone: 'ok' };
    case 'publishing':
      return { text: t('deliveryNotice.publishing', { channel, title }), tone: 'ok' };
    case 'published':
      // A correction or withdrawal that did not reach the platform leaves the copy published,
      // with the reason.
      if (d.reason)
        return { text: t('deliveryNotice.failed', { channel, reason: d.reason }), tone: 'error' };
      return { text: t('deliveryNotice.published', { channel, title }), tone: 'ok' };
  }
}
