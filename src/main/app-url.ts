// Which URLs are the desk's own page: the built index.html, or the dev server while developing.

/** Returns a check that accepts URLs of the app's own page and nothing else. */
export function createAppUrlCheck(appUrl: string): (url: string) => boolean {
  const app = new URL(appUrl);
  return (candidate: string) => {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return false;
    }
    if (app.protocol === 'file:') {
      // Any file: page is "same origin" with any other, so only the one index.html counts.
      return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
    }
    return url.origin === app.origin;
  };
}
