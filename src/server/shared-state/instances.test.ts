import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxShop, startSandboxStore, type RunningSandboxStore } from '../../../mocks/shopify/store';
import { defaultFieldMapping } from '../../shared/mapping';
import type { CardResponse } from '../../shared/wire';
import { signToken } from '../auth/tokens';
import { createApp } from '../http/app';
import { createLogger } from '../setup/log';
import { createServices, type Services } from '../setup/services';
import { openDatabase } from '../storage/db';
import { sqliteSql } from '../storage/sqlite-sql';
import { redisReachable, testRedisUrl } from '../test/engines';
import { connectRedisState, type RedisState } from './redis-state';

const secret = 'instances-test-secret-instances-test-secret';
const anchor = new Date('2026-11-01T00:00:00Z');
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((thing) => thing.close()));
});

/** `count` BFF instances over one database and one Redis (a fresh prefix), in front of one sandbox store. */
async function instances(count: number, redisUrl = testRedisUrl) {
  const sandbox: RunningSandboxStore = await startSandboxStore({ now: anchor });
  opened.push(sandbox);
  const sql = sqliteSql(openDatabase(':memory:'));
  const prefix = `instances-${randomBytes(6).toString('hex')}:`;
  const apps: { services: Services; app: ReturnType<typeof createApp> }[] = [];
  for (let i = 0; i < count; i += 1) {
    // A busy machine can hold a Redis answer past the production 500 ms: here that would test the fallback, not sharing.
    const redis: RedisState = connectRedisState(redisUrl, { prefix, commandTimeoutMs: 5_000 });
    opened.push(redis);
    // Connected before the load starts, however busy the machine (an unreachable Redis is a test of its own).
    if (redisUrl === testRedisUrl) await redis.ready(10_000);
    else await redis.ready(500).catch(() => undefined);
    const services = createServices({ sql, appSecret: secret, endpoint: { apiOrigin: sandbox.origin }, redis });
    // Listening for the others' messages before the test speaks.
    if (redisUrl === testRedisUrl) await redis.listening();
    if (i === 0) {
      const credential = await services.credentials.create({
        name: 'Sandbox',
        kind: 'client_credentials',
        shopDomain: sandboxShop.domain,
        clientId: sandboxShop.clientId,
        secret: sandboxShop.clientSecret,
      });
      await services.settings.activate(credential.id, 'test');
      await services.settings.saveMapping(defaultFieldMapping, 0, 'test');
    }
    apps.push({
      services,
      app: createApp({ services, appSecret: secret, allowedHostOrigins: [], logger: createLogger('silent'), distDir: '/nonexistent' }),
    });
  }
  const token = await signToken(secret, { sub: 'agent-7', role: 'agent' });
  const open = (index: number, body: unknown) =>
    apps[index % apps.length]!.app.request('/api/card', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { sandbox, apps, open };
}

describe.skipIf(!(await redisReachable()))('several instances on one Redis', () => {
  it('answer a burst of opens of one shopper, spread over both, with one Shopify request and one token request', async () => {
    const { sandbox, open } = await instances(2);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => open(i, { email: 'amelie.dubois@example.fr' })));
    const cards = (await Promise.all(answers.map((answer) => answer.json()))) as CardResponse[];
    expect(cards.every((card) => card.state === 'matched' && card.customer.displayName === 'Amélie Dubois')).toBe(true);
    expect(sandbox.store.stats.graphqlRequests).toBe(1);
    expect(sandbox.store.stats.tokenRequests).toBe(1);
  });

  it('serve an answer one instance fetched from the other, without asking Shopify', async () => {
    const { sandbox, open } = await instances(2);
    expect((await open(0, { phone: '+33612345678' })).status).toBe(200);
    expect((await open(1, { phone: '+33612345678' })).status).toBe(200);
    expect(sandbox.store.stats.graphqlRequests).toBe(1);
  });

  it('forget, each of them, what they keep of a customer another instance changed by an action', async () => {
    const { sandbox, apps, open } = await instances(2);
    // Each instance keeps its own card of Amélie, under a key of its own (her phone on one, her email on the other).
    const card = (await (await open(0, { phone: '+33612345678' })).json()) as CardResponse;
    expect((await open(1, { email: 'amelie.dubois@example.fr' })).status).toBe(200);
    if (card.state !== 'matched') throw new Error(card.state);
    const [order] = card.orders.nodes;
    expect((await open(1, { email: 'amelie.dubois@example.fr' })).status).toBe(200);
    const kept = sandbox.store.stats.graphqlRequests;
    expect(kept).toBe(2);

    // Instance 0 performed an action on her order: instance 1 must not serve its copy any more.
    await apps[0]!.services.cards.forgetOrder(order!.id, card.customer.id);
    await vi.waitFor(async () => {
      expect((await open(1, { email: 'amelie.dubois@example.fr' })).status).toBe(200);
      expect(sandbox.store.stats.graphqlRequests).toBeGreaterThan(kept);
    });
  });

  it('drop from Redis the cards of a changed customer that no running instance holds any more', async () => {
    const { sandbox, apps, open } = await instances(3);
    const card = (await (await open(0, { phone: '+33612345678' })).json()) as CardResponse;
    if (card.state !== 'matched') throw new Error(card.state);
    // The instance that fetched it goes away; its card stays in Redis.
    await apps[0]!.services.redis?.close();
    const kept = sandbox.store.stats.graphqlRequests;

    await apps[1]!.services.cards.forgetOrder(card.orders.nodes[0]!.id, card.customer.id);
    // A third instance, which never held it, does not serve the shared copy from before the change.
    expect((await open(2, { phone: '+33612345678' })).status).toBe(200);
    expect(sandbox.store.stats.graphqlRequests).toBe(kept + 1);
  });

  it('spend one rate-limit budget per agent, whichever instance answers', async () => {
    const { open } = await instances(2);
    const statuses = [];
    for (let i = 0; i < 62; i += 1) statuses.push((await open(i, { email: 'amelie.dubois@example.fr' })).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
  });
});

describe('an instance whose Redis is away', () => {
  it('keeps answering from Shopify, and says so in /api/health', async () => {
    const { apps, open } = await instances(1, 'redis://127.0.0.1:9');
    const answer = await open(0, { email: 'amelie.dubois@example.fr' });
    expect(answer.status).toBe(200);
    const health = await apps[0]!.app.request('/api/health');
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', engine: 'sqlite', redis: 'unavailable' });
  });
});
