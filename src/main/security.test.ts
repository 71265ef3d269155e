import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async () => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const { applySessionSecurity, hardenWebContents } = await import('./security');

const APP_URL = 'file:///app/out/renderer/index.html';
const isAppUrl = (url: string) => url.startsWith(APP_URL);

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

const navigation = () => ({ preventDefault: vi.fn() });

beforeEach(() => {
  openExternal.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('hardenWebContents', () => {
  it('denies every new window, opening only allowed links outside', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isAppUrl);
    expect(contents.openHandler?.({ url: 'https://t.me/s/x' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://t.me/s/x');
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from the app page, and lets in-app navigation through', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isAppUrl);
    const away = navigation();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');

    const redirect = navigation();
    contents.emit('will-redirect', redirect, 'javascript:alert(1)');
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);

    const home = navigation();
    contents.emit('will-navigate', home, `${APP_URL}#/calendar`);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isAppUrl);
    const attach = navigation();
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('applySessionSecurity', () => {
  it('replaces any CSP header with ours and denies permissions but the clipboard', () => {
    let onHeaders: ((d: unknown, cb: (r: unknown) => void) => void) | undefined;
    let onRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let onCheck: ((c: unknown, p: string) => boolean) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof onRequest) => (onRequest = fn),
      setPermissionCheckHandler: (fn: typeof onCheck) => (onCheck = fn),
    };
    applySessionSecurity(session as never, "default-src 'self'");

    const reply = vi.fn();
    onHeaders?.({ responseHeaders: { 'content-security-policy': ['*'], 'x-other': ['1'] } }, reply);
    expect(reply).toHaveBeenCalledWith({
      responseHeaders: { 'x-other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] },
    });

    const answer = vi.fn();
    onRequest?.({}, 'media', answer);
    onRequest?.({}, 'clipboard-sanitized-write', answer);
    expect(answer.mock.calls).toEqual([[false], [true]]);
    expect(onCheck?.({}, 'geolocation')).toBe(false);
  });
});
