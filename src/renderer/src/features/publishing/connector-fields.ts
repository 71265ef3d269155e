// A channel's publishing settings as a form: the fields each platform has, the settings sent to the
// hub, a generated webhook secret, the facts the hub found when it checked, and a feed's addresses.
import type { TFunction } from 'i18next';
import type { ConnectorView, SyncStatus } from '../../../../shared/contract';
import type { Platform } from '../../../../shared/domain';

/** Bytes of randomness in a generated webhook signing secret (256 bits). */
export const SECRET_BYTES = 32;

/** The form's text fields; each platform uses some of them. */
export interface ConnectorFields {
  chatId: string;
  url: string;
  link: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The fields as the hub has them saved (empty for a channel not set up yet). */
export function fieldsOf(view: Pick<ConnectorView, 'config'>): ConnectorFields {
  return {
    chatId: text(view.config.chatId),
    url: text(view.config.url),
    link: text(view.config.link),
  };
}

/** The settings a platform's connector takes, trimmed; WhatsApp's link may be left out. */
export function configFor(platform: Platform, fields: ConnectorFields): Record<string, string> {
  switch (platform) {
    case 'telegram':
      return { chatId: fields.chatId.trim() };
    case 'webhook':
      return { url: fields.url.trim() };
    case 'whatsapp':
      return fields.link.trim() ? { link: fields.link.trim() } : {};
    case 'feed':
      return {};
  }
}

/** True for platforms whose connector needs a secret (a bot token, a signing secret). */
export const needsSecret = (platform: Platform): boolean =>
  platform === 'telegram' || platform === 'webhook';

/** Bytes as base64url without padding (safe in headers, URLs and config files). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new webhook signing secret: SECRET_BYTES random bytes from the platform's CSPRNG, base64url. */
export function generateSecret(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = new Uint8Array(SECRET_BYTES);
  random.getRandomValues(bytes);
  return base64Url(bytes);
}

/** Names for the facts the hub's checks report; an unknown fact keeps its own name. */
export function factLabel(key: string, t: TFunction): string {
  switch (key) {
    case 'bot':
      return t('connector.fact.bot');
    case 'channel':
      return t('connector.fact.channel');
    case 'chatId':
      return t('connector.fact.chatId');
    case 'canPostMessages':
      return t('connector.fact.canPost');
    case 'canEditMessages':
      return t('connector.fact.canEdit');
    case 'canDeleteMessages':
      return t('connector.fact.canDelete');
    case 'url':
      return t('connector.fact.url');
    case 'answer':
      return t('connector.fact.answer');
    case 'link':
      return t('connector.fact.link');
    default:
      return key;
  }
}

/** A fact's value: the hub's yes/no in the interface language, anything else as sent. */
export function factValue(value: string, t: TFunction): string {
  if (value === 'yes') return t('connector.fact.yes');
  if (value === 'no') return t('connector.fact.no');
  return value;
}

const LOCAL_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * The addresses of a feed channel's RSS and JSON Feed on the team hub, or null when the desk has no
 * team hub (solo mode serves no public feeds). The sync status names the hub by its host only, so
 * the scheme is inferred: http for this computer, https elsewhere.
 */
export function feedUrls(
  status: Pick<SyncStatus, 'mode' | 'hub'> | undefined,
  channelId: string,
): { rss: string; json: string } | null {
  if (!status || status.mode !== 'team' || !status.hub) return null;
  const hub = status.hub.trim().replace(/\/+$/, '');
  const origin = /^https?:\/\//i.test(hub)
    ? hub
    : `${LOCAL_HOSTS.test(hub) ? 'http' : 'https'}://${hub}`;
  const base = `${origin}/v1/feeds/${encodeURIComponent(channelId)}`;
  return { rss: `${base}/rss.xml`, json: `${base}/feed.json` };
}
