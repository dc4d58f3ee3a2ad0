import { afterEach, describe, expect, it } from 'vitest';
import { fieldsOf, orderCardFields, type FieldKey } from '../../shared/fields';
import type { FieldMapping } from '../../shared/mapping';
import { cardResponseSchema, orderDetailsSchema, orderPageResponseSchema, type CardResponse, type MatchedCard } from '../../shared/wire';
import { anchor, personas, startHarness, testClock, type Harness, type HarnessOptions } from '../test/harness';

let open: Harness[] = [];
async function harness(options: HarnessOptions = {}) {
  const h = await startHarness(options);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

async function card(h: Harness, body: unknown): Promise<CardResponse> {
  const response = await h.openCard(body);
  expect(response.status, await response.clone().text()).toBe(200);
  return cardResponseSchema.parse(await response.json());
}
async function matched(h: Harness, body: unknown): Promise<MatchedCard> {
  const result = await card(h, body);
  if (result.state !== 'matched') throw new Error(`expected a match, got ${JSON.stringify(result)}`);
  return result;
}
async function problemCode(response: Response): Promise<string> {
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  return ((await response.json()) as { code: string }).code;
}

describe('tokens', () => {
  it('renews a client-credentials token a minute before its 24 hours run out, not before', async () => {
    const clock = testClock();
    const h = await harness({ clock });
    await matched(h, { phone: '+33612345678' });
    clock.advance(23 * 3600_000 + 58 * 60_000);
    await matched(h, { phone: '+33612345678' });
    expect(h.sandbox.store.stats.tokenRequests).toBe(1);
    clock.advance(90_000); // now within the last minute
    await matched(h, { phone: '+33612345678' });
    expect(h.sandbox.store.stats.tokenRequests).toBe(2);
  });

  it('renews once and retries once when Shopify stops accepting a cached token', async () => {
    const h = await harness();
    await matched(h, { phone: '+33612345678' });
    h.sandbox.store.revokeAccessTokens();
    await matched(h, { phone: '+33612345678' });
    expect(h.sandbox.store.stats.tokenRequests).toBe(2);
  });

  it('never renews a legacy Admin API token: a 401 marks the credential invalid', async () => {
    const h = await harness({ credential: 'access_token' });
    expect((await matched(h, { phone: '+33612345678' })).customer.displayName).toBe('Amélie Dubois');
    expect(h.sandbox.store.stats.tokenRequests).toBe(0);
    h.sandbox.store.state.accessToken = 'rotated-elsewhere';
    const response = await h.openCard({ phone: '+33612345678' });
    expect(await problemCode(response)).toBe('CREDENTIALS_INVALID');
    expect(h.sandbox.store.stats.tokenRequests).toBe(0);
    expect((await h.services.credentials.list())[0]?.status).toBe('invalid');
  });
});

describe('queries', () => {
  it('pages through all 250 orders of the longest history, newest first, without repeats', async () => {
    const h = await harness();
    const first = await matched(h, { email: 'margaret.obrien@example.ie' });
    expect(first.customer.numberOfOrders).toBe(250);
    const orders = [...first.orders.nodes];
    let pageInfo = first.orders.pageInfo;
    while (pageInfo.hasNextPage && pageInfo.endCursor) {
      const response = await h.post('/api/card/orders', { customerId: first.customer.id, after: pageInfo.endCursor });
      expect(response.status).toBe(200);
      const page = orderPageResponseSchema.parse(await response.json());
      orders.push(...page.orders.nodes);
      pageInfo = page.orders.pageInfo;
    }
    expect(orders).toHaveLength(250);
    expect(new Set(orders.map((o) => o.id)).size).toBe(250);
    const dates = orders.map((o) => String(o.fields['order.createdAt']));
    expect([...dates].sort().reverse()).toEqual(dates);
    // 10 on open, then pages of 25.
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1 + 10);
  });

  it('fetches an order’s details with only the detail fields, and a link to it in the Shopify admin', async () => {
    const h = await harness();
    const opened = await matched(h, { phone: '+33612345678' });
    const orderId = opened.orders.nodes[0]?.id ?? '';
    h.sandbox.store.resetStats();
    const response = await h.post('/api/card/order', { orderId });
    const details = orderDetailsSchema.parse(await response.json());
    expect(Object.keys(details.fields).sort()).toEqual([...opened.mapping.orderDetails].sort());
    expect(details.adminUrl).toBe(`https://admin.shopify.com/store/linden-and-loom/orders/${orderId.split('/').pop()}`);
    expect(h.sandbox.store.stats.graphql.map((r) => r.operationName)).toEqual(['OrderDetails']);
    const missing = await h.post('/api/card/order', { orderId: 'gid://shopify/Order/1' });
    expect(missing.status).toBe(404);
  });

  it('finds the customer of an order number read out by a caller', async () => {
    const h = await harness();
    const opened = await matched(h, { phone: '+447700900123' });
    const name = opened.orders.nodes[0]?.name ?? '';
    const byName = await matched(h, { orderNumber: name });
    expect(byName.customer.displayName).toBe('Oliver Bennett');
    expect(byName.matchedBy).toEqual({ kind: 'orderNumber', value: name });
    expect((await matched(h, { orderNumber: name.replace('#', '') })).customer.displayName).toBe('Oliver Bennett');
    expect(await card(h, { orderNumber: '#999999' })).toMatchObject({ state: 'not_found', tried: [{ kind: 'orderNumber' }] });
    expect((await h.openCard({ orderNumber: '1001" OR name:"1002' })).status).toBe(400);
  });

  it('finds a phone on a customer’s address when no customer has it as their phone', async () => {
    const h = await harness();
    const result = await matched(h, { phone: '+1 206 555 0199' });
    expect(result.customer.displayName).toBe('Grace Kim');
    expect(result.matchedBy).toMatchObject({ kind: 'phone', value: '+12065550199', via: 'address' });
  });

  it('says when Shopify shows only the last 60 days of orders', async () => {
    const h = await harness({ sandbox: { grantedScopes: ['read_customers', 'read_orders'] } });
    const result = await matched(h, { email: 'margaret.obrien@example.ie' });
    expect(result.shop.allOrdersVisible).toBe(false);
    const sixtyDaysAgo = new Date(anchor.getTime() - 60 * 86_400_000).toISOString();
    for (const order of result.orders.nodes) expect(String(order.fields['order.createdAt']) >= sixtyDaysAgo).toBe(true);
  });

  it('keeps every mapping the catalogue allows under Shopify’s 1,000-point query limit', async () => {
    // Each order-card field alone, then the three costliest together with every detail field.
    const costs: { key: FieldKey; cost: number }[] = [];
    for (const key of orderCardFields()) {
      const h = await harness({ mapping: { orderCard: [key], orderDetails: fieldsOf('order'), customerDetails: fieldsOf('customer') } });
      await matched(h, { phone: '+33612345678' });
      costs.push({ key, cost: h.sandbox.store.stats.graphql[0]?.requestedQueryCost ?? Infinity });
    }
    const costliest = [...costs]
      .sort((a, b) => b.cost - a.cost)
      .slice(0, 3)
      .map((c) => c.key);
    const largest: FieldMapping = { orderCard: costliest, orderDetails: fieldsOf('order'), customerDetails: fieldsOf('customer') };
    const h = await harness({ mapping: largest });
    const result = await matched(h, { phone: '+33612345678' });
    const record = h.sandbox.store.stats.graphql[0];
    expect(record?.operationName).toBe('CardOpenByPhone');
    expect(record?.errorCode).toBeNull();
    expect(record?.requestedQueryCost).toBeLessThan(1000);
    await h.post('/api/card/order', { orderId: result.orders.nodes[0]?.id });
    expect(h.sandbox.store.stats.graphql[1]?.requestedQueryCost).toBeLessThan(1000);
  });
});

describe('faults', () => {
  it('waits as long as Shopify’s throttle status says, then answers', async () => {
    const clock = testClock();
    const h = await harness({ clock, sandbox: { bucket: { maximumAvailable: 200, restoreRate: 50 } } });
    h.sandbox.store.bucket.setAvailable(10);
    expect((await matched(h, { phone: '+33612345678' })).customer.displayName).toBe('Amélie Dubois');
    expect(clock.slept.length).toBe(1);
    expect(clock.slept[0]).toBeGreaterThan(0);
    expect(h.sandbox.store.stats.graphql.map((r) => r.errorCode)).toEqual(['THROTTLED', null]);
  });

  it('waits out a 429 for the seconds of its Retry-After', async () => {
    const clock = testClock();
    const h = await harness({ clock });
    h.sandbox.store.injectFault({ status: 429 });
    await matched(h, { phone: '+33612345678' });
    expect(clock.slept).toEqual([2000]);
  });

  it('gives up with "Shopify is busy" when the wait would exceed the budget', async () => {
    const clock = testClock();
    const h = await harness({ clock, sandbox: { bucket: { maximumAvailable: 200, restoreRate: 1 } } });
    h.sandbox.store.bucket.setAvailable(0);
    expect(await problemCode(await h.openCard({ phone: '+33612345678' }))).toBe('SHOPIFY_THROTTLED');
    expect(clock.slept).toEqual([]);
  });

  it('retries 5xx answers and resets with growing jittered waits, then answers', async () => {
    const clock = testClock();
    const h = await harness({ clock });
    h.sandbox.store.injectFault({ status: 502 });
    h.sandbox.store.injectFault({ reset: true });
    await matched(h, { phone: '+33612345678' });
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[1]).toBeGreaterThan(clock.slept[0] ?? Infinity);
  });

  it('gives every request a deadline: a Shopify that never answers becomes SHOPIFY_UNREACHABLE', async () => {
    const h = await harness({ callBudget: { attemptTimeoutMs: 200 } });
    h.sandbox.store.injectFault({ hang: true, times: 3 });
    const started = Date.now();
    expect(await problemCode(await h.openCard({ phone: '+33612345678' }))).toBe('SHOPIFY_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [402, 'SHOPIFY_PAYMENT_REQUIRED', /frozen/],
    [403, 'SHOPIFY_SCOPE_MISSING', /read_orders/],
    [423, 'SHOPIFY_LOCKED', /locked/],
    [404, 'SHOP_NOT_FOUND', /does not know/],
  ] as const)('turns HTTP %i into %s with what to do', async (status, code, detail) => {
    const h = await harness();
    h.sandbox.store.injectFault({ status });
    const response = await h.openCard({ phone: '+33612345678' });
    const body = (await response.json()) as { code: string; detail: string };
    expect(body.code).toBe(code);
    expect(body.detail).toMatch(detail);
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1);
  });
});

describe('cache', () => {
  it('serves a burst of 50 agents opening the same customer with one Shopify request', async () => {
    const h = await harness({ cache: { freshMs: 30_000, revalidateMs: 120_000, keepMs: 86_400_000 } });
    const responses = await Promise.all(Array.from({ length: 50 }, () => h.openCard({ phone: '+33612345678' })));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(h.sandbox.store.stats.graphqlRequests).toBe(1);
  });

  it('shows the last good data, marked stale with its age, when Shopify fails', async () => {
    const clock = testClock();
    const h = await harness({ clock, cache: { freshMs: 30_000, revalidateMs: 60_000, keepMs: 86_400_000 } });
    const fresh = await matched(h, { phone: '+33612345678' });
    expect(fresh.stale).toBeUndefined();
    clock.advance(5 * 60_000);
    h.sandbox.store.injectFault({ status: 503, times: 3 });
    const stale = await matched(h, { phone: '+33612345678' });
    // Five minutes, plus the retry waits before the BFF gave up on Shopify.
    expect(stale.stale?.reason).toBe('SHOPIFY_UNREACHABLE');
    expect(stale.stale?.ageSeconds).toBeGreaterThanOrEqual(300);
    expect(stale.stale?.ageSeconds).toBeLessThan(310);
    expect(stale.orders.nodes).toEqual(fresh.orders.nodes);
  });

  it('keeps answers of one mapping version apart from the next', async () => {
    const h = await harness({ cache: { freshMs: 30_000, revalidateMs: 120_000, keepMs: 86_400_000 } });
    await matched(h, { phone: '+33612345678' });
    const saved = await h.services.settings.mapping();
    await h.services.settings.saveMapping({ ...saved!.mapping, orderCard: ['order.name', 'order.totalPrice'] }, saved!.version, 'admin');
    const after = await matched(h, { phone: '+33612345678' });
    expect(Object.keys(after.orders.nodes[0]?.fields ?? {}).sort()).toEqual(['order.name', 'order.totalPrice']);
    expect(h.sandbox.store.stats.graphqlRequests).toBe(2);
  });
});

describe('matching', () => {
  it('matches an email exactly, whatever its case', async () => {
    const h = await harness();
    expect((await matched(h, { email: 'Sofia.Hernandez@Example.MX' })).customer.id).toBe(personas.sofia.id);
    expect(await card(h, { email: 'sofia.hernandez@example.mx.fr' })).toMatchObject({ state: 'not_found' });
  });
});
