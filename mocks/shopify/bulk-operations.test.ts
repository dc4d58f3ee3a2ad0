import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, dig, graphql } from './test-support';
import type { SandboxStore, SandboxStoreOptions } from './store';

const instant = { bulk: { startDelayMs: 0, pageDelayMs: 0 } };
const stores: SandboxStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
function bulkStore(options: SandboxStoreOptions = {}) {
  const store = createTestStore({ ...instant, bucket: { maximumAvailable: 1e9, restoreRate: 1e9 }, ...options });
  stores.push(store);
  return store;
}

const run = `mutation Run($query: String!, $group: Boolean!) {
  bulkOperationRunQuery(query: $query, groupObjects: $group) { bulkOperation { id status objectCount } userErrors { field message code } }
}`;
const poll = `query Poll($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt query type }
}`;

type Operation = {
  id: string;
  status: string;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string;
  completedAt: string | null;
};
type Line = Record<string, unknown> & { id: string; __parentId?: string };

async function start(store: SandboxStore, query: string, group = false) {
  const answer = await graphql(store, run, { query, group });
  return dig(answer.body.data, 'bulkOperationRunQuery') as { bulkOperation: { id: string; status: string } | null; userErrors: unknown[] };
}

async function finished(store: SandboxStore, query: string, group = false): Promise<Operation> {
  const { bulkOperation } = await start(store, query, group);
  if (!bulkOperation) throw new Error('no bulk operation');
  await store.bulkOperations.settled(Number(bulkOperation.id.split('/').pop()));
  return dig((await graphql(store, poll, { id: bulkOperation.id })).body.data, 'bulkOperation') as Operation;
}

async function download(store: SandboxStore, url: string) {
  const { pathname, search } = new URL(url);
  return store.app.request(pathname + search);
}

async function linesOf(store: SandboxStore, url: string): Promise<Line[]> {
  const text = await (await download(store, url)).text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

const customersWithAddressesAndOrders = `{
  customers {
    edges { node {
      id firstName lastName tags state
      defaultEmailAddress { emailAddress }
      defaultAddress { city countryCodeV2 }
      addressesV2 { edges { node { id city zip } } }
      orders { edges { node { id name displayFinancialStatus totalPriceSet { presentmentMoney { amount currencyCode } } } } }
    } }
  }
}`;

describe('bulk query operations', () => {
  it('writes Shopify’s JSONL: every node a line, nested nodes with __parentId, equal to what paged queries return', async () => {
    const store = bulkStore();
    const operation = await finished(store, customersWithAddressesAndOrders);
    expect(operation).toMatchObject({ status: 'COMPLETED', errorCode: null, partialDataUrl: null });
    const lines = await linesOf(store, operation.url as string);

    const customers = lines.filter((line) => line.id.startsWith('gid://shopify/Customer/'));
    const addresses = lines.filter((line) => line.id.startsWith('gid://shopify/MailingAddress/'));
    const orders = lines.filter((line) => line.id.startsWith('gid://shopify/Order/'));
    expect(customers.length + addresses.length + orders.length).toBe(lines.length);
    expect(Number(operation.objectCount)).toBe(lines.length);
    expect(Number(operation.rootObjectCount)).toBe(customers.length);
    expect(Number(operation.fileSize)).toBe(Buffer.byteLength(lines.map((line) => JSON.stringify(line)).join('\n') + '\n'));
    for (const line of lines)
      expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['edges', 'node', 'cursor', 'addressesV2', 'orders']));

    // The same data, page by page, as the Admin API serves it.
    const paged: Line[] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await graphql(
        store,
        `
          query ($after: String) {
            customers(first: 10, after: $after) {
              nodes {
                id
                firstName
                lastName
                tags
                state
                defaultEmailAddress {
                  emailAddress
                }
                defaultAddress {
                  city
                  countryCodeV2
                }
              }
              pageInfo {
                hasNextPage
                endCursor
              }
            }
          }
        `,
        { after },
      );
      const page = dig(answer.body.data, 'customers') as { nodes: Line[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      paged.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(customers).toEqual(paged);

    for (const customer of paged) {
      const answer = await graphql(
        store,
        `
          query ($id: ID!) {
            customer(id: $id) {
              addressesV2(first: 50) {
                nodes {
                  id
                  city
                  zip
                }
              }
              orders(first: 250) {
                nodes {
                  id
                  name
                  displayFinancialStatus
                  totalPriceSet {
                    presentmentMoney {
                      amount
                      currencyCode
                    }
                  }
                }
              }
            }
          }
        `,
        { id: customer.id },
      );
      const children = (kind: Line[]) =>
        kind.filter((line) => line.__parentId === customer.id).map(({ __parentId: _parent, ...rest }) => rest);
      expect(children(addresses)).toEqual(dig(answer.body.data, 'customer', 'addressesV2', 'nodes'));
      expect(children(orders)).toEqual(dig(answer.body.data, 'customer', 'orders', 'nodes'));
    }
    // Margaret's 250 orders span more than one nested page, and all arrive.
    expect(orders.filter((line) => line.__parentId === 'gid://shopify/Customer/7346120000008')).toHaveLength(250);
  });

  it('puts children after their parent but not right after it, unless objects are grouped', async () => {
    const store = bulkStore();
    const query = '{ customers { edges { node { id addressesV2 { edges { node { id } } } } } } }';
    const parentIndex = (lines: Line[], child: Line) => lines.findIndex((line) => line.id === child.__parentId);
    const spread = await linesOf(store, (await finished(store, query)).url as string);
    const children = spread.filter((line) => line.__parentId);
    expect(children.every((child) => parentIndex(spread, child) < spread.indexOf(child))).toBe(true);
    expect(children.some((child) => spread.indexOf(child) - parentIndex(spread, child) > 1)).toBe(true);

    const grouped = await linesOf(store, (await finished(store, query, true)).url as string);
    for (const child of grouped.filter((line) => line.__parentId)) {
      const before = grouped.slice(0, grouped.indexOf(child)).filter((line) => !line.__parentId);
      expect(before.at(-1)?.id).toBe(child.__parentId);
    }
  });

  it('serves the file from a signed, expiring link that carries no access token', async () => {
    let now = Date.now();
    const store = bulkStore({ clock: () => now });
    const operation = await finished(store, '{ customers { edges { node { id } } } }');
    const url = new URL(operation.url as string);
    expect(url.search).toMatch(/^\?Expires=\d+&Signature=[\w-]+$/);
    expect(operation.url).not.toContain('sandbox-legacy-admin-token');
    const response = await download(store, url.href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jsonl');
    expect(response.headers.get('content-length')).toBe(operation.fileSize);
    await response.text();

    const tampered = await download(
      store,
      url.href.replace(/Expires=\d+/, (expires) => `${expires}0`),
    );
    expect(tampered.status).toBe(403);
    now += 8 * 86_400_000;
    const expired = await download(store, url.href);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('ExpiredToken');
  });

  it('refuses queries Shopify cannot run in bulk, with its userErrors', async () => {
    const store = bulkStore();
    const refusal = async (query: string) => {
      const { bulkOperation, userErrors } = await start(store, query);
      expect(bulkOperation).toBeNull();
      expect(userErrors).toHaveLength(1);
      return userErrors[0] as { field: string[]; message: string; code: string };
    };
    const six = await refusal(`{
      customers { edges { node { id addressesV2 { edges { node { id } } } orders { edges { node { id } } } } } }
      orders { edges { node { id } } } abandonedCheckouts { edges { node { id } } } draftOrders { edges { node { id } } }
    }`);
    expect(six).toEqual({ field: ['query'], message: 'Bulk queries cannot contain more than 5 connections.', code: 'INVALID' });
    expect(
      (await refusal('{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id } } } } } } } } } }'))
        .message,
    ).toBe('Bulk queries cannot contain connections with a nesting depth greater than 2.');
    expect((await refusal('{ customers { edges { node { email orders { edges { node { id } } } } } } }')).message).toMatch(
      /^The parent 'node' field for a nested connection must select the 'id' field without an alias.*Connection field: 'orders'\.$/,
    );
    expect((await refusal('{ customers { edges { node { id: email orders { edges { node { id } } } } } } }')).message).toMatch(
      /must select the 'id' field/,
    );
    expect((await refusal('{ node(id: "gid://shopify/Customer/1") { id } }')).message).toBe(
      "Bulk queries cannot contain the top-level 'node' field.",
    );
    expect((await refusal('{ shop { name } }')).message).toBe('Bulk queries must contain at least one connection.');
    expect((await refusal('{ shop { name } customers { edges { node { id } } } }')).message).toMatch(/'shop' is not a connection/);
    expect(
      (await refusal('{ orders { edges { node { id fulfillments { fulfillmentLineItems { edges { node { id } } } } } } } }')).message,
    ).toBe('Queries that contain a connection field within a list field are not currently supported.');
    expect((await refusal('{ customers { edges { node { nickname } } } }')).message).toBe(
      "Invalid bulk query: Field 'nickname' doesn't exist on type 'Customer'",
    );
    expect((await refusal('{ customers { edges ')).code).toBe('INVALID');
    expect(store.index.bulkOperations).toEqual([]);
  });

  it('accepts fragments and `nodes`, and ignores first/after on the connections', async () => {
    const store = bulkStore();
    const operation = await finished(
      store,
      `query { customers(first: 2, query: "country:France") { nodes { ...Who } } }
       fragment Who on Customer { id displayName addressesV2(first: 1) { nodes { city } } }`,
    );
    const lines = await linesOf(store, operation.url as string);
    const french = store.index.seed.customers.filter((customer) => customer.defaultAddress?.countryCode === 'FR');
    expect(lines.filter((line) => !line.__parentId)).toHaveLength(french.length);
    expect(lines.filter((line) => line.__parentId)).toHaveLength(french.reduce((sum, customer) => sum + customer.addresses.length, 0));
  });

  it('reports its status over time: CREATED, then COMPLETED with its counts and times; listed by bulkOperations', async () => {
    const store = bulkStore({ bulk: { startDelayMs: 30, pageDelayMs: 0 } });
    const { bulkOperation } = await start(store, '{ orders(query: "financial_status:refunded") { edges { node { id name } } } }');
    expect(bulkOperation?.status).toBe('CREATED');
    const created = dig((await graphql(store, poll, { id: bulkOperation?.id })).body.data, 'bulkOperation') as Operation;
    expect(created).toMatchObject({ status: 'CREATED', objectCount: '0', url: null, completedAt: null, type: 'QUERY' });
    await store.bulkOperations.settled(Number(bulkOperation?.id.split('/').pop()));
    const done = dig((await graphql(store, poll, { id: bulkOperation?.id })).body.data, 'bulkOperation') as Operation;
    expect(done.status).toBe('COMPLETED');
    expect(Date.parse(done.completedAt as string)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    expect(Number(done.objectCount)).toBe(store.index.seed.orders.filter((order) => order.financialStatus === 'REFUNDED').length);

    const listed = await graphql(store, '{ bulkOperations(first: 5, query: "status:completed") { nodes { id status } } }');
    expect(dig(listed.body.data, 'bulkOperations', 'nodes')).toEqual([{ id: bulkOperation?.id, status: 'COMPLETED' }]);
    const current = await graphql(store, '{ currentBulkOperation { id status } }');
    expect(dig(current.body.data, 'currentBulkOperation', 'id')).toBe(bulkOperation?.id);
    expect(current.headers.get('x-shopify-api-deprecated-reason')).toBeTruthy();
  });

  it('answers no url when the query found nothing', async () => {
    const store = bulkStore();
    const operation = await finished(store, '{ customers(query: "email:nobody@example.com") { edges { node { id } } } }');
    expect(operation).toMatchObject({ status: 'COMPLETED', objectCount: '0', url: null, fileSize: null });
  });

  it('cancels a running operation, and refuses to cancel a finished one', async () => {
    const store = bulkStore({ bulk: { startDelayMs: 50, pageDelayMs: 0 } });
    const { bulkOperation } = await start(store, '{ customers { edges { node { id } } } }');
    const cancel = 'mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } } }';
    const canceling = await graphql(store, cancel, { id: bulkOperation?.id });
    expect(dig(canceling.body.data, 'bulkOperationCancel')).toEqual({ bulkOperation: { status: 'CANCELING' }, userErrors: [] });
    await store.bulkOperations.settled(Number(bulkOperation?.id.split('/').pop()));
    expect(dig((await graphql(store, poll, { id: bulkOperation?.id })).body.data, 'bulkOperation')).toMatchObject({
      status: 'CANCELED',
      url: null,
    });
    const again = await graphql(store, cancel, { id: bulkOperation?.id });
    expect(dig(again.body.data, 'bulkOperationCancel', 'userErrors')).toEqual([
      { field: null, message: 'A bulk operation cannot be canceled when it is canceled' },
    ]);
  });

  it('fails on demand with INTERNAL_SERVER_ERROR, offering the lines so far as partial data', async () => {
    const store = bulkStore();
    store.bulkOperations.failNext({ errorCode: 'INTERNAL_SERVER_ERROR', afterObjects: 10 });
    const operation = await finished(store, customersWithAddressesAndOrders);
    expect(operation).toMatchObject({ status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', url: null, fileSize: null });
    const partial = await linesOf(store, operation.partialDataUrl as string);
    expect(partial.length).toBeGreaterThanOrEqual(10);
    expect(partial.length).toBe(Number(operation.objectCount));
  });

  it('fails with ACCESS_DENIED on demand, and when the query reads what the scopes do not allow', async () => {
    const store = bulkStore();
    store.bulkOperations.failNext({ errorCode: 'ACCESS_DENIED' });
    expect(await finished(store, '{ customers { edges { node { id } } } }')).toMatchObject({
      status: 'FAILED',
      errorCode: 'ACCESS_DENIED',
      partialDataUrl: null,
    });
    const customersOnly = bulkStore({ grantedScopes: ['read_customers'] });
    expect(await finished(customersOnly, customersWithAddressesAndOrders)).toMatchObject({ status: 'FAILED', errorCode: 'ACCESS_DENIED' });
  });

  it('runs five bulk queries at once and refuses a sixth', async () => {
    const store = bulkStore({ bulk: { startDelayMs: 60_000, pageDelayMs: 0 } });
    for (let n = 0; n < 5; n += 1) expect((await start(store, '{ customers { edges { node { id } } } }')).userErrors).toEqual([]);
    const sixth = await start(store, '{ customers { edges { node { id } } } }');
    expect(sixth).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: 'A maximum of 5 bulk query operations can run at the same time for this app and shop.',
          code: 'LIMIT_REACHED',
        },
      ],
    });
  });

  it('charges the mutation, not the bulk query', async () => {
    const store = bulkStore({ bucket: { maximumAvailable: 1000, restoreRate: 50 } });
    const answer = await graphql(store, run, { query: customersWithAddressesAndOrders, group: false });
    // 10 for the mutation, and its payload's objects (bulkOperation, userErrors) as for any mutation.
    expect(answer.body.extensions?.cost).toMatchObject({ requestedQueryCost: 12 });
  });
});
