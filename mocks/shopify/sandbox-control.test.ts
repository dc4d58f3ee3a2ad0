import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import { createTestStore, dig, graphql, testNow } from './test-support';
import type { SandboxStore } from './store';

async function control(store: SandboxStore, method: string, path: string, body?: unknown) {
  const response = await store.app.request(`/sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: response.status === 204 ? null : ((await response.json()) as Record<string, Record<string, unknown>>),
  };
}

const byEmail = `query($q: String!) { customers(first: 2, query: $q) { nodes { id displayName updatedAt tags defaultAddress { city countryCodeV2 } numberOfOrders } } }`;

describe('the sandbox control endpoint', () => {
  it('creates a customer that Shopify’s API then finds, and updates it, moving updatedAt', async () => {
    let now = testNow.getTime() + 3_600_000;
    const store = createTestStore({ clock: () => now });
    const created = await control(store, 'POST', '/customers', {
      firstName: 'Ingrid',
      lastName: 'Sørensen',
      email: 'ingrid.sorensen@example.dk',
      phone: '+4571999990',
      address: { address1: 'Strøget 12', city: 'København', zip: '1160', countryCode: 'DK' },
    });
    expect(created).toMatchObject({ status: 201 });
    const id = created.body?.customer?.id as string;
    expect(created.body?.customer).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/Customer\/\d+$/),
      updatedAt: '2026-06-15T01:00:00Z',
    });
    const found = await graphql(store, byEmail, { q: 'email:ingrid.sorensen@example.dk' });
    expect(dig(found.body.data, 'customers', 'nodes')).toEqual([
      {
        id,
        displayName: 'Ingrid Sørensen',
        updatedAt: '2026-06-15T01:00:00Z',
        tags: [],
        defaultAddress: { city: 'København', countryCodeV2: 'DK' },
        numberOfOrders: '0',
      },
    ]);

    now += 90_000;
    const updated = await control(store, 'PATCH', `/customers/${encodeURIComponent(id)}`, { tags: ['vip'] });
    expect(updated.body?.customer).toMatchObject({ tags: ['vip'], updatedAt: '2026-06-15T01:01:30Z' });
    const since = await graphql(store, byEmail, { q: "updated_at:>='2026-06-15T01:01:00Z'" });
    expect(dig(since.body.data, 'customers', 'nodes', 0, 'id')).toBe(id);
  });

  it('refuses a taken email, a malformed phone and an unknown field', async () => {
    const store = createTestStore();
    const taken = await control(store, 'POST', '/customers', { email: personas.amelie.email });
    expect(taken).toEqual({ status: 422, body: { error: 'Email has already been taken' } });
    const phone = await control(store, 'POST', '/customers', { phone: '0612345678' });
    expect(phone).toEqual({ status: 422, body: { error: 'Phone is invalid' } });
    const unknown = await control(store, 'POST', '/customers', { nickname: 'x' });
    expect(unknown.status).toBe(400);
    const missing = await control(store, 'PATCH', '/customers/1', { note: 'x' });
    expect(missing.status).toBe(404);
  });

  it('places, fulfils, refunds and cancels orders the way Shopify shows them', async () => {
    const store = createTestStore();
    const customer = personas.priya.id.split('/').pop();
    const placed = await control(store, 'POST', `/customers/${customer}/orders`, {});
    expect(placed.status).toBe(201);
    expect(placed.body?.order).toMatchObject({
      customerId: personas.priya.id,
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'UNFULFILLED',
    });
    const order = (placed.body?.order?.id as string).split('/').pop();

    const refunded = await control(store, 'POST', `/orders/${order}/refund`, { note: 'Changed her mind' });
    expect(refunded.body?.order).toMatchObject({ displayFinancialStatus: 'REFUNDED' });
    const cancelled = await control(store, 'POST', `/orders/${order}/cancel`, { reason: 'CUSTOMER' });
    expect(cancelled.body?.order).toMatchObject({ cancelledAt: expect.any(String), displayFulfillmentStatus: 'RESTOCKED' });
    const again = await control(store, 'POST', `/orders/${order}/cancel`, {});
    expect(again).toEqual({ status: 422, body: { error: 'Order has already been cancelled' } });

    const second = await control(store, 'POST', `/customers/${customer}/orders`, { payment: 'authorized' });
    const secondId = (second.body?.order?.id as string).split('/').pop();
    expect(second.body?.order).toMatchObject({ displayFinancialStatus: 'AUTHORIZED' });
    const shipped = await control(store, 'POST', `/orders/${secondId}/fulfil`, {});
    expect(shipped.body?.order).toMatchObject({ displayFulfillmentStatus: 'FULFILLED' });
    const refusedCancel = await control(store, 'POST', `/orders/${secondId}/cancel`, {});
    expect(refusedCancel.status).toBe(422);
    const delivered = await control(store, 'POST', `/orders/${secondId}/fulfil`, { delivered: true });
    expect(delivered.status).toBe(200);
    const tracking = await graphql(
      store,
      'query($id: ID!) { order(id: $id) { fulfillments { displayStatus deliveredAt trackingInfo { url } } } }',
      {
        id: second.body?.order?.id,
      },
    );
    expect(dig(tracking.body.data, 'order', 'fulfillments', 0, 'displayStatus')).toBe('DELIVERED');
    expect(dig(tracking.body.data, 'order', 'fulfillments', 0, 'trackingInfo', 0, 'url')).toMatch(/^https:/);
  });

  it('deletes a customer: gone from the API, their orders kept without a customer', async () => {
    const store = createTestStore();
    const id = personas.jack.id;
    const deleted = await control(store, 'DELETE', `/customers/${encodeURIComponent(id)}`);
    expect(deleted.status).toBe(204);
    const found = await graphql(store, byEmail, { q: `email:${personas.jack.email}` });
    expect(dig(found.body.data, 'customers', 'nodes')).toEqual([]);
    expect((await graphql(store, 'query($id: ID!) { customer(id: $id) { id } }', { id })).body.data).toEqual({ customer: null });
    const orders = await graphql(store, `{ orders(first: 5, query: "email:${personas.jack.email}") { nodes { name customer { id } } } }`);
    const nodes = dig(orders.body.data, 'orders', 'nodes') as { customer: unknown }[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.customer === null)).toBe(true);
  });

  it('abandons a checkout and brings the shopper back', async () => {
    const store = createTestStore();
    const left = await control(store, 'POST', '/abandoned-checkouts', { customerId: personas.grace.id });
    expect(left.status).toBe(201);
    expect(left.body?.checkout).toMatchObject({
      customerId: personas.grace.id,
      completedAt: null,
      abandonedCheckoutUrl: expect.stringMatching(/^https:/),
    });
    const id = encodeURIComponent(left.body?.checkout?.id as string);
    const back = await control(store, 'PATCH', `/abandoned-checkouts/${id}`, { recovered: true });
    expect(back.body?.checkout?.completedAt).toEqual(expect.any(String));
    const twice = await control(store, 'PATCH', `/abandoned-checkouts/${id}`, { recovered: true });
    expect(twice.status).toBe(422);
    const guest = await control(store, 'POST', '/abandoned-checkouts', { email: 'walk.in@example.com' });
    expect(guest.body?.checkout).toMatchObject({ customerId: null });
  });

  it('lives beside Shopify’s API, not under /admin/', async () => {
    const store = createTestStore();
    const response = await store.app.request('/admin/sandbox/customers', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});
