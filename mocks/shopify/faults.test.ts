import { describe, expect, it } from 'vitest';
import { SandboxConnectionReset } from './store';
import { createTestStore, dig, graphql, requestToken, validGrant } from './test-support';

const shopQuery = 'query ShopName { shop { name } }';

describe('faults on demand', () => {
  it('answers an injected 503 once, then serves again', async () => {
    const store = createTestStore();
    store.injectFault({ status: 503, times: 1 });
    const failed = await graphql(store, shopQuery);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: 'Service Unavailable' });
    const next = await graphql(store, shopQuery);
    expect(next.status).toBe(200);
    expect(store.stats.graphql.map((request) => request.status)).toEqual([503, 200]);
  });

  it('answers with Shopify’s bodies for 401, 402, 403 and 423, and Retry-After on 429', async () => {
    const store = createTestStore();
    for (const status of [401, 402, 403, 423] as const) store.injectFault({ status });
    expect((await graphql(store, shopQuery)).body).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
    expect((await graphql(store, shopQuery)).body).toEqual({ errors: 'Unavailable Shop' });
    expect((await graphql(store, shopQuery)).status).toBe(403);
    expect((await graphql(store, shopQuery)).status).toBe(423);
    store.injectFault({ status: 429 });
    const limited = await graphql(store, shopQuery);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2.0');
  });

  it('keeps a fault until cleared when told to apply every time', async () => {
    const store = createTestStore();
    store.injectFault({ status: 500, times: Infinity });
    expect((await graphql(store, shopQuery)).status).toBe(500);
    expect((await graphql(store, shopQuery)).status).toBe(500);
    store.clearFaults();
    expect((await graphql(store, shopQuery)).status).toBe(200);
  });

  it('applies token endpoint faults only to the token endpoint', async () => {
    const store = createTestStore();
    store.injectFault({ status: 502, endpoint: 'token' });
    expect((await graphql(store, shopQuery)).status).toBe(200);
    expect((await requestToken(store, validGrant)).status).toBe(502);
    expect((await requestToken(store, validGrant)).status).toBe(200);
  });

  it('answers THROTTLED on demand with the real bucket figures', async () => {
    const store = createTestStore();
    store.injectFault({ throttle: true });
    const throttled = await graphql(store, shopQuery);
    expect(throttled.status).toBe(200);
    expect(dig(throttled.body.errors, 0, 'extensions', 'code')).toBe('THROTTLED');
    expect(dig(throttled.body.extensions, 'cost', 'throttleStatus', 'currentlyAvailable')).toBe(2000);
    expect((await graphql(store, shopQuery)).body.data).toEqual({ shop: { name: 'Linden & Loom' } });
  });

  it('delays answers by the injected latency', async () => {
    const store = createTestStore();
    store.injectFault({ latencyMs: 120 });
    const started = performance.now();
    await graphql(store, shopQuery);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('delays every answer by the store’s latency', async () => {
    const store = createTestStore({ latencyMs: 80 });
    const started = performance.now();
    await requestToken(store, validGrant);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('holds a request without answer until the client gives up', async () => {
    const store = createTestStore();
    store.injectFault({ hang: true });
    const client = new AbortController();
    const pending = graphql(store, shopQuery, {}, { signal: client.signal });
    let settled = false;
    void pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    client.abort();
    await expect(pending).rejects.toThrow();
    expect(store.stats.graphql[0]?.status).toBe(0);
  });

  it('drops the connection on a reset', async () => {
    const store = createTestStore();
    store.injectFault({ reset: true });
    await expect(graphql(store, shopQuery)).rejects.toBeInstanceOf(SandboxConnectionReset);
    expect((await graphql(store, shopQuery)).status).toBe(200);
  });
});
