import { queryOptions } from '@tanstack/react-query';
import { cardResponseSchema, type CardLookup, type CardResponse } from '../shared/wire';
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

export function fetchCard(lookup: CardLookup, token: string | null, signal?: AbortSignal): Promise<CardResponse> {
  return apiRequest('/api/card', { method: 'POST', token, body: lookup, schema: cardResponseSchema, signal });
}

/**
 * The card for one lookup. The token only says who is asking and is left out of the key: a token
 * renewed during the conversation must not throw away what is already shown.
 */
export function cardQueryOptions(lookup: CardLookup, token: string | null) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the token authenticates the request; it is not what is asked
  return queryOptions({
    queryKey: cardKeys.lookup(lookup),
    queryFn: ({ signal }) => fetchCard(lookup, token, signal),
    // Once an ask fails, the agent decides (Refresh): the last good card stays on screen meanwhile.
    refetchInterval: (query) => (query.state.status === 'success' && isStillRefreshing(query.state.data) ? REFRESHING_POLL_MS : false),
  });
}
