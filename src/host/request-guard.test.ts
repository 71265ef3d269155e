import { describe, expect, it } from 'vitest';
import { hostForUrl, isAllowedHost, isAllowedOrigin, isValidToken } from './request-guard';

const PORT = 5178;

describe('isAllowedHost', () => {
  it.each(['127.0.0.1:5178', 'localhost:5178', 'LOCALHOST:5178', '[::1]:5178'])(
    'accepts loopback %s',
    (host) => {
      expect(isAllowedHost(host, '127.0.0.1', PORT)).toBe(true);
    },
  );

  it.each([
    ['a rebinding name', 'evil.example:5178'],
    ['another port', '127.0.0.1:5179'],
    ['no port', '127.0.0.1'],
    ['a suffix trick', 'localhost.evil.example:5178'],
    ['nothing', undefined],
  ])('refuses %s', (_why, host) => {
    expect(isAllowedHost(host, '127.0.0.1', PORT)).toBe(false);
  });

  it('accepts the bind address itself and a port-less host on port 80', () => {
    expect(isAllowedHost('192.168.1.5:5178', '192.168.1.5', PORT)).toBe(true);
    expect(isAllowedHost('[fe80::1]:5178', 'fe80::1', PORT)).toBe(true);
    expect(isAllowedHost('localhost', '127.0.0.1', 80)).toBe(true);
  });
});

describe('isAllowedOrigin', () => {
  it('lets a client without Origin through (the token still applies)', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1', PORT)).toBe(true);
  });

  it('accepts the page’s own origin under each loopback name', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5178', '127.0.0.1', PORT)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5178', '127.0.0.1', PORT)).toBe(true);
  });

  it.each([
    'http://evil.example',
    'http://evil.example:5178',
    'https://127.0.0.1:5178',
    'http://127.0.0.1:9999',
    'null',
    'file://',
    'http://127.0.0.1:5178/path',
    'garbage',
  ])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin, '127.0.0.1', PORT)).toBe(false);
  });
});

describe('isValidToken', () => {
  it('accepts only the exact token', () => {
    expect(isValidToken('abc123', 'abc123')).toBe(true);
    expect(isValidToken('abc124', 'abc123')).toBe(false);
    expect(isValidToken('abc1234', 'abc123')).toBe(false);
    expect(isValidToken('', 'abc123')).toBe(false);
    expect(isValidToken(undefined, 'abc123')).toBe(false);
    expect(isValidToken(['abc123'], 'abc123')).toBe(false);
  });
});

describe('hostForUrl', () => {
  it('brackets IPv6 addresses only', () => {
    expect(hostForUrl('::1')).toBe('[::1]');
    expect(hostForUrl('[::1]')).toBe('[::1]');
    expect(hostForUrl('127.0.0.1')).toBe('127.0.0.1');
  });
});
