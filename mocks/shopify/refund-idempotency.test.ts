import { afterEach, describe, expect, it } from 'vitest';
import { personas } from './personas';
import type { OrderRecord } from './seed-model';
import { sandboxShop, startSandboxStore, type RunningSandboxStore, type SandboxStore } from './store';
import { createTestStore, dig, graphql, testNow } from './test-support';

/**
 * `refundCreate` with `@idempotent(key:)`: the same key with the same input gives back the first
 * refund and pays nothing again, whether the retry comes after the first answer or at the same
 * moment; the same key with another input is refused.
 */

const running: RunningSandboxStore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

const refund = `mutation Refund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { id totalRefundedSet { presentmentMoney { amount } } }
    order { displayFinancialStatus totalRefundedSet { presentmentMoney { amount } } }
    userErrors { field message }
  }
}`;

function paidOrder(store: SandboxStore): OrderRecord {
  const order = store.index.seed.orders.find(
    (candidate) =>
      candidate.customerId === Number(personas.margaret.id.split('/').pop()) &&
      candidate.financialStatus === 'PAID' &&
      candidate.fulfillmentStatus === 'OPEN',
  );
  if (!order) throw new Error('Margaret has an order at the warehouse');
  return order;
}

/** Ten of the order's money back to its payment. */
function tenBack(order: OrderRecord) {
  const payment = order.transactions.find(
    (transaction) => transaction.status === 'SUCCESS' && (transaction.kind === 'SALE' || transaction.kind === 'CAPTURE'),
  );
  return {
    orderId: `gid://shopify/Order/${order.id}`,
    note: 'Late delivery',
    transactions: [
      {
        orderId: `gid://shopify/Order/${order.id}`,
        kind: 'REFUND',
        gateway: payment?.gateway,
        amount: '10.00',
        parentId: `gid://shopify/OrderTransaction/${payment?.id}`,
      },
    ],
  };
}

const refunds = (order: OrderRecord) => order.transactions.filter((transaction) => transaction.kind === 'REFUND');

describe('refunds with an idempotency key', () => {
  it('returns the first refund to a retry with the same key, and refunds once', async () => {
    const store = createTestStore();
    const order = paidOrder(store);
    const input = tenBack(order);
    const first = await graphql(store, refund, { input, key: 'f1d2a6e0-0001' });
    const retry = await graphql(store, refund, { input: { ...input, note: input.note }, key: 'f1d2a6e0-0001' });
    expect(dig(first.body.data, 'refundCreate', 'userErrors')).toEqual([]);
    expect(dig(retry.body.data, 'refundCreate', 'refund', 'id')).toBe(dig(first.body.data, 'refundCreate', 'refund', 'id'));
    expect(dig(retry.body.data, 'refundCreate', 'order', 'totalRefundedSet', 'presentmentMoney', 'amount')).toBe('10.00');
    expect(refunds(order)).toHaveLength(1);
    expect(order.refunds).toHaveLength(1);

    // A new key is a new refund.
    await graphql(store, refund, { input, key: 'f1d2a6e0-0002' });
    expect(refunds(order)).toHaveLength(2);
  });

  it('refunds once when two requests with the same key arrive at the same moment', async () => {
    const sandbox = await startSandboxStore({ now: testNow, latencyMs: 30 });
    running.push(sandbox);
    const order = paidOrder(sandbox.store);
    const send = () =>
      fetch(`${sandbox.origin}/admin/api/2026-01/graphql.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-access-token': sandboxShop.accessToken },
        body: JSON.stringify({ query: refund, variables: { input: tenBack(order), key: 'double-click-7c1e' } }),
      }).then((response) => response.json() as Promise<{ data: { refundCreate: { refund: { id: string } } } }>);
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.data.refundCreate.refund.id).toBe(b.data.refundCreate.refund.id);
    expect(refunds(order)).toHaveLength(1);
    expect(order.refunded).toBe(1000);
    expect(order.financialStatus).toBe('PARTIALLY_REFUNDED');
  });

  it('refuses the same key with another input, refunding nothing more', async () => {
    const store = createTestStore();
    const order = paidOrder(store);
    await graphql(store, refund, { input: tenBack(order), key: 'reused-key' });
    const other = tenBack(order);
    (other.transactions[0] as { amount: string }).amount = '20.00';
    const answer = await graphql(store, refund, { input: other, key: 'reused-key' });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: 'The same idempotency key cannot be used with different operation parameters.',
        extensions: { code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' },
      }),
    ]);
    expect(dig(answer.body.data, 'refundCreate')).toBeNull();
    expect(refunds(order)).toHaveLength(1);
  });

  it('replays refused input as refused, without trying again', async () => {
    const store = createTestStore();
    const order = paidOrder(store);
    const tooMuch = tenBack(order);
    (tooMuch.transactions[0] as { amount: string }).amount = String(order.received);
    const first = await graphql(store, refund, { input: tooMuch, key: 'too-much' });
    const again = await graphql(store, refund, { input: tooMuch, key: 'too-much' });
    expect(dig(again.body.data, 'refundCreate', 'userErrors')).toEqual(dig(first.body.data, 'refundCreate', 'userErrors'));
    expect(refunds(order)).toHaveLength(0);
  });

  it('refuses a blank key, and the directive on a mutation that does not take it', async () => {
    const store = createTestStore();
    const order = paidOrder(store);
    const blank = await graphql(store, refund, { input: tenBack(order), key: '  ' });
    expect(dig(blank.body.errors, 0, 'message')).toBe('The idempotency key cannot be an empty string or whitespace only.');
    const tags = await graphql(
      store,
      'mutation($id: ID!) { tagsAdd(id: $id, tags: ["x"]) @idempotent(key: "k") { userErrors { message } } }',
      {
        id: `gid://shopify/Order/${order.id}`,
      },
    );
    expect(dig(tags.body.errors, 0, 'message')).toBe("The @idempotent directive is not supported on the field 'tagsAdd'.");
    expect(refunds(order)).toHaveLength(0);
    expect(order.tags).not.toContain('x');
  });
});
