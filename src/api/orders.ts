import { infiniteQueryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { MatchedCard, OrderPage, OrderPageResponse } from '../shared/wire';
import { fetchCard } from './card';
import { orderPageAnswer } from './card-answers';
import { apiRequest } from './http';

export const orderKeys = {
  all: ['orders'] as const,
  /** One customer's history, page by page. */
  customer: (customerId: string) => [...orderKeys.all, customerId] as const,
};

/** `POST /api/card/orders`: the page of a customer's orders after `after`, newest first. */
export function fetchOrderPage(customerId: string, after: string, signal?: AbortSignal): Promise<OrderPageResponse> {
  return apiRequest('/api/card/orders', { method: 'POST', body: { customerId, after }, schema: orderPageAnswer, signal });
}

/** The first page comes with the card open; asked again (after an invalidation) it is the card's again. */
async function fetchFirstPage(customerId: string, signal?: AbortSignal): Promise<OrderPage> {
  const card = await fetchCard({ customerId }, signal);
  return card.state === 'matched' ? card.orders : { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
}

/**
 * A customer's order history, page by page, seeded with the first page the card open brought: the
 * list shows at once, and "Load more" asks only for what comes after it. Pages already loaded stay
 * when the card is fetched again in the background; `restartCustomerOrders` starts over.
 */
export function customerOrdersQueryOptions(card: MatchedCard) {
  const customerId = card.customer.id;
  return infiniteQueryOptions({
    queryKey: orderKeys.customer(customerId),
    queryFn: ({ pageParam, signal }): Promise<OrderPage> =>
      pageParam === null
        ? fetchFirstPage(customerId, signal)
        : fetchOrderPage(customerId, pageParam, signal).then((answer) => answer.orders),
    initialPageParam: null as string | null,
    getNextPageParam: (last: OrderPage) => (last.pageInfo.hasNextPage && last.pageInfo.endCursor ? last.pageInfo.endCursor : undefined),
    initialData: firstPageOnly(card),
    // Pages of past orders do not change under the agent; the card's Refresh starts a new list.
    staleTime: Infinity,
  });
}

function firstPageOnly(card: MatchedCard): InfiniteData<OrderPage, string | null> {
  return { pages: [card.orders], pageParams: [null] };
}

/** After the agent's Refresh: the history starts again from the fresh card's first page. */
export function restartCustomerOrders(queryClient: QueryClient, card: MatchedCard): void {
  queryClient.setQueryData(customerOrdersQueryOptions(card).queryKey, firstPageOnly(card));
}
