import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCachePolicy } from './cache';
import { startHarness, type Harness } from '../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cache: defaultCachePolicy });
});
afterAll(() => h.close());
beforeEach(() => {
  h.sandbox.store.resetStats();
});

/** Waits until the sandbox store has seen `count` GraphQL requests, or a second has passed. */
async function shopifyRequests(count: number): Promise<number> {
  for (let waited = 0; waited < 1_000 && h.sandbox.store.stats.graphqlRequests < count; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return h.sandbox.store.stats.graphqlRequests;
}

describe('pre-warming a card', () => {
  it('fetches the card at once, so that the open is served from the cache: one Shopify request in all', async () => {
    const warmed = await h.post('/api/card/prewarm', { phone: '+33 6 12 34 56 78' });
    expect(warmed.status).toBe(202);
    expect(await warmed.json()).toEqual({ status: 'started' });
    expect(await shopifyRequests(1)).toBe(1);

    // The same shopper asked again, in another form of the same phone: fetched already.
    const again = await h.post('/api/card/prewarm', { phone: '+33612345678' });
    expect(await again.json()).toMatchObject({ status: expect.stringMatching(/^(cached|loading)$/) });

    const open = await h.openCard({ phone: '+33612345678' });
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ state: 'matched', customer: { displayName: 'Amélie Dubois' } });
    expect(open.headers.get('Server-Timing')).toBe('cache;desc="hit"');
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1);
  });

  it('costs nothing more while the fetch is under way: a burst of pre-warms and the open ask Shopify once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => h.post('/api/card/prewarm', { email: 'sofia.hernandez@example.mx' })));
    const statuses = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { status: string }).status));
    expect(statuses.filter((status) => status === 'started')).toHaveLength(1);
    const open = await h.openCard({ email: 'sofia.hernandez@example.mx' });
    expect(await open.json()).toMatchObject({ state: 'matched', customer: { displayName: 'Sofía Hernández' } });
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1);
  });

  it('says an open that waited for Shopify was not served from the cache', async () => {
    const open = await h.openCard({ email: 'nobody-warmed@example.com' });
    expect(open.headers.get('Server-Timing')).toBe('cache;desc="miss"');
  });

  it('refuses what cannot be looked up with the lookup’s own problem, and asks Shopify nothing', async () => {
    const answer = await h.post('/api/card/prewarm', { phone: 'call me' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect(h.sandbox.store.stats.graphqlRequests).toBe(0);
  });

  it('needs an agent’s token', async () => {
    const answer = await h.app.request('/api/card/prewarm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+33612345678' }),
    });
    expect(answer.status).toBe(401);
  });

  it('has a budget of its own per agent: warming never costs the agent an open', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const answer = await h.post('/api/card/prewarm', { email: `shopper-${i}@example.com` });
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await h.openCard({ phone: '+33612345678' })).status).toBe(200);
  });
});
