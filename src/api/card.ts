import { queryOptions } from '@tanstack/react-query';
import { cardResponseSchema, type CardLookup, type CardResponse } from '../shared/wire';
import { apiRequest } from './http';

export const cardKeys = {
  all: ['card'] as const,
  lookup: (lookup: CardLookup) => [...cardKeys.all, lookup] as const,
};

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
  });
}
