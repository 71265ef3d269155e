// The renderer's desk: Electron IPC when the preload is there, else browser mode's HTTP host.
import type { DeskClient, DeskTransport } from './desk-client-core';
import { createDeskClient } from './desk-client-core';
import { createHttpTransport } from './http-transport';

export type { DeskClient, DeskTransport } from './desk-client-core';

/** Where the token is kept for this tab once it has been taken out of the address bar. */
export const TOKEN_STORAGE_KEY = 'channel-desk.token';

/** The parts of `window` the token handling touches. */
export interface TokenWindow {
  location: { href: string };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'state' | 'replaceState'>;
}

/**
 * Takes browser mode's token from `?token=` into session storage and out of the address bar
 * (so it is not bookmarked, shared or shown); later loads of the tab read it back.
 */
export function takeToken(win: TokenWindow): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

let transport: DeskTransport | undefined;
const pickTransport = (): DeskTransport => {
  if (transport) return transport;
  if (window.desk) {
    transport = window.desk;
  } else {
    transport = createHttpTransport({ baseUrl: window.location.origin, token: takeToken(window) });
  }
  return transport;
};

/** The desk, typed from the contract. Commands throw DeskError when refused. */
export const desk: DeskClient = createDeskClient(pickTransport);
