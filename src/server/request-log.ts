import { createMiddleware } from 'hono/factory';
import type { AuthVariables } from './auth/middleware';
import type { Logger } from './log';

/**
 * One line per API call: method, path (never the query string), status, duration and the agent's
 * `sub` when the token named one. Headers and bodies are never logged.
 */
export function requestLog(logger: Logger, now: () => number = () => performance.now()) {
  return createMiddleware<{ Variables: Partial<AuthVariables> }>(async (c, next) => {
    const started = now();
    try {
      await next();
    } finally {
      const viewer = c.get('viewer');
      logger.access({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: now() - started,
        ...(viewer ? { sub: viewer.sub } : {}),
      });
    }
  });
}
