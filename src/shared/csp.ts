// The Content-Security-Policy of the desk's page, in one place: the renderer's <meta> tag, the
// browser-mode host's header and the Electron session all carry this exact string.

/** The strict policy for the built renderer: nothing inline, nothing remote, no frames. */
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
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy while the Vite dev server serves the renderer: React Fast Refresh injects an inline
 * preamble script and Vite injects CSS as <style> tags, so dev (never a build) allows inline.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
