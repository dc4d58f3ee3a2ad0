import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { signToken, type Role } from '../auth/tokens';
import { createLogger, type LogLevel } from '../setup/log';
import { createTokenBuckets, type RateLimitPolicy } from './rate-limit';
import { createServices } from '../setup/services';
import { openDatabase } from '../storage/db';
import { sqliteSql } from '../storage/sqlite-sql';

const secret = 'embedding-test-secret-embedding-test-secret';
const inbox = 'https://inbox.example.com';

/** The BFF with nothing configured (the card answers Configuration Pending without asking Shopify). */
function bff({ logLevel = 'info', ...options }: { rateLimit?: RateLimitPolicy; logLevel?: LogLevel } = {}) {
  const lines: string[] = [];
  const distDir = mkdtempSync(join(tmpdir(), 'card-pages-'));
  writeFileSync(
    join(distDir, 'card.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>card</title>\n  </head>\n  <body></body>\n</html>\n',
  );
  writeFileSync(join(distDir, 'config.html'), '<!doctype html><title>config</title>');
  const services = createServices({
    sql: sqliteSql(openDatabase(':memory:')),
    appSecret: secret,
    endpoint: { apiOrigin: 'http://127.0.0.1:9' },
  });
  const app = createApp({
    services,
    appSecret: secret,
    allowedHostOrigins: [inbox, 'https://desk.example.org'],
    logger: createLogger(logLevel, (line) => lines.push(line)),
    distDir,
    ...options,
  });
  const openCard = async (sub: string, role: Role = 'agent') =>
    app.request('/api/card?debug=1', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await signToken(secret, { sub, role })}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+33612345678' }),
    });
  return { app, lines, openCard };
}

describe('the pages', () => {
  it.each(['/card', '/config'])('%s may be framed by the allowed inboxes only, and runs only its own scripts', async (path) => {
    const response = await bff().app.request(path);
    const csp = response.headers.get('Content-Security-Policy') ?? '';

    expect(csp).toContain(`frame-ancestors 'self' ${inbox} https://desk.example.org`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('tells the card which inbox origins may talk to it, from the server configuration', async () => {
    const html = await (await bff().app.request(`/card?allowed-host-origins=${encodeURIComponent('https://evil.example')}`)).text();

    expect(html).toContain(`<meta name="allowed-host-origins" content="${inbox} https://desk.example.org">`);
    expect(html.indexOf('allowed-host-origins')).toBeLessThan(html.indexOf('</head>'));
    expect(html).not.toContain('evil.example');
  });
});

describe('the per-agent rate limit', () => {
  it('answers 429 with a problem document and Retry-After once an agent has spent the bucket', async () => {
    const { openCard } = bff({ rateLimit: { capacity: 2, refillPerSecond: 0.2 } });

    expect((await openCard('agent-7')).status).toBe(200);
    expect((await openCard('agent-7')).status).toBe(200);
    const limited = await openCard('agent-7');

    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('5');
    expect(limited.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Too many requests' });
  });

  it('counts each agent on its own', async () => {
    const { openCard } = bff({ rateLimit: { capacity: 1, refillPerSecond: 0.01 } });

    expect((await openCard('agent-7')).status).toBe(200);
    expect((await openCard('agent-7')).status).toBe(429);
    expect((await openCard('agent-8')).status).toBe(200);
  });

  it('leaves requests without a valid token to the route, which refuses them', async () => {
    const { app } = bff({ rateLimit: { capacity: 1, refillPerSecond: 0.01 } });
    const anonymous = () =>
      app.request('/api/card', { method: 'POST', body: '{"phone":"+33612345678"}', headers: { 'Content-Type': 'application/json' } });

    expect((await anonymous()).status).toBe(401);
    expect((await anonymous()).status).toBe(401);
  });

  it('refills with time', () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => now);

    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toMatchObject({ allowed: false });
  });
});

describe('the request log', () => {
  it('writes one line per API call at debug: method, path without query, status, duration and the agent, never the token', async () => {
    const { openCard, lines } = bff({ logLevel: 'debug' });
    const response = await openCard('agent-7');
    expect(response.status).toBe(200);

    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === 'request');
    expect(requests).toEqual([
      {
        level: 'debug',
        time: expect.any(String),
        msg: 'request',
        method: 'POST',
        path: '/api/card',
        status: 200,
        durationMs: expect.any(Number),
        sub: 'agent-7',
      },
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain('eyJ');
    expect(all).not.toContain('+33612345678');
    expect(all).not.toContain('debug=1');
  });

  it('logs refused calls too, without an agent when the token named none', async () => {
    const { app, lines } = bff();
    await app.request('/api/card', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer not.a.token' } });

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/api/card', status: 401 }),
    );
    expect(lines.join('\n')).not.toContain('not.a.token');
  });
});
