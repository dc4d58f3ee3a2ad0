import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import type { OrderRecord } from './seed-model';
import type { SandboxStore } from './store';
import { createTestStore, dig, graphql } from './test-support';

const numericId = (gid: string) => Number(gid.split('/').pop());
const orderGid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const lineGid = (id: number) => `gid://shopify/LineItem/${id}`;

function orderOf(store: SandboxStore, key: keyof typeof personas, test: (order: OrderRecord) => boolean): OrderRecord {
  const order = store.index.seed.orders.find((candidate) => candidate.customerId === numericId(personas[key].id) && test(candidate));
  if (!order) throw new Error(`no such order for ${key}`);
  return order;
}

const suggest = `query($id: ID!, $lines: [RefundLineItemInput!], $shipping: Boolean, $full: Boolean) { order(id: $id) {
  suggestedRefund(refundLineItems: $lines, refundShipping: $shipping, suggestFullRefund: $full) {
    amountSet { presentmentMoney { amount currencyCode } } subtotalSet { presentmentMoney { amount } } totalTaxSet { presentmentMoney { amount } }
    maximumRefundableSet { presentmentMoney { amount } } shipping { amountSet { presentmentMoney { amount } } }
    refundLineItems { quantity lineItem { id } }
    suggestedTransactions { kind gateway amountSet { presentmentMoney { amount } } parentTransaction { id } }
  }
} }`;

const refundCreate = `mutation Refund($input: RefundInput!) {
  refundCreate(input: $input) {
    refund { id note totalRefundedSet { presentmentMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType restocked } } }
    order { displayFinancialStatus totalRefundedSet { presentmentMoney { amount } } }
    userErrors { field message }
  }
}`;

type Suggestion = {
  amountSet: { presentmentMoney: { amount: string; currencyCode: string } };
  suggestedTransactions: {
    kind: string;
    gateway: string;
    amountSet: { presentmentMoney: { amount: string } };
    parentTransaction: { id: string };
  }[];
};

async function suggestion(store: SandboxStore, order: OrderRecord, variables: Record<string, unknown>) {
  const answer = await graphql(store, suggest, { id: orderGid(order), ...variables });
  expect(answer.body.errors).toBeUndefined();
  return dig(answer.body.data, 'order', 'suggestedRefund') as Suggestion;
}

/** The refund input Shopify's suggestion leads to: the suggested transactions sent as REFUND transactions. */
function refundInput(order: OrderRecord, found: Suggestion, extra: Record<string, unknown>) {
  return {
    orderId: orderGid(order),
    transactions: found.suggestedTransactions.map((transaction) => ({
      orderId: orderGid(order),
      kind: 'REFUND',
      gateway: transaction.gateway,
      amount: transaction.amountSet.presentmentMoney.amount,
      parentId: transaction.parentTransaction.id,
    })),
    ...extra,
  };
}

describe('order actions', () => {
  it('suggests a refund for chosen lines, with its amount, tax and the payment to send it back to', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'margaret', (candidate) => candidate.financialStatus === 'PAID' && candidate.fulfillmentStatus === 'OPEN');
    const line = order.lineItems[0] as OrderRecord['lineItems'][number];
    const found = await suggestion(store, order, { lines: [{ lineItemId: lineGid(line.id), quantity: 1 }] });
    // Ireland's prices include VAT: the line's price is what goes back.
    expect(found.amountSet.presentmentMoney).toEqual({ amount: (line.unitPrice / 100).toFixed(2), currencyCode: 'EUR' });
    expect(found.suggestedTransactions).toEqual([
      {
        kind: 'SUGGESTED_REFUND',
        gateway: 'shopify_payments',
        amountSet: { presentmentMoney: { amount: (line.unitPrice / 100).toFixed(2) } },
        parentTransaction: { id: expect.stringMatching(/^gid:\/\/shopify\/OrderTransaction\//) },
      },
    ]);
    const everything = await suggestion(store, order, { full: true });
    expect(Number(everything.amountSet.presentmentMoney.amount)).toBe(order.received / 100);
  });

  it('refunds a line, then the rest: PAID → PARTIALLY_REFUNDED → REFUNDED, restocking when asked', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'margaret', (candidate) => candidate.financialStatus === 'PAID' && candidate.fulfillmentStatus === 'OPEN');
    const line = order.lineItems[0] as OrderRecord['lineItems'][number];
    const lines = [{ lineItemId: lineGid(line.id), quantity: 1, restockType: 'RETURN' }];
    const first = await graphql(store, refundCreate, {
      input: refundInput(order, await suggestion(store, order, { lines }), { refundLineItems: lines, note: 'Torn seam' }),
    });
    expect(dig(first.body.data, 'refundCreate')).toMatchObject({
      userErrors: [],
      refund: { note: 'Torn seam', refundLineItems: { nodes: [{ quantity: 1, restockType: 'RETURN', restocked: true }] } },
      order: { displayFinancialStatus: order.lineItems.length > 1 || line.quantity > 1 ? 'PARTIALLY_REFUNDED' : 'REFUNDED' },
    });
    expect(first.body.extensions?.cost?.requestedQueryCost).toBeGreaterThanOrEqual(10);

    const rest = await suggestion(store, order, { full: true });
    const second = await graphql(store, refundCreate, { input: refundInput(order, rest, { shipping: { fullRefund: true } }) });
    expect(dig(second.body.data, 'refundCreate', 'order', 'displayFinancialStatus')).toBe('REFUNDED');
    expect(Number(dig(second.body.data, 'refundCreate', 'order', 'totalRefundedSet', 'presentmentMoney', 'amount'))).toBe(
      order.received / 100,
    );
    const history = await graphql(store, 'query($id: ID!) { order(id: $id) { refunds { id } transactions { kind } } }', {
      id: orderGid(order),
    });
    expect(dig(history.body.data, 'order', 'refunds')).toHaveLength(2);
  });

  it('answers bad refunds with Shopify’s userErrors and refunds nothing', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'margaret', (candidate) => candidate.financialStatus === 'PAID' && candidate.fulfillmentStatus === 'OPEN');
    const found = await suggestion(store, order, { full: true });
    const errors = async (input: Record<string, unknown>) =>
      dig((await graphql(store, refundCreate, { input })).body.data, 'refundCreate', 'userErrors') as {
        field: string[] | null;
        message: string;
      }[];
    const tooMuch = refundInput(order, found, {});
    (tooMuch.transactions[0] as { amount: string }).amount = String(order.received);
    expect(await errors(tooMuch)).toEqual([
      {
        field: ['transactions', '0', 'amount'],
        message: expect.stringMatching(/^Refund amount exceeds the refundable amount of [\d.]+ EUR$/),
      },
    ]);
    expect(
      await errors({ orderId: orderGid(order), refundLineItems: [{ lineItemId: lineGid(order.lineItems[0]?.id ?? 0), quantity: 99 }] }),
    ).toEqual([
      {
        field: ['refundLineItems', '0', 'quantity'],
        message: expect.stringMatching(/^Quantity cannot refund more items than were purchased/),
      },
    ]);
    expect(await errors({ orderId: 'gid://shopify/Order/1' })).toEqual([{ field: ['orderId'], message: 'Order does not exist' }]);
    expect(await errors({ orderId: orderGid(order) })).toEqual([
      { field: null, message: 'Refund must include line items, shipping or transactions' },
    ]);
    expect(order.refunds).toEqual([]);
    expect(order.financialStatus).toBe('PAID');
  });

  it('cancels an order with its reason and a job, and says why a cancelled or fulfilled one cannot be', async () => {
    const store = createTestStore();
    const cancel = `mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refundMethod: { originalPaymentMethodsRefund: true }, notifyCustomer: true, staffNote: "Ordered twice") {
      job { id done } orderCancelUserErrors { field message code }
    } }`;
    const order = orderOf(store, 'lukasz', (candidate) => candidate.fulfillmentStatus === 'IN_PROGRESS');
    const done = await graphql(store, cancel, { id: orderGid(order) });
    expect(dig(done.body.data, 'orderCancel')).toEqual({
      job: { id: expect.stringMatching(/^gid:\/\/shopify\/Job\//), done: false },
      orderCancelUserErrors: [],
    });
    const shown = await graphql(
      store,
      'query($id: ID!) { order(id: $id) { cancelledAt cancelReason cancellation { staffNote } displayFinancialStatus displayFulfillmentStatus } }',
      {
        id: orderGid(order),
      },
    );
    expect(dig(shown.body.data, 'order')).toEqual({
      cancelledAt: expect.any(String),
      cancelReason: 'CUSTOMER',
      cancellation: { staffNote: 'Ordered twice' },
      displayFinancialStatus: 'REFUNDED',
      displayFulfillmentStatus: 'RESTOCKED',
    });
    const again = await graphql(store, cancel, { id: orderGid(order) });
    expect(dig(again.body.data, 'orderCancel', 'orderCancelUserErrors')).toEqual([
      { field: ['orderId'], message: 'Order has already been cancelled', code: 'INVALID' },
    ]);
    const shipped = orderOf(store, 'amelie', (candidate) => candidate.fulfillmentStatus === 'FULFILLED' && candidate.cancelledAt === null);
    const refused = await graphql(store, cancel, { id: orderGid(shipped) });
    expect(dig(refused.body.data, 'orderCancel')).toEqual({
      job: null,
      orderCancelUserErrors: [
        { field: ['orderId'], message: 'Cannot cancel an order that has fulfillments. Cancel its fulfillments first.', code: 'INVALID' },
      ],
    });
  });

  it('releases an authorization when an unpaid order is cancelled', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'oliver', (candidate) => candidate.financialStatus === 'AUTHORIZED');
    await graphql(
      store,
      'mutation($id: ID!) { orderCancel(orderId: $id, reason: DECLINED, restock: false) { orderCancelUserErrors { message } } }',
      { id: orderGid(order) },
    );
    expect(order.financialStatus).toBe('VOIDED');
    expect(order.transactions.map((transaction) => transaction.kind)).toEqual(['AUTHORIZATION', 'VOID']);
  });

  it('adds and removes tags on orders and customers, and edits an order’s note', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'amelie', () => true);
    const add =
      'mutation($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id ... on Order { tags } ... on Customer { tags } } userErrors { field message } } }';
    const remove =
      'mutation($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { node { id ... on Customer { tags } } userErrors { field message } } }';
    const before = [...order.tags];
    // A comma-separated entry holds several tags; tags compare without case, so 'vip' adds nothing after 'VIP'.
    const tagged = await graphql(store, add, { id: orderGid(order), tags: ['refund-requested, VIP', 'vip'] });
    expect(dig(tagged.body.data, 'tagsAdd', 'node', 'tags')).toEqual([...before, 'refund-requested', 'VIP']);
    const customer = await graphql(store, add, { id: personas.amelie.id, tags: ['callback'] });
    expect(dig(customer.body.data, 'tagsAdd', 'node', 'tags')).toEqual(['newsletter', 'returning', 'callback']);
    const untagged = await graphql(store, remove, { id: personas.amelie.id, tags: ['NEWSLETTER'] });
    expect(dig(untagged.body.data, 'tagsRemove', 'node', 'tags')).toEqual(['returning', 'callback']);
    const missing = await graphql(store, add, { id: 'gid://shopify/Product/1', tags: ['x'] });
    expect(dig(missing.body.data, 'tagsAdd')).toEqual({
      node: null,
      userErrors: [{ field: ['id'], message: 'Resource not found: gid://shopify/Product/1' }],
    });

    const note = await graphql(
      store,
      'mutation($input: OrderInput!) { orderUpdate(input: $input) { order { note tags } userErrors { field message } } }',
      {
        input: { id: orderGid(order), note: 'Shopper called about the delivery window.' },
      },
    );
    expect(dig(note.body.data, 'orderUpdate')).toMatchObject({
      order: { note: 'Shopper called about the delivery window.' },
      userErrors: [],
    });
  });

  it('creates a draft order from an order, with an invoice link', async () => {
    const store = createTestStore();
    const order = orderOf(store, 'chloe', () => true);
    const answer = await graphql(
      store,
      'mutation($id: ID!) { draftOrderCreateFromOrder(orderId: $id) { draftOrder { id name status invoiceUrl customer { id } totalPriceSet { presentmentMoney { amount } } lineItems(first: 5) { nodes { title quantity } } } userErrors { field message } } }',
      { id: orderGid(order) },
    );
    expect(dig(answer.body.data, 'draftOrderCreateFromOrder')).toEqual({
      draftOrder: {
        id: expect.stringMatching(/^gid:\/\/shopify\/DraftOrder\/\d+$/),
        name: '#D1',
        status: 'OPEN',
        invoiceUrl: expect.stringMatching(/^https:\/\/linden-and-loom\.myshopify\.com\/81234567890\/invoices\/[0-9a-f]{32}$/),
        customer: { id: personas.chloe.id },
        totalPriceSet: { presentmentMoney: { amount: (order.total / 100).toFixed(2) } },
        lineItems: { nodes: order.lineItems.map((item) => ({ title: item.title, quantity: item.quantity })) },
      },
      userErrors: [],
    });
  });

  it('needs write_orders, and refuses mutations the sandbox does not perform', async () => {
    const readOnly = createTestStore({ grantedScopes: ['read_orders', 'read_customers'] });
    const order = orderOf(readOnly, 'amelie', () => true);
    const denied = await graphql(readOnly, 'mutation($id: ID!) { tagsAdd(id: $id, tags: ["x"]) { userErrors { message } } }', {
      id: orderGid(order),
    });
    expect(dig(denied.body.errors, 0, 'extensions', 'code')).toBe('ACCESS_DENIED');
    expect(order.tags).not.toContain('x');
    const unknown = await graphql(
      createTestStore(),
      'mutation { customerDelete(input: { id: "gid://shopify/Customer/1" }) { deletedCustomerId } }',
    );
    expect(dig(unknown.body.errors, 0, 'message')).toBe("The sandbox store does not perform the mutation 'customerDelete'.");
  });
});
