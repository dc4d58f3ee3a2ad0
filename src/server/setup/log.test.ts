import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture(level: Parameters<typeof createLogger>[0] = 'debug') {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line));
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const email = 'amelie.dubois@example.fr';
const phone = '+33612345678';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03Iiwicm9sZSI6ImFnZW50In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const clientSecret = 'shpss_0123456789abcdef0123456789abcdef';
const accessToken = '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';

describe('the logger', () => {
  it('writes one JSON line per call, with level, time, message and fields', () => {
    const { logger, records } = capture('info');
    logger.info('card opened', { shop: 'acme.myshopify.com', durationMs: 42 });

    expect(records()).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: 'card opened', shop: 'acme.myshopify.com', durationMs: 42 },
    ]);
  });

  it('leaves out lines below its level, and everything when silent', () => {
    const info = capture('info');
    info.logger.debug('noise');
    info.logger.warn('kept');
    expect(info.records().map((r) => r.msg)).toEqual(['kept']);

    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  it('shows no email, phone, bearer token or client secret, under any key or inside any text', () => {
    const { logger, lines } = capture();
    logger.error(`lookup failed for ${email} / +33 6 12 34 56 78 with Bearer ${jwt}`, {
      email,
      customer: { phone, note: `call ${phone} or write to ${email}` },
      headers: { authorization: `Bearer ${jwt}` },
      request: `POST /oauth/access_token client_id=abc&client_secret=${clientSecret}`,
      clientSecret,
      query: `{"accessToken":"${accessToken}"}`,
      detail: `token ${jwt} rejected`,
      error: new Error(`Shopify said no to ${email} (key ${accessToken})`),
      attempts: [{ to: phone }],
    });

    const line = lines.join('\n');
    for (const secret of [email, phone, '+33 6 12 34 56 78', jwt, clientSecret, accessToken, 'c2lnbmF0dXJlLXNpZ25hdHVyZQ']) {
      expect(line).not.toContain(secret);
    }
    // What is not personal stays readable.
    expect(line).toContain('lookup failed for');
    expect(line).toContain('Shopify said no to');
    expect(line).toContain('client_id=abc');
  });

  it('keeps identifiers that are not phone numbers', () => {
    const { logger, records } = capture();
    logger.info('order', { orderId: 'gid://shopify/Order/1234567890', total: '+100.00', sub: 'agent-7' });
    expect(records()[0]).toMatchObject({ orderId: 'gid://shopify/Order/1234567890', total: '+100.00', sub: 'agent-7' });
  });

  it('redacts secrets however they are cased, and leaves plain text exactly as it was', () => {
    const { logger, lines } = capture();
    logger.info('seen', {
      a: `AUTHORIZATION: BEARER ${jwt}`,
      b: `Client-Secret=${clientSecret}`,
      c: 'API-KEY: k3y-v4lue',
      d: 'PASSWORD=hunter2',
      e: 'AMELIE.DUBOIS@EXAMPLE.FR',
      f: 'call +44 7700 900123',
    });
    const line = lines.join('\n');
    for (const secret of [jwt, clientSecret, 'k3y-v4lue', 'hunter2', 'AMELIE.DUBOIS@EXAMPLE.FR', '7700 900123'])
      expect(line).not.toContain(secret);

    const plain = {
      path: '/api/config/credentials/6f1c2a9e-0b7d-4c1e-9a55-2f0e8c1d7b3a',
      status: 200,
      note: 'Order #1042 shipped (2 parcels)',
    };
    logger.info('plain', plain);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject(plain);
  });

  it('shows no email written %40, and no phone written without its plus, alone or in groups', () => {
    const { logger, lines } = capture();
    logger.info('lookup', {
      path: '/api/lookup/amelie.dubois%40example.fr',
      body: 'email=amelie.dubois%40example.fr&phone=447700900123',
      infobip: 'from 447700900123 to 33612345678',
      national: 'called (415) 555-0123 and 0033 6 12 34 56 78 and 07700 900123',
    });
    const line = lines.join('\n');
    for (const secret of ['dubois%40example', '447700900123', '33612345678', '555-0123', '12 34 56 78', '900123']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[email]');
    expect(line).toContain('[phone]');
  });

  it('keeps dates, times, amounts, ids and order names, which are not phones', () => {
    const { logger, records } = capture();
    const plain = {
      at: '2026-11-01T08:31:00.000Z',
      day: '2026-11-01',
      customer: 'gid://shopify/Customer/7346120000001',
      total: '1234.50 EUR',
      order: 'Order #1042 and #1043',
      path: '/api/config/credentials/6f1c2a9e-0b7d-4c1e-9a55-2f0e8c1d7b3a/verify',
    };
    logger.info('plain', plain);
    expect(records()[0]).toMatchObject(plain);
  });

  it('shows no client secret in a URL path, nor in a token’s sub', () => {
    const { logger, lines } = capture();
    const hexSecret = '0123456789abcdef0123456789abcdef';
    logger.access('info', { method: 'POST', path: `/api/config/credentials/${hexSecret}/verify`, status: 404, durationMs: 1 });
    logger.access('info', { method: 'POST', path: '/oauth/client_secret/sandbox-client-secret-x', status: 404, durationMs: 1 });
    logger.access('info', { method: 'POST', path: '/api/card', status: 200, durationMs: 1, sub: hexSecret });
    logger.access('info', { method: 'POST', path: '/api/card', status: 200, durationMs: 1, sub: clientSecret });
    logger.access('info', { method: 'POST', path: '/api/card', status: 200, durationMs: 1, sub: 'amelie.dubois%40example.fr' });
    logger.access('info', { method: 'POST', path: '/api/card', status: 200, durationMs: 1, sub: '447700900123' });
    logger.warn('refused', { sub: `client_secret=${hexSecret}` });
    const line = lines.join('\n');
    for (const secret of [hexSecret, clientSecret, 'sandbox-client-secret-x', 'dubois%40example', '447700900123']) {
      expect(line).not.toContain(secret);
    }
  });

  it('writes the request line exactly as it would write it through pino, redacted the same way', () => {
    const { logger, records } = capture('debug');
    const calls = [
      { level: 'debug', line: { method: 'POST', path: '/api/card', status: 200, durationMs: 3, sub: 'agent-7' } },
      { level: 'info', line: { method: 'POST', path: `/api/card/${email}`, status: 404, durationMs: 0.4, sub: `${email} ${phone}` } },
      { level: 'warn', line: { method: 'GET', path: '/api/config', status: 503, durationMs: 1200 } },
      {
        level: 'info',
        line: { method: 'POST', path: '/api/card', status: 200, durationMs: 2, sub: 'quote " and backslash \\ and\nnewline' },
      },
    ] as const;
    for (const { level, line } of calls) {
      logger.access(level, line);
      logger[level]('request', { ...line, durationMs: Math.round(line.durationMs) });
    }
    const written = records();
    expect(written).toHaveLength(calls.length * 2);
    for (let i = 0; i < written.length; i += 2) {
      expect({ ...written[i], time: 'T' }).toEqual({ ...written[i + 1], time: 'T' });
      expect(Object.keys(written[i] ?? {})).toEqual(Object.keys(written[i + 1] ?? {}));
    }
    expect(written[2]?.path).not.toContain(email);
    expect(written[2]?.sub).toBe('[email] [phone]');
    expect(written[4]).toMatchObject({ level: 'warn', status: 503 });
  });

  it('leaves out request lines below its level', () => {
    const { logger, lines } = capture('info');
    logger.access('debug', { method: 'POST', path: '/api/card', status: 200, durationMs: 1 });
    logger.access('info', { method: 'POST', path: '/api/card', status: 401, durationMs: 1 });
    expect(lines.map((line) => (JSON.parse(line) as { status: number }).status)).toEqual([401]);
  });
});
