// Who may talk to the browser-mode host: pure checks, so they can be tested without a server.
import { timingSafeEqual } from 'node:crypto';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Formats a bind address as it appears in a Host header or URL (IPv6 in brackets). */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The `host:port` values a legitimate request may carry, for a server bound to `bindHost`. */
export function allowedAuthorities(bindHost: string, port: number): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, hostForUrl(bindHost).toLowerCase()]);
  const authorities = new Set<string>();
  for (const name of names) {
    authorities.add(`${name}:${port}`);
    // Browsers leave the default port out of the Host header.
    if (port === 80) authorities.add(name);
  }
  return authorities;
}

/**
 * True when the Host header names this server. A DNS-rebinding page reaches us under its own
 * host name, so anything else is refused.
 */
export function isAllowedHost(
  hostHeader: string | undefined,
  bindHost: string,
  port: number,
): boolean {
  if (!hostHeader) return false;
  return allowedAuthorities(bindHost, port).has(hostHeader.toLowerCase());
}

/**
 * True when the request comes from our own page or from a non-browser client (no Origin).
 * `null` origins (sandboxed frames, file: pages) are refused.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  bindHost: string,
  port: number,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.origin.toLowerCase() !== origin.toLowerCase()) return false;
  return allowedAuthorities(bindHost, port).has(url.host.toLowerCase());
}

/** Compares a presented token with the run's token in constant time. */
export function isValidToken(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
