import { createMiddleware } from 'hono/factory';

/** Headers for the pages: only the allowed inboxes may frame them, and only our own scripts run. */
export function pageSecurityHeaders(allowedHostOrigins: readonly string[]) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Chakra (Emotion) writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors 'self' ${allowedHostOrigins.join(' ')}`.trim(),
  ].join('; ');
  return createMiddleware(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });
}
