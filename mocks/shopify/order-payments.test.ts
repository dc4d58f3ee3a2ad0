import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import { createSandboxSeed } from './seed';
import { createTestStore, dig, graphql, testNow } from './test-support';

const seed = createSandboxSeed({ now: testNow });
const numericId = (gid: string) => Number(gid.split('/').pop());
const ordersOf = (key: keyof typeof personas) => seed.orders.filter((order) => order.customerId === numericId(personas[key].id));

const orderMoney = `query($id: ID!) { order(id: $id) {
  name displayFinancialStatus capturable paymentGatewayNames
  totalReceivedSet { presentmentMoney { amount } } totalRefundedSet { presentmentMoney { amount } } totalCapturableSet { presentmentMoney { amount } }
  transactions { id kind status gateway errorCode authorizationExpiresAt accountNumber createdAt amountSet { presentmentMoney { amount currencyCode } } parentTransaction { id kind } }
  refunds { createdAt note totalRefundedSet { presentmentMoney { amount } } refundLineItems(first: 10) { nodes { quantity restockType restocked lineItem { id } } } transactions(first: 5) { nodes { kind amountSet { presentmentMoney { amount } } } } }
  disputes { initiatedAs status }
  fulfillments { displayStatus estimatedDeliveryAt deliveredAt fulfillmentLineItems(first: 10) { nodes { quantity lineItem { id } } } }
} }`;

type Transaction = {
  kind: string;
  status: string;
  gateway: string;
  errorCode: string | null;
  amountSet: { presentmentMoney: { amount: string } };
  parentTransaction: { id: string; kind: string } | null;
};

async function money(orderId: number) {
  const answer = await graphql(createTestStore(), orderMoney, { id: `gid://shopify/Order/${orderId}` });
  expect(answer.body.errors).toBeUndefined();
  return dig(answer.body.data, 'order') as {
    displayFinancialStatus: string;
    capturable: boolean;
    paymentGatewayNames: string[];
    totalReceivedSet: { presentmentMoney: { amount: string } };
    totalCapturableSet: { presentmentMoney: { amount: string } };
    transactions: Transaction[];
    refunds: { note: string | null; refundLineItems: { nodes: { quantity: number; restockType: string }[] } }[];
    disputes: { initiatedAs: string; status: string }[];
    fulfillments: {
      displayStatus: string;
      estimatedDeliveryAt: string | null;
      deliveredAt: string | null;
      fulfillmentLineItems: { nodes: unknown[] };
    }[];
  };
}

const amount = (transaction: Transaction) => Number(transaction.amountSet.presentmentMoney.amount);

describe('payments on seeded orders', () => {
  it('keeps every order’s transactions in step with what it received and refunded', () => {
    const settled = (kind: string) => kind === 'SALE' || kind === 'CAPTURE';
    for (const order of seed.orders) {
      const ok = order.transactions.filter((transaction) => transaction.status === 'SUCCESS');
      expect(ok.filter((transaction) => settled(transaction.kind)).reduce((sum, t) => sum + t.amount, 0)).toBe(order.received);
      expect(ok.filter((transaction) => transaction.kind === 'REFUND').reduce((sum, t) => sum + t.amount, 0)).toBe(order.refunded);
      if (order.refunded > 0) expect(order.refunds).toHaveLength(1);
      for (const transaction of order.transactions) {
        expect(transaction.createdAt).toBeGreaterThanOrEqual(order.createdAt - 60_000);
        if (transaction.kind === 'REFUND' || transaction.kind === 'CAPTURE' || transaction.kind === 'VOID') {
          expect(order.transactions.some((parent) => parent.id === transaction.parentId)).toBe(true);
        }
      }
    }
  });

  it('shows Oliver’s order charged twice: two successful sales of its total', async () => {
    const order = ordersOf('oliver').find(
      (candidate) => candidate.transactions.filter((t) => t.kind === 'SALE' && t.status === 'SUCCESS').length === 2,
    );
    if (!order) throw new Error('Oliver has an order charged twice');
    const shown = await money(order.id);
    const sales = shown.transactions.filter((transaction) => transaction.kind === 'SALE');
    expect(sales.map(amount)).toEqual([order.total / 100, order.total / 100]);
    expect(Number(shown.totalReceivedSet.presentmentMoney.amount)).toBe((2 * order.total) / 100);
    expect(shown.displayFinancialStatus).toBe('PAID');
  });

  it('shows Jack’s disputed payment as a chargeback awaiting a response', async () => {
    const order = ordersOf('jack').find((candidate) => candidate.disputes.length > 0);
    expect((await money(order?.id ?? 0)).disputes).toEqual([{ initiatedAs: 'CHARGEBACK', status: 'NEEDS_RESPONSE' }]);
  });

  it('shows an authorization not yet captured, and a bank deposit still pending', async () => {
    const authorized = ordersOf('oliver').find((candidate) => candidate.financialStatus === 'AUTHORIZED');
    const hold = await money(authorized?.id ?? 0);
    expect(hold).toMatchObject({ displayFinancialStatus: 'AUTHORIZED', capturable: true });
    expect(hold.transactions).toEqual([expect.objectContaining({ kind: 'AUTHORIZATION', status: 'SUCCESS', gateway: 'shopify_payments' })]);
    expect(Number(hold.totalCapturableSet.presentmentMoney.amount)).toBe((authorized?.total ?? 0) / 100);

    const pending = ordersOf('sofia').find((candidate) => candidate.financialStatus === 'PENDING');
    const deposit = await money(pending?.id ?? 0);
    expect(deposit.paymentGatewayNames).toEqual(['bank_deposit']);
    expect(deposit.transactions).toEqual([expect.objectContaining({ kind: 'SALE', status: 'PENDING', gateway: 'bank_deposit' })]);
  });

  it('shows a declined card before the payment that went through', async () => {
    const order = ordersOf('hiroshi').find((candidate) => candidate.transactions.some((t) => t.status === 'FAILURE'));
    const shown = await money(order?.id ?? 0);
    expect(shown.transactions.map((t) => [t.kind, t.status, t.errorCode])).toEqual(
      expect.arrayContaining([
        ['SALE', 'FAILURE', 'CARD_DECLINED'],
        [expect.stringMatching(/^(SALE|AUTHORIZATION)$/), 'SUCCESS', null],
      ]),
    );
  });

  it('records refunds with their lines, restocking and REFUND transactions', async () => {
    const partial = ordersOf('amelie').find((candidate) => candidate.financialStatus === 'PARTIALLY_REFUNDED');
    const shown = await money(partial?.id ?? 0);
    expect(shown.refunds).toHaveLength(1);
    const refund = shown.transactions.find((transaction) => transaction.kind === 'REFUND');
    expect(refund?.parentTransaction?.kind).toMatch(/^(SALE|CAPTURE)$/);
    const cancelled = ordersOf('noah').find((candidate) => candidate.cancelReason === 'CUSTOMER');
    const restocked = await money(cancelled?.id ?? 0);
    expect(restocked.displayFinancialStatus).toBe('REFUNDED');
    expect(restocked.refunds[0]?.refundLineItems.nodes.every((line) => line.restockType === 'CANCEL')).toBe(true);
  });

  it('gives fulfillments their display status, delivery dates and line items', async () => {
    const inTransit = ordersOf('amelie').find((candidate) => candidate.fulfillments[0]?.displayStatus === 'IN_TRANSIT');
    const [moving] = (await money(inTransit?.id ?? 0)).fulfillments;
    expect(moving).toMatchObject({ displayStatus: 'IN_TRANSIT', deliveredAt: null, estimatedDeliveryAt: expect.any(String) });
    expect(moving?.fulfillmentLineItems.nodes.length).toBeGreaterThan(0);
    const delivered = ordersOf('grace').find((candidate) => candidate.fulfillments[0]?.displayStatus === 'DELIVERED');
    expect((await money(delivered?.id ?? 0)).fulfillments[0]).toMatchObject({
      displayStatus: 'DELIVERED',
      deliveredAt: expect.any(String),
      estimatedDeliveryAt: null,
    });
  });
});
