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
      const status = c.res.status;
      const fields = {
        method: c.req.method,
        path: c.req.path,
        status,
        durationMs: Math.round(now() - started),
        ...(c.get('viewer') ? { sub: c.get('viewer')?.sub } : {}),
      };
      if (status >= 500) logger.warn('request', fields);
      else logger.info('request', fields);
    }
  });
}
