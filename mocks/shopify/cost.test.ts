import { describe, expect, it } from 'vitest';
import { personas } from './store';
import { createTestStore, dig, graphql } from './test-support';

const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
  const answer = await graphql(createTestStore(), query, variables);
  return {
    requested: dig(answer.body.extensions, 'cost', 'requestedQueryCost'),
    actual: dig(answer.body.extensions, 'cost', 'actualQueryCost'),
    answer,
  };
};

describe('query cost', () => {
  it('charges nothing for scalars and 1 for an object', async () => {
    expect(await costOf('{ shop { name currencyCode } }')).toMatchObject({ requested: 1, actual: 1 });
    expect(await costOf('{ shop { name primaryDomain { host } plan { displayName } } }')).toMatchObject({ requested: 3, actual: 3 });
  });

  it('charges a connection 2 plus first times one node, and counts the nodes really returned', async () => {
    // customer 1 + orders 2 + 10 × (order 1 + totalPriceSet 1 + presentmentMoney 1) = 33; Priya has no orders: 1 + 2.
    const query = `query($id: ID!) { customer(id: $id) { orders(first: 10) {
      edges { cursor node { id totalPriceSet { presentmentMoney { amount } } } } pageInfo { hasNextPage } } } }`;
    expect(await costOf(query, { id: personas.priya.id })).toMatchObject({ requested: 33, actual: 3 });
    // Mateus has 3 orders: 1 + 2 + 3 × 3.
    expect(await costOf(query, { id: personas.mateus.id })).toMatchObject({ requested: 33, actual: 12 });
  });

  it('counts edges and nodes of one connection once', async () => {
    const query = `query($id: ID!) { customer(id: $id) { orders(first: 5) { edges { node { id } } nodes { name } } } }`;
    expect(await costOf(query, { id: personas.mateus.id })).toMatchObject({ requested: 8, actual: 6 });
  });

  it('charges a plain list with first as first times one item', async () => {
    // orders 2 + 1 × (order 1 + fulfillments 10 × (1 + trackingInfo 5 × 1)) = 63.
    const query = `{ orders(first: 1) { nodes { fulfillments(first: 10) { trackingInfo(first: 5) { url } } } } }`;
    const { requested } = await costOf(query);
    expect(requested).toBe(63);
  });

  it('takes page sizes from variables', async () => {
    const query = 'query($n: Int!) { customers(first: $n) { nodes { id } } }';
    expect(await costOf(query, { n: 7 })).toMatchObject({ requested: 9, actual: 9 });
  });

  it('refuses a query over 1000 with MAX_COST_EXCEEDED at HTTP 200', async () => {
    const { answer } = await costOf('{ customers(first: 250) { nodes { orders(first: 250) { nodes { id } } } } }');
    expect(answer.status).toBe(200);
    const errors = answer.body.errors as { message: string; extensions: Record<string, unknown> }[];
    expect(errors[0]?.message).toMatch(/^Query cost is 63252, which exceeds the single query max cost limit \(1000\)\./);
    expect(errors[0]?.extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 63252, maxCost: 1000 });
    expect(answer.body.data).toBeUndefined();
  });
});

describe('the leaky bucket', () => {
  // 2 + 55 × (1 + 2 + 15 × 1) = 992, just under the single-query limit.
  const costly = '{ customers(first: 55) { nodes { orders(first: 15) { nodes { id } } } } }';

  it('charges the requested cost, refunds down to the actual, and reports the bucket', async () => {
    const store = createTestStore({ clock: () => 1_000_000 });
    const answer = await graphql(store, costly);
    const cost = dig(answer.body.extensions, 'cost') as Record<string, number>;
    expect(cost.requestedQueryCost).toBe(992);
    expect(cost.actualQueryCost).toBeLessThan(992);
    expect(cost.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000 - (cost.actualQueryCost ?? 0),
      restoreRate: 100,
    });
  });

  it('answers THROTTLED when the bucket holds less than the requested cost, and recovers with time', async () => {
    let now = 1_000_000;
    const store = createTestStore({ clock: () => now });
    store.bucket.setAvailable(500);
    const throttled = await graphql(store, costly);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: {
        cost: {
          requestedQueryCost: 992,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 500, restoreRate: 100 },
        },
      },
    });
    expect(store.stats.graphql.at(-1)).toMatchObject({ errorCode: 'THROTTLED', status: 200 });

    now += 4_000; // 100 points a second: 900 after four seconds, still short
    expect(dig((await graphql(store, costly)).body.errors, 0, 'extensions', 'code')).toBe('THROTTLED');
    now += 1_000;
    const recovered = await graphql(store, costly);
    expect(recovered.body.errors).toBeUndefined();
    expect(dig(recovered.body.data, 'customers', 'nodes')).toHaveLength(45);
  });

  it('never fills beyond its maximum', async () => {
    let now = 0;
    const store = createTestStore({ clock: () => now });
    now += 3_600_000;
    expect(store.bucket.status()).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
  });
});
