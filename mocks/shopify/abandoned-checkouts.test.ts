import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import { createTestStore, dig, graphql, testNow } from './test-support';

const DAY = 86_400_000;
const numericId = (gid: string) => Number(gid.split('/').pop());

const checkoutsQuery = `query Checkouts($q: String, $after: String, $sortKey: AbandonedCheckoutSortKeys, $reverse: Boolean) {
  abandonedCheckouts(first: 25, after: $after, query: $q, sortKey: $sortKey, reverse: $reverse) {
    nodes {
      id name createdAt updatedAt completedAt abandonedCheckoutUrl
      customer { id displayName }
      totalPriceSet { presentmentMoney { amount currencyCode } }
      subtotalPriceSet { presentmentMoney { amount } }
      lineItems(first: 3) { nodes { title variantTitle quantity originalUnitPriceSet { presentmentMoney { amount } } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Checkout = {
  id: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  abandonedCheckoutUrl: string;
  customer: { id: string; displayName: string } | null;
  totalPriceSet: { presentmentMoney: { amount: string; currencyCode: string } };
  lineItems: { nodes: { title: string; quantity: number }[] };
};

async function checkouts(store: ReturnType<typeof createTestStore>, variables: Record<string, unknown> = {}) {
  const answer = await graphql(store, checkoutsQuery, variables);
  expect(answer.body.errors).toBeUndefined();
  return dig(answer.body.data, 'abandonedCheckouts', 'nodes') as Checkout[];
}

describe('abandoned checkouts', () => {
  it('tells each persona’s story: a fresh one, one older than 30 days, one recovered, a new shopper’s', async () => {
    const store = createTestStore();
    const all = await checkouts(store);
    const of = (key: keyof typeof personas) => all.filter((checkout) => checkout.customer?.id === personas[key].id);
    const age = (checkout: Checkout) => (testNow.getTime() - Date.parse(checkout.createdAt)) / DAY;

    const [amelie] = of('amelie');
    expect(amelie && age(amelie)).toBeLessThan(3);
    expect(amelie).toMatchObject({ completedAt: null, totalPriceSet: { presentmentMoney: { currencyCode: 'EUR' } } });
    expect(amelie?.abandonedCheckoutUrl).toMatch(
      /^https:\/\/linden-and-loom\.myshopify\.com\/81234567890\/checkouts\/ac\/[0-9a-f]{32}\/recover\?key=[0-9a-f]{32}$/,
    );
    expect(amelie?.lineItems.nodes.length).toBeGreaterThan(0);

    const [oliver] = of('oliver');
    expect(oliver && age(oliver)).toBeGreaterThan(30);
    const [sofia] = of('sofia');
    expect(sofia?.completedAt).not.toBeNull();
    expect(Date.parse(sofia?.completedAt ?? '')).toBeGreaterThan(Date.parse(sofia?.createdAt ?? ''));
    expect(of('priya')).toHaveLength(1);
    // A guest who left an email but has no customer record.
    expect(all.some((checkout) => checkout.customer === null)).toBe(true);
  });

  it('filters by created_at and updated_at, and by recovery state', async () => {
    const store = createTestStore();
    const recent = await checkouts(store, { q: `created_at:>=${new Date(testNow.getTime() - 30 * DAY).toISOString()}` });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((checkout) => Date.parse(checkout.createdAt) >= testNow.getTime() - 30 * DAY)).toBe(true);
    const updated = await checkouts(store, { q: `updated_at:<'${new Date(testNow.getTime() - 30 * DAY).toISOString()}'` });
    expect(updated.some((checkout) => checkout.customer?.id === personas.oliver.id)).toBe(true);
    const recovered = await checkouts(store, { q: 'recovery_state:recovered' });
    expect(recovered.length).toBeGreaterThan(0);
    expect(recovered.every((checkout) => checkout.completedAt !== null)).toBe(true);
    const open = await checkouts(store, { q: 'status:open' });
    expect(open.every((checkout) => checkout.completedAt === null)).toBe(true);
  });

  it('sorts by CREATED_AT or ID, reversed on request, and pages by cursor', async () => {
    const store = createTestStore();
    const newest = await checkouts(store, { sortKey: 'CREATED_AT', reverse: true });
    const times = newest.map((checkout) => Date.parse(checkout.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byId = await checkouts(store, { sortKey: 'ID' });
    const ids = byId.map((checkout) => numericId(checkout.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const page = `query($after: String) { abandonedCheckouts(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await graphql(store, page, { after });
      const connection = dig(answer.body.data, 'abandonedCheckouts') as {
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      seen.push(...connection.nodes.map((node) => node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(byId.map((checkout) => checkout.id));
  });

  it('refuses UPDATED_AT as a sort key, which Shopify does not have for checkouts', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ abandonedCheckouts(first: 5, sortKey: UPDATED_AT) { nodes { id } } }');
    expect(dig(answer.body.errors, 0, 'extensions', 'code')).toBe('argumentLiteralsIncompatible');
  });

  it('costs like any connection and needs read_orders', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ abandonedCheckouts(first: 10) { nodes { id totalPriceSet { shopMoney { amount } } } } }');
    // 2 for the connection, then 10 × (1 for the checkout, 1 for the bag, 1 for the money).
    expect(answer.body.extensions?.cost?.requestedQueryCost).toBe(32);
    const withoutOrders = createTestStore({ grantedScopes: ['read_customers'] });
    const refused = await graphql(withoutOrders, '{ abandonedCheckouts(first: 1) { nodes { id } } }');
    expect(dig(refused.body.errors, 0, 'extensions', 'code')).toBe('ACCESS_DENIED');
  });

  it('shows a checkout abandoned just now, then the shopper coming back, in updated_at:>= reads', async () => {
    let now = testNow.getTime() + 3_600_000;
    const store = createTestStore({ clock: () => now });
    const mark = new Date(now).toISOString();
    const checkout = store.changes.abandonCheckout({ customerId: numericId(personas.noah.id) });
    const fresh = await checkouts(store, { q: `updated_at:>='${mark}'` });
    expect(fresh.map((found) => found.id)).toEqual([`gid://shopify/AbandonedCheckout/${checkout.id}`]);
    expect(fresh[0]?.customer?.displayName).toBe('Noah Williams');

    now += 60_000;
    const total = checkout.total;
    store.changes.updateCheckout(checkout.id, { addProduct: 'stoneware-mug' });
    store.changes.updateCheckout(checkout.id, { recovered: true });
    const [again] = await checkouts(store, { q: `updated_at:>='${new Date(now).toISOString()}'` });
    expect(again?.completedAt).toBe(new Date(now).toISOString().replace('.000', ''));
    expect(Number(again?.totalPriceSet.presentmentMoney.amount)).toBeGreaterThan(total / 100);
    expect(again?.lineItems.nodes.map((item) => item.title)).toContain('Stoneware Mug');
  });
});
