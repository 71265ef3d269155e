import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAllowedPermission } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each(['https://t.me/s/rome_mobility', 'http://example.com/a?b=c', 'mailto:desk@example.com'])(
    'allows %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@evil.example/',
    'https://trusted.example@evil.example/',
    'http://',
    '',
    '/relative/path',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedPermission', () => {
  it('allows writing to the clipboard and notifications, and nothing else', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true);
    expect(isAllowedPermission('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'hid']) {
      expect(isAllowedPermission(p)).toBe(false);
    }
  });
});
