import { queryOptions } from '@tanstack/react-query';
import type { OrderDetails } from '../shared/wire';
import { orderDetailsAnswer } from './card-answers';
import { apiRequest } from './http';

export const orderDetailsKeys = {
  all: ['order'] as const,
  detail: (orderId: string) => [...orderDetailsKeys.all, orderId] as const,
};

/** `POST /api/card/order`: one order with the order-details fields and its Shopify admin link. */
export function fetchOrderDetails(orderId: string, signal?: AbortSignal): Promise<OrderDetails> {
  return apiRequest('/api/card/order', { method: 'POST', body: { orderId }, schema: orderDetailsAnswer, signal });
}

export function orderDetailsQueryOptions(orderId: string) {
  return queryOptions({
    queryKey: orderDetailsKeys.detail(orderId),
    queryFn: ({ signal }) => fetchOrderDetails(orderId, signal),
  });
}
