import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedisState } from '../shared-state/redis-state';
import { startHarness, type Harness } from '../test/harness';
import { createTestSchema, dropTestSchema, postgresReachable, testPostgresUrl } from '../test/engines';
import { migratePostgres } from './db';
import { postgresSql } from './postgres-sql';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/**
 * A TCP relay to the test PostgreSQL that a test can cut (every connection dropped, new ones left hanging, as a
 * lost network does) and mend.
 */
async function cuttablePostgres() {
  const target = new URL(testPostgresUrl);
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    // Cut: the connection is accepted and never answered.
    if (cut) return;
    const upstream = new Socket();
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.connect(Number(target.port || 5432), target.hostname, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = new URL(testPostgresUrl);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  );
  return {
    url: url.toString(),
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    mend() {
      cut = false;
    },
  };
}

async function instanceOnPostgres(url: string, options: { redisUrl?: string } = {}): Promise<Harness> {
  const schema = await createTestSchema();
  const sql = postgresSql({ connectionString: url, schema, max: 4, timeoutMs: 1_000, connectTimeoutMs: 500 });
  await migratePostgres(sql);
  const redis = options.redisUrl ? connectRedisState(options.redisUrl, { prefix: `lost-${schema}:` }) : undefined;
  const h = await startHarness({ sql, ...(redis ? { redis } : {}) });
  cleanups.push(async () => {
    await h.close();
    await redis?.close();
    await sql.close();
    await dropTestSchema(schema);
  });
  return h;
}

const amelie = { phone: '+33612345678' };

describe.skipIf(!(await postgresReachable()))('an instance that loses PostgreSQL', () => {
  it('answers 503 STORAGE_UNAVAILABLE within its timeouts instead of hanging, says so in /api/health, and recovers', async () => {
    const postgres = await cuttablePostgres();
    const h = await instanceOnPostgres(postgres.url);
    expect((await h.openCard(amelie)).status).toBe(200);
    expect(await (await h.app.request('/api/health')).json()).toEqual({ status: 'ok', database: 'ok', engine: 'postgres', redis: 'off' });

    postgres.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const lost = await h.openCard(amelie);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(lost.status).toBe(503);
    expect(lost.headers.get('Retry-After')).toBe('5');
    expect(await lost.json()).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      detail: expect.stringContaining('check that PostgreSQL (DATABASE_URL) is running'),
    });
    const saving = await h.app.request('/api/config/activation', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await h.token('admin')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ credentialId: null }),
    });
    expect(saving.status).toBe(503);
    const health = await h.app.request('/api/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unavailable' });

    postgres.mend();
    await expect.poll(async () => (await h.openCard(amelie)).status, { timeout: 5_000 }).toBe(200);
    // The save refused while the database was away changed nothing.
    expect((await h.services.settings.activation())?.credentialId).not.toBeNull();
    expect((await h.app.request('/api/health')).status).toBe(200);
  });
});

describe.skipIf(!(await postgresReachable()))('an instance on PostgreSQL whose Redis is away', () => {
  it('keeps answering from Shopify and says so in /api/health', async () => {
    const h = await instanceOnPostgres(testPostgresUrl, { redisUrl: 'redis://127.0.0.1:1' });
    expect((await h.openCard(amelie)).status).toBe(200);
    expect(await (await h.app.request('/api/health')).json()).toEqual({
      status: 'ok',
      database: 'ok',
      engine: 'postgres',
      redis: 'unavailable',
    });
  });
});
