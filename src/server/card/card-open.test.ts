import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardResponseSchema, type CardResponse, type MatchedCard } from '../../shared/wire';
import { personas, startHarness, type Harness } from '../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.sandbox.store.resetStats());

/** What people type to widen a search: wildcards, operators, quotes, escapes, grouping, negation, fields. */
const syntax = ['*', 'oliver*', 'a OR b', '"oliver"', 'back\\slash', '(oliver)', '-oliver', 'email:*', 'state:ENABLED'];

async function card(body: unknown): Promise<CardResponse> {
  const response = await h.openCard(body);
  expect(response.status).toBe(200);
  return cardResponseSchema.parse(await response.json());
}

async function cardOn(harness: Harness, body: unknown): Promise<CardResponse> {
  const response = await harness.openCard(body);
  expect(response.status).toBe(200);
  return cardResponseSchema.parse(await response.json());
}

async function matchedOn(harness: Harness, body: unknown): Promise<MatchedCard> {
  const result = await cardOn(harness, body);
  if (result.state !== 'matched') throw new Error(`expected a match, got ${result.state}`);
  return result;
}

async function matched(body: unknown): Promise<MatchedCard> {
  const result = await card(body);
  if (result.state !== 'matched') throw new Error(`expected a match, got ${result.state}`);
  return result;
}

describe('opening the card against the sandbox store', () => {
  it('matches by phone and returns the customer and the newest orders with the card fields, in one Shopify request', async () => {
    const result = await matched({ phone: '+33 6 12 34 56 78' });
    expect(result.customer).toMatchObject({ id: personas.amelie.id, displayName: 'Amélie Dubois', numberOfOrders: 12 });
    expect(result.matchedBy).toEqual({ kind: 'phone', value: '+33612345678', display: '+33 6 12 34 56 78' });
    expect(result.shop).toEqual({ domain: 'linden-and-loom.myshopify.com', allOrdersVisible: true });
    expect(result.orders.nodes).toHaveLength(10);
    expect(result.orders.pageInfo.hasNextPage).toBe(true);
    // Every order carries its date, whatever the order-card fields, for the row's heading.
    const dates = result.orders.nodes.map((o) => String(o.createdAt));
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const order of result.orders.nodes) {
      expect(Object.keys(order.fields).sort()).toEqual([...result.mapping.orderCard].sort());
      expect(order.fields['order.totalPrice']).toMatchObject({ currencyCode: 'EUR' });
    }
    expect(result.customer.fields['customer.email']).toBe('amelie.dubois@example.fr');
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1);
    expect(h.sandbox.store.stats.graphql[0]?.operationName).toBe('CardOpenByPhone');
  });

  it('matches by email, and by the phone form Infobip sends (no plus)', async () => {
    expect((await matched({ email: 'sofia.hernandez@example.mx' })).customer.displayName).toBe('Sofía Hernández');
    expect((await matched({ phone: '447700900123' })).customer.displayName).toBe('Oliver Bennett');
  });

  it('finds a customer without an email by phone', async () => {
    const result = await matched({ phone: '+14155550123' });
    expect(result.customer.displayName).toBe('Noah Williams');
    expect(result.customer.fields['customer.email']).toBeNull();
  });

  it('says which identifier found nobody', async () => {
    expect(await card({ email: 'nobody@example.com' })).toEqual({
      state: 'not_found',
      tried: [{ kind: 'email', value: 'nobody@example.com' }],
    });
    expect(await card({ phone: '+44 7700 900999' })).toMatchObject({
      state: 'not_found',
      tried: [{ kind: 'phone', value: '+447700900999' }],
    });
  });

  it('finds a customer by email and by phone with one exact lookup, no search', async () => {
    await matched({ email: 'AMELIE.DUBOIS@example.fr' });
    await matched({ phone: '+33612345678' });
    expect(h.sandbox.store.stats.graphql.map((r) => r.operationName)).toEqual(['CardOpenByEmail', 'CardOpenByPhone']);
  });

  it('lists the customers whose addresses carry a shared phone for the agent to pick, then opens the picked one', async () => {
    const result = await card({ phone: '+61 491 570 156' });
    if (result.state !== 'multiple') throw new Error(result.state);
    expect(result.tried).toEqual([{ kind: 'phone', value: '+61491570156', display: '+61 491 570 156', via: 'address' }]);
    expect(result.candidates.map((c) => c.displayName).sort()).toEqual(['Emily Taylor', 'Jack Taylor']);
    // Who they are comes with the search for the phone: no request of its own.
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);
    const emily = result.candidates.find((c) => c.displayName === 'Emily Taylor');
    const picked = await matched({ customerId: emily?.id });
    expect(picked.customer.displayName).toBe('Emily Taylor');
    expect(picked.matchedBy.kind).toBe('customerId');
  });

  it('opens the order an order number names, however far down the history it is, in one Shopify request', async () => {
    const history = h.sandbox.store.state.seed.orders
      .filter((order) => order.customerId === Number(personas.amelie.id.split('/').pop()))
      .sort((a, b) => b.createdAt - a.createdAt);
    const oldest = history.at(-1);
    if (!oldest || history.length <= 10) throw new Error('Amélie needs more than a page of orders');
    const result = await matched({ orderNumber: oldest.name.replace('#', '') });
    expect(result.matchedBy).toEqual({ kind: 'orderNumber', value: oldest.name });
    expect(result.customer.displayName).toBe('Amélie Dubois');
    // Not on the first page of the history, yet the card has it to open.
    expect(result.orders.nodes.map((o) => o.name)).not.toContain(oldest.name);
    expect(result.openOrder).toMatchObject({ name: oldest.name, createdAt: expect.any(String) });
    expect(Object.keys(result.openOrder?.fields ?? {}).sort()).toEqual([...result.mapping.orderCard].sort());
    expect(h.sandbox.store.stats.graphql.map((r) => r.operationName)).toEqual(['CardOpenByOrder']);
    // Other lookups open the history, not an order.
    expect((await matched({ phone: '+33612345678' })).openOrder).toBeUndefined();
  });

  it('writes phones the one way everywhere: grouped as they are read out', async () => {
    const result = await matched({ email: 'amelie.dubois@example.fr' });
    expect(result.customer.fields['customer.phone']).toBe('+33 6 12 34 56 78');
  });

  it('finds the one customer whose own phone it is, even when others have it on an address', async () => {
    expect((await matched({ phone: '+61412345678' })).customer.displayName).toBe('Jack Taylor');
  });

  it('shares one token request among concurrent card opens', async () => {
    const fresh = await startHarness();
    try {
      const responses = await Promise.all(Array.from({ length: 5 }, () => fresh.openCard({ phone: '+447700900123' })));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(fresh.sandbox.store.stats.tokenRequests).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('search syntax from a conversation or a search box', () => {
  it.each(['email', 'phone', 'orderNumber'] as const)('never reaches Shopify as %s: each is refused, naming the field', async (field) => {
    for (const value of syntax) {
      const response = await h.openCard({ [field]: value });
      expect(response.status, `${field}: ${value}`).toBe(400);
      const body = (await response.json()) as { code: string; errors: { path: string; message: string }[] };
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.errors.map((e) => e.path)).toEqual([field]);
    }
    expect(h.sandbox.store.stats.graphqlRequests).toBe(0);
  });

  it('refuses, naming the field, an email that is not one, a phone that does not parse and an order number that is not one', async () => {
    for (const [field, value] of [
      ['email', 'sofia.hernandez@example'],
      ['email', 'x@y.com OR state:ENABLED'],
      ['email', 'amelie.dubois@example.fr" OR email:"oliver.bennett@example.co.uk'],
      ['phone', 'not a phone'],
      ['phone', '+999 1234 5678'],
      ['orderNumber', '1001" OR name:"1002'],
    ] as const) {
      const response = await h.openCard({ [field]: value });
      expect(response.status, `${field}: ${value}`).toBe(400);
      const body = (await response.json()) as { detail: string; errors: { path: string }[] };
      expect(body.errors.map((e) => e.path)).toEqual([field]);
      expect(body.detail).toContain(field);
    }
    expect(h.sandbox.store.stats.graphqlRequests).toBe(0);
  });
});

describe('searching by name', () => {
  // A harness of its own: the searches here would spend the agent's rate limit that the other tests share.
  let named: Harness;
  beforeAll(async () => {
    named = await startHarness();
  });
  afterAll(() => named.close());
  beforeEach(() => named.sandbox.store.resetStats());

  it('finds a shopper by name: one opens at once, several are listed to pick from, each with a phone to read', async () => {
    const one = await matchedOn(named, { name: '  Sofía   Hernández ' });
    expect(one.customer.displayName).toBe('Sofía Hernández');
    expect(one.matchedBy).toEqual({ kind: 'name', value: 'Sofía Hernández' });
    expect(named.sandbox.store.stats.graphql.map((r) => r.operationName)).toEqual(['CustomersByName', 'CardOpenById']);

    const several = await cardOn(named, { name: 'taylor' });
    if (several.state !== 'multiple') throw new Error(several.state);
    expect(several.tried).toEqual([{ kind: 'name', value: 'taylor' }]);
    expect(several.candidates.map((c) => c.displayName).sort()).toEqual(['Emily Taylor', 'Jack Taylor']);
    expect(several.candidates.find((c) => c.displayName === 'Jack Taylor')?.phone).toBe('+61 412 345 678');
    expect(several.more).toBeUndefined();

    expect(await cardOn(named, { name: 'Nobody Atall' })).toEqual({ state: 'not_found', tried: [{ kind: 'name', value: 'Nobody Atall' }] });
  });

  it('never reaches Shopify with search syntax: each is refused, naming the field', async () => {
    for (const value of [...syntax, 'Taylor OR Smith', 'R2D2']) {
      const response = await named.openCard({ name: value });
      expect(response.status, value).toBe(400);
      const body = (await response.json()) as { errors: { path: string }[] };
      expect(body.errors.map((e) => e.path)).toEqual(['name']);
    }
    expect(named.sandbox.store.stats.graphqlRequests).toBe(0);
  });
});

describe('configuration pending', () => {
  it('tells agents what is missing when no credential is active and no mapping is saved', async () => {
    const bare = await startHarness({ activate: false, mapping: null });
    try {
      const agent = await (await bare.openCard({ phone: '+33612345678' })).json();
      expect(agent).toEqual({ state: 'configuration_pending', missing: ['credential', 'mapping'], viewer: { role: 'agent' } });
      const admin = await (await bare.openCard({ phone: '+33612345678' }, 'admin')).json();
      expect(admin).toMatchObject({ viewer: { role: 'admin' } });
      expect(bare.sandbox.store.stats.graphqlRequests).toBe(0);
    } finally {
      await bare.close();
    }
  });

  it('names only the mapping when the credential is active', async () => {
    const noMapping = await startHarness({ mapping: null });
    try {
      expect(await (await noMapping.openCard({ phone: '+33612345678' })).json()).toMatchObject({ missing: ['mapping'] });
    } finally {
      await noMapping.close();
    }
  });
});

describe('bad requests and Shopify faults are problem documents', () => {
  async function problem(response: Response) {
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    return (await response.json()) as { status: number; code: string; detail?: string; errors?: { path: string }[] };
  }

  it('refuses a call without a token or with a forged one', async () => {
    const none = await h.app.request('/api/card', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"phone":"+33612345678"}',
    });
    expect(none.status).toBe(401);
    expect((await problem(none)).code).toBe('UNAUTHENTICATED');
    const forged = await h.app.request('/api/card', {
      method: 'POST',
      headers: { Authorization: 'Bearer aaa.bbb.ccc', 'Content-Type': 'application/json' },
      body: '{"phone":"+1"}',
    });
    expect((await problem(forged)).code).toBe('UNAUTHENTICATED');
  });

  it('takes the Bearer scheme in any case, as HTTP says', async () => {
    const token = await h.token();
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await h.app.request('/api/card', {
        method: 'POST',
        headers: { Authorization: `${scheme} ${token}`, 'Content-Type': 'application/json' },
        body: '{"phone":"+33612345678"}',
      });
      expect(response.status, scheme).toBe(200);
    }
  });

  it('names the fault in a bad body, and refuses oversized bodies', async () => {
    const empty = await h.openCard({});
    expect(empty.status).toBe(400);
    expect((await problem(empty)).code).toBe('BAD_REQUEST');
    const badId = await problem(await h.openCard({ customerId: 'gid://shopify/Order/1' }));
    expect(badId.errors?.[0]?.path).toBe('customerId');
    expect((await problem(await h.openCard('{not json'))).code).toBe('BAD_REQUEST');
    const huge = await h.openCard({ email: 'a'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect((await problem(huge)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('turns a throttled Shopify into SHOPIFY_THROTTLED and an outage into SHOPIFY_UNREACHABLE', async () => {
    h.sandbox.store.injectFault({ throttle: true, times: 3 });
    const throttled = await h.openCard({ phone: '+33612345678' });
    expect(throttled.status).toBe(503);
    expect((await problem(throttled)).code).toBe('SHOPIFY_THROTTLED');
    h.sandbox.store.injectFault({ status: 503, times: 3 });
    expect((await problem(await h.openCard({ phone: '+33612345678' }))).code).toBe('SHOPIFY_UNREACHABLE');
    h.sandbox.store.injectFault({ reset: true, times: 3 });
    expect((await problem(await h.openCard({ phone: '+33612345678' }))).code).toBe('SHOPIFY_UNREACHABLE');
    expect(await card({ phone: '+33612345678' })).toMatchObject({ state: 'matched' });
  });

  it('never puts a secret in a problem document', async () => {
    h.sandbox.store.injectFault({ status: 401, times: 2 });
    const response = await h.openCard({ phone: '+33612345678' });
    const body = JSON.stringify(await problem(response));
    expect(body).toContain('CREDENTIALS_INVALID');
    expect(body).not.toContain('sandbox');
    expect(body).not.toMatch(/secret/i);
  });
});

describe('pages', () => {
  it('serves /card framable only by the allowed inboxes', async () => {
    const response = await h.app.request('/card');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self' https://inbox.example.com");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await h.app.request('/config')).status).toBe(200);
  });

  it('sends the built scripts compressed and cacheable for good', async () => {
    const response = await h.app.request('/assets/card-test.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Cache-Control')).toContain('immutable');
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(2_000);
  });

  it('answers unknown API paths with a problem document', async () => {
    const response = await h.app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });
});
