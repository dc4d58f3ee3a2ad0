import type { MatchedCard } from '../../shared/wire';

/** Shopify's count, or the orders in hand when the count lags behind them. */
export function orderTotal({ customer, orders }: MatchedCard): number {
  return Math.max(customer.numberOfOrders, orders.nodes.length);
}
