import type { EventWrite } from './people-store';

type Node = Record<string, unknown>;
type Money = { amount: string; currencyCode: string };

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const obj = (value: unknown): Node | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
const list = (value: unknown): Node[] => {
  const items = Array.isArray(value) ? value : obj(value)?.nodes;
  return Array.isArray(items) ? items.filter((item): item is Node => obj(item) !== null) : [];
};

function shopMoney(bag: unknown): Money | undefined {
  const money = obj(obj(bag)?.shopMoney);
  const amount = str(money?.amount);
  const currencyCode = str(money?.currencyCode);
  return amount && currencyCode ? { amount, currencyCode } : undefined;
}

/** Shopify's cancel reasons as an admin reads them. */
const cancelReasons: Record<string, string> = {
  CUSTOMER: 'The customer changed or cancelled the order',
  DECLINED: 'The payment was declined',
  FRAUD: 'The order was fraudulent',
  INVENTORY: 'Items were unavailable',
  STAFF: 'Staff error',
  OTHER: 'Other',
};

/**
 * The events one order stands for: placed, each fulfillment, cancelled, each refund. Each is keyed by its own
 * Shopify id (the fulfillment's, the refund's), so reading the order again adds only what is new.
 */
export function orderEvents(order: Node, customerId: string): EventWrite[] {
  const orderId = str(order.id);
  const createdAt = str(order.createdAt);
  if (!orderId || !createdAt) return [];
  const orderName = str(order.name) ?? undefined;
  const named = orderName ? { orderName } : {};
  const events: EventWrite[] = [];
  const total = shopMoney(order.totalPriceSet);
  events.push({
    shopifyCustomerId: customerId,
    kind: 'order_placed',
    sourceId: orderId,
    occurredAt: createdAt,
    data: { ...named, ...(total ? { total } : {}) },
  });
  for (const fulfillment of list(order.fulfillments)) {
    const id = str(fulfillment.id);
    const at = str(fulfillment.createdAt);
    if (id && at) events.push({ shopifyCustomerId: customerId, kind: 'order_fulfilled', sourceId: id, occurredAt: at, data: named });
  }
  const cancelledAt = str(order.cancelledAt);
  if (cancelledAt) {
    const reason = str(order.cancelReason);
    events.push({
      shopifyCustomerId: customerId,
      kind: 'order_cancelled',
      sourceId: orderId,
      occurredAt: cancelledAt,
      data: { ...named, ...(reason ? { reason: cancelReasons[reason] ?? reason } : {}) },
    });
  }
  for (const refund of list(order.refunds)) {
    const id = str(refund.id);
    const at = str(refund.createdAt);
    if (!id || !at) continue;
    const refunded = shopMoney(refund.totalRefundedSet);
    const note = str(refund.note);
    events.push({
      shopifyCustomerId: customerId,
      kind: 'order_refunded',
      sourceId: id,
      occurredAt: at,
      data: { ...named, ...(refunded ? { total: refunded } : {}), ...(note ? { note } : {}) },
    });
  }
  return events;
}

/** An abandoned checkout of a known customer, unless it was completed (recovered) since. */
export function checkoutEvent(checkout: Node): EventWrite | null {
  const id = str(checkout.id);
  const customerId = str(obj(checkout.customer)?.id);
  const createdAt = str(checkout.createdAt);
  if (!id || !customerId || !createdAt || str(checkout.completedAt)) return null;
  const total = shopMoney(checkout.totalPriceSet);
  const items = list(checkout.lineItems).map((item) => {
    const quantity = typeof item.quantity === 'number' ? item.quantity : 1;
    return `${quantity} × ${str(item.title) ?? 'Item'}`;
  });
  const recoveryUrl = str(checkout.abandonedCheckoutUrl);
  return {
    shopifyCustomerId: customerId,
    kind: 'checkout_abandoned',
    sourceId: id,
    occurredAt: createdAt,
    data: { ...(total ? { total } : {}), items, ...(recoveryUrl?.startsWith('https:') ? { recoveryUrl } : {}) },
  };
}
