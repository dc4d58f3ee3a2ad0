import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../setup/log';
import { requestLog } from './request-log';

/** An API whose calls take as long as `?ms=` says, on a clock the test moves. */
function api(level: LogLevel) {
  const lines: string[] = [];
  let clock = 0;
  const app = new Hono()
    .use(
      requestLog(
        createLogger(level, (line) => lines.push(line)),
        { slowMs: 1_000, summaryEveryMs: 60_000, now: () => clock },
      ),
    )
    .all('/api/:status', (c) => {
      clock += Number(c.req.query('ms') ?? 5);
      return c.json({}, Number(c.req.param('status')) as 200);
    });
  const call = (status: number, ms = 5) => app.request(`/api/${status}?ms=${ms}`);
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    call,
    records,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('the request log', () => {
  it('writes refusals, failures and slow calls at info and warn, and answered calls at debug only', async () => {
    const info = api('info');
    for (const [status, ms] of [
      [200, 5],
      [404, 5],
      [429, 5],
      [502, 5],
      [200, 1_500],
    ] as const)
      await info.call(status, ms);
    expect(info.records().map(({ level, status, durationMs }) => ({ level, status, durationMs }))).toEqual([
      { level: 'info', status: 404, durationMs: 5 },
      { level: 'info', status: 429, durationMs: 5 },
      { level: 'warn', status: 502, durationMs: 5 },
      { level: 'info', status: 200, durationMs: 1_500 },
    ]);

    const debug = api('debug');
    await debug.call(200);
    expect(debug.records()).toEqual([
      expect.objectContaining({ level: 'debug', msg: 'request', method: 'GET', path: '/api/200', status: 200 }),
    ]);
  });

  it('sums up every call once a period, and starts counting afresh', async () => {
    const log = api('info');
    for (let i = 0; i < 40; i += 1) await log.call(200, 10);
    await log.call(404);
    await log.call(503, 30);
    await log.call(200, 2_000);
    expect(log.records().filter((r) => r.msg === 'requests')).toEqual([]);

    log.advance(60_000);
    await log.call(200, 5);
    const summaries = () => log.records().filter((r) => r.msg === 'requests');
    expect(summaries()).toEqual([
      expect.objectContaining({
        level: 'info',
        periodSeconds: 62,
        calls: 44,
        byStatus: { '2xx': 42, '3xx': 0, '4xx': 1, '5xx': 1 },
        slow: 1,
        slowestMs: 2_000,
      }),
    ]);

    await log.call(200, 5);
    log.advance(60_000);
    await log.call(201, 5);
    expect(summaries()[1]).toMatchObject({
      periodSeconds: 60,
      calls: 2,
      byStatus: { '2xx': 2, '3xx': 0, '4xx': 0, '5xx': 0 },
      slow: 0,
      slowestMs: 5,
    });
  });
});
