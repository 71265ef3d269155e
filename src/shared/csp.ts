// The Content-Security-Policy of the desk's page, in one place: the renderer's <meta> tag, the
// browser-mode host's header and the Electron session all derive from these strings.

/**
 * The strict policy for the built renderer, as its <meta> tag carries it: nothing inline,
 * nothing remote. (`frame-ancestors` is left to the header: in a meta tag Chromium ignores it
 * and logs a console error on every load.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The same policy as a response header, which can also forbid other sites to frame the page. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`;

/**
 * The policy while the Vite dev server serves the renderer: React Fast Refresh injects an inline
 * preamble script and Vite injects CSS as <style> tags, so dev (never a build) allows inline.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** The dev policy as a response header. */
export const DEV_CONTENT_SECURITY_POLICY_HEADER = `${DEV_CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`;
