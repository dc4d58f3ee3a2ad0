import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

/**
 * Refuses request bodies over `maxSize` bytes. A body sent with Content-Length is judged by that
 * header alone (Node's parser never delivers more bytes than it announces), which leaves the body
 * unread for the route's own fast read; a chunked body is counted as it streams in.
 */
export function apiBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return createMiddleware(async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (!/^\d{1,15}$/.test(length) || Number(length) > maxSize) return onError(c);
      return next();
    }
    return counted(c, next);
  });
}
