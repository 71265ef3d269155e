// The shell's security settings: no new windows, no navigation away, vetted external links, a CSP.
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl, isAllowedPermission } from './external-links';

const openOutside = (url: string): void => {
  if (!isAllowedExternalUrl(url)) {
    console.warn('[desk] refused to open', url.slice(0, 200));
    return;
  }
  shell.openExternal(url).catch((err: unknown) => console.error('[desk] could not open', url, err));
};

/** Applies the per-page rules to every web contents the app creates. */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank lands here: it goes to the user's browser, never to a new window.
    openOutside(url);
    return { action: 'deny' };
  });
  const keepOnAppPage = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', keepOnAppPage);
  contents.on('will-redirect', keepOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Sets the CSP as a response header (it matters for the dev server) and denies web permissions. */
export function applySessionSecurity(session: Session, contentSecurityPolicy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isAllowedPermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
}
