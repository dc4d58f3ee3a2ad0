import { createMiddleware } from 'hono/factory';

/** The Content-Security-Policy of the pages: only the allowed inboxes may frame them, only our own scripts run. */
export function pageContentSecurityPolicy(allowedHostOrigins: readonly string[], inlineScriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // A page's own inline script (the card's boot script) runs by its hash, and no other.
    ["script-src 'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' '),
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

/**
 * Headers for the pages: only the allowed inboxes may frame them, and only our own scripts run. A page
 * with inline scripts sets its own policy, with their hashes.
 */
export function pageSecurityHeaders(allowedHostOrigins: readonly string[]) {
  const csp = pageContentSecurityPolicy(allowedHostOrigins);
  return createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  });
}

/** Every API answer: never sniffed into something executable, never leaking a Referer, never kept by a cache. */
const apiHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;
const jsonApiHeaders = Object.freeze({ 'Content-Type': 'application/json', ...apiHeaders });
/** A card open says whether the cache answered it (`Server-Timing`, which browsers show beside the call's timing). */
const cacheHeaders = {
  hit: Object.freeze({ ...jsonApiHeaders, 'Server-Timing': 'cache;desc="hit"' }),
  miss: Object.freeze({ ...jsonApiHeaders, 'Server-Timing': 'cache;desc="miss"' }),
} as const;

/** Answers that already carry `apiHeaders`. */
const withApiHeaders = new WeakSet<Response>();

/**
 * A JSON answer with the API's headers built in, as one plain object that goes straight to the
 * socket. The hot routes (the card) answer this way: adding headers to a finished response makes a
 * copy of it, and that copy cost a cached card open more than the open itself.
 */
export function apiJson(text: string, status = 200, cache?: 'hit' | 'miss'): Response {
  const response = new Response(text, { status, headers: cache ? cacheHeaders[cache] : jsonApiHeaders });
  withApiHeaders.add(response);
  return response;
}

/** Gives every API answer that `apiJson` did not build the API's headers, whatever built it. */
export function apiSecurityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    if (withApiHeaders.has(c.res)) return;
    for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  });
}
