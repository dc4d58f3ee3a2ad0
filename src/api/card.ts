import { queryOptions } from '@tanstack/react-query';
import type { CardLookup, CardResponse } from '../shared/wire';
import { cardAnswer } from './card-answers';
import { apiRequest } from './http';

export const cardKeys = {
  all: ['card'] as const,
  lookup: (lookup: CardLookup) => [...cardKeys.all, lookup] as const,
};

/**
 * How soon the card asks again while the BFF says it is still fetching the fresh card (Shopify is
 * late, the last good card is shown). The BFF holds each ask up to 2 s, or answers as soon as the
 * fresh card comes; asking costs Shopify nothing more, since the BFF's one fetch is already under way.
 */
const REFRESHING_POLL_MS = 500;

/** The BFF answered with its last good card and is still fetching the fresh one. */
export function isStillRefreshing(card: CardResponse | undefined): boolean {
  return card?.state === 'matched' && card.stale?.refreshing === true;
}

export function fetchCard(lookup: CardLookup, signal?: AbortSignal): Promise<CardResponse> {
  return apiRequest('/api/card', { method: 'POST', body: lookup, schema: cardAnswer, signal });
}

/** The card for one lookup. */
export function cardQueryOptions(lookup: CardLookup) {
  return queryOptions({
    queryKey: cardKeys.lookup(lookup),
    queryFn: ({ signal }) => fetchCard(lookup, signal),
    // Once an ask fails, the agent decides (Refresh): the last good card stays on screen meanwhile.
    refetchInterval: (query) => (query.state.status === 'success' && isStillRefreshing(query.state.data) ? REFRESHING_POLL_MS : false),
  });
}
