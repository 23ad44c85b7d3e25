/**
 * The Content-Security-Policy of every app window. Main sends it as a response header
 * for the app's own protocol; the e2e bridge serves the renderer with the same policy
 * plus its one loopback WebSocket.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Quick Look's audio, video and PDF, streamed from the app's own protocol.
  "media-src 'self'",
  "frame-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
