import { describe, expect, it } from 'vitest';
import { personas } from './store';
import { createTestStore, dig, graphql, testNow } from './test-support';

const cardOpen = `query CardOpen($q: String!) {
  customers(first: 2, query: $q) {
    nodes {
      id displayName
      orders(first: 10, sortKey: CREATED_AT, reverse: true) {
        nodes { id name createdAt displayFulfillmentStatus totalPriceSet { presentmentMoney { amount currencyCode } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

describe('the GraphQL endpoint', () => {
  it('answers the card-open query with the customer and their orders newest first', async () => {
    const store = createTestStore();
    const answer = await graphql(store, cardOpen, { q: 'phone:+33612345678' });
    expect(answer.status).toBe(200);
    const customers = dig(answer.body.data, 'customers', 'nodes') as unknown[];
    expect(customers).toHaveLength(1);
    expect(dig(customers, 0, 'id')).toBe(personas.amelie.id);
    expect(dig(customers, 0, 'displayName')).toBe('Amélie Dubois');
    const orders = dig(customers, 0, 'orders', 'nodes') as { createdAt: string; name: string }[];
    expect(orders).toHaveLength(10);
    const times = orders.map((order) => Date.parse(order.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(orders[0]?.name).toMatch(/^#\d{4}$/);
    expect(dig(orders, 0, 'totalPriceSet', 'presentmentMoney', 'currencyCode')).toBe('EUR');
    expect(dig(orders, 0, 'totalPriceSet', 'presentmentMoney', 'amount')).toMatch(/^\d+\.\d{2}$/);
    expect(dig(customers, 0, 'orders', 'pageInfo', 'hasNextPage')).toBe(true);
  });

  it('pages through Margaret’s 250 orders to the end with cursors, newest first', async () => {
    const store = createTestStore();
    const query = `query Page($id: ID!, $after: String) {
      customer(id: $id) { orders(first: 100, after: $after, sortKey: CREATED_AT, reverse: true) {
        edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor hasPreviousPage } } }
    }`;
    const seen: { id: string; createdAt: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const answer = await graphql(store, query, { id: personas.margaret.id, after });
      const edges = dig(answer.body.data, 'customer', 'orders', 'edges') as { cursor: string; node: { id: string; createdAt: string } }[];
      seen.push(...edges.map((edge) => edge.node));
      expect(dig(answer.body.data, 'customer', 'orders', 'pageInfo', 'hasPreviousPage')).toBe(page > 0);
      if (!dig(answer.body.data, 'customer', 'orders', 'pageInfo', 'hasNextPage')) break;
      after = dig(answer.body.data, 'customer', 'orders', 'pageInfo', 'endCursor') as string;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen.map((order) => order.id)).size).toBe(250);
    const times = seen.map((order) => Date.parse(order.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages backwards with last and before', async () => {
    const store = createTestStore();
    const query = `query($id: ID!, $before: String) { customer(id: $id) { orders(last: 3, before: $before) {
      nodes { name } pageInfo { hasPreviousPage startCursor } } } }`;
    const last = await graphql(store, query, { id: personas.amelie.id });
    const names = (dig(last.body.data, 'customer', 'orders', 'nodes') as { name: string }[]).map((node) => node.name);
    expect(names).toHaveLength(3);
    const before = dig(last.body.data, 'customer', 'orders', 'pageInfo', 'startCursor');
    const previous = await graphql(store, query, { id: personas.amelie.id, before });
    expect(dig(previous.body.data, 'customer', 'orders', 'nodes')).toHaveLength(3);
    expect(dig(previous.body.data, 'customer', 'orders', 'pageInfo', 'hasPreviousPage')).toBe(true);
  });

  it('reports an unknown field in Shopify’s shape', async () => {
    const store = createTestStore();
    const answer = await graphql(store, 'query Probe { shop { name nickname } }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      errors: [
        {
          message: "Field 'nickname' doesn't exist on type 'Shop'",
          locations: [{ line: 1, column: 27 }],
          path: ['query Probe', 'shop', 'nickname'],
          extensions: { code: 'undefinedField', typeName: 'Shop', fieldName: 'nickname' },
        },
      ],
    });
  });

  it('reports an argument the field does not accept, and a missing required one', async () => {
    const store = createTestStore();
    const unknown = await graphql(store, '{ customers(first: 1, colour: "red") { nodes { id } } }');
    expect(dig(unknown.body.errors, 0, 'extensions', 'code')).toBe('argumentNotAccepted');
    expect(dig(unknown.body.errors, 0, 'message')).toBe("Field 'customers' doesn't accept argument 'colour'");
    const missing = await graphql(store, '{ customer { id } }');
    expect(dig(missing.body.errors, 0, 'extensions', 'code')).toBe('missingRequiredArguments');
    expect(dig(missing.body.errors, 0, 'message')).toBe("Field 'customer' is missing required arguments: id");
  });

  it('refuses a connection without first or last, as Shopify does', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ customers { nodes { id } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toEqual([
      {
        message: 'you must provide one of first or last',
        locations: [{ line: 1, column: 3 }],
        path: ['customers'],
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });

  it('refuses a page larger than 250', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ orders(first: 251) { nodes { id } } }');
    expect(dig(answer.body.errors, 0, 'message')).toMatch(/first.*251/);
  });

  it('reports a parse error with the parseError code', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ shop { name }');
    expect(answer.status).toBe(200);
    expect(dig(answer.body.errors, 0, 'extensions', 'code')).toBe('parseError');
  });

  it('reports a missing variable like Shopify', async () => {
    const store = createTestStore();
    const answer = await graphql(store, cardOpen, {});
    expect(dig(answer.body.errors, 0, 'message')).toBe('Variable $q of type String! was provided invalid value');
  });

  it('answers 400 without a query and 404 for an unknown API version', async () => {
    const store = createTestStore();
    const empty = await store.app.request('/admin/api/2026-01/graphql.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'sandbox-legacy-admin-token' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ errors: { query: 'Required parameter missing or invalid' } });
    expect((await graphql(store, '{ shop { name } }', {}, { version: 'latest' })).status).toBe(404);
    expect((await graphql(store, '{ shop { name } }', {}, { version: 'unstable' })).status).toBe(200);
  });

  it('finds customers by identifier: email, phone and id', async () => {
    const store = createTestStore();
    const query = 'query($identifier: CustomerIdentifierInput!) { customerByIdentifier(identifier: $identifier) { id } }';
    const byEmail = await graphql(store, query, { identifier: { emailAddress: 'Oliver.Bennett@example.co.uk' } });
    expect(dig(byEmail.body.data, 'customerByIdentifier', 'id')).toBe(personas.oliver.id);
    const byPhone = await graphql(store, query, { identifier: { phoneNumber: '+81312345678' } });
    expect(dig(byPhone.body.data, 'customerByIdentifier', 'id')).toBe(personas.hiroshi.id);
    const byId = await graphql(store, query, { identifier: { id: personas.priya.id } });
    expect(dig(byId.body.data, 'customerByIdentifier', 'id')).toBe(personas.priya.id);
    const nobody = await graphql(store, query, { identifier: { emailAddress: 'nobody@example.com' } });
    expect(dig(nobody.body.data, 'customerByIdentifier')).toBeNull();
  });

  it('answers the persona details other suites rely on', async () => {
    const store = createTestStore();
    const answer = await graphql(
      store,
      `
        query ($id: ID!) {
          customer(id: $id) {
            displayName
            firstName
            lastName
            numberOfOrders
            defaultEmailAddress {
              emailAddress
            }
            defaultPhoneNumber {
              phoneNumber
            }
            amountSpent {
              amount
              currencyCode
            }
            defaultAddress {
              formatted(withName: true)
              countryCodeV2
            }
          }
        }
      `,
      { id: personas.hiroshi.id },
    );
    expect(answer.body.data).toMatchObject({
      customer: {
        displayName: '田中 博',
        firstName: '博',
        lastName: '田中',
        numberOfOrders: '6',
        defaultEmailAddress: { emailAddress: 'hiroshi.tanaka@example.jp' },
        defaultPhoneNumber: { phoneNumber: '+81312345678' },
        amountSpent: { currencyCode: 'USD' },
        defaultAddress: { countryCodeV2: 'JP' },
      },
    });
    const noah = await graphql(store, 'query($id: ID!) { customer(id: $id) { defaultEmailAddress { emailAddress } email } }', {
      id: personas.noah.id,
    });
    expect(noah.body.data).toEqual({ customer: { defaultEmailAddress: null, email: null } });
  });

  it('writes amounts as Decimal strings: two decimals, none for yen', async () => {
    const store = createTestStore();
    const query = `query($id: ID!) { customer(id: $id) { orders(first: 5) { nodes {
      currencyCode presentmentCurrencyCode totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } } } }`;
    const answer = await graphql(store, query, { id: personas.hiroshi.id });
    const orders = dig(answer.body.data, 'customer', 'orders', 'nodes') as Record<string, unknown>[];
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) {
      expect(order).toMatchObject({ currencyCode: 'USD', presentmentCurrencyCode: 'JPY' });
      expect(dig(order, 'totalPriceSet', 'presentmentMoney', 'amount')).toMatch(/^\d+$/);
      expect(dig(order, 'totalPriceSet', 'shopMoney', 'amount')).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('resolves node and nodes by GID, and answers an invalid GID with an error', async () => {
    const store = createTestStore();
    const answer = await graphql(
      store,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename
            ... on Customer {
              displayName
            }
          }
        }
      `,
      {
        ids: [personas.chloe.id, 'gid://shopify/Customer/1'],
      },
    );
    expect(answer.body.data).toEqual({ nodes: [{ __typename: 'Customer', displayName: 'Chloé Martin' }, null] });
    const invalid = await graphql(store, '{ customer(id: "42") { id } }');
    expect(dig(invalid.body.errors, 0, 'message')).toBe("Invalid global id '42'");
    expect(dig(invalid.body.data, 'customer')).toBeNull();
  });

  it('flags deprecated fields with Shopify’s header but still answers them', async () => {
    const store = createTestStore();
    const answer = await graphql(store, 'query($id: ID!) { customer(id: $id) { email phone } }', { id: personas.amelie.id });
    expect(answer.body.data).toEqual({ customer: { email: 'amelie.dubois@example.fr', phone: '+33612345678' } });
    expect(answer.headers.get('x-shopify-api-deprecated-reason')).toMatch(/^https:\/\/shopify\.dev\//);
  });

  it('warns in extensions.search about a filter it ignores', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ customers(first: 5, query: "colour:red") { nodes { id } } }');
    expect(dig(answer.body.extensions, 'search', 0, 'warnings')).toEqual([
      { field: 'colour', message: 'Invalid search field for this query.' },
    ]);
    expect(dig(answer.body.data, 'customers', 'nodes')).toHaveLength(5);
  });

  it('records each request with its operation name, costs and status', async () => {
    const store = createTestStore();
    await graphql(store, cardOpen, { q: 'phone:+33612345678' });
    await graphql(store, '{ shop { name } }', {}, { token: 'bad' });
    expect(store.stats.graphqlRequests).toBe(2);
    expect(store.stats.graphql).toEqual([
      { operationName: 'CardOpen', requestedQueryCost: 68, actualQueryCost: 35, status: 200, errorCode: null },
      { operationName: null, requestedQueryCost: null, actualQueryCost: null, status: 401, errorCode: null },
    ]);
  });
});

describe('access scopes', () => {
  it('denies customer fields without read_customers, as Shopify does', async () => {
    const store = createTestStore({ grantedScopes: ['read_orders'] });
    const answer = await graphql(store, '{ customers(first: 1) { nodes { id } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toEqual([
      {
        message: 'Access denied for customers field. Required access: `read_customers` access scope.',
        locations: [{ line: 1, column: 3 }],
        path: ['customers'],
        extensions: {
          code: 'ACCESS_DENIED',
          documentation: 'https://shopify.dev/api/usage/access-scopes',
          requiredAccess: '`read_customers` access scope.',
        },
      },
    ]);
  });

  it('lists the granted scopes on the current app installation', async () => {
    const store = createTestStore({ grantedScopes: ['read_customers', 'read_orders'] });
    const answer = await graphql(store, '{ currentAppInstallation { accessScopes { handle } } }');
    expect(answer.body.data).toEqual({
      currentAppInstallation: { accessScopes: [{ handle: 'read_customers' }, { handle: 'read_orders' }] },
    });
  });
});

describe('the 60-day rule', () => {
  const recentOnly = ['read_customers', 'read_orders'];
  const ordersOf = `query($id: ID!) { customer(id: $id) { numberOfOrders lastOrder { name }
    orders(first: 50, sortKey: CREATED_AT, reverse: true) { nodes { id createdAt } } } }`;

  it('hides orders older than 60 days without read_all_orders, everywhere', async () => {
    const store = createTestStore({ grantedScopes: recentOnly });
    const answer = await graphql(store, ordersOf, { id: personas.amelie.id });
    const orders = dig(answer.body.data, 'customer', 'orders', 'nodes') as { id: string; createdAt: string }[];
    const limit = testNow.getTime() - 60 * 86_400_000;
    expect(orders.length).toBe(4);
    expect(orders.every((order) => Date.parse(order.createdAt) >= limit)).toBe(true);
    // The count stays the total, as on Shopify.
    expect(dig(answer.body.data, 'customer', 'numberOfOrders')).toBe('12');

    const full = createTestStore();
    const all = dig((await graphql(full, ordersOf, { id: personas.amelie.id })).body.data, 'customer', 'orders', 'nodes') as {
      id: string;
      createdAt: string;
    }[];
    expect(all).toHaveLength(12);
    const old = all.find((order) => Date.parse(order.createdAt) < limit);
    expect(dig((await graphql(store, 'query($id: ID!) { order(id: $id) { id } }', { id: old?.id })).body.data, 'order')).toBeNull();
    const root = await graphql(store, '{ orders(first: 250, query: "created_at:<2026-01-01") { nodes { id } } }');
    expect(dig(root.body.data, 'orders', 'nodes')).toEqual([]);
  });

  it('shows every order with read_all_orders', async () => {
    const store = createTestStore();
    const answer = await graphql(store, '{ orders(first: 5, query: "created_at:<2025-01-01") { nodes { createdAt } } }');
    expect((dig(answer.body.data, 'orders', 'nodes') as unknown[]).length).toBeGreaterThan(0);
  });
});
