// The signed webhook connector and what receivers need to verify its deliveries.
export {
  createWebhookConnector,
  WEBHOOK_TIMEOUT_MS,
  type WebhookConnectorOptions,
} from './webhook-connector';
export {
  signWebhook,
  WEBHOOK_HEADERS,
  WEBHOOK_REPLAY_WINDOW_S,
  WEBHOOK_SIGNATURE_VERSION,
} from './webhook-signature';
export type { WebhookEvent, WebhookEventType, WebhookUpdate } from './webhook-event';
