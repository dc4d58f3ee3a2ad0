import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import { createTestStore, dig, graphql, testNow } from './test-support';

/** A clock the test moves: the store stamps every change with it. */
function steppingClock(start: number) {
  let now = start;
  return { now: () => now, set: (time: number) => (now = time) };
}

const numericId = (gid: string) => Number(gid.split('/').pop());

const customersSince = `query Since($q: String!, $after: String, $reverse: Boolean) {
  customers(first: 5, after: $after, query: $q, sortKey: UPDATED_AT, reverse: $reverse) {
    nodes { id updatedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Page = { nodes: { id: string; updatedAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('incremental reads by updated_at', () => {
  it('shows a changed customer in an updated_at:>= query, with its new updatedAt, and not before', async () => {
    const clock = steppingClock(testNow.getTime() + 3_600_000);
    const store = createTestStore({ clock: clock.now });
    const mark = '2026-06-15T01:00:00Z';
    const before = await graphql(store, customersSince, { q: `updated_at:>='${mark}'` });
    expect(dig(before.body.data, 'customers', 'nodes')).toEqual([]);

    clock.set(Date.parse('2026-06-15T01:00:00.700Z'));
    store.changes.updateCustomer(numericId(personas.amelie.id), { note: 'Asked for gift wrapping.' });
    const after = await graphql(store, customersSince, { q: `updated_at:>='${mark}'` });
    expect(dig(after.body.data, 'customers', 'nodes')).toEqual([{ id: personas.amelie.id, updatedAt: mark }]);
    // Search compares whole seconds: a change at 01:00:00.700 is not after 01:00:00.
    const strictlyAfter = await graphql(store, customersSince, { q: `updated_at:>'${mark}'` });
    expect(dig(strictlyAfter.body.data, 'customers', 'nodes')).toEqual([]);
    const withMilliseconds = await graphql(store, customersSince, { q: `updated_at:>='2026-06-15T01:00:00.900Z'` });
    expect(dig(withMilliseconds.body.data, 'customers', 'nodes')).toHaveLength(1);
    const earlier = await graphql(store, customersSince, { q: `updated_at:<'${mark}'` });
    expect((dig(earlier.body.data, 'customers', 'nodes') as Page['nodes']).map((node) => node.id)).not.toContain(personas.amelie.id);
  });

  it('combines updated_at with other terms', async () => {
    const clock = steppingClock(testNow.getTime() + 3_600_000);
    const store = createTestStore({ clock: clock.now });
    store.changes.updateCustomer(numericId(personas.amelie.id), { tags: ['newsletter', 'returning', 'vip'] });
    store.changes.updateCustomer(numericId(personas.oliver.id), { note: 'Trade account renewed.' });
    const answer = await graphql(store, customersSince, { q: `updated_at:>=2026-06-15T01:00:00Z AND tag:vip` });
    expect((dig(answer.body.data, 'customers', 'nodes') as Page['nodes']).map((node) => node.id)).toEqual([personas.amelie.id]);
    const either = await graphql(store, customersSince, { q: `updated_at:>=2026-06-15T01:00:00Z country:"United Kingdom"` });
    expect((dig(either.body.data, 'customers', 'nodes') as Page['nodes']).map((node) => node.id)).toEqual([personas.oliver.id]);
  });

  it('sorts by UPDATED_AT (ties by id), newest first with reverse', async () => {
    const clock = steppingClock(testNow.getTime() + 3_600_000);
    const store = createTestStore({ clock: clock.now });
    for (const [offset, key] of [
      [3, 'hiroshi'],
      [1, 'amelie'],
      [2, 'oliver'],
    ] as const) {
      clock.set(testNow.getTime() + 3_600_000 + offset * 1000);
      store.changes.updateCustomer(numericId(personas[key].id), { note: `changed ${offset}` });
    }
    const q = 'updated_at:>=2026-06-15T01:00:00Z';
    const ascending = await graphql(store, customersSince, { q });
    expect((dig(ascending.body.data, 'customers', 'nodes') as Page['nodes']).map((node) => node.id)).toEqual([
      personas.amelie.id,
      personas.oliver.id,
      personas.hiroshi.id,
    ]);
    const descending = await graphql(store, customersSince, { q, reverse: true });
    expect((dig(descending.body.data, 'customers', 'nodes') as Page['nodes']).map((node) => node.id)).toEqual([
      personas.hiroshi.id,
      personas.oliver.id,
      personas.amelie.id,
    ]);
  });

  it('pages by cursor through an UPDATED_AT sort while customers change, missing none', async () => {
    const clock = steppingClock(testNow.getTime() + 3_600_000);
    const store = createTestStore({ clock: clock.now });
    const everyone = store.index.seed.customers.map((customer) => `gid://shopify/Customer/${customer.id}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page += 1) {
      const answer = await graphql(store, customersSince, { q: 'updated_at:>=2020-01-01', after });
      const { nodes, pageInfo } = dig(answer.body.data, 'customers') as Page;
      seen.push(...nodes.map((node) => node.id));
      if (page === 1) {
        // One customer already read and one not yet read change between two pages: both move to the end.
        clock.set(clock.now() + 1000);
        store.changes.updateCustomer(numericId(nodes[0]?.id as string), { note: 'read, then changed' });
        store.changes.updateCustomer(numericId(personas.grace.id), { note: 'changed before being read' });
      }
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(new Set(seen)).toEqual(new Set(everyone));
    // The customer read then changed is read again at the end; Grace once, at the end (the two tie on updatedAt).
    expect(new Set(seen.slice(-2))).toEqual(new Set([seen[5], personas.grace.id]));
    expect(seen.filter((id) => id === personas.grace.id)).toHaveLength(1);
  });

  it('reads orders changed since a mark, sorted by UPDATED_AT, the order moving when it is fulfilled', async () => {
    const clock = steppingClock(testNow.getTime() + 3_600_000);
    const store = createTestStore({ clock: clock.now });
    const query = `query($q: String!) { orders(first: 10, query: $q, sortKey: UPDATED_AT) { nodes { name updatedAt displayFulfillmentStatus customer { id } } } }`;
    const order = store.index.seed.orders.find(
      (candidate) => candidate.customerId === numericId(personas.chloe.id) && candidate.fulfillmentStatus === 'UNFULFILLED',
    );
    if (!order) throw new Error('Chloé has an unfulfilled order');
    clock.set(Date.parse('2026-06-15T02:00:00Z'));
    store.changes.fulfilOrder(order.id);
    const answer = await graphql(store, query, { q: "updated_at:>='2026-06-15T02:00:00Z'" });
    expect(dig(answer.body.data, 'orders', 'nodes')).toEqual([
      { name: order.name, updatedAt: '2026-06-15T02:00:00Z', displayFulfillmentStatus: 'FULFILLED', customer: { id: personas.chloe.id } },
    ]);
    // The customer moved too: their order figures changed.
    const customers = await graphql(store, customersSince, { q: "updated_at:>='2026-06-15T02:00:00Z'" });
    expect(dig(customers.body.data, 'customers', 'nodes')).toEqual([{ id: personas.chloe.id, updatedAt: '2026-06-15T02:00:00Z' }]);
  });

  it('gives every seeded customer and order an updatedAt no earlier than its creation', async () => {
    const store = createTestStore();
    const answer = await graphql(
      store,
      '{ customers(first: 250) { nodes { createdAt updatedAt } } orders(first: 250) { nodes { createdAt updatedAt } } }',
    );
    const records = [
      ...(dig(answer.body.data, 'customers', 'nodes') as object[]),
      ...(dig(answer.body.data, 'orders', 'nodes') as object[]),
    ] as {
      createdAt: string;
      updatedAt: string;
    }[];
    expect(records.length).toBeGreaterThan(100);
    for (const record of records) expect(Date.parse(record.updatedAt)).toBeGreaterThanOrEqual(Date.parse(record.createdAt));
  });
});
