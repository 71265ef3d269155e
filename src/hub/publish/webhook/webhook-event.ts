// The JSON body of each webhook delivery (docs/webhooks.md documents it field by field).
import type { Attachment, Poll } from '../../../shared/domain';
import { parseSource, toPlain } from '../../../shared/formatting';
import { docHtml } from '../feeds/content-html';
import type { PublishContent, SentRef } from '../connector';

/** What a delivery announces. */
export type WebhookEventType = 'update.published' | 'update.edited' | 'update.withdrawn' | 'ping';

/** An update as the receiver gets it: the source text and two renderings of it. */
export interface WebhookUpdate {
  text: string;
  plain: string;
  html: string;
  attachments: Pick<Attachment, 'hash' | 'name' | 'mime' | 'kind' | 'size'>[];
  poll: Poll | null;
  silent: boolean;
  pin: boolean;
}

/** One delivery's body. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** The delivery id, also sent as X-ChannelDesk-Delivery: the same for every retry. */
  id: string;
  deliveredAt: string;
  channelId: string;
  /** The copy (one story on one channel); absent in a ping. */
  updateId?: string;
  /** The story the copy belongs to: its copies on other channels share it. */
  storyId?: string;
  /** The copy's version on the hub: a later delivery about the same copy has a higher one. */
  version?: number;
  /** Published and edited updates. */
  update?: WebhookUpdate;
  /** Edited and withdrawn updates: the copy as the receiver answered when it was published. */
  ref?: SentRef;
  /** Withdrawn updates: when the copy was published. */
  sentAt?: string;
}

/** The update part of a delivery. */
export function webhookUpdate(content: PublishContent): WebhookUpdate {
  const doc = parseSource(content.text);
  return {
    text: content.text,
    plain: toPlain(doc, { showUrls: true }),
    html: docHtml(doc),
    attachments: content.attachments.map(({ hash, name, mime, kind, size }) => ({
      hash,
      name,
      mime,
      kind,
      size,
    })),
    poll: content.poll,
    silent: content.silent,
    pin: content.pin,
  };
}
