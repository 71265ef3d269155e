import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, takeToken } from './desk-client';

describe('takeToken', () => {
  function fakeWindow(href: string, stored: Record<string, string> = {}) {
    const storage = new Map(Object.entries(stored));
    const replaceState = vi.fn();
    return {
      win: {
        location: { href } as Location,
        sessionStorage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => storage.set(k, v),
        } as Storage,
        history: { state: null, replaceState } as unknown as History,
      },
      storage,
      replaceState,
    };
  }

  it('moves the token from the address bar into session storage', () => {
    const { win, storage, replaceState } = fakeWindow('http://127.0.0.1:5178/?token=abc&x=1#/week');
    expect(takeToken(win)).toBe('abc');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/week');
  });

  it('reads the stored token on a reload, and null when there is none', () => {
    expect(
      takeToken(fakeWindow('http://127.0.0.1:5178/', { [TOKEN_STORAGE_KEY]: 'kept' }).win),
    ).toBe('kept');
    expect(takeToken(fakeWindow('http://127.0.0.1:5178/').win)).toBeNull();
  });
});
