import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../auth/tokens';
import { startHarness, testSecret, type Harness } from '../test/harness';
import { createApp } from './app';
import { createLogger } from '../setup/log';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function call(method: string, path: string, role: 'agent' | 'admin' = 'admin') {
  return h.app.request(path, { method, headers: { Authorization: `Bearer ${await h.token(role)}` } });
}

describe('a wrong method on an API path', () => {
  it.each([
    ['GET', '/api/card', 'agent', 'POST'],
    ['PUT', '/api/card/orders', 'agent', 'POST'],
    ['DELETE', '/api/config', 'admin', 'GET, HEAD'],
    ['GET', '/api/config/credentials/6f1c2a9e-0b7d-4c1e-9a55-2f0e8c1d7b3a/verify', 'admin', 'POST'],
    ['POST', '/api/config/credentials/6f1c2a9e-0b7d-4c1e-9a55-2f0e8c1d7b3a', 'admin', 'DELETE, PATCH'],
    ['POST', '/api/health', 'agent', 'GET, HEAD'],
  ] as const)('%s %s answers 405 with Allow: %s, as a problem document', async (method, path, role, allow) => {
    const response = await call(method, path, role);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe(allow);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });

  it('is still 404 on a path nothing answers', async () => {
    const response = await call('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('Allow')).toBeNull();
  });
});

describe('the per-admin rate limit on the configuration routes', () => {
  it('answers 429 with Retry-After once an admin has spent the bucket, counting each admin on their own', async () => {
    const app = createApp({
      services: h.services,
      appSecret: testSecret,
      allowedHostOrigins: [],
      logger: createLogger('silent'),
      distDir: '/nonexistent',
      configRateLimit: { capacity: 2, refillPerSecond: 0.1 },
    });
    const asAdmin = async (sub: string) =>
      app.request('/api/config', { headers: { Authorization: `Bearer ${await signToken(testSecret, { sub, role: 'admin' })}` } });

    expect((await asAdmin('lena')).status).toBe(200);
    expect((await asAdmin('lena')).status).toBe(200);
    const limited = await asAdmin('lena');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('10');
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await asAdmin('marco')).status).toBe(200);
  });
});
