import { queryOptions } from '@tanstack/react-query';
import type { CardLookup, CardResponse } from '../shared/wire';
import { cardAnswer } from './card-answers';
import { cardKeys } from './card-keys';
import { takeEarlyCardResponse } from './early-card';
import { apiRequest } from './http';

export { cardKeys };

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

/**
 * The card for a lookup; the first one adopts the request the boot script started for it, if any. That
 * answer may also carry the first paint the boot script showed, which the card does not keep.
 */
export async function fetchCard(lookup: CardLookup, signal?: AbortSignal): Promise<CardResponse> {
  const card = await apiRequest('/api/card', {
    method: 'POST',
    body: lookup,
    schema: cardAnswer,
    signal,
    started: takeEarlyCardResponse(lookup),
  });
  if ('firstPaint' in card) delete card.firstPaint;
  return card;
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
