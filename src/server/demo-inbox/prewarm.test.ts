import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../../../mocks/shopify/personas';
import { createDemoInbox } from './app';
import { demoConversations } from './conversations';
import { defaultCachePolicy } from '../card/cache';
import { startHarness, testSecret, type Harness } from '../test/harness';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

let h: Harness;
let cardOrigin: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  h = await startHarness({ cache: defaultCachePolicy });
  // The inbox's server calls the BFF over HTTP, as a helpdesk's server would.
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const started = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(started));
  });
  cardOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = () => new Promise((done) => server.close(() => done()));
});
afterAll(async () => {
  await stop();
  await h.close();
});

const origin = 'http://127.0.0.1:8788';

describe('the demo inbox warming the cards its agent is about to open', () => {
  it('has the BFF fetch each shopper’s card once, so that opening it asks Shopify nothing', async () => {
    const conversations = demoConversations(personas);
    const inbox = createDemoInbox({ conversations, cardOrigin, appSecret: testSecret, origin });
    const [first, second] = conversations;
    if (!first || !second) throw new Error('The demo has no conversations');
    h.sandbox.store.resetStats();

    const response = await inbox.request(`${origin}/demo-prewarm`, {
      method: 'POST',
      headers: { Host: '127.0.0.1:8788', Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationIds: [first.id, second.id] }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ warmed: 2 });
    for (let waited = 0; waited < 2_000 && h.sandbox.store.stats.graphqlRequests < 2; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);

    const open = await h.openCard(first.customer.phone ? { phone: first.customer.phone } : { email: first.customer.email });
    expect(open.headers.get('Server-Timing')).toBe('cache;desc="hit"');
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);
  });

  it('is done for the inbox’s own pages only', async () => {
    const inbox = createDemoInbox({ conversations: demoConversations(personas), cardOrigin, appSecret: testSecret, origin });
    const response = await inbox.request(`${origin}/demo-prewarm`, {
      method: 'POST',
      headers: { Host: '127.0.0.1:8788', Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationIds: ['x'] }),
    });
    expect(response.status).toBe(403);
  });
});
