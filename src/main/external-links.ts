// Links that may leave the app for the user's browser or mail client.

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True for http, https and mailto URLs without embedded credentials (which can disguise a host). */
export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return true;
  return url.hostname !== '' && url.username === '' && url.password === '';
}

// Copying the formatted text for manual-assist publishing needs the clipboard; nothing else is asked.
// Writing to the clipboard (text to paste in WhatsApp) and notifications (published, failed, due).
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'notifications']);

/** True for the few web permissions the desk's page may use. */
export function isAllowedPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
