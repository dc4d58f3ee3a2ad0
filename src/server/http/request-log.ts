import { createMiddleware } from 'hono/factory';
import type { AuthVariables } from '../auth/middleware';
import type { AccessLevel, Logger } from '../setup/log';

export type RequestLogOptions = {
  /** A call at least this long gets its own `info` line. */
  slowMs?: number;
  /** How often the summary line is written, when calls came. */
  summaryEveryMs?: number;
  /** Milliseconds, for durations and the summary's period. */
  now?: () => number;
};

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
const statusClass = (status: number): StatusClass => (status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx');

/**
 * A line per API call: method, path (never the query string), status, duration and the agent's `sub`
 * when the token named one; never headers or bodies. Calls worth reading get it at `info`: refusals
 * (4xx), failures (5xx, at `warn`) and slow calls. Answered calls go at `debug` (`LOG_LEVEL=debug`):
 * one line per card open would cost more than serving it from the cache. Every call is counted, and
 * a summary line at `info` says, once a period, how many there were, by status, and the slowest.
 */
export function requestLog(logger: Logger, options: RequestLogOptions = {}) {
  const { slowMs = 1_000, summaryEveryMs = 60_000, now = () => performance.now() } = options;
  let periodStart = now();
  let calls = 0;
  let slow = 0;
  let slowestMs = 0;
  const byStatus: Record<StatusClass, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };

  const count = (status: number, durationMs: number, at: number) => {
    calls += 1;
    byStatus[statusClass(status)] += 1;
    if (durationMs >= slowMs) slow += 1;
    if (durationMs > slowestMs) slowestMs = durationMs;
    if (at - periodStart < summaryEveryMs) return;
    logger.info('requests', {
      periodSeconds: Math.round((at - periodStart) / 1000),
      calls,
      byStatus: { ...byStatus },
      slow,
      slowestMs: Math.round(slowestMs),
    });
    periodStart = at;
    calls = slow = slowestMs = 0;
    for (const key of Object.keys(byStatus) as StatusClass[]) byStatus[key] = 0;
  };

  return createMiddleware<{ Variables: Partial<AuthVariables> }>(async (c, next) => {
    const started = now();
    try {
      await next();
    } finally {
      const ended = now();
      const status = c.res.status;
      const durationMs = ended - started;
      const level: AccessLevel = status >= 500 ? 'warn' : status >= 400 || durationMs >= slowMs ? 'info' : 'debug';
      if (logger.enabled(level)) {
        const viewer = c.get('viewer');
        logger.access(level, { method: c.req.method, path: c.req.path, status, durationMs, ...(viewer ? { sub: viewer.sub } : {}) });
      }
      count(status, durationMs, ended);
    }
  });
}
