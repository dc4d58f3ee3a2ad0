/** What makes an order one to look at first, whatever fields the admin chose to show. */
export const orderFlags = ['cancelled', 'onHold', 'partiallyRefunded', 'unfulfilledLong', 'fulfillmentDeclined'] as const;
export type OrderFlag = (typeof orderFlags)[number];

/** An order unfulfilled this long is one the shopper is probably writing about. */
export const UNFULFILLED_LONG_DAYS = 7;

/** What an order's flags are read from: four values Shopify gives as strings (or null). */
export type OrderFlagInputs = {
  createdAt: string | null;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
};

/** The one rule for problem orders: the BFF applies it to every order, the card to shown fields. */
export function problemFlags(order: OrderFlagInputs, now: number): OrderFlag[] {
  const flags: OrderFlag[] = [];
  const fulfillment = order.displayFulfillmentStatus;
  const cancelled = Boolean(order.cancelledAt);
  if (cancelled) flags.push('cancelled');
  if (fulfillment === 'ON_HOLD') flags.push('onHold');
  if (fulfillment === 'REQUEST_DECLINED') flags.push('fulfillmentDeclined');
  if (order.displayFinancialStatus === 'PARTIALLY_REFUNDED') flags.push('partiallyRefunded');
  const placed = Date.parse(order.createdAt ?? '');
  const waiting = fulfillment === 'UNFULFILLED' || fulfillment === 'PARTIALLY_FULFILLED';
  if (waiting && !cancelled && now - placed > UNFULFILLED_LONG_DAYS * 86_400_000) flags.push('unfulfilledLong');
  return flags;
}
