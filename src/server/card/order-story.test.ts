import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, PaymentTransaction, Shipment } from '../../shared/fields';
import { cardResponseSchema, orderDetailsSchema, orderPageResponseSchema, type MatchedCard, type OrderSummary } from '../../shared/wire';
import { startHarness, type Harness } from '../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function everyOrder(body: unknown): Promise<{ card: MatchedCard; orders: OrderSummary[] }> {
  const card = cardResponseSchema.parse(await (await h.openCard(body)).json());
  if (card.state !== 'matched') throw new Error(card.state);
  const orders = [...card.orders.nodes];
  let cursor = card.orders.pageInfo.hasNextPage ? card.orders.pageInfo.endCursor : null;
  while (cursor) {
    const page = orderPageResponseSchema.parse(
      await (await h.post('/api/card/orders', { customerId: card.customer.id, after: cursor })).json(),
    );
    orders.push(...page.orders.nodes);
    cursor = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  }
  return { card, orders };
}

async function details(orderId: string) {
  const response = await h.post('/api/card/order', { orderId });
  expect(response.status).toBe(200);
  return orderDetailsSchema.parse(await response.json());
}

describe('shipments, payments and cancellations from the sandbox store, with the default mapping', () => {
  it('flag the order charged twice, and its details list both charges', async () => {
    const { orders } = await everyOrder({ phone: '+447700900123' });
    const twice = orders.find((order) => order.flags?.includes('chargedMoreThanOnce'));
    if (!twice) throw new Error('no order charged twice');
    const order = await details(twice.id);
    const payments = order.fields['order.transactions'] as PaymentTransaction[];
    expect(payments.filter((p) => p.kind === 'SALE' && p.status === 'SUCCESS')).toHaveLength(2);
  });

  it('give each fulfillment its display status, dates and items', async () => {
    const { orders } = await everyOrder({ phone: '+33612345678' });
    const shipments: Shipment[] = [];
    for (const order of orders.slice(0, 12)) shipments.push(...((await details(order.id)).fields['order.shipments'] as Shipment[]));
    const delivered = shipments.find((s) => s.status === 'DELIVERED');
    const moving = shipments.find((s) => s.status === 'IN_TRANSIT');
    expect(delivered?.deliveredAt).toMatch(/^\d{4}-/);
    expect(delivered?.items[0]).toMatch(/^\d+ × \S/);
    expect(moving?.estimatedDeliveryAt).toMatch(/^\d{4}-/);
  });

  it('say when and why a cancelled order was cancelled', async () => {
    for (const phone of ['+14155550123', '+33612345678']) {
      const { orders } = await everyOrder({ phone }).catch(() => ({ orders: [] as OrderSummary[] }));
      const cancelled = orders.find((order) => order.flags?.includes('cancelled'));
      if (!cancelled) continue;
      const cancellation = (await details(cancelled.id)).fields['order.cancellation'] as Cancellation;
      expect(cancellation.at).toMatch(/^\d{4}-/);
      expect(cancellation.reason).toMatch(/^[A-Z]+$/);
      return;
    }
    throw new Error('no cancelled order found');
  });
});
