import { describe, expect, it } from 'vitest';
import { createAppUrlCheck } from './app-url';

describe('createAppUrlCheck for the built page', () => {
  const isApp = createAppUrlCheck('file:///opt/desk/out/renderer/index.html');

  it('accepts the page itself, with a hash or query', () => {
    expect(isApp('file:///opt/desk/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/desk/out/renderer/index.html#/channels')).toBe(true);
    expect(isApp('file:///opt/desk/out/renderer/index.html?x=1')).toBe(true);
  });

  it.each([
    'file:///opt/desk/out/renderer/other.html',
    'file:///tmp/evil/index.html',
    'file:///opt/desk/out/renderer/../../../../tmp/index.html',
    'https://evil.example/',
    'http://localhost:5173/',
    'about:blank',
    'devtools://devtools/bundled/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isApp(url)).toBe(false);
  });
});

describe('createAppUrlCheck for the dev server', () => {
  const isApp = createAppUrlCheck('http://localhost:5173');

  it('accepts any path on the dev server origin', () => {
    expect(isApp('http://localhost:5173/')).toBe(true);
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
  });

  it('refuses other ports, hosts and schemes', () => {
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('http://127.0.0.1:5173/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
    expect(isApp('file:///opt/desk/out/renderer/index.html')).toBe(false);
  });
});
