import { createMiddleware } from 'hono/factory';

/** The Content-Security-Policy of the pages: only the allowed inboxes may frame them, only our own scripts run. */
export function pageContentSecurityPolicy(allowedHostOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Chakra (Emotion) writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors 'self' ${allowedHostOrigins.join(' ')}`.trim(),
  ].join('; ');
}

/** Headers for the pages: only the allowed inboxes may frame them, and only our own scripts run. */
export function pageSecurityHeaders(allowedHostOrigins: readonly string[]) {
  const csp = pageContentSecurityPolicy(allowedHostOrigins);
  return createMiddleware(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  });
}

/**
 * Headers for API answers: never sniffed into something executable, never leaking a Referer. They are
 * set before the handler runs, so they go out with the answer as it is built; setting them afterwards
 * makes a copy of every response.
 */
export function apiSecurityHeaders() {
  return createMiddleware(async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  });
}
