/**
 * The Content-Security-Policy of every page of the renderer, sent as a header by both shells (app:// in the
 * desktop app, HTTP in the browser shell) and repeated in index.html. No inline or remote script, no eval, no
 * plugins, no framing; data goes only to the app's own origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
