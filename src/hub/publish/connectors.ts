// The connectors a hub process publishes with, one per platform.
import { createFeedConnector, createWhatsAppConnector } from './assisted-connectors';
import type { ConnectorRegistry } from './scheduler';
import { createTelegramConnector } from './telegram';
import { createWebhookConnector } from './webhook';

export interface ConnectorSettings {
  /** The Bot API's root (a local Bot API server, or a test peer); Telegram's own by default. */
  telegramApiRoot?: string;
}

export function createConnectors(settings: ConnectorSettings = {}): ConnectorRegistry {
  return {
    telegram: createTelegramConnector(
      settings.telegramApiRoot ? { apiRoot: settings.telegramApiRoot } : {},
    ),
    whatsapp: createWhatsAppConnector(),
    webhook: createWebhookConnector(),
    feed: createFeedConnector(),
  };
}
