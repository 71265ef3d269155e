// How a webhook delivery is signed, so the newsroom's receiver can tell it came from this hub
// and was not replayed: HMAC-SHA256 over the timestamp and the exact body bytes.
import { createHmac } from 'node:crypto';

/** Receivers refuse a delivery whose timestamp is further than this from their clock. */
export const WEBHOOK_REPLAY_WINDOW_S = 300;

/** The version tag of the signature scheme, written before the hex digest. */
export const WEBHOOK_SIGNATURE_VERSION = 'v1';

/** Header names of a delivery (HTTP header names are case-insensitive). */
export const WEBHOOK_HEADERS = {
  event: 'X-ChannelDesk-Event',
  delivery: 'X-ChannelDesk-Delivery',
  timestamp: 'X-ChannelDesk-Timestamp',
  signature: 'X-ChannelDesk-Signature',
} as const;

/**
 * The X-ChannelDesk-Signature value for a body sent at `timestamp` (unix seconds):
 * `v1=` + hex HMAC-SHA256 keyed with the secret over `${timestamp}.${body}`.
 */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`, 'utf8');
  mac.update(body);
  return `${WEBHOOK_SIGNATURE_VERSION}=${mac.digest('hex')}`;
}
