import { describe, expect, it } from 'vitest';
import { orderFlagsOf } from './card-answers';
import { orderPageResponseSchema, cardResponseSchema } from '../../shared/wire';
import { startHarness } from '../test/harness';

const now = Date.parse('2026-11-25T12:00:00Z');
const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();

describe('problem orders', () => {
  it('flags what a shopper is likely writing about', () => {
    expect(
      orderFlagsOf(
        { createdAt: daysAgo(10), displayFulfillmentStatus: 'UNFULFILLED', displayFinancialStatus: 'PAID', cancelledAt: null },
        now,
      ),
    ).toEqual(['unfulfilledLong']);
    expect(
      orderFlagsOf(
        { createdAt: daysAgo(2), displayFulfillmentStatus: 'UNFULFILLED', displayFinancialStatus: 'PAID', cancelledAt: null },
        now,
      ),
    ).toEqual([]);
    expect(
      orderFlagsOf(
        { createdAt: daysAgo(30), displayFulfillmentStatus: 'UNFULFILLED', displayFinancialStatus: 'VOIDED', cancelledAt: daysAgo(29) },
        now,
      ),
    ).toEqual(['cancelled']);
    expect(
      orderFlagsOf(
        { createdAt: daysAgo(1), displayFulfillmentStatus: 'ON_HOLD', displayFinancialStatus: 'PARTIALLY_REFUNDED', cancelledAt: null },
        now,
      ),
    ).toEqual(['onHold', 'partiallyRefunded']);
    expect(
      orderFlagsOf(
        { createdAt: daysAgo(1), displayFulfillmentStatus: 'REQUEST_DECLINED', displayFinancialStatus: 'PAID', cancelledAt: null },
        now,
      ),
    ).toEqual(['fulfillmentDeclined']);
  });

  it('flags payment problems: pending, authorized only, partly paid, voided, failed, charged twice, disputed', () => {
    const order = { createdAt: daysAgo(1), displayFulfillmentStatus: 'UNFULFILLED', cancelledAt: null };
    const sale = { kind: 'SALE', status: 'SUCCESS' };
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PENDING' }, now)).toEqual(['paymentPending']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'AUTHORIZED' }, now)).toEqual(['authorizedNotCaptured']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PARTIALLY_PAID' }, now)).toEqual(['partiallyPaid']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'VOIDED' }, now)).toEqual(['paymentVoided']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PENDING', flagPayments: [{ kind: 'SALE', status: 'FAILURE' }] }, now)).toEqual(
      ['paymentPending', 'paymentFailed'],
    );
    // A card declined, then paid: nothing left to worry about.
    expect(
      orderFlagsOf({ ...order, displayFinancialStatus: 'PAID', flagPayments: [{ kind: 'SALE', status: 'FAILURE' }, sale] }, now),
    ).toEqual([]);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PAID', flagPayments: [sale, sale] }, now)).toEqual(['chargedMoreThanOnce']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PAID', disputes: [{ status: 'NEEDS_RESPONSE' }] }, now)).toEqual(['disputed']);
    expect(orderFlagsOf({ ...order, displayFinancialStatus: 'PAID', disputes: [{ status: 'WON' }] }, now)).toEqual([]);
  });

  it('come with every order whatever the order-card fields are, and match what the store holds', async () => {
    const h = await startHarness({
      mapping: {
        orderCard: ['order.name'],
        orderDetails: ['order.note', 'order.tags', 'order.totalPrice'],
        customerDetails: ['customer.displayName', 'customer.email', 'customer.phone'],
      },
    });
    try {
      const card = cardResponseSchema.parse(await (await h.openCard({ email: 'margaret.obrien@example.ie' })).json());
      if (card.state !== 'matched') throw new Error(card.state);
      const orders = [...card.orders.nodes];
      let cursor = card.orders.pageInfo.endCursor;
      while (cursor) {
        const page = orderPageResponseSchema.parse(
          await (await h.post('/api/card/orders', { customerId: card.customer.id, after: cursor })).json(),
        );
        orders.push(...page.orders.nodes);
        cursor = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
      }
      expect(orders).toHaveLength(250);
      // Each order's flags follow from what the store really holds for it.
      const records = new Map(h.sandbox.store.state.seed.orders.map((o) => [`gid://shopify/Order/${o.id}`, o]));
      for (const order of orders) {
        const record = records.get(order.id);
        if (!record) throw new Error(`no seed record for ${order.id}`);
        const expected = orderFlagsOf(
          {
            createdAt: new Date(record.createdAt).toISOString(),
            cancelledAt: record.cancelledAt === null ? null : new Date(record.cancelledAt).toISOString(),
            displayFinancialStatus: record.financialStatus,
            displayFulfillmentStatus: record.fulfillmentStatus,
            flagPayments: record.transactions.slice(0, 5),
            disputes: record.disputes,
          },
          Date.now(),
        );
        expect({ name: order.name, flags: order.flags }).toEqual({ name: order.name, flags: expected });
      }
      expect(new Set(orders.flatMap((o) => o.flags ?? [])).size).toBeGreaterThanOrEqual(2);
      expect(Object.keys(orders[0]?.fields ?? {})).toEqual(['order.name']);
    } finally {
      await h.close();
    }
  });
});
