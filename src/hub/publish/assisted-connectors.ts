// The connectors that need no platform API: WhatsApp Channels (manual-assist — a person posts, the
// desk hands over the text and records it) and feeds (a published copy is simply an item of the
// channel's RSS and JSON Feed, served by the hub).
import type { Connector } from './connector';

/**
 * WhatsApp Channels has no posting API: every action becomes a task for a person (`manual`), who
 * confirms it in the desk. Settings: `{ link }`, the channel's invite link the desk opens.
 */
export function createWhatsAppConnector(): Connector {
  return {
    post: () => Promise.resolve({ kind: 'manual' }),
    edit: () => Promise.resolve({ kind: 'manual' }),
    remove: () => Promise.resolve({ kind: 'manual' }),
    check: (target) => {
      const link = target.config.link;
      if (link === undefined || link === null || link === '') {
        return Promise.resolve({ ok: true, facts: {} });
      }
      if (
        typeof link !== 'string' ||
        !/^https:\/\/(www\.)?whatsapp\.com\/channel\/\S+$/.test(link)
      ) {
        return Promise.resolve({
          ok: false,
          reason:
            'The channel link should look like https://whatsapp.com/channel/… (copy it from the channel’s info).',
        });
      }
      return Promise.resolve({ ok: true, facts: { link } });
    },
  };
}

/** A feed item appears when published and follows every correction; a withdrawn one disappears. */
export function createFeedConnector(): Connector {
  const done = (id: string) =>
    Promise.resolve({ kind: 'sent' as const, ref: { messageIds: [id], url: null }, answer: null });
  return {
    post: (_target, _content, ctx) => done(ctx.idempotencyKey),
    edit: (_target, ref) => done(ref.messageIds[0] ?? ''),
    remove: (_target, ref) => done(ref.messageIds[0] ?? ''),
    check: () => Promise.resolve({ ok: true, facts: {} }),
  };
}
